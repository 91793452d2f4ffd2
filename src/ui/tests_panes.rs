//! View tests for the pane chrome and overlays: help paging, titles that keep the folder's
//! name, columns of gathered listings (search results, the trash).

use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{Model, Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn terminal(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn screen(model: &Model) -> Buffer {
    terminal(model).backend().buffer().clone()
}

/// The text of cells `xs` of row `y`; the cell after a wide character is skipped.
fn text(buf: &Buffer, y: u16, xs: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    let mut x = xs.start;
    while x < xs.end {
        let sym = buf[(x, y)].symbol();
        out.push_str(sym);
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(sym).max(1)).unwrap();
    }
    out
}

/// The text rows inside the help overlay's border.
fn help_page(model: &Model) -> Vec<String> {
    let buf = screen(model);
    let (width, h) = (model.viewport.width, model.viewport.height);
    let w = width.saturating_sub(8).min(84);
    let x0 = (width - w) / 2;
    (3..h - 3)
        .map(|y| text(&buf, y, x0 + 1..x0 + w - 1).trim_end().to_owned())
        .collect()
}

#[test]
fn help_pages_follow_each_other_and_jump_to_both_ends() {
    let mut tall = loaded(100, 300, sample_left(), sample_right());
    press(&mut tall, "?");
    let all: Vec<String> = help_page(&tall);
    let len = tall.keymap.help_len();
    assert!(all[..len].iter().any(|l| l.contains("Questions")));
    assert!(all[len - 1].contains("No F-keys"), "help_len is exact");
    assert!(all[len..].iter().all(String::is_empty), "help_len is exact");

    let mut m = loaded(80, 24, sample_left(), sample_right());
    press(&mut m, "?");
    let page = m.viewport.help_rows();
    assert_eq!(help_page(&m), all[..page]);
    press(&mut m, "<PageDown>");
    assert_eq!(help_page(&m), all[page..2 * page], "no row skipped");
    press(&mut m, "<PageUp>");
    assert_eq!(help_page(&m), all[..page]);
    press(&mut m, "G");
    assert_eq!(help_page(&m), all[len - page..len], "G: the last page");
    press(&mut m, "g g");
    assert_eq!(help_page(&m), all[..page], "g g: the top");
    press(&mut m, "<End>");
    assert_eq!(help_page(&m), all[len - page..len]);
    press(&mut m, "<Home>");
    assert_eq!(help_page(&m), all[..page]);
    update(
        &mut m,
        Msg::Resize {
            width: 120,
            height: 35,
        },
    );
    press(&mut m, "<PageDown>");
    let page = m.viewport.help_rows();
    assert_eq!(help_page(&m), all[page..2 * page]);
}

fn deep_cloud() -> Model {
    use crate::fs::{CloudDir, Location};
    let trail = [
        (1, "照片"),
        (2, "2023 旅行 🌴"),
        (3, "三亚"),
        (4, "第一天"),
        (5, "海边 🌊"),
    ];
    let dir = trail
        .iter()
        .fold(CloudDir::root(), |d, (id, name)| d.child(*id, name));
    let entries = vec![
        crate::app::testing::file("日落.heic", 412_672),
        crate::app::testing::file("椰子树.png", 57_856),
    ];
    let local = Location::Local("/home/u/projects/panfm/src/app/update".into());
    let mut m =
        crate::app::testing::listed((local, sample_left()), (Location::Cloud(dir), entries));
    m.account = Some(crate::app::Account {
        nickname: "demo".into(),
        used: 673_185_792,
        total: 2 << 40,
        vip: true,
    });
    m
}

#[test]
fn titles_keep_the_folder_name_and_give_the_quota_its_own_room() {
    let mut m = deep_cloud();
    for (w, h, quota) in [
        (200, 50, "642 MiB of 2.0 TiB VIP"),
        (120, 35, "642 MiB/2.0 TiB"),
        (80, 24, "<1% used"),
    ] {
        update(
            &mut m,
            Msg::Resize {
                width: w,
                height: h,
            },
        );
        let top = text(&screen(&m), 0, 0..w);
        assert!(top.contains("海边 🌊 "), "{w}: {top}");
        assert!(top.contains("local:/home/"), "{w}: {top}");
        assert!(top.contains("update "), "{w}: {top}");
        assert!(top.contains(quota), "{w}: {top}");
    }
    let top = text(&screen(&m), 0, 0..80);
    assert!(top.contains("cloud:/照片/…/海边 🌊"), "{top}");
    insta::assert_snapshot!("deep_cloud_80x24", terminal(&m).backend());
    update(
        &mut m,
        Msg::Resize {
            width: 120,
            height: 35,
        },
    );
    insta::assert_snapshot!("deep_cloud_120x35", terminal(&m).backend());
}

#[test]
fn names_from_the_editor_offer_only_the_keys_that_work_there() {
    use crate::app::Modal;
    let mut m = loaded(100, 30, sample_left(), sample_right());
    press(&mut m, "G k <Space> <Space> R");
    let edited = Msg::Edited {
        result: Ok("x.m3u\ny.tar.gz\n".into()),
    };
    update(&mut m, edited);
    let Some(Modal::Rename(state)) = &m.modal else {
        panic!("{:?}", m.modal)
    };
    let before = (state.scope, state.case, state.regex, state.focus);
    let hints = text(&screen(&m), 29, 0..100);
    for key in ["Enter rename", "C-n number dups", "↓ scroll", "Esc cancel"] {
        assert!(hints.contains(key), "{key}: {hints}");
    }
    for dead in ["field", "regex", "case", "scope"] {
        assert!(!hints.contains(dead), "{dead}: {hints}");
    }
    press(&mut m, "<C-o> <C-t> <C-x> <Tab>");
    let Some(Modal::Rename(state)) = &m.modal else {
        panic!()
    };
    assert_eq!((state.scope, state.case, state.regex, state.focus), before);
    press(&mut m, "<Esc> r");
    let hints = text(&screen(&m), 29, 0..100);
    assert!(
        hints.contains("C-x regex") && hints.contains("Tab field"),
        "{hints}"
    );
}

/// The right pane (focused) lists `keys`' result with entries gathered from many folders.
fn gathered(width: u16, height: u16, keys: &str) -> Model {
    use crate::app::{ListingMsg, Side};
    use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, Location};
    let root = Location::Cloud(CloudDir::root());
    let mut m = crate::app::testing::listed(
        (Location::Local("/l".into()), sample_left()),
        (root, vec![]),
    );
    update(&mut m, Msg::Resize { width, height });
    m.focus = Side::Right;
    let effects = press(&mut m, keys);
    let Some(crate::app::Effect::List { ticket, .. }) = effects.last().cloned() else {
        panic!("{effects:?}")
    };
    let e = |id: i64, name: &str, dir: bool, parent: i64, size: u64| {
        let kind = if dir { EntryKind::Dir } else { EntryKind::File };
        let mut e = Entry::new(
            EntryKey::Cloud(id),
            name.into(),
            kind,
            size,
            Some(1_709_280_000),
        );
        e.parent = Some(parent);
        e
    };
    let entries = vec![
        e(31, "海边 🌊", true, 4, 0),
        e(32, "海边日落 sunset-over-the-sea.heic", false, 31, 412_345),
        e(33, "海.txt", false, 0, 12),
        e(34, "海报-final-v3.psd", false, 9, 73_000_000),
    ];
    let trip = CloudDir::root()
        .child(1, "照片")
        .child(2, "2023 旅行 🌴")
        .child(3, "三亚")
        .child(4, "第一天");
    let places = vec![
        (4, trip.clone()),
        (31, trip.child(31, "海边 🌊")),
        (0, CloudDir::root()),
    ];
    let side = Side::Right;
    update(
        &mut m,
        Msg::Listing(ListingMsg::Page {
            side,
            ticket,
            entries,
        }),
    );
    update(
        &mut m,
        Msg::Listing(ListingMsg::Places {
            side,
            ticket,
            places,
        }),
    );
    update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    m
}

#[test]
fn search_results_and_the_trash_show_each_entrys_folder() {
    let m = gathered(120, 35, "S 海 <Enter>");
    let buf = screen(&m);
    let row = |y| text(&buf, y, 60..120);
    assert!(row(1).contains("Folder"), "{}", row(1));
    assert!(
        row(2).contains("海边 🌊/") && row(2).contains("/照片/…/第一天 "),
        "{}",
        row(2)
    );
    let unknown = (2..6)
        .map(row)
        .find(|r| r.contains("海报-final-v3.psd"))
        .unwrap();
    assert!(unknown.contains(" ? "), "a folder not found: {unknown}");
    insta::assert_snapshot!("search_results_120x35", terminal(&m).backend());

    let mut m = gathered(80, 24, "T");
    let hints = text(&screen(&m), 23, 0..80);
    assert!(
        hints.contains("h leave"),
        "the footer says how to leave: {hints}"
    );
    insta::assert_snapshot!("trash_80x24", terminal(&m).backend());
    press(&mut m, "j r");
    insta::assert_snapshot!("trash_restore_question_80x24", terminal(&m).backend());
}

#[test]
fn empty_search_results_and_trash_say_so() {
    use crate::app::{ListingMsg, Side};
    for (keys, says) in [
        ("S z <Enter>", "Nothing found"),
        ("T", "The trash is empty"),
    ] {
        let mut m = gathered(100, 30, keys);
        let Some(crate::app::Effect::List { ticket, .. }) = press(&mut m, "<C-r>").pop() else {
            panic!()
        };
        let done = ListingMsg::Done {
            side: Side::Right,
            ticket,
        };
        update(&mut m, Msg::Listing(done));
        assert!(text(&screen(&m), 2, 50..100).contains(says), "{keys}");
    }
}
