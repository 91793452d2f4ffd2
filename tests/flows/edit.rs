//! F4 on a cloud file through the real executor, transfer engine and mock: the download into
//! a private folder, the editor (a command run where the run loop would hand over the
//! screen), the upload back — or nothing, when the save changed nothing — and the question
//! when the file changed on the drive meanwhile.

use super::Harness;
use crossterm::event::KeyCode;
use panfm::app::{EditEffect, EditId, EditMsg, Effect, Modal, Msg};
use panfm::edit::Editor;
use panfm::runtime::dispatch;
use std::path::PathBuf;
use std::time::Duration;

const FILE: &str = "欢迎使用 panfm.md";

impl Harness {
    /// Applies messages until the edit asks for the editor; returns what it opens.
    async fn until_editor(&mut self) -> (Option<EditId>, PathBuf) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            let msg = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .unwrap_or_else(|_| panic!("no editor; status {:?}", self.model.status))
                .expect("channel open");
            for effect in dispatch(&mut self.model, &mut self.executor, msg) {
                if let Effect::Edit(EditEffect::Open { id, path }) = effect {
                    return (id, path);
                }
            }
        }
    }

    /// Applies messages until one matches `wanted`.
    async fn until_msg(&mut self, what: &str, wanted: impl Fn(&Msg) -> bool) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            let msg = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .unwrap_or_else(|_| panic!("timed out waiting for {what}"))
                .expect("channel open");
            let found = wanted(&msg);
            dispatch(&mut self.model, &mut self.executor, msg);
            if found {
                return;
            }
        }
    }

    /// Runs `editor` on the copy as the run loop would, and applies what it reports.
    async fn close_editor(&mut self, id: Option<EditId>, path: PathBuf, editor: &str) {
        let editor = Editor::new(editor);
        let msg =
            tokio::task::spawn_blocking(move || panfm::runtime::edit::open(id, path, &editor))
                .await
                .unwrap();
        let held = dispatch(&mut self.model, &mut self.executor, msg);
        assert!(held.is_empty(), "{held:?}");
    }

    fn status(&self) -> String {
        self.model
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    async fn cloud_bytes(&self, path: &str) -> Vec<u8> {
        let id = self.mock.id_of(path).unwrap();
        self.mock.file_bytes(id).await.unwrap()
    }

    fn uploads(&self) -> u64 {
        let s = self.mock.stats();
        s.calls_to("/upload/v2/file/create") + s.calls_to("/upload/v2/file/single/create")
    }
}

async fn opened() -> (Harness, Option<EditId>, PathBuf, Vec<u8>) {
    let mut h = Harness::demo().await;
    let before = h.cloud_bytes(&format!("/{FILE}")).await;
    h.cursor_to(FILE);
    h.key(KeyCode::F(4));
    let (id, path) = h.until_editor().await;
    assert!(id.is_some());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the copy is the cloud file"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = path.parent().unwrap();
        let mode = std::fs::metadata(dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "a private folder");
    }
    (h, id, path, before)
}

#[tokio::test]
async fn a_saved_change_goes_back_to_the_drive_and_the_copy_goes() {
    let (mut h, id, path, before) = opened().await;
    h.close_editor(id, path.clone(), "sed -i s/panfm/PANFM/")
        .await;
    h.until("the upload back", |m| m.edits.sessions.is_empty())
        .await;
    assert_eq!(h.status(), format!("Saved cloud:/{FILE} to the drive"));
    let after = h.cloud_bytes(&format!("/{FILE}")).await;
    let expected = String::from_utf8(before).unwrap().replace("panfm", "PANFM");
    assert_eq!(String::from_utf8(after).unwrap(), expected);
    let dir = path.parent().unwrap().to_owned();
    h.until_msg(
        "the copy removed",
        |m| matches!(m, Msg::Edit(EditMsg::Cleaned { dir: d, result: Ok(()) }) if *d == dir),
    )
    .await;
    assert!(!dir.exists());
    // The pane shows the new file (a new id) under the old name, once.
    let md5 = panfm::api::md5_hex(expected.as_bytes());
    h.until("the pane patched", |m| {
        let rows: Vec<_> = m
            .focused()
            .listing
            .visible()
            .filter(|e| e.name == FILE)
            .collect();
        rows.len() == 1 && rows[0].etag.as_deref() == Some(md5.as_str())
    })
    .await;
}

#[tokio::test]
async fn an_unchanged_save_sends_nothing() {
    let (mut h, id, path, before) = opened().await;
    let uploads = h.uploads();
    h.close_editor(id, path.clone(), "true").await;
    assert_eq!(h.status(), format!("{FILE} unchanged: nothing uploaded"));
    assert!(h.model.edits.sessions.is_empty());
    assert_eq!(h.uploads(), uploads);
    assert_eq!(h.cloud_bytes(&format!("/{FILE}")).await, before);
    h.until_msg("the copy removed", |m| {
        matches!(m, Msg::Edit(EditMsg::Cleaned { .. }))
    })
    .await;
    assert!(!path.exists());
}

#[tokio::test]
async fn a_file_changed_meanwhile_asks_and_overwrite_wins() {
    let (mut h, id, path, _) = opened().await;
    h.mock
        .replace_file(0, FILE, "theirs\n".as_bytes())
        .await
        .unwrap();
    h.close_editor(id, path.clone(), "sed -i s/panfm/PANFM/")
        .await;
    h.until("the question", |m| {
        matches!(m.modal, Some(Modal::EditAsk(_)))
    })
    .await;
    let Some(Modal::EditAsk(ask)) = &h.model.modal else {
        unreachable!()
    };
    assert!(ask.drift);
    assert!(
        ask.lines
            .iter()
            .any(|l| l.contains(&path.display().to_string()))
    );
    assert_eq!(h.cloud_bytes(&format!("/{FILE}")).await, b"theirs\n");
    h.key(KeyCode::Char('o'));
    h.until("the upload back", |m| m.edits.sessions.is_empty())
        .await;
    let after = String::from_utf8(h.cloud_bytes(&format!("/{FILE}")).await).unwrap();
    assert!(after.contains("PANFM"), "{after}");
    h.until_msg("the copy removed", |m| {
        matches!(m, Msg::Edit(EditMsg::Cleaned { .. }))
    })
    .await;
    assert!(!path.exists());
}
