//! View tests for share links: the share dialog (80×24) with its focused row and a refusal,
//! and the shares panel (120×35 and 80×24) with paid, expired and marked rows.

use crate::api::{GuestAccess, ShareInfo};
use crate::app::testing::{loaded, press, sample_left};
use crate::app::{Modal, Model, ShareForm, SharesView, Side};
use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, Location};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn cloud_model(width: u16, height: u16) -> Model {
    let entries: Vec<Entry> = ["2024 春节", "README.txt", "欢迎使用 panfm.md"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let kind = if i == 0 {
                EntryKind::Dir
            } else {
                EntryKind::File
            };
            Entry::new(
                EntryKey::Cloud(i as i64 + 1),
                (*name).into(),
                kind,
                870,
                Some(1_709_280_000),
            )
        })
        .collect();
    let mut m = loaded(width, height, sample_left(), vec![]);
    m.cloud_enabled = true;
    let pane = m.pane_mut(Side::Right);
    pane.location = Location::Cloud(CloudDir::root().child(9, "照片"));
    let (spec, vis) = (pane.sort, pane.visibility());
    pane.listing.push_page(entries, spec, &vis, None);
    m.focus = Side::Right;
    m
}

fn share(id: i64, name: &str) -> ShareInfo {
    ShareInfo {
        id,
        key: format!("Ab{id}d-EfGh"),
        name: name.into(),
        expires_at: chrono::DateTime::from_timestamp(1_767_225_600, 0),
        expired: false,
        code: "fu24".into(),
        access: GuestAccess {
            guests: true,
            over_quota: false,
        },
        traffic_limit: None,
        traffic_used: 0,
        previews: 128,
        downloads: 37,
        saves: 9,
        price: None,
    }
}

fn panel(width: u16, height: u16) -> Model {
    let mut m = cloud_model(width, height);
    let mut rows = vec![
        share(1, "2024 春节照片"),
        share(2, "panfm 发布包 with a rather long name"),
        share(3, "工作总结"),
        share(4, "Rust 学习笔记"),
    ];
    rows[1].expires_at = None;
    rows[1].code.clear();
    rows[1].access.over_quota = true;
    rows[1].traffic_limit = Some(10 << 30);
    rows[2].expired = true;
    rows[3].price = Some(5);
    rows[3].code.clear();
    let view = SharesView {
        rows,
        cursor: 1,
        marked: [3].into(),
        loading: None,
        error: None,
    };
    m.modal = Some(Modal::Shares(Box::new(view)));
    m
}

#[test]
fn snapshot_share_dialog_80x24() {
    let mut m = cloud_model(80, 24);
    m.entropy = 7;
    press(&mut m, "j <Space> <Space> P");
    assert!(matches!(m.modal, Some(Modal::Share(_))));
    press(&mut m, "? <Enter>");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn snapshot_shares_panel_120x35() {
    insta::assert_snapshot!(screen(&panel(120, 35)).backend());
}

#[test]
fn snapshot_shares_panel_80x24() {
    insta::assert_snapshot!(screen(&panel(80, 24)).backend());
}

#[test]
fn the_settings_dialog_shows_only_its_three_rows() {
    let m = panel(80, 24);
    let Some(Modal::Shares(view)) = &m.modal else {
        panic!()
    };
    let form = ShareForm::edit(vec![(2, false)], &view.rows[1], view.as_ref().clone());
    let mut m = m.clone();
    m.modal = Some(Modal::Share(Box::new(form)));
    let t = screen(&m);
    let text: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("Guest access and traffic limit of 1 share"));
    assert!(text.contains("10G") && text.contains("Over quota"));
    assert!(!text.contains("Expires"), "no expiry to change");
}
