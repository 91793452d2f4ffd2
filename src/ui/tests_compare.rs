//! View tests for compare and sync: a compare's marks and summary across both panes, and the
//! sync question with deletions off (one dim line) and on (listed, in the error style).

use crate::app::testing::{dir, file, listed, press};
use crate::app::{Modal, Model, SyncAsk, SyncJob};
use crate::fs::{CloudDir, Entry, EntryKey, Location};
use crate::sync::{Node, Options, Side, Tree, plan};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const A: &str = "0123456789abcdef0123456789abcdef";

fn screen(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn cloud(id: i64, name: &str, size: u64) -> Entry {
    Entry::remote(EntryKey::Cloud(id), name, false, size, None, A)
}

fn docs() -> Location {
    Location::Cloud(CloudDir::root().child(7, "docs"))
}

#[test]
fn snapshot_compare_marks_both_panes() {
    let local = vec![dir("pics"), file("notes.md", 1_200), file("mine.txt", 30)];
    let remote = vec![cloud(1, "notes.md", 1_500), cloud(2, "theirs.bin", 70_000)];
    let mut m = listed((Location::Local("/l".into()), local), (docs(), remote));
    assert_eq!(press(&mut m, "<C-x> d"), []);
    insta::assert_snapshot!(screen(&m).backend());
}

fn ask(deletions: bool) -> Model {
    let mut m = listed((Location::Local("/l".into()), vec![]), (docs(), vec![]));
    let mut src = Tree::new();
    src.insert("pics".into(), Node::dir());
    src.insert("pics/new.jpg".into(), Node::file(5_000_000, None));
    src.insert("pics/same.jpg".into(), Node::file(10, Some(A.into())));
    let mut dst = src.clone();
    dst.remove("pics/new.jpg");
    for i in 0..8 {
        dst.insert(
            format!("pics/old-{i}.jpg"),
            Node::file(1_000, Some(A.into())),
        );
    }
    let none = |_: &str, _: bool| false;
    let opts = |delete| Options {
        delete,
        compare: crate::sync::Compare::Checksum,
        dest: Side::Cloud,
        exclude: &none,
    };
    let job = SyncJob {
        upload: true,
        local: "/l".into(),
        cloud: CloudDir::root().child(7, "docs"),
        names: vec!["pics".into()],
        items: Default::default(),
        rejected: Vec::new(),
    };
    m.modal = Some(Modal::SyncAsk(Box::new(SyncAsk {
        job,
        from: "/l".into(),
        to: "cloud:/docs".into(),
        keep: plan(&src, &dst, &opts(false)),
        delete: plan(&src, &dst, &opts(true)),
        deletions,
        unreadable: 0,
    })));
    m
}

#[test]
fn snapshot_sync_question_deletions_off() {
    let m = ask(false);
    let t = screen(&m);
    let text = t.backend().to_string();
    assert!(!text.contains("old-0.jpg"), "no deleted paths while off");
    assert!(text.contains("x: also delete 8 entries"), "{text}");
    insta::assert_snapshot!(t.backend());
}

#[test]
fn snapshot_sync_question_deletions_on_in_red() {
    let m = ask(true);
    let t = screen(&m);
    let text = t.backend().to_string();
    let row = text
        .lines()
        .position(|l| l.contains("− pics/old-0.jpg"))
        .unwrap();
    let col = text
        .lines()
        .nth(row)
        .unwrap()
        .chars()
        .position(|c| c == '−')
        .unwrap();
    let cell = &t.backend().buffer()[(col as u16, row as u16)];
    assert_eq!(
        cell.fg,
        m.styles.error.fg.unwrap(),
        "deletions in the error style"
    );
    assert!(text.contains("… and 2 more"));
    insta::assert_snapshot!(t.backend());
}
