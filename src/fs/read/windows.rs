//! [`Windows`]: the pieces of one file read so far, aligned on [`WINDOW`] bytes, at most a
//! fixed number kept (least recently used go first). Pure data, no I/O: the caller asks for
//! what is missing and puts the answers in.

use bytes::Bytes;
use std::collections::HashMap;

/// Bytes per window: one `Range` request each.
pub const WINDOW: u64 = 256 << 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Windows {
    size: u64,
    max: usize,
    clock: u64,
    held: HashMap<u64, (Bytes, u64)>,
}

impl Windows {
    /// For a file of `size` bytes, keeping at most `max` windows (at least 2).
    pub fn new(size: u64, max: usize) -> Self {
        Self {
            size,
            max: max.max(2),
            clock: 0,
            held: HashMap::new(),
        }
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The file turned out to have another size: what was read no longer fits together.
    pub fn resize(&mut self, size: u64) {
        if size != self.size {
            self.size = size;
            self.held.clear();
        }
    }

    /// Windows in the file.
    pub fn count(&self) -> u64 {
        self.size.div_ceil(WINDOW)
    }

    /// Where window `index` starts and how long it is.
    pub fn span(&self, index: u64) -> (u64, u64) {
        let start = index * WINDOW;
        (start, WINDOW.min(self.size.saturating_sub(start)))
    }

    pub fn index_of(pos: u64) -> u64 {
        pos / WINDOW
    }

    pub fn has(&self, index: u64) -> bool {
        self.held.contains_key(&index)
    }

    pub fn get(&self, index: u64) -> Option<&Bytes> {
        self.held.get(&index).map(|(b, _)| b)
    }

    /// Marks window `index` as just used (it is evicted last).
    pub fn touch(&mut self, index: u64) {
        self.clock += 1;
        if let Some((_, used)) = self.held.get_mut(&index) {
            *used = self.clock;
        }
    }

    /// Bytes held in memory.
    pub fn held_bytes(&self) -> usize {
        self.held.values().map(|(b, _)| b.len()).sum()
    }

    /// Stores the whole windows in `bytes` read from `start`; returns the indices stored. A
    /// piece that does not fill its window (except the file's last) is dropped.
    pub fn insert(&mut self, start: u64, bytes: &Bytes) -> Vec<u64> {
        let mut stored = Vec::new();
        let end = start + bytes.len() as u64;
        let mut index = start.div_ceil(WINDOW);
        loop {
            let (from, len) = self.span(index);
            if len == 0 || from + len > end {
                break;
            }
            let at = (from - start) as usize;
            self.clock += 1;
            let piece = bytes.slice(at..at + len as usize);
            self.held.insert(index, (piece, self.clock));
            stored.push(index);
            index += 1;
        }
        self.evict();
        stored
    }

    /// The byte at `pos`, if its window is held.
    pub fn byte(&self, pos: u64) -> Option<u8> {
        let (index, off) = (pos / WINDOW, pos % WINDOW);
        self.get(index)?.get(off as usize).copied()
    }

    /// Bytes `[from, to)` if every window they touch is held; else the first missing window.
    pub fn slice(&self, from: u64, to: u64) -> Result<std::borrow::Cow<'_, [u8]>, u64> {
        let to = to.min(self.size);
        if from >= to {
            return Ok(std::borrow::Cow::Borrowed(&[]));
        }
        let (first, last) = (from / WINDOW, (to - 1) / WINDOW);
        let piece = |i: u64| self.get(i).ok_or(i);
        if first == last {
            let w = piece(first)?;
            let base = first * WINDOW;
            return Ok(std::borrow::Cow::Borrowed(
                &w[(from - base) as usize..(to - base) as usize],
            ));
        }
        let mut out = Vec::with_capacity((to - from) as usize);
        for i in first..=last {
            let w = piece(i)?;
            let base = i * WINDOW;
            let lo = from.max(base) - base;
            let hi = to.min(base + w.len() as u64) - base;
            out.extend_from_slice(&w[lo as usize..hi as usize]);
        }
        Ok(std::borrow::Cow::Owned(out))
    }

    fn evict(&mut self) {
        while self.held.len() > self.max {
            let oldest = self.held.iter().min_by_key(|(_, (_, used))| *used);
            let Some((&index, _)) = oldest else { return };
            self.held.remove(&index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(n: usize) -> Bytes {
        (0..n).map(|i| (i % 251) as u8).collect::<Vec<u8>>().into()
    }

    #[test]
    fn whole_windows_are_kept_and_the_least_used_go_first() {
        let size = 3 * WINDOW + 10;
        let mut w = Windows::new(size, 2);
        assert_eq!(w.count(), 4);
        let all = data(size as usize);
        assert_eq!(w.insert(0, &all.slice(..WINDOW as usize + 5)), vec![0]);
        assert!(!w.has(1), "a part of window 1 is not kept");
        w.insert(WINDOW, &all.slice(WINDOW as usize..2 * WINDOW as usize));
        w.touch(0);
        let tail = all.slice(3 * WINDOW as usize..);
        assert_eq!(
            w.insert(3 * WINDOW, &tail),
            vec![3],
            "the short last window"
        );
        assert!(w.has(0) && !w.has(1) && w.has(3), "window 1 was least used");
        assert_eq!(w.byte(3 * WINDOW + 9), Some(all[3 * WINDOW as usize + 9]));
        assert_eq!(w.byte(WINDOW), None);
        assert!(w.held_bytes() <= 2 * WINDOW as usize);
    }

    #[test]
    fn slices_across_windows_or_the_missing_one() {
        let size = 2 * WINDOW;
        let all = data(size as usize);
        let mut w = Windows::new(size, 4);
        w.insert(0, &all);
        let s = w.slice(WINDOW - 3, WINDOW + 2).unwrap();
        assert_eq!(&s[..], &all[WINDOW as usize - 3..WINDOW as usize + 2]);
        assert_eq!(&w.slice(5, 9).unwrap()[..], &all[5..9]);
        assert_eq!(w.slice(size - 1, size + 50).unwrap().len(), 1);
        let mut w = Windows::new(size, 4);
        w.insert(0, &all.slice(..WINDOW as usize));
        assert_eq!(w.slice(WINDOW - 3, WINDOW + 2), Err(1));
        w.resize(size + 1);
        assert!(!w.has(0), "a new size drops what was read");
    }
}
