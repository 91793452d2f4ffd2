//! The little state clicks need: the last click, to tell a double click from two clicks. The
//! switch is `Settings::mouse` (off by default; `--mouse` or `mouse = true` in config.toml turn
//! it on, and the runtime then captures the mouse).

use super::model::Side;
use std::time::{Duration, Instant};

/// Two clicks on the same row closer together than this are a double click.
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);
/// Rows one wheel notch scrolls.
pub const WHEEL_ROWS: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct Mouse {
    /// When and on which row the last click landed; a second click there soon after opens.
    pub last_click: Option<Click>,
}

/// Where a click landed: a pane's entry, or a job of the queue panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Entry(Side, usize),
    Job(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Click {
    pub at: Instant,
    pub target: Target,
}

impl Mouse {
    /// Records a click on `target` at `at`; true when it completes a double click (which then
    /// does not start another).
    pub fn click(&mut self, at: Instant, target: Target) -> bool {
        let double = self.last_click.is_some_and(|c| {
            c.target == target
                && at
                    .checked_duration_since(c.at)
                    .is_some_and(|d| d <= DOUBLE_CLICK)
        });
        self.last_click = (!double).then_some(Click { at, target });
        double
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_click_on_the_same_row_soon_after_is_a_double_click() {
        let (mut m, t0) = (Mouse::default(), Instant::now());
        let row = Target::Entry(Side::Left, 3);
        assert!(!m.click(t0, row));
        assert!(m.click(t0 + Duration::from_millis(399), row));
        // A third click starts over.
        assert!(!m.click(t0 + Duration::from_millis(500), row));
    }

    #[test]
    fn slow_clicks_and_clicks_on_other_rows_are_single() {
        let (mut m, t0) = (Mouse::default(), Instant::now());
        assert!(!m.click(t0, Target::Job(1)));
        assert!(!m.click(t0 + Duration::from_millis(401), Target::Job(1)));
        assert!(!m.click(t0 + Duration::from_millis(402), Target::Job(2)));
        assert!(!m.click(
            t0 + Duration::from_millis(403),
            Target::Entry(Side::Right, 2)
        ));
    }
}
