//! Line numbers without reading the whole file: the newlines of every window that ever
//! arrived are counted (4 bytes a window, kept when the window itself is dropped), and a line
//! number is known wherever every window before it was counted. Past that, positions are
//! byte offsets, as `less` shows for a file it has not read through.

use crate::fs::read::WINDOW;
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    counts: HashMap<u64, u32>,
    /// `prefix[i]`: newlines in windows `0..i`, for every `i` up to the first uncounted window.
    prefix: Vec<u64>,
}

impl LineIndex {
    pub fn new() -> Self {
        Self {
            counts: HashMap::new(),
            prefix: vec![0],
        }
    }

    /// Counts window `index` (its bytes).
    pub fn add(&mut self, index: u64, bytes: &[u8]) {
        let n = bytes.iter().filter(|&&b| b == b'\n').count() as u32;
        self.counts.insert(index, n);
        while let Some(&n) = self.counts.get(&(self.prefix.len() as u64 - 1)) {
            let last = self.prefix.last().copied().unwrap_or(0);
            self.prefix.push(last + u64::from(n));
        }
    }

    /// Windows `0..counted()` are all counted.
    pub fn counted(&self) -> u64 {
        self.prefix.len() as u64 - 1
    }

    /// The 1-based line that byte `pos` is on, given the bytes of its window up to `pos`
    /// (`before`); `None` while an earlier window is uncounted.
    pub fn line_at(&self, pos: u64, before: &[u8]) -> Option<u64> {
        let done = self.prefix.get((pos / WINDOW) as usize)?;
        let here = before.iter().filter(|&&b| b == b'\n').count() as u64;
        Some(done + here + 1)
    }

    /// Lines in a file of `windows` windows once all are counted (`ends_in_newline`: its last
    /// byte is a newline, so no line follows it).
    pub fn total(&self, windows: u64, ends_in_newline: bool) -> Option<u64> {
        if self.counted() < windows {
            return None;
        }
        let newlines = self.prefix.last().copied().unwrap_or(0);
        Some(if ends_in_newline {
            newlines
        } else {
            newlines + 1
        })
    }

    /// The window where line `line` (1-based) starts and the newlines before that window,
    /// if the counted windows reach it.
    pub fn window_of_line(&self, line: u64) -> Option<(u64, u64)> {
        let want = line.saturating_sub(1);
        if want == 0 {
            return Some((0, 0));
        }
        // The line starts after newline number `want`: in the first window whose running
        // count reaches it.
        let i = self.prefix.partition_point(|&n| n < want);
        (i < self.prefix.len()).then(|| (i as u64 - 1, self.prefix[i - 1]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_known_only_after_every_earlier_window() {
        let mut ix = LineIndex::new();
        let w = vec![b'\n'; 3];
        ix.add(1, &w);
        assert_eq!(ix.counted(), 0);
        assert_eq!(ix.line_at(WINDOW + 5, b"\n"), None);
        assert_eq!(ix.line_at(5, b"a\nb"), Some(2));
        ix.add(0, b"x\ny\n");
        assert_eq!(ix.counted(), 2);
        assert_eq!(ix.line_at(WINDOW + 2, b"\n\n"), Some(2 + 2 + 1));
        assert_eq!(ix.total(2, true), Some(5));
        assert_eq!(ix.total(3, true), None);
        assert_eq!(ix.window_of_line(1), Some((0, 0)));
        assert_eq!(
            ix.window_of_line(3),
            Some((0, 0)),
            "after the 2nd newline: window 0"
        );
        assert_eq!(
            ix.window_of_line(4),
            Some((1, 2)),
            "after the 3rd: window 1"
        );
        assert_eq!(ix.window_of_line(6), Some((1, 2)));
        assert_eq!(ix.window_of_line(7), None, "beyond what was counted");
    }
}
