//! Frame-time benchmark for a 100,000-entry pane (prints figures; run with `cargo bench`).
//! Measures: streaming the listing in pages, drawing a frame at the top / middle / bottom,
//! scrolling (key + frame), filtering per keystroke, re-sorting, and resident memory.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use panfm::app::{self, Effect, ListingMsg, Model, Msg, Side};
use panfm::config::{Keymap, Styles};
use panfm::fs::{Entry, EntryKey, EntryKind, Location};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const N: usize = 100_000;

fn entries() -> Vec<Entry> {
    (0..N)
        .map(|i| {
            let name = match i % 4 {
                0 => format!("IMG_{i:06}.jpg"),
                1 => format!("照片 {i} 春节.png"),
                2 => format!("report-{i}-final (copy).pdf"),
                _ => format!("dir-{i}"),
            };
            let kind = if i % 4 == 3 {
                EntryKind::Dir
            } else {
                EntryKind::File
            };
            let size = (i as u64 * 7919) % 50_000_000;
            let mut e = Entry::new(
                EntryKey::Cloud(i as i64),
                name,
                kind,
                size,
                Some(1_700_000_000 + i as i64),
            );
            e.hidden = i % 97 == 0;
            e
        })
        .collect()
}

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn time<R>(f: impl FnOnce() -> R) -> (R, Duration) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed())
}

fn per(d: Duration, n: usize) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0 / n as f64)
}

fn rss_mib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(str::to_owned)
        })
        .map_or("n/a".into(), |l| {
            l.trim_start_matches("VmRSS:").trim().to_owned()
        })
}

fn main() {
    let (w, h) = (160u16, 50u16);
    let loc = Location::Local("/bench".into());
    let mut model = Model::new(
        loc.clone(),
        loc,
        Keymap::default_map().unwrap(),
        Styles::colored(),
    );
    app::update(
        &mut model,
        Msg::Resize {
            width: w,
            height: h,
        },
    );
    let effects = app::start(&mut model);
    let Effect::List { ticket, .. } = effects[0].clone() else {
        panic!()
    };
    let all = entries();
    // Page sizes as the listers send them: 256, doubling to 16,384.
    let mut pages: Vec<Vec<Entry>> = vec![];
    let (mut at, mut size) = (0, 256);
    while at < all.len() {
        let end = (at + size).min(all.len());
        pages.push(all[at..end].to_vec());
        (at, size) = (end, (size * 2).min(16384));
    }
    let npages = pages.len();
    let (_, load) = time(|| {
        for entries in pages {
            let msg = ListingMsg::Page {
                side: Side::Left,
                ticket,
                entries,
            };
            app::update(&mut model, Msg::Listing(msg));
        }
        app::update(
            &mut model,
            Msg::Listing(ListingMsg::Done {
                side: Side::Left,
                ticket,
            }),
        );
    });
    println!("entries: {N} in {npages} pages (256 doubling to 16,384)");
    println!(
        "merge all pages into the sorted view: {} total, {} per page",
        per(load, 1),
        per(load, npages)
    );

    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let draw = |term: &mut Terminal<TestBackend>, model: &Model| {
        term.draw(|f| panfm::ui::view(f, model)).unwrap();
    };
    let (_, first) = time(|| draw(&mut term, &model));
    println!("first frame ({w}x{h}): {}", per(first, 1));

    let frames = 500;
    for (label, target) in [("top", 0usize), ("middle", N / 2), ("bottom", N)] {
        app::update(&mut model, Msg::Command(panfm::config::Command::Top));
        for _ in 0..target / 1000 {
            app::update(&mut model, Msg::Command(panfm::config::Command::PageDown));
        }
        if target == N {
            app::update(&mut model, key(KeyCode::End));
        }
        let (_, d) = time(|| {
            for _ in 0..frames {
                // Force a full redraw each time, as after a resize.
                term.clear().unwrap();
                draw(&mut term, &model);
            }
        });
        println!(
            "full frame at {label:>6}: {} (avg of {frames})",
            per(d, frames)
        );
    }

    app::update(&mut model, Msg::Command(panfm::config::Command::Top));
    let steps = 5000;
    let (_, d) = time(|| {
        for _ in 0..steps {
            app::update(&mut model, key(KeyCode::Down));
            draw(&mut term, &model);
        }
    });
    println!(
        "scroll one row (update + diffed frame): {} (avg of {steps})",
        per(d, steps)
    );
    let (_, d) = time(|| {
        for _ in 0..200 {
            app::update(&mut model, key(KeyCode::PageDown));
            draw(&mut term, &model);
        }
    });
    println!(
        "page down (update + diffed frame): {} (avg of 200)",
        per(d, 200)
    );

    app::update(&mut model, key(KeyCode::Char('/')));
    let (_, d) = time(|| {
        for c in "report".chars() {
            app::update(&mut model, key(KeyCode::Char(c)));
            draw(&mut term, &model);
        }
    });
    println!(
        "filter keystroke over {N} names (update + frame): {} (avg of 6)",
        per(d, 6)
    );
    app::update(&mut model, key(KeyCode::Esc));

    let (_, d) = time(|| {
        app::update(&mut model, Msg::Command(panfm::config::Command::SortSize));
        draw(&mut term, &model);
    });
    println!("re-sort by size (update + frame): {}", per(d, 1));
    println!(
        "resident memory with {N} entries listed (and the bench's own copy): {}",
        rss_mib()
    );
}
