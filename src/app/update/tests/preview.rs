//! The preview panel through `update`: nothing is asked while it is hidden; a cursor that
//! moves on before its `Due` asks nothing, one that rests asks exactly one ranged read of the
//! head; results for an entry the cursor left are dropped; a cached head (same size, etag,
//! date) shows at once with no request; folders come from the other pane's listing when it
//! shows them, else one listing; a narrow terminal hides the panel with a note; the viewer
//! still opens. Time is driven by handing `Due` messages to `update`.

use crate::app::preview::{HEAD_BYTES, PreviewEffect, PreviewMsg, Shown};
use crate::app::testing::{file, press, status_text};
use crate::app::*;
use crate::fs::read::{Chunk, Kind, Source};
use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, FsError, FsErrorKind, Location};

fn cloud(id: i64, name: &str, dir: bool) -> Entry {
    let kind = if dir { EntryKind::Dir } else { EntryKind::File };
    let size = if dir { 0 } else { 100_000 };
    let mut e = Entry::new(
        EntryKey::Cloud(id),
        name.into(),
        kind,
        size,
        Some(1_709_280_000),
    );
    e.etag = (!dir).then(|| format!("{id:032x}"));
    e
}

fn files() -> Vec<Entry> {
    vec![
        cloud(9, "照片", true),
        cloud(1, "a.txt", false),
        cloud(2, "b.txt", false),
        cloud(3, "c.txt", false),
        cloud(4, "d.bin", false),
    ]
}

/// Cloud root on the left (focused) with `entries`, a local folder on the right.
fn model(entries: Vec<Entry>) -> Model {
    let right = (Location::Local("/r".into()), vec![file("x", 1)]);
    crate::app::testing::listed((Location::Cloud(CloudDir::root()), entries), right)
}

fn previews(effects: Vec<Effect>) -> Vec<PreviewEffect> {
    effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Preview(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn wait_ticket(effects: Vec<Effect>) -> u64 {
    match previews(effects).as_slice() {
        [PreviewEffect::Wait { ticket }] => *ticket,
        other => panic!("expected one wait, got {other:?}"),
    }
}

fn due(m: &mut Model, ticket: u64) -> Vec<PreviewEffect> {
    previews(update(m, Msg::Preview(PreviewMsg::Due { ticket })))
}

fn answer(m: &mut Model, ticket: u64, bytes: &[u8], total: u64) -> Vec<Effect> {
    let chunk = Chunk {
        start: 0,
        bytes: bytes.to_vec().into(),
        total: Some(total),
    };
    let result = Ok(chunk);
    update(m, Msg::Preview(PreviewMsg::Read { ticket, result }))
}

/// Lets the wait `ticket` end and answers the read with `bytes`.
fn rest_and_read(m: &mut Model, ticket: u64, bytes: &[u8]) {
    let [PreviewEffect::Read { ticket, .. }] = due(m, ticket)[..] else {
        panic!("no read");
    };
    answer(m, ticket, bytes, 100_000);
}

#[test]
fn hidden_the_panel_asks_for_nothing() {
    let mut m = model(files());
    let effects = press(&mut m, "j j j k");
    assert!(previews(effects).is_empty());
    assert!(m.preview.subject.is_none());
    let effects = press(&mut m, "z z j");
    assert_eq!(previews(effects).len(), 1, "the one wait while it showed");
    assert!(previews(press(&mut m, "j")).is_empty(), "hidden again");
}

#[test]
fn a_moving_cursor_reads_nothing_and_a_resting_one_reads_one_head() {
    let mut m = model(files());
    press(&mut m, "j");
    let first = wait_ticket(press(&mut m, "z"));
    let second = wait_ticket(press(&mut m, "j"));
    let third = wait_ticket(press(&mut m, "j"));
    assert!(due(&mut m, first).is_empty(), "the cursor left a.txt");
    assert!(due(&mut m, second).is_empty(), "and b.txt");
    assert!(matches!(m.preview.shown, Some(Shown::Waiting)));
    let reads = due(&mut m, third);
    assert_eq!(
        reads,
        vec![PreviewEffect::Read {
            ticket: third,
            source: Source::Cloud(3),
            len: HEAD_BYTES,
        }]
    );
    assert!(due(&mut m, third).is_empty(), "asked once");
    answer(&mut m, third, "第一行\n第二行\n".as_bytes(), 100_000);
    let Some(Shown::File(head)) = &m.preview.shown else {
        panic!("{:?}", m.preview.shown);
    };
    assert_eq!(head.kind, Kind::Text(encoding_rs::UTF_8));
    assert!(!head.whole);
    assert_eq!(m.preview.fetched, "第一行\n第二行\n".len() as u64);
}

#[test]
fn a_result_for_an_entry_the_cursor_left_is_dropped() {
    let mut m = model(files());
    press(&mut m, "j");
    let a = wait_ticket(press(&mut m, "z"));
    let [PreviewEffect::Read { .. }] = due(&mut m, a)[..] else {
        panic!("no read");
    };
    let b = wait_ticket(press(&mut m, "j"));
    answer(&mut m, a, b"old news\n", 100_000);
    assert!(matches!(m.preview.shown, Some(Shown::Waiting)));
    assert!(
        m.preview.cache.is_empty(),
        "a stale head is not kept either"
    );
    assert_eq!(m.preview.subject.as_ref().map(|s| s.ticket), Some(b));
    let failed = Err(FsError::new(FsErrorKind::Network, "boom"));
    update(
        &mut m,
        Msg::Preview(PreviewMsg::Read {
            ticket: a,
            result: failed,
        }),
    );
    assert!(matches!(m.preview.shown, Some(Shown::Waiting)));
}

#[test]
fn a_cached_head_shows_at_once_and_a_changed_file_is_read_again() {
    let mut m = model(files());
    press(&mut m, "j");
    let t = wait_ticket(press(&mut m, "z"));
    rest_and_read(&mut m, t, b"hello\n");
    wait_ticket(press(&mut m, "k"));
    let effects = press(&mut m, "j");
    assert!(previews(effects).is_empty(), "a.txt from the cache");
    let Some(Shown::File(head)) = &m.preview.shown else {
        panic!("{:?}", m.preview.shown);
    };
    assert_eq!(head.read, 6);
    // The listing comes again with a.txt changed (another etag): it is read again.
    let mut changed = files();
    changed[1].etag = Some("f".repeat(32));
    let reload = press(&mut m, "k <C-r>");
    let Some(&Effect::List { ticket, .. }) =
        reload.iter().find(|e| matches!(e, Effect::List { .. }))
    else {
        panic!("{reload:?}");
    };
    let page = ListingMsg::Page {
        side: Side::Left,
        ticket,
        entries: changed,
    };
    update(&mut m, Msg::Listing(page));
    update(
        &mut m,
        Msg::Listing(ListingMsg::Done {
            side: Side::Left,
            ticket,
        }),
    );
    let effects = press(&mut m, "j");
    assert_eq!(
        m.focused().current().map(|e| e.name.as_str()),
        Some("a.txt")
    );
    wait_ticket(effects);
}

#[test]
fn a_failed_read_says_why_and_an_empty_file_needs_none() {
    let mut entries = files();
    entries[2].size = 0;
    let mut m = model(entries);
    press(&mut m, "j");
    let t = wait_ticket(press(&mut m, "z"));
    due(&mut m, t);
    let failed = Err(FsError::new(FsErrorKind::Network, "the CDN is down"));
    update(
        &mut m,
        Msg::Preview(PreviewMsg::Read {
            ticket: t,
            result: failed,
        }),
    );
    let Some(Shown::Failed(why)) = &m.preview.shown else {
        panic!("{:?}", m.preview.shown);
    };
    assert!(why.contains("the CDN is down"), "{why}");
    assert!(previews(press(&mut m, "j")).is_empty());
    assert!(matches!(&m.preview.shown, Some(Shown::Nothing(w)) if w.contains("empty")));
}

#[test]
fn folders_come_from_the_other_pane_or_one_listing() {
    let mut m = model(files());
    let t = wait_ticket(press(&mut m, "z"));
    let location = Location::Cloud(CloudDir::root().child(9, "照片"));
    assert_eq!(
        due(&mut m, t),
        vec![PreviewEffect::List {
            ticket: t,
            location: location.clone()
        }]
    );
    let listed = vec![cloud(20, "2024", true), cloud(21, "a.jpg", false)];
    let result = Ok((listed, true));
    update(
        &mut m,
        Msg::Preview(PreviewMsg::Listed { ticket: t, result }),
    );
    let Some(Shown::Dir(folder)) = &m.preview.shown else {
        panic!("{:?}", m.preview.shown);
    };
    assert_eq!((folder.dirs, folder.files, folder.bytes), (1, 1, 100_000));
    // The right pane opens the folder: the panel reads the right pane's listing, no request.
    press(&mut m, "z <Tab>");
    m.pane_mut(Side::Right).location = location;
    press(&mut m, "<Tab> z j");
    let effects = press(&mut m, "k");
    assert!(previews(effects).is_empty());
    let Some(Shown::Dir(folder)) = &m.preview.shown else {
        panic!("{:?}", m.preview.shown);
    };
    assert_eq!(folder.entries[0].name, "x");
}

#[test]
fn a_narrow_terminal_hides_the_panel_with_a_note_and_the_viewer_still_opens() {
    let mut m = model(files());
    press(&mut m, "z j");
    assert!(m.preview.subject.is_some());
    update(
        &mut m,
        Msg::Resize {
            width: 62,
            height: 20,
        },
    );
    assert!(m.preview.subject.is_none());
    assert!(
        status_text(&m).contains("No room for the preview"),
        "{}",
        status_text(&m)
    );
    assert!(previews(press(&mut m, "j k")).is_empty());
    update(
        &mut m,
        Msg::Resize {
            width: 20,
            height: 5,
        },
    );
    assert!(previews(press(&mut m, "j")).is_empty());
    update(
        &mut m,
        Msg::Resize {
            width: 100,
            height: 30,
        },
    );
    let effects = press(&mut m, "<F3>");
    assert!(m.viewer.is_some(), "F3 opens the viewer");
    assert!(
        previews(effects).is_empty(),
        "nothing for the panel under the viewer"
    );
    assert!(m.preview.subject.is_none());
    let effects = press(&mut m, "q");
    assert!(m.viewer.is_none());
    assert_eq!(previews(effects).len(), 1, "the panel follows again");
    let effects = press(&mut m, "<Enter>");
    assert!(m.viewer.is_some(), "Enter opens it too");
    assert!(previews(effects).is_empty());
}
