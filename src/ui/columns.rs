//! The widths of a pane's columns: the name, the folder each entry is in (only for listings
//! gathered from many folders: search results, the trash), the size, and the modification
//! time where there is room. Rows and the header line up from the same widths.

use super::format;

pub const SIZE_W: usize = 9;
/// The mark gutter before the name.
const GUTTER: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub name: usize,
    /// 0 = no folder column.
    pub folder: usize,
    /// The time column's width; 0 = no time column.
    pub time: usize,
}

impl Columns {
    /// Columns for a pane `width` cells wide inside its border, with times `time_w` cells
    /// wide (as the date pattern prints them).
    pub fn of(width: usize, gathered: bool, time_w: usize) -> Columns {
        let time_w = time_w.max("Modified".len());
        let shown = match gathered {
            // The folder says more than the time here: the time comes only with room to spare.
            true => width >= 62 + time_w,
            false => width >= GUTTER + 12 + SIZE_W + time_w + 2,
        };
        let time = if shown { time_w } else { 0 };
        let rest = width.saturating_sub(GUTTER + 1 + SIZE_W + if shown { time + 1 } else { 0 });
        let folder = match gathered && rest >= 20 {
            true => (rest * 2 / 5).clamp(8, 40),
            false => 0,
        };
        let name = rest.saturating_sub(if folder > 0 { folder + 1 } else { 0 });
        Columns { name, folder, time }
    }

    pub fn header(&self, sort_label: &str) -> String {
        let mut line = format!("  {:<w$}", format!("Name ({sort_label})"), w = self.name);
        if self.folder > 0 {
            line.push_str(&format!(" {:<w$}", "Folder", w = self.folder));
        }
        line.push_str(&format!(" {:>SIZE_W$}", "Size"));
        if self.time > 0 {
            line.push_str(&format!(" {:>w$}", "Modified", w = self.time));
        }
        line
    }

    /// One row: `name` (already cut to fit), `folder` (cut here), `size`, `time`.
    pub fn row(&self, mark: &str, name: &str, folder: &str, size: &str, time: &str) -> String {
        let pad = self.name.saturating_sub(format::width(name));
        let mut line = format!("{mark}{name}{:pad$}", "");
        if self.folder > 0 {
            let folder = format::shorten_path(folder, self.folder);
            let pad = self.folder.saturating_sub(format::width(&folder));
            line.push_str(&format!(" {folder}{:pad$}", ""));
        }
        line.push_str(&format!(" {size:>SIZE_W$}"));
        if self.time > 0 {
            line.push_str(&format!(" {time:>w$}", w = self.time));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The time column for the default date pattern (`2024-05-01 12:30`).
    const TIME_W: usize = 16;

    #[test]
    fn gathered_listings_give_the_folder_room_before_the_time() {
        // 80 columns: 38 inside each pane.
        assert_eq!(
            Columns::of(38, false, TIME_W),
            Columns {
                name: 26,
                folder: 0,
                time: 0
            }
        );
        let narrow = Columns::of(38, true, TIME_W);
        assert_eq!((narrow.name, narrow.folder, narrow.time), (15, 10, 0));
        // 120 columns: 58 inside; 200 columns: 98.
        assert!(Columns::of(58, false, TIME_W).time > 0);
        assert!(!Columns::of(58, true, TIME_W).time > 0);
        let wide = Columns::of(98, true, TIME_W);
        assert!(
            wide.time == TIME_W && wide.folder >= 25 && wide.name >= 35,
            "{wide:?}"
        );
        for (w, gathered) in [(38, true), (58, true), (98, true), (58, false), (38, false)] {
            let c = Columns::of(w, gathered, TIME_W);
            let row = c.row(
                "  ",
                "a",
                "/照片/2023 旅行 🌴/三亚/第一天/海边 🌊",
                "1 B",
                "",
            );
            assert_eq!(format::width(&row), w, "{w}");
            assert_eq!(
                format::width(&c.header("name↑")),
                format::width(&row),
                "{w}"
            );
        }
    }
}
