//! The viewer through `update`: opening reads only the first window, scrolling reads ahead,
//! `G` reads the tail with a suffix span, search and go-to read forward one window at a time
//! (and stop on Esc), hex for binary, GBK detected and switchable, stale answers dropped,
//! a failed read waits for a key. Reads are answered from content made by a function, so a
//! large file needs no memory.

use crate::app::testing::{file, loaded, press};
use crate::app::viewer::{Geometry, Hit, Task};
use crate::app::{Effect, Model, Msg, update};
use crate::fs::read::{Chunk, Kind, Span, WINDOW};
use crate::fs::{FsError, FsErrorKind};

/// Bytes of each generated line: `"{i:08} 春眠不觉晓 line\n"`.
const LINE: u64 = 8 + 1 + 15 + 6;

fn line(i: u64) -> String {
    format!("{i:08} 春眠不觉晓 line\n")
}

/// Bytes `[start, end)` of `lines` generated lines.
fn generated(start: u64, end: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity((end - start) as usize);
    let mut i = start / LINE;
    while (i * LINE) < end {
        let l = line(i + 1);
        let (from, to) = (i * LINE, (i + 1) * LINE);
        let a = start.max(from) - from;
        let b = end.min(to) - from;
        out.extend_from_slice(&l.as_bytes()[a as usize..b as usize]);
        i += 1;
    }
    out
}

/// Answers reads from `content(start, end)` until none are asked; returns the bytes served.
fn serve(
    m: &mut Model,
    effects: Vec<Effect>,
    size: u64,
    content: &dyn Fn(u64, u64) -> Vec<u8>,
) -> u64 {
    let mut queue = effects;
    let mut served = 0;
    while let Some(effect) = queue.pop() {
        let Effect::Read { ticket, span, .. } = effect else {
            continue;
        };
        let (start, end) = match span {
            Span::At { start, len } => (start, (start + len).min(size)),
            Span::Tail { len } => (size - len, size),
        };
        let bytes = content(start, end);
        served += bytes.len() as u64;
        let chunk = Chunk {
            start,
            bytes: bytes.into(),
            total: Some(size),
        };
        queue.extend(update(
            m,
            Msg::Read {
                ticket,
                span,
                result: Ok(chunk),
            },
        ));
    }
    served
}

fn open(name: &str, size: u64, content: &dyn Fn(u64, u64) -> Vec<u8>) -> (Model, u64) {
    let mut m = loaded(100, 30, vec![file(name, size)], vec![]);
    let effects = press(&mut m, "<F3>");
    assert_eq!(effects.len(), 1, "{effects:?}");
    let served = serve(&mut m, effects, size, content);
    (m, served)
}

fn geo(m: &Model) -> Geometry {
    let v = m.viewer.as_ref().unwrap();
    v.geometry(m.viewport.width, m.viewport.height)
}

fn rows(m: &Model) -> Vec<String> {
    let v = m.viewer.as_ref().unwrap();
    v.screen(geo(m))
        .rows
        .iter()
        .map(|r| r.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect()
}

fn keys(m: &mut Model, keys: &str, size: u64, content: &dyn Fn(u64, u64) -> Vec<u8>) -> u64 {
    let effects = press(m, keys);
    serve(m, effects, size, content)
}

#[test]
fn a_huge_file_opens_from_one_window_and_g_reads_only_its_tail() {
    let size = 100_000_000 / LINE * LINE;
    let (mut m, first) = open("big.log", size, &generated);
    assert_eq!(first, 2 * WINDOW, "the first window and one ahead");
    assert_eq!(rows(&m)[0], line(1).trim_end());
    let v = m.viewer.as_ref().unwrap();
    assert_eq!(v.kind, Some(Kind::Text(encoding_rs::UTF_8)));
    let tail = keys(&mut m, "G", size, &generated);
    assert!(tail <= 2 * WINDOW, "{tail}");
    let last = line(size / LINE);
    assert_eq!(rows(&m).last().unwrap(), last.trim_end());
    keys(&mut m, "#", size, &generated);
    let screen = m.viewer.as_ref().unwrap().screen(geo(&m));
    assert!(
        screen.end && screen.line.is_none(),
        "no line numbers near the end"
    );
    let top_row = &screen.rows[0];
    assert!(top_row.offset, "the gutter shows byte offsets there");
    assert_eq!(top_row.gutter.parse::<u64>().unwrap() % LINE, 0);
    keys(&mut m, "#", size, &generated);
    let back = keys(&mut m, "g g", size, &generated);
    assert_eq!(back, 0, "the start is still held");
    assert_eq!(rows(&m)[0], line(1).trim_end());
    assert_eq!(m.viewer.as_ref().unwrap().fetched, first + tail);
}

#[test]
fn scrolling_reads_ahead_and_keeps_few_windows() {
    let size = 40 * WINDOW;
    let (mut m, _) = open("mid.log", size, &generated);
    for _ in 0..1000 {
        keys(&mut m, "<PageDown>", size, &generated);
    }
    let v = m.viewer.as_ref().unwrap();
    let top_line = v.line_number(v.top.at).unwrap();
    assert_eq!(
        top_line,
        1 + 1000 * 28,
        "28 rows a page, numbers known from the start"
    );
    assert_eq!(rows(&m)[0], line(top_line).trim_end());
    assert!(v.windows.held_bytes() <= 16 * WINDOW as usize);
    keys(&mut m, "<PageUp> k", size, &generated);
    assert_eq!(rows(&m)[0], line(top_line - 29).trim_end());
}

#[test]
fn search_reads_forward_one_window_at_a_time_and_n_finds_the_next() {
    let size = 12 * WINDOW;
    let content = |a: u64, b: u64| {
        let mut out = generated(a, b);
        // Two lines far apart say "needle" instead of "line".
        for target in [50_000u64, 90_000] {
            let at = target * LINE + 25;
            if (a..b).contains(&at) {
                out[(at - a) as usize..(at - a) as usize + 4].copy_from_slice(b"NEED");
            }
        }
        out
    };
    let (mut m, _) = open("hay.txt", size, &content);
    let effects = press(&mut m, "/ n e e d <Enter>");
    assert_eq!(effects.len(), 1, "one window at a time: {effects:?}");
    assert!(matches!(
        m.viewer.as_ref().unwrap().task,
        Some(Task::Search { .. })
    ));
    serve(&mut m, effects, size, &content);
    let v = m.viewer.as_ref().unwrap();
    assert!(v.task.is_none());
    assert!(
        matches!(
            v.hit,
            Some(Hit::Text {
                from: 15,
                to: 19,
                ..
            })
        ),
        "{:?}",
        v.hit
    );
    assert!(rows(&m)[0].starts_with("00050001 "), "{:?}", rows(&m)[0]);
    keys(&mut m, "n", size, &content);
    assert!(rows(&m)[0].starts_with("00090001 "));
    keys(&mut m, "N", size, &content);
    assert!(rows(&m)[0].starts_with("00050001 "));
    keys(&mut m, "N", size, &content);
    let v = m.viewer.as_ref().unwrap();
    assert_eq!(
        v.note.as_deref(),
        Some("“need” not found (searched to the start)")
    );
}

#[test]
fn esc_stops_a_search_and_then_closes() {
    let size = 30 * WINDOW;
    let (mut m, _) = open("hay.txt", size, &generated);
    let effects = press(&mut m, "/ z z z <Enter>");
    assert_eq!(effects.len(), 1);
    press(&mut m, "<Esc>");
    let v = m.viewer.as_ref().unwrap();
    assert_eq!(
        (v.task.is_none(), v.note.as_deref()),
        (true, Some("Stopped"))
    );
    // The answer to the read in flight changes nothing and asks for nothing more.
    assert_eq!(serve(&mut m, effects, size, &generated), WINDOW);
    assert!(m.viewer.as_ref().unwrap().task.is_none());
    press(&mut m, "<Esc>");
    assert!(m.viewer.is_none());
}

#[test]
fn go_to_a_line_counts_forward_and_numbers_show() {
    let size = 20 * WINDOW;
    let (mut m, _) = open("n.txt", size, &generated);
    let effects = press(&mut m, ": 1 2 0 0 0 0 <Enter> #");
    serve(&mut m, effects, size, &generated);
    let v = m.viewer.as_ref().unwrap();
    assert_eq!(v.line_number(v.top.at), Some(120_000));
    let screen = v.screen(geo(&m));
    assert_eq!(screen.rows[0].gutter, "120000");
    assert!(rows(&m)[0].starts_with("00120000 "));
    keys(&mut m, ": 5 0 % <Enter>", size, &generated);
    let v = m.viewer.as_ref().unwrap();
    assert!(v.top.at.abs_diff(size / 2) < LINE, "{}", v.top.at);
    let effects = press(&mut m, ": x <Enter>");
    assert!(effects.is_empty());
    assert!(m.modal.is_some(), "a bad number keeps the prompt open");
}

#[test]
fn binary_shows_as_hex_and_x_switches() {
    let bytes: Vec<u8> = (0..300u32).map(|i| (i * 7) as u8).collect();
    let content = |a: u64, b: u64| bytes[a as usize..b as usize].to_vec();
    let (mut m, _) = open("x.bin", 300, &content);
    let v = m.viewer.as_ref().unwrap();
    assert_eq!((v.kind, v.hex), (Some(Kind::Binary), true));
    let r = rows(&m);
    assert_eq!(
        r[0],
        "00000000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  │.....#*18?FMT[bi│"
    );
    assert_eq!(r.len(), 19, "300 bytes in rows of 16");
    keys(&mut m, "/ F M T <Enter>", 300, &content);
    let v = m.viewer.as_ref().unwrap();
    assert_eq!(
        v.hit,
        Some(Hit::Bytes { from: 10, to: 13 }),
        "bytes 70 77 84"
    );
    keys(&mut m, "x", 300, &content);
    assert!(!m.viewer.as_ref().unwrap().hex);
    assert!(
        rows(&m)[0].starts_with("^@^G^N^U^\\#*18?FMT[bipw~"),
        "{:?}",
        rows(&m)[0]
    );
}

#[test]
fn gbk_is_detected_and_the_encoding_can_be_forced() {
    let text = "会议纪要：讨论季度预算与项目进度。\n下次会议定于周五。\n".repeat(20);
    let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
    let size = gbk.len() as u64;
    let content = |a: u64, b: u64| gbk[a as usize..b as usize].to_vec();
    let (mut m, _) = open("纪要.txt", size, &content);
    assert_eq!(
        m.viewer.as_ref().unwrap().kind,
        Some(Kind::Text(encoding_rs::GBK))
    );
    assert_eq!(rows(&m)[0], "会议纪要：讨论季度预算与项目进度。");
    keys(&mut m, "e", size, &content);
    assert!(rows(&m)[0].contains('\u{fffd}'), "as UTF-8 it is garbled");
    keys(&mut m, "e", size, &content);
    assert_eq!(rows(&m)[1], "下次会议定于周五。");
}

#[test]
fn long_cjk_lines_wrap_or_cut_by_display_width() {
    let text = "春眠不觉晓，处处闻啼鸟。".repeat(10) + "\nnext\n";
    let size = text.len() as u64;
    let content = |a: u64, b: u64| text.as_bytes()[a as usize..b as usize].to_vec();
    let (mut m, _) = open("诗.txt", size, &content);
    let r = rows(&m);
    assert_eq!(
        r[0].chars().count(),
        50,
        "100 columns hold 50 wide characters"
    );
    assert_eq!((r[2].chars().count(), r[3].as_str()), (20, "next"));
    keys(&mut m, "w", size, &content);
    let r = rows(&m);
    assert_eq!(r[0].chars().count(), 50, "49 characters and the cut mark");
    assert!(r[0].ends_with('›') && r[1] == "next");
    keys(&mut m, "l", size, &content);
    assert!(rows(&m)[0].starts_with("晓，处处"), "{:?}", rows(&m)[0]);
}

#[test]
fn stale_answers_are_dropped_and_a_failure_waits_for_a_key() {
    let mut m = loaded(100, 30, vec![file("a.txt", 10)], vec![]);
    let effects = press(&mut m, "<F3>");
    let Some(Effect::Read { ticket, span, .. }) = effects.first().cloned() else {
        panic!("{effects:?}");
    };
    let failed = FsError::new(FsErrorKind::Network, "connection reset");
    let more = update(
        &mut m,
        Msg::Read {
            ticket,
            span,
            result: Err(failed),
        },
    );
    assert!(more.is_empty(), "no retry on its own");
    let v = m.viewer.as_ref().unwrap();
    assert!(v.error.as_deref().unwrap().contains("connection reset"));
    let retry = press(&mut m, "j");
    assert_eq!(retry.len(), 1, "a key tries again");
    press(&mut m, "q");
    let chunk = Chunk {
        start: 0,
        bytes: b"0123456789".to_vec().into(),
        total: Some(10),
    };
    assert!(
        update(
            &mut m,
            Msg::Read {
                ticket,
                span,
                result: Ok(chunk)
            }
        )
        .is_empty()
    );
    assert!(m.viewer.is_none());
}
