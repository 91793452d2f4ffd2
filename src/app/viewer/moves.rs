//! Moving the screen: by rows (wrapped rows count), to the top, to the end, to a byte. Text
//! moves walk segments from the windows at hand and stop where one is missing, naming it;
//! hex moves are arithmetic. Scrolling down stops when the end of the file is on the last row.

use super::lines::{prev_start, start_at};
use super::{Geometry, Top, Viewer};

impl Viewer {
    /// Moves `delta` rows; `Some(window)` when the move stopped short for want of it.
    pub fn scroll(&mut self, delta: isize, geo: Geometry) -> Option<u64> {
        if self.hex {
            let per_row = self.per_row(geo);
            let rows = self.size().div_ceil(per_row);
            let last = rows.saturating_sub(geo.rows as u64);
            let now = self.top.at / per_row;
            let to = now.saturating_add_signed(delta as i64).min(last);
            self.top = Top {
                at: to * per_row,
                row: 0,
            };
            return None;
        }
        match delta >= 0 {
            true => self.down(delta.unsigned_abs(), geo),
            false => self.up(delta.unsigned_abs(), geo).err(),
        }
    }

    fn down(&mut self, n: usize, geo: Geometry) -> Option<u64> {
        let need = n + geo.rows;
        let mut rows: Vec<Top> = Vec::with_capacity(need);
        let (mut at, mut first_row) = (self.top.at, self.top.row);
        let mut missing = None;
        while rows.len() < need && at < self.size() {
            let (seg, cells) = match self.segment_cells(at) {
                Ok(found) => found,
                Err(m) => {
                    missing = Some(m);
                    break;
                }
            };
            let count = self.layout(&cells, geo.width).len();
            rows.extend((first_row..count).map(|row| Top { at, row }));
            first_row = 0;
            at = seg.end;
        }
        let k = n.min(rows.len().saturating_sub(geo.rows));
        if k > 0 {
            self.top = rows[k];
        }
        missing
    }

    fn up(&mut self, n: usize, geo: Geometry) -> Result<(), u64> {
        if self.top.row >= n {
            self.top.row -= n;
            return Ok(());
        }
        let mut left = n - self.top.row;
        self.top.row = 0;
        while left > 0 && self.top.at > 0 {
            let prev = prev_start(&self.windows, self.top.at)?;
            let (_, cells) = self.segment_cells(prev)?;
            let count = self.layout(&cells, geo.width).len();
            let row = count.saturating_sub(left);
            left = left.saturating_sub(count);
            self.top = Top { at: prev, row };
        }
        Ok(())
    }

    pub fn to_top(&mut self) {
        self.top = Top::default();
    }

    /// The last screenful; `Err(window)` while a window it needs is missing.
    pub fn to_bottom(&mut self, geo: Geometry) -> Result<(), u64> {
        if self.hex {
            let per_row = self.per_row(geo);
            let rows = self.size().div_ceil(per_row);
            self.top = Top {
                at: rows.saturating_sub(geo.rows as u64) * per_row,
                row: 0,
            };
            return Ok(());
        }
        let mut left = geo.rows;
        let mut at = self.size();
        let mut top = Top::default();
        while at > 0 {
            let prev = prev_start(&self.windows, at)?;
            let (_, cells) = self.segment_cells(prev)?;
            let count = self.layout(&cells, geo.width).len();
            if count >= left {
                top = Top {
                    at: prev,
                    row: count - left,
                };
                break;
            }
            left -= count;
            at = prev;
        }
        self.top = top;
        Ok(())
    }

    /// The screen from the line (or hex row) holding byte `pos`.
    pub fn to_byte(&mut self, pos: u64, geo: Geometry) -> Result<(), u64> {
        let at = match self.hex {
            true => pos / self.per_row(geo) * self.per_row(geo),
            false => start_at(&self.windows, pos)?,
        };
        self.top = Top { at, row: 0 };
        Ok(())
    }

    /// After a switch between text and hex, or a new width: the screen starts where a row
    /// of the new layout starts.
    pub fn realign(&mut self, geo: Geometry) -> Result<(), u64> {
        self.to_byte(self.top.at, geo)
    }

    pub fn per_row(&self, geo: Geometry) -> u64 {
        Self::hex_row_bytes(geo.width + geo.gutter)
    }
}
