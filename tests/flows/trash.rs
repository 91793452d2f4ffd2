//! The trash view against a drive of 2,000 folders: it opens with one recycle-bin call instead
//! of a walk, restores and purges change it in place, reopening it soon after needs no call,
//! and where the recycle bin cannot be listed it shows what the session knows and the full-scan
//! key finds the rest.

use crate::{Harness, Pace};
use crossterm::event::KeyCode;
use panfm::api::{self, ClientConfig, Credentials};
use panfm::app::Side;
use panfm::config::Command;
use panfm::fs::Location;
use panfm::mock::{MockServer, Seed, Stats};

/// Trashes `ids` through another client, as the web page or another device would.
async fn trash_elsewhere(mock: &MockServer, ids: &[i64]) {
    let creds = Credentials::new(mock.client_id(), mock.client_secret());
    let mut cfg = ClientConfig::new(api::Auth::Credentials(creds));
    cfg.base_url = mock.base_url().to_owned();
    cfg.rate_limit = false;
    api::Client::new(cfg).unwrap().trash(ids).await.unwrap();
}

fn lists(s: &Stats) -> (u64, u64) {
    (
        s.calls_to("/api/v1/file/list"),
        s.calls_to("/api/v2/file/list"),
    )
}

impl Harness {
    /// Answers the question on screen with `y` and waits for the operation's report.
    async fn confirm_op(&mut self) {
        self.key(KeyCode::Char('y'));
        self.until("the operation to finish", |m| {
            m.ops.is_empty() && m.modal.is_none()
        })
        .await;
    }

    fn trash_names(&self) -> Vec<String> {
        let mut names = self.names();
        names.sort();
        names
    }
}

#[tokio::test]
async fn five_trashed_items_among_2000_folders_take_one_call() {
    let mut h = Harness::start(Seed::Empty, Pace::Vip).await;
    let mock = &h.mock;
    let mut trashed = vec![];
    for top in 0..40 {
        let d = mock.put_dir(0, &format!("d{top:02}")).unwrap();
        for sub in 0..50 {
            let s = mock.put_dir(d, &format!("s{sub:02}")).unwrap();
            if sub == 7 && top % 10 == 3 && top > 10 {
                let f = mock
                    .put_file(s, &format!("t{top}.txt"), b"x")
                    .await
                    .unwrap();
                trashed.push(f);
            }
        }
        if top == 39 {
            trashed.push(d);
        }
    }
    trashed.push(mock.put_dir(0, "old").unwrap());
    assert_eq!(trashed.len(), 5);
    trash_elsewhere(mock, &trashed).await;

    let before = lists(&h.mock.stats());
    h.command(Command::ShowTrash);
    h.until_loaded(Side::Right).await;
    assert_eq!(h.model.focused().location, Location::Trash);
    assert_eq!(
        h.trash_names(),
        ["d39", "old", "t13.txt", "t23.txt", "t33.txt"]
    );
    let after = lists(&h.mock.stats());
    assert_eq!(
        (after.0 - before.0, after.1 - before.1),
        (1, 0),
        "one recycle-bin page, no folder listed"
    );

    h.cursor_to("t13.txt");
    h.key(KeyCode::Char('r'));
    h.confirm_op().await;
    assert_eq!(h.trash_names(), ["d39", "old", "t23.txt", "t33.txt"]);
    assert!(!h.mock.entry(trashed[0]).unwrap().trashed, "restored");
    h.cursor_to("old");
    h.key(KeyCode::Char('d'));
    h.confirm_op().await;
    assert_eq!(h.trash_names(), ["d39", "t23.txt", "t33.txt"]);
    assert!(h.mock.entry(trashed[4]).is_none(), "purged");
    assert!(!h.model.focused().is_loading(), "changed in place");
    assert_eq!(
        lists(&h.mock.stats()),
        after,
        "no listing after restore or purge"
    );

    // Back to the root and into the trash again: the index answers.
    h.command(Command::Back);
    h.until_loaded(Side::Right).await;
    h.command(Command::ShowTrash);
    h.until_loaded(Side::Right).await;
    assert_eq!(h.trash_names(), ["d39", "t23.txt", "t33.txt"]);
    assert_eq!(lists(&h.mock.stats()).0, after.0, "no recycle-bin call");
}

#[tokio::test]
async fn without_the_recycle_bin_listing_the_view_shows_what_it_knows_and_scans_on_request() {
    let mut h = Harness::start(Seed::Empty, Pace::Vip).await;
    h.mock.set_knobs(|k| k.legacy_list = false);
    let mock = &h.mock;
    let (a, b, c) = (
        mock.put_dir(0, "a").unwrap(),
        mock.put_dir(0, "b").unwrap(),
        mock.put_dir(0, "c").unwrap(),
    );
    mock.put_file(a, "mine.txt", b"1").await.unwrap();
    let seen = mock.put_file(b, "seen.txt", b"2").await.unwrap();
    let hidden = mock.put_file(c, "hidden.txt", b"3").await.unwrap();
    trash_elsewhere(mock, &[seen, hidden]).await;

    // panfm trashes one file itself and lists b, whose listing shows seen.txt trashed.
    h.command(Command::Refresh);
    h.until_loaded(Side::Right).await;
    h.cursor_to("a");
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    h.cursor_to("mine.txt");
    h.key(KeyCode::Char('d'));
    h.confirm_op().await;
    h.until_loaded(Side::Right).await;
    h.command(Command::Parent);
    h.until_loaded(Side::Right).await;
    h.cursor_to("b");
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    assert!(h.names().is_empty(), "seen.txt is trashed: {:?}", h.names());

    h.command(Command::ShowTrash);
    h.until_loaded(Side::Right).await;
    assert_eq!(h.trash_names(), ["mine.txt", "seen.txt"]);
    let status = h.model.status.clone().unwrap().text;
    assert!(
        status.contains("could not be listed") && status.contains("F: full scan"),
        "{status}"
    );

    let before = lists(&h.mock.stats()).1;
    h.key(KeyCode::Char('F'));
    h.until_loaded(Side::Right).await;
    assert_eq!(h.trash_names(), ["hidden.txt", "mine.txt", "seen.txt"]);
    assert_eq!(lists(&h.mock.stats()).1 - before, 4, "root, a, b and c");
}
