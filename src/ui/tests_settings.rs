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
