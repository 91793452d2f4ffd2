//! Going to a typed path through the real executor and the mock: Tab completes cloud,
//! image-space and local folder names, a path that leads nowhere opens its nearest folder
//! and says what is missing, and `H` returns to where the pane was.

use crate::Harness;
use panfm::app::{Modal, Model, Side};
use panfm::fs::{CloudDir, Location};

fn prompt(m: &Model) -> &str {
    match &m.modal {
        Some(Modal::Input(state)) => state.input.value(),
        _ => "",
    }
}

impl Harness {
    /// Presses Tab and waits for the prompt to read `want`.
    async fn complete_to(&mut self, want: &str) {
        self.press("<Tab>");
        self.until("completion", |m| prompt(m) == want).await;
    }
}

#[tokio::test]
async fn typed_paths_complete_and_open_their_nearest_folder() {
    let mut h = Harness::demo().await;
    h.press("g <Space>");
    assert_eq!(prompt(&h.model), "cloud:/");
    h.type_text("照片/2023");
    h.complete_to("cloud:/照片/2023 旅行 🌴/").await;
    h.type_text("三亚/第九天/x");
    h.press("<Enter>");
    h.until_loaded(Side::Right).await;
    let sanya = ["照片", "2023 旅行 🌴", "三亚"];
    let Location::Cloud(dir) = &h.model.focused().location else {
        panic!("{:?}", h.model.focused().location)
    };
    assert_eq!(dir.path(), format!("/{}", sanya.join("/")));
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "Showing cloud:/照片/2023 旅行 🌴/三亚: 第九天 not found there"
    );
    h.press("H");
    h.until_loaded(Side::Right).await;
    assert_eq!(
        h.model.focused().location,
        Location::Cloud(CloudDir::root())
    );

    h.press("<A-c> <C-u>");
    h.type_text("images:/bl");
    h.complete_to("images:/blog/").await;
    h.press("<Enter>");
    h.until_loaded(Side::Right).await;
    assert_eq!(h.model.focused().location.display(), "/blog");
    assert!(h.model.focused().location.is_images());
}

#[tokio::test]
async fn a_typed_local_path_completes_from_the_disk() {
    let mut h = Harness::demo().await;
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("相册 2024/inner")).unwrap();
    std::fs::write(d.path().join("相册 2024/f.txt"), b"x").unwrap();
    let base = d.path().display().to_string();
    h.press("g <Space> /");
    assert_eq!(
        prompt(&h.model),
        "cloud:/",
        "a / first stays on the pane's drive"
    );
    h.press("<C-u>");
    h.type_text(&format!("{base}/相"));
    h.complete_to(&format!("{base}/相册 2024/")).await;
    h.type_text("f.txt/x");
    h.press("<Enter>");
    h.until_loaded(Side::Right).await;
    let pane = h.model.focused();
    assert_eq!(pane.location, Location::Local(d.path().join("相册 2024")));
    assert!(h.names().contains(&"inner".to_owned()));
    assert!(
        h.model
            .status
            .as_ref()
            .unwrap()
            .text
            .ends_with("f.txt is not a folder"),
        "{:?}",
        h.model.status
    );
}
