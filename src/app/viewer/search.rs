//! Work that may need windows not read yet: a search (forward or back, line by line in the
//! decoded text with smart case; in a hex dump, the query's UTF-8 bytes), going to a line,
//! and showing the end. [`Viewer::run_task`] goes as far as the windows at hand allow and
//! names the next window it needs; the caller reads that one (one at a time, so a search
//! through a big file reads politely) and runs it again when the window arrives. Any other
//! command drops the task.

use super::lines::{prev_start, segment};
use super::{Geometry, Top, Viewer};
use crate::fs::read::{WINDOW, sniff};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    Search {
        query: String,
        backward: bool,
        /// Forward: the next segment (or byte) to look at; back: look before it.
        at: u64,
        /// Where it began, for the progress shown.
        from: u64,
    },
    /// Go to this line (1-based).
    Line(u64),
    /// Show the end of the file.
    Bottom,
    /// Show the line holding this byte.
    Byte(u64),
}

/// Where the last search found its query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Chars `from..to` of the decoded segment starting at `seg`.
    Text {
        seg: u64,
        from: usize,
        to: usize,
    },
    Bytes {
        from: u64,
        to: u64,
    },
}

impl Viewer {
    /// Starts a search for `query` from the screen (or the last hit) on.
    pub fn start_search(&mut self, query: String, backward: bool) {
        let at = match (self.hit, backward) {
            (Some(Hit::Text { seg, .. }), false) => segment(&self.windows, seg)
                .map(|s| s.end)
                .unwrap_or(seg + 1),
            (Some(Hit::Text { seg, .. }), true) => seg,
            (Some(Hit::Bytes { from, .. }), false) => from + 1,
            (Some(Hit::Bytes { from, .. }), true) => from,
            (None, _) => self.top.at,
        };
        self.query = Some(query.clone());
        self.note = None;
        self.task = Some(Task::Search {
            query,
            backward,
            at,
            from: at,
        });
    }

    /// Runs the task as far as it can; `Some(window)` when it waits for one.
    pub fn run_task(&mut self, geo: Geometry) -> Option<u64> {
        let task = self.task.take()?;
        let result = match &task {
            Task::Bottom => self.to_bottom(geo).map(|()| None).map_err(|w| (w, 0)),
            Task::Byte(pos) => self.to_byte(*pos, geo).map(|()| None).map_err(|w| (w, 0)),
            Task::Line(n) => self.go_line(*n, geo),
            Task::Search {
                query,
                backward,
                at,
                ..
            } => self.search(query, *backward, *at, geo),
        };
        match result {
            Ok(note) => {
                self.note = note;
                None
            }
            Err((window, at)) => {
                self.task = Some(match task {
                    Task::Search {
                        query,
                        backward,
                        from,
                        ..
                    } => Task::Search {
                        query,
                        backward,
                        at,
                        from,
                    },
                    other => other,
                });
                Some(window)
            }
        }
    }

    /// `Err((window, where to go on from))`.
    fn search(
        &mut self,
        query: &str,
        backward: bool,
        mut at: u64,
        geo: Geometry,
    ) -> Result<Option<String>, (u64, u64)> {
        let size = self.size();
        let needle = query.as_bytes();
        loop {
            if (!backward && at >= size) || (backward && at == 0) {
                let end = if backward { "start" } else { "end" };
                return Ok(Some(format!("“{query}” not found (searched to the {end})")));
            }
            let found = match (self.hex, backward) {
                (true, false) => {
                    let next = (at / WINDOW + 1) * WINDOW;
                    let end = (next + needle.len() as u64).min(size);
                    let hay = self.windows.slice(at, end).map_err(|w| (w, at))?;
                    let found = find_bytes(&hay, needle).map(|i| at + i as u64);
                    at = next;
                    found.map(|from| Hit::Bytes {
                        from,
                        to: from + needle.len() as u64,
                    })
                }
                (true, true) => {
                    let start = (at - 1) / WINDOW * WINDOW;
                    let end = (at + needle.len() as u64 - 1).min(size);
                    let hay = self.windows.slice(start, end).map_err(|w| (w, at))?;
                    let found = rfind_bytes(&hay, needle)
                        .map(|i| start + i as u64)
                        .filter(|&p| p < at);
                    at = start;
                    found.map(|from| Hit::Bytes {
                        from,
                        to: from + needle.len() as u64,
                    })
                }
                (false, _) => {
                    let seg_at = match backward {
                        true => prev_start(&self.windows, at).map_err(|w| (w, at))?,
                        false => at,
                    };
                    let seg = segment(&self.windows, seg_at).map_err(|w| (w, at))?;
                    let bytes = self.windows.slice(seg.start, seg.text_end);
                    let bytes = bytes.map_err(|w| (w, at))?;
                    let text = sniff::decode(self.encoding(), &bytes);
                    at = if backward { seg.start } else { seg.end };
                    find_text(&text, query).map(|(from, to)| Hit::Text {
                        seg: seg.start,
                        from,
                        to,
                    })
                }
            };
            if let Some(hit) = found {
                self.show_hit(hit, geo);
                return Ok(None);
            }
        }
    }

    fn show_hit(&mut self, hit: Hit, geo: Geometry) {
        self.hit = Some(hit);
        match hit {
            Hit::Bytes { from, .. } => {
                let per_row = self.per_row(geo);
                self.top = Top {
                    at: from / per_row * per_row,
                    row: 0,
                };
            }
            Hit::Text { seg, from, .. } => {
                let row = match self.segment_cells(seg) {
                    Ok((_, cells)) => self
                        .layout(&cells, geo.width)
                        .iter()
                        .position(|(r, _)| cells[r.clone()].iter().any(|c| c.char_at >= from))
                        .unwrap_or(0),
                    Err(_) => 0,
                };
                let row = if self.wrap { row } else { 0 };
                self.top = Top { at: seg, row };
            }
        }
    }

    fn go_line(&mut self, line: u64, geo: Geometry) -> Result<Option<String>, (u64, u64)> {
        let count = self.windows.count();
        let Some((window, before)) = self.index.window_of_line(line) else {
            if self.index.counted() >= count {
                return self.past_the_end(geo);
            }
            let next = self.index.counted();
            return Err((next, 0));
        };
        if line <= 1 {
            self.to_top();
            return Ok(None);
        }
        let bytes = self.windows.get(window).ok_or((window, 0))?;
        let k = (line - 1 - before) as usize;
        let nl = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(k - 1)
            .map(|(i, _)| i as u64);
        match nl.map(|i| window * WINDOW + i + 1) {
            Some(at) if at < self.size() => {
                self.hex = false;
                self.top = Top { at, row: 0 };
                Ok(None)
            }
            _ => self.past_the_end(geo),
        }
    }

    fn past_the_end(&mut self, geo: Geometry) -> Result<Option<String>, (u64, u64)> {
        let last = self.windows.size().saturating_sub(1);
        let ends_in_newline = self.windows.byte(last) == Some(b'\n');
        let lines = self.index.total(self.windows.count(), ends_in_newline);
        self.to_bottom(geo).map_err(|w| (w, 0))?;
        Ok(lines.map(|n| format!("The file has {n} lines")))
    }
}

/// Chars `from..to` of `hay` matching `needle`; case is ignored unless `needle` has capitals.
pub fn find_text(hay: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let fold = !needle.chars().any(char::is_uppercase);
    let norm = |c: char| match fold {
        true => c.to_lowercase().next().unwrap_or(c),
        false => c,
    };
    let h: Vec<char> = hay.chars().map(norm).collect();
    let n: Vec<char> = needle.chars().map(norm).collect();
    h.windows(n.len())
        .position(|w| w == n.as_slice())
        .map(|i| (i, i + n.len()))
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}
