//! The image space through keys, `update`, the real executor and the mock's demo seed: an
//! Images pane lists folders page by page (and from the cache on a revisit), mkdir, move with
//! undo, delete for good, drive images copied in (with a per-image failure in the report),
//! local images uploaded (refusals reported), and the links `Y` puts on the clipboard.

use crate::Harness;
use crossterm::event::KeyEvent;
use panfm::app::{AskCheck, Effect, Modal, Msg, Side};
use panfm::config::Key;
use panfm::fs::Location;
use panfm::runtime::dispatch;
use std::time::Duration;

const LIST: &str = "/api/v1/oss/file/list";

impl Harness {
    /// Keys in keymap notation separated by spaces; returns the effects left for the
    /// terminal (the clipboard).
    pub(crate) fn press(&mut self, keys: &str) -> Vec<Effect> {
        let mut held = vec![];
        for k in keys.split(' ') {
            let key = Key::parse(k).unwrap();
            let ev = KeyEvent::new(key.code, key.mods);
            held.extend(dispatch(&mut self.model, &mut self.executor, Msg::Key(ev)));
        }
        held
    }

    pub(crate) fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let ev = KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            );
            dispatch(&mut self.model, &mut self.executor, Msg::Key(ev));
        }
    }

    /// Focuses `side` and cycles its backend until it shows the image root.
    pub(crate) async fn images_on(&mut self, side: Side) {
        self.model.focus = side;
        while !self.model.focused().location.is_images() {
            self.press("b");
            self.until_loaded(side).await;
        }
    }

    pub(crate) async fn open(&mut self, path: &[&str]) {
        let side = self.model.focus;
        for name in path {
            self.cursor_to(name);
            self.press("<Enter>");
            self.until_loaded(side).await;
        }
    }

    /// Confirms the open question and waits for the operation and both reloads.
    async fn confirm_and_wait(&mut self) {
        assert!(
            matches!(self.model.modal, Some(Modal::Confirm(_))),
            "a question first: {:?} {:?}",
            self.model.modal,
            self.model.status
        );
        self.press("y");
        assert!(!self.model.ops.is_empty(), "{:?}", self.model.status);
        self.until("operation finished", |m| m.ops.is_empty()).await;
        self.until_loaded(Side::Left).await;
        self.until_loaded(Side::Right).await;
    }

    /// Applies messages until one of them asks for the clipboard; returns its text.
    async fn until_clipboard(&mut self) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        loop {
            let msg = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .expect("timed out waiting for the clipboard")
                .expect("channel open");
            for effect in dispatch(&mut self.model, &mut self.executor, msg) {
                if let Effect::Clipboard { text } = effect {
                    return text;
                }
            }
        }
    }
}

#[tokio::test]
async fn an_images_pane_lists_folders_and_serves_revisits_from_the_cache() {
    let mut h = Harness::demo().await;
    h.images_on(Side::Right).await;
    assert_eq!(h.names(), ["avatars", "blog", "banner.png"]);
    h.open(&["blog"]).await;
    assert_eq!(h.names(), ["2024", "hello-world.png", "logo.svg"]);
    let pane = h.model.pane(Side::Right);
    assert_eq!(pane.location.display(), "/blog");
    assert!(pane.listing.all().iter().all(|e| e.mtime.is_some()));
    let lists = h.mock.stats().calls_to(LIST);
    h.press("h");
    h.until_loaded(Side::Right).await;
    assert_eq!(
        h.model.focused().current().unwrap().name,
        "blog",
        "cursor back on the folder we left"
    );
    h.press("<Enter>");
    h.until_loaded(Side::Right).await;
    assert_eq!(h.mock.stats().calls_to(LIST), lists, "both from the cache");
    h.press("<C-r>");
    h.until_loaded(Side::Right).await;
    assert_eq!(
        h.mock.stats().calls_to(LIST),
        lists + 1,
        "refresh lists afresh"
    );
}

#[tokio::test]
async fn mkdir_move_with_undo_and_delete_for_good() {
    let mut h = Harness::demo().await;
    h.images_on(Side::Left).await;
    h.open(&["blog"]).await;
    h.images_on(Side::Right).await;
    h.open(&["avatars"]).await;
    let lists = h.mock.stats().calls_to(LIST);

    h.press("a");
    h.type_text("截图 🎉");
    h.press("<Enter>");
    h.until("mkdir finished", |m| m.ops.is_empty()).await;
    h.until_loaded(Side::Right).await;
    assert!(h.mock.image_id_of("/avatars/截图 🎉").is_some());
    assert_eq!(h.model.focused().current().unwrap().name, "截图 🎉");

    h.cursor_to("cat.png");
    h.press("<Space>");
    h.cursor_to("dog.bmp");
    h.press("<Space> m");
    h.confirm_and_wait().await;
    assert!(h.mock.image_id_of("/blog/cat.png").is_some());
    assert!(h.mock.image_id_of("/blog/dog.bmp").is_some());
    assert!(h.mock.image_id_of("/avatars/cat.png").is_none());
    assert_eq!(h.names(), ["截图 🎉"]);

    h.press("U");
    h.confirm_and_wait().await;
    assert!(h.mock.image_id_of("/avatars/cat.png").is_some(), "undone");
    assert!(h.mock.image_id_of("/blog/cat.png").is_none());

    let moved_id = h.mock.image_id_of("/avatars/dog.bmp").unwrap();
    h.cursor_to("dog.bmp");
    h.press("d");
    h.press("<Enter>");
    assert!(h.model.ops.is_empty(), "Enter does not delete for good");
    h.confirm_and_wait().await;
    assert!(h.mock.image(&moved_id).is_none(), "deleted for good");
    assert!(!h.names().contains(&"dog.bmp".to_owned()));
    assert_eq!(
        h.mock.stats().calls_to(LIST),
        lists,
        "mkdir, move, undo and delete patch the listings"
    );
    assert!(
        h.model
            .status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Deleted 1 item"),
        "{:?}",
        h.model.status
    );
}

#[tokio::test]
async fn drive_images_copy_in_with_failures_in_the_report() {
    let mut h = Harness::demo().await;
    h.mock.set_knobs(|k| k.complete_pending_polls = 0);
    h.images_on(Side::Left).await;
    h.open(&["blog"]).await;
    // A different image already named 微笑.png: that one cannot be copied.
    let blog = h.mock.image_id_of("/blog").unwrap();
    let spinner = h.mock.image_id_of("/blog/2024/spinner.gif").unwrap();
    let gif = h.mock.image_bytes(&spinner).await.unwrap();
    h.mock.put_image(&blog, "微笑.png", &gif).await.unwrap();
    h.model.focus = Side::Right;
    h.open(&["照片", "表情包"]).await;
    h.press("<C-a> c");
    h.confirm_and_wait().await;
    for name in ["挥手.gif", "贴纸.svg"] {
        assert!(
            h.mock.image_id_of(&format!("/blog/{name}")).is_some(),
            "{name}"
        );
    }
    assert!(
        h.mock.image_id_of("/blog/说明.txt").is_none(),
        "non-images skipped"
    );
    let Some(Modal::Report { title, lines, .. }) = &h.model.modal else {
        panic!("a report of the failure: {:?}", h.model.status)
    };
    assert_eq!(title, "Copied: 4 done, 1 failed");
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("微笑.png: "), "{lines:?}");
    assert_eq!(h.mock.stats().calls_to("/api/v1/oss/source/copy"), 1);
}

#[tokio::test]
async fn local_images_upload_with_refusals_reported() {
    let mut h = Harness::demo().await;
    h.mock.set_knobs(|k| k.complete_pending_polls = 0);
    let local = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n-not-decoded-by-anyone";
    std::fs::create_dir_all(local.path().join("pics")).unwrap();
    std::fs::write(local.path().join("a.png"), png).unwrap();
    std::fs::write(local.path().join("pics/b.png"), png.repeat(2)).unwrap();
    std::fs::write(local.path().join("pics/readme.txt"), b"text").unwrap();
    std::fs::write(local.path().join("notes.txt"), b"text").unwrap();
    h.model.pane_mut(Side::Left).location = Location::Local(local.path().to_path_buf());
    h.images_on(Side::Right).await;
    h.model.focus = Side::Left;
    h.press("<C-r>");
    h.until_loaded(Side::Left).await;
    h.press("<C-a> c");
    // The question walks the sources (on the blocking pool) and lists every refusal, deep in
    // folders too, before anything starts.
    h.until(
        "the sources checked",
        |m| matches!(&m.modal, Some(Modal::TransferAsk(q)) if matches!(q.check, AskCheck::Done(_))),
    )
    .await;
    let Some(Modal::TransferAsk(q)) = &h.model.modal else {
        panic!("{:?}", h.model.status)
    };
    assert!(q.title.starts_with("Upload 3 items"), "{}", q.title);
    let AskCheck::Done(check) = &q.check else {
        unreachable!()
    };
    let mut refused: Vec<&str> = check.refused.iter().map(|r| r.path.as_str()).collect();
    refused.sort();
    assert_eq!(refused, ["notes.txt", "pics/readme.txt"], "{check:?}");
    assert!(
        check.refused[0]
            .reason
            .contains("not a supported image name")
    );
    assert_eq!(check.files, 2);
    assert_eq!(h.mock.stats().calls_to("/upload/v1/oss/file/create"), 0);
    h.press("y");
    h.until("the image batch finished", |m| {
        m.transfers
            .batches
            .values()
            .any(|b| !b.planning && b.ok + b.failed >= b.files && b.files > 0)
    })
    .await;
    assert!(h.mock.image_id_of("/a.png").is_some());
    assert!(h.mock.image_id_of("/pics/b.png").is_some());
    assert!(h.mock.image_id_of("/notes.txt").is_none());
    let refused: Vec<_> = h
        .model
        .transfers
        .jobs
        .iter()
        .filter_map(|j| match &j.info.state {
            panfm::transfer::JobState::Failed { reason } => {
                Some((j.info.name.clone(), reason.clone()))
            }
            _ => None,
        })
        .collect();
    let names: Vec<&str> = refused.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        names,
        ["notes.txt", "readme.txt"],
        "as listed before: {refused:?}"
    );
    let a = h.mock.image_id_of("/a.png").unwrap();
    assert_eq!(h.mock.image_bytes(&a).await.unwrap(), png);
}

#[tokio::test]
async fn markdown_links_of_marked_images_reach_the_clipboard() {
    let mut h = Harness::demo().await;
    h.images_on(Side::Right).await;
    h.open(&["blog"]).await;
    h.cursor_to("hello-world.png");
    h.press("<Space> <Space>");
    let details = h.mock.stats().calls_to("/api/v1/oss/file/detail");
    assert!(h.press("Y").is_empty(), "links are fetched first");
    let text = h.until_clipboard().await;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let base = h.mock.base_url().to_owned();
    for (line, path, name) in [
        (lines[0], "/blog/hello-world.png", "hello-world.png"),
        (lines[1], "/blog/logo.svg", "logo.svg"),
    ] {
        let id = h.mock.image_id_of(path).unwrap();
        let ext = name.rsplit('.').next().unwrap();
        assert!(
            line.starts_with(&format!("![{name}]({base}/oss-img/")),
            "{line}"
        );
        assert!(line.ends_with(&format!("/{id}.{ext})")), "{line}");
    }
    assert_eq!(
        h.mock.stats().calls_to("/api/v1/oss/file/detail"),
        details,
        "the listing already gave the links"
    );
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "Copied 2 links as Markdown"
    );
    // The link really serves the image.
    let url = lines[0].split("](").nth(1).unwrap().trim_end_matches(')');
    let served = reqwest::get(url).await.unwrap().bytes().await.unwrap();
    let id = h.mock.image_id_of("/blog/hello-world.png").unwrap();
    assert_eq!(served.to_vec(), h.mock.image_bytes(&id).await.unwrap());
}

#[tokio::test]
async fn y_on_an_image_folder_copies_the_links_of_its_images() {
    let mut h = Harness::demo().await;
    h.images_on(Side::Right).await;
    h.cursor_to("blog");
    assert!(h.press("y").is_empty(), "links are fetched first");
    let text = h.until_clipboard().await;
    let lines: Vec<&str> = text.lines().collect();
    let base = h.mock.base_url().to_owned();
    let ids: Vec<String> = ["/blog/hello-world.png", "/blog/logo.svg"]
        .iter()
        .map(|p| h.mock.image_id_of(p).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "the images directly in /blog: {text}");
    for (line, id) in lines.iter().zip(&ids) {
        assert!(line.starts_with(&format!("{base}/oss-img/")), "{line}");
        assert!(line.contains(id.as_str()), "{line}");
    }
    assert_eq!(h.model.status.as_ref().unwrap().text, "Copied 2 links");
}
