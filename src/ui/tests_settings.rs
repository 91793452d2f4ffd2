//! The view follows `config.toml`'s formats: size units and the date pattern.

use crate::app::Model;
use crate::app::testing::{loaded, sample_left, sample_right};
use crate::config::{Formats, SizeUnits};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(model: &Model) -> String {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn sizes_and_dates_follow_the_configured_formats() {
    let mut m = loaded(160, 20, sample_left(), sample_right());
    let defaults = screen(&m);
    assert!(defaults.contains("2.1 MiB"), "{defaults}");
    assert!(defaults.contains("2024-03-01 "), "{defaults}");

    m.settings.formats = Formats {
        units: SizeUnits::Decimal,
        date: "%d.%m.%Y".into(),
    };
    let configured = screen(&m);
    assert!(configured.contains("2.2 MB"), "{configured}");
    assert!(!configured.contains("MiB"), "{configured}");
    assert!(configured.contains("01.03.2024"), "{configured}");
    assert!(!configured.contains("2024-03-01"), "{configured}");
}

#[test]
fn the_time_column_is_as_wide_as_the_date_pattern_prints() {
    let mut m = loaded(160, 20, sample_left(), sample_right());
    m.settings.formats.date = "%a %d %b %Y %H:%M:%S".into();
    let screen = screen(&m);
    let header = screen.lines().find(|l| l.contains("Modified")).unwrap();
    let row = screen.lines().find(|l| l.contains("README.md")).unwrap();
    let at = row
        .find("Fri 01 Mar 2024 08:04:00")
        .unwrap_or_else(|| panic!("{screen}"));
    let end = |line: &str, text: &str| {
        line[..line.find(text).unwrap() + text.len()]
            .chars()
            .count()
    };
    assert_eq!(
        end(header, "Modified"),
        end(row, "Fri 01 Mar 2024 08:04:00"),
        "{screen}"
    );
    assert!(at > 0);
}
