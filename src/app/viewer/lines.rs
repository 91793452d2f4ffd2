//! Where lines start, from whatever windows are at hand, without reading the file from its
//! start: a segment ends after a newline, or — so a line without newlines can't make a
//! segment unbounded — at a multiple of [`CHUNK`] that is at least `CHUNK` past its start.
//! The rule looks at most `3 × CHUNK` bytes back, so scrolling up from the middle of a huge
//! file finds the same segments as scrolling down did. A multi-byte character cut by such a
//! forced break shows as U+FFFD on both sides.

use crate::fs::read::{WINDOW, Windows};

/// The longest run of bytes without a newline shown as one line is below `2 × CHUNK`.
pub const CHUNK: u64 = 8 << 10;

/// One line (or piece of a very long one): bytes `[start, end)`, its text `[start, text_end)`
/// (without the newline and a carriage return before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub start: u64,
    pub end: u64,
    pub text_end: u64,
    /// It ended at a newline (a forced break or the end of the file otherwise).
    pub newline: bool,
}

/// `Err(window)`: that window is needed and not held.
pub type Need<T> = Result<T, u64>;

/// The segment starting at `start` (a segment start below the file's size).
pub fn segment(w: &Windows, start: u64) -> Need<Segment> {
    let size = w.size();
    let forced = (start + CHUNK).div_ceil(CHUNK) * CHUNK;
    let limit = forced.min(size);
    let mut at = start;
    while at < limit {
        let index = at / WINDOW;
        let bytes = w.get(index).ok_or(index)?;
        let base = index * WINDOW;
        let to = limit.min(base + bytes.len() as u64);
        let piece = &bytes[(at - base) as usize..(to - base) as usize];
        if let Some(i) = piece.iter().position(|&b| b == b'\n') {
            let nl = at + i as u64;
            let cr = nl > start && w.byte(nl - 1) == Some(b'\r');
            return Ok(Segment {
                start,
                end: nl + 1,
                text_end: if cr { nl - 1 } else { nl },
                newline: true,
            });
        }
        if to <= at {
            break;
        }
        at = to;
    }
    Ok(Segment {
        start,
        end: limit,
        text_end: limit,
        newline: false,
    })
}

/// The start of the segment before the one starting at `pos` (the largest start below `pos`);
/// `pos` may be the file's size.
pub fn prev_start(w: &Windows, pos: u64) -> Need<u64> {
    if pos <= 1 {
        return Ok(0);
    }
    let lo = (pos - 1).saturating_sub(3 * CHUNK);
    let mut newline_after = None;
    let mut i = pos - 1;
    'scan: while i > lo {
        let index = (i - 1) / WINDOW;
        let bytes = w.get(index).ok_or(index)?;
        let base = index * WINDOW;
        let from = lo.max(base);
        let piece = &bytes[(from - base) as usize..(i - base) as usize];
        if let Some(k) = piece.iter().rposition(|&b| b == b'\n') {
            newline_after = Some(from + k as u64 + 1);
            break 'scan;
        }
        i = from;
    }
    // No newline in `[base, pos - 1)`; `base` is a segment start unless the scan ran out.
    let base = newline_after.unwrap_or(lo);
    let forced = (pos - 1) / CHUNK * CHUNK;
    if forced > 0 && forced >= base + CHUNK {
        return Ok(forced);
    }
    Ok(base)
}

/// The start of the segment holding byte `pos`.
pub fn start_at(w: &Windows, pos: u64) -> Need<u64> {
    prev_start(w, pos.min(w.size().saturating_sub(1)) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(bytes: &[u8]) -> Windows {
        let mut w = Windows::new(bytes.len() as u64, 64);
        w.insert(0, &bytes.to_vec().into());
        w
    }

    /// Every segment start, walking forward from 0.
    fn forward(w: &Windows) -> Vec<u64> {
        let mut starts = vec![];
        let mut at = 0;
        while at < w.size() {
            starts.push(at);
            at = segment(w, at).unwrap().end;
        }
        starts
    }

    fn backward(w: &Windows) -> Vec<u64> {
        let mut starts = vec![];
        let mut at = w.size();
        while at > 0 {
            at = prev_start(w, at).unwrap();
            starts.push(at);
        }
        starts.reverse();
        starts
    }

    #[test]
    fn lines_and_carriage_returns() {
        let w = held(b"ab\r\ncd\n\nlast");
        let s = segment(&w, 0).unwrap();
        assert_eq!((s.end, s.text_end, s.newline), (4, 2, true));
        assert_eq!(forward(&w), vec![0, 4, 7, 8]);
        assert_eq!(backward(&w), forward(&w));
        let last = segment(&w, 8).unwrap();
        assert_eq!((last.end, last.newline), (12, false));
        assert_eq!(start_at(&w, 5).unwrap(), 4);
        assert_eq!(start_at(&w, 7).unwrap(), 7);
        let w = held(b"one\ntwo\n");
        assert_eq!(
            forward(&w),
            vec![0, 4],
            "no empty line after the last newline"
        );
        assert_eq!(backward(&w), vec![0, 4]);
    }

    #[test]
    fn long_lines_break_at_the_same_places_both_ways() {
        let mut text = b"short\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', 5 * CHUNK as usize + 123));
        text.extend_from_slice(b"\nmid\n");
        text.extend(std::iter::repeat_n(b'y', 3 * CHUNK as usize));
        let w = held(&text);
        let fw = forward(&w);
        assert_eq!(fw, backward(&w));
        for pair in fw.windows(2) {
            assert!(pair[1] - pair[0] < 2 * CHUNK, "{fw:?}");
        }
        assert_eq!(&fw[..3], &[0, 6, 2 * CHUNK]);
        for &s in &fw {
            assert_eq!(start_at(&w, s).unwrap(), s);
            assert_eq!(start_at(&w, s + 1).unwrap(), s, "{s}");
        }
    }

    #[test]
    fn a_missing_window_is_named() {
        let size = 3 * WINDOW;
        let mut w = Windows::new(size, 8);
        let mut line = vec![b'a'; 1023];
        line.push(b'\n');
        w.insert(WINDOW, &line.repeat(256).into());
        assert_eq!(segment(&w, 2 * WINDOW - 1024).unwrap().end, 2 * WINDOW);
        assert_eq!(segment(&w, 2 * WINDOW), Err(2));
        assert_eq!(prev_start(&w, WINDOW + 10), Err(0));
    }
}
