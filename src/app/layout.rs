//! Where things are on screen, as pure arithmetic on the terminal size: the two panes, the
//! status and hint lines, the rows of a pane's list and the transfer queue panel. The view
//! draws into these areas and `update` maps mouse positions through the same functions, so
//! the two cannot disagree.

use super::model::CHROME_ROWS;

/// A rectangle of cells (like ratatui's `Rect`, which `app` does not import).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub fn contains(&self, column: u16, row: u16) -> bool {
        (self.x..self.x.saturating_add(self.width)).contains(&column)
            && (self.y..self.y.saturating_add(self.height)).contains(&row)
    }

    pub fn bottom(&self) -> u16 {
        self.y.saturating_add(self.height)
    }

    /// Which of `height` rows from the top `row` is, when inside.
    pub fn row_of(&self, column: u16, row: u16) -> Option<usize> {
        self.contains(column, row)
            .then(|| usize::from(row - self.y))
    }
}

/// The screen outside overlays: both panes, the status line and the hint bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Both panes together (where the queue and shares panels go).
    pub panes: Area,
    pub left: Area,
    pub right: Area,
    pub status: Area,
    pub hints: Area,
}

pub fn screen(width: u16, height: u16) -> Screen {
    let panes_h = height.saturating_sub(CHROME_ROWS - 3);
    let at = |y, height| Area {
        x: 0,
        y,
        width,
        height,
    };
    let left_w = width / 2;
    Screen {
        panes: at(0, panes_h),
        left: Area {
            width: left_w,
            ..at(0, panes_h)
        },
        right: Area {
            x: left_w,
            width: width - left_w,
            ..at(0, panes_h)
        },
        status: at(panes_h, height.min(1)),
        hints: at(
            panes_h.saturating_add(1),
            height.saturating_sub(panes_h + 1).min(1),
        ),
    }
}

/// The entry rows of a pane drawn in `pane`: inside its border, below the column header.
pub fn pane_list(pane: Area) -> Area {
    Area {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(2),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(3),
    }
}

/// The transfer queue panel at the bottom of the panes' area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueuePanel {
    /// The panel with its border.
    pub area: Area,
    /// The job rows (below them, the details when they show).
    pub list: Area,
    /// The index of the job on the list's first row.
    pub offset: usize,
}

/// The queue panel over `panes` for `jobs` jobs with the cursor on `cursor`, when the
/// selected job's details take `detail_rows` lines: about three fifths of the height, grown
/// for the details when the list would lose rows to them; the details get at most half the
/// inside.
pub fn queue_panel(panes: Area, jobs: usize, cursor: usize, detail_rows: usize) -> QueuePanel {
    let usual = (panes.height * 3 / 5).max(6);
    let list = jobs.min(usize::from(usual.saturating_sub(2)));
    let needed = u16::try_from(list + detail_rows + 2).unwrap_or(u16::MAX);
    let h = usual.max(needed).min(panes.height);
    let area = Area {
        y: panes.bottom() - h,
        height: h,
        ..panes
    };
    let inner = usize::from(h.saturating_sub(2));
    let visible = inner.saturating_sub(detail_rows.min(inner / 2)).max(1);
    QueuePanel {
        area,
        list: Area {
            x: area.x.saturating_add(1),
            y: area.y.saturating_add(1),
            width: area.width.saturating_sub(2),
            height: u16::try_from(visible.min(inner)).unwrap_or(0),
        },
        offset: cursor.saturating_sub(visible.saturating_sub(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panes_split_the_width_and_leave_two_rows_below() {
        let s = screen(81, 24);
        assert_eq!((s.left.width, s.right.x, s.right.width), (40, 40, 41));
        assert_eq!((s.panes.height, s.status.y, s.hints.y), (22, 22, 23));
        let list = pane_list(s.right);
        assert_eq!((list.x, list.y, list.width, list.height), (41, 2, 39, 19));
        assert_eq!(usize::from(list.height), 24 - usize::from(CHROME_ROWS));
    }

    #[test]
    fn areas_contain_their_cells_only() {
        let a = Area {
            x: 2,
            y: 3,
            width: 4,
            height: 2,
        };
        assert!(a.contains(2, 3) && a.contains(5, 4));
        assert!(!a.contains(6, 4) && !a.contains(2, 5) && !a.contains(1, 3));
        assert_eq!(a.row_of(3, 4), Some(1));
        assert_eq!(a.row_of(3, 5), None);
    }

    #[test]
    fn the_queue_panel_sits_at_the_bottom_and_scrolls_with_the_cursor() {
        let panes = screen(100, 30).panes;
        let p = queue_panel(panes, 40, 0, 0);
        assert_eq!((p.area.y, p.area.height), (28 - 16, 16));
        assert_eq!((p.list.y, p.list.height, p.offset), (13, 14, 0));
        assert_eq!(queue_panel(panes, 40, 20, 0).offset, 7);
        // Details grow the panel when the list would lose rows to them…
        let grown = queue_panel(panes, 40, 20, 6);
        assert_eq!(
            (grown.area.height, grown.list.height, grown.offset),
            (22, 14, 7)
        );
        // …up to the panes' height, where they take at most half the inside.
        let tall = queue_panel(panes, 40, 20, 30);
        assert_eq!(
            (tall.area.height, tall.list.height, tall.offset),
            (28, 13, 8)
        );
        // A short list keeps the usual height.
        let short = queue_panel(panes, 8, 7, 6);
        assert_eq!(
            (short.area.height, short.list.height, short.offset),
            (16, 8, 0)
        );
    }
}
