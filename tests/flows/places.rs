//! Search results and the trash name each entry's folder: the paths come from what listings
//! taught plus one `infos` call per level of depth for all folders at once, never one per
//! entry; a found file opens its folder with the cursor on it.

use crate::{Harness, Pace};
use crossterm::event::KeyCode;
use panfm::app::Side;
use panfm::config::Command;
use panfm::fs::Location;
use panfm::mock::Seed;

/// `/d0…/d9`, each with `/e/f` holding three `hit-*` files (root listed already).
async fn scattered(h: &Harness) -> Vec<i64> {
    let mut files = vec![];
    for i in 0..10 {
        let d = h.mock.put_dir(0, &format!("d{i}")).unwrap();
        let e = h.mock.put_dir(d, "e").unwrap();
        let f = h.mock.put_dir(e, "f").unwrap();
        for j in 0..3 {
            let name = format!("hit-{i}-{j}.txt");
            files.push(h.mock.put_file(f, &name, b"x").await.unwrap());
        }
    }
    files
}

impl Harness {
    /// The path in the Folder column for the entry named `name` of the focused pane.
    fn folder_of(&self, name: &str) -> Option<String> {
        let pane = self.model.focused();
        let entry = pane.listing.visible().find(|e| e.name == name)?;
        pane.place_of(entry).map(|d| d.path())
    }

    async fn search(&mut self, text: &str) {
        self.key(KeyCode::Char('S'));
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self.key(KeyCode::Enter);
        self.until_loaded(Side::Right).await;
    }
}

#[tokio::test]
async fn thirty_hits_in_ten_folders_are_placed_with_one_call_per_level() {
    let mut h = Harness::start(Seed::Empty, Pace::Vip).await;
    scattered(&h).await;
    h.command(Command::Refresh);
    h.until_loaded(Side::Right).await;

    let before = h.mock.stats().calls_to("/api/v1/file/infos");
    h.search("hit").await;
    assert_eq!(h.names().len(), 30);
    let infos = h.mock.stats().calls_to("/api/v1/file/infos") - before;
    assert_eq!(infos, 2, "f, then e: d is known from the root listing");
    assert_eq!(h.folder_of("hit-7-2.txt").as_deref(), Some("/d7/e/f"));
    assert!(h.names().iter().all(|n| h.folder_of(n).is_some()));

    // The paths stay known: a second search needs no lookup.
    h.command(Command::Parent);
    h.until_loaded(Side::Right).await;
    h.search("hit-3").await;
    assert_eq!(h.folder_of("hit-3-0.txt").as_deref(), Some("/d3/e/f"));
    assert_eq!(h.mock.stats().calls_to("/api/v1/file/infos") - before, 2);

    // Enter on a found file: its folder, the cursor on it.
    h.cursor_to("hit-3-1.txt");
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    let pane = h.model.focused();
    assert_eq!(pane.location.display(), "/d3/e/f");
    assert_eq!(pane.current().unwrap().name, "hit-3-1.txt");
}

#[tokio::test]
async fn the_trash_names_where_items_were_and_o_opens_it() {
    let mut h = Harness::start(Seed::Empty, Pace::Vip).await;
    let files = scattered(&h).await;
    let trashed = files[4]; // hit-1-1.txt in /d1/e/f
    h.command(Command::Refresh);
    h.until_loaded(Side::Right).await;
    h.cursor_to("d1");
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    h.cursor_to("hit-1-1.txt");
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('y'));
    h.until("trashed", |m| m.ops.is_empty() && !m.focused().is_loading())
        .await;
    assert!(h.mock.entry(trashed).unwrap().trashed);

    h.command(Command::ShowTrash);
    h.until_loaded(Side::Right).await;
    assert_eq!(h.folder_of("hit-1-1.txt").as_deref(), Some("/d1/e/f"));
    h.cursor_to("hit-1-1.txt");
    h.key(KeyCode::Char('r'));
    let Some(panfm::app::Modal::Confirm(q)) = &h.model.modal else {
        panic!("{:?}", h.model.modal)
    };
    assert_eq!(q.title, "Restore 1 item to /d1/e/f?");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('O'));
    h.until_loaded(Side::Right).await;
    assert_eq!(h.model.focused().location.display(), "/d1/e/f");
    h.key(KeyCode::Char('h'));
    h.until_loaded(Side::Right).await;
    assert_eq!(h.model.focused().location.display(), "/d1/e");
    h.command(Command::ShowTrash);
    h.until_loaded(Side::Right).await;
    h.key(KeyCode::Backspace);
    h.until_loaded(Side::Right).await;
    assert!(
        matches!(&h.model.focused().location, Location::Cloud(d) if d.path() == "/d1/e"),
        "Backspace leaves the trash for where the pane was"
    );
}
