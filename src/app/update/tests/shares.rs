//! Share links and direct links in update(): the dialog (refusals before any effect, the
//! request it builds, the link and code on the clipboard), the shares panel (stale answers
//! dropped, copy, settings of paid and free shares), direct links and direct-link space.

use crate::api::{CreatedShare, GuestAccess, ShareExpiry, ShareInfo, ShareSettings};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::config::Layer;
use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, Location};
use pretty_assertions::assert_eq;

fn entry(id: i64, name: &str, dir: bool) -> Entry {
    let kind = if dir { EntryKind::Dir } else { EntryKind::File };
    Entry::new(EntryKey::Cloud(id), name.into(), kind, 100, Some(0))
}

/// Left local, right cloud folder /pub (id 5) with a folder and `files` files; focus right.
fn cloud(files: usize) -> Model {
    let mut entries = vec![entry(10, "docs", true)];
    entries.extend((0..files).map(|i| entry(100 + i as i64, &format!("f{i:03}.txt"), false)));
    let dir = CloudDir::root().child(5, "pub");
    let local = (Location::Local("/l".into()), vec![]);
    let mut m = crate::app::testing::listed(local, (Location::Cloud(dir), entries));
    m.focus = Side::Right;
    m
}

fn form(m: &Model) -> &ShareForm {
    match &m.modal {
        Some(Modal::Share(form)) => form,
        other => panic!("no share dialog: {other:?}"),
    }
}

fn share(id: i64, name: &str, paid: bool) -> ShareInfo {
    ShareInfo {
        id,
        key: format!("K{id}"),
        name: name.into(),
        expires_at: None,
        expired: false,
        code: if paid { String::new() } else { "ab12".into() },
        access: GuestAccess {
            guests: true,
            over_quota: false,
        },
        traffic_limit: Some(10 << 30),
        traffic_used: 0,
        previews: 1,
        downloads: 2,
        saves: 3,
        price: paid.then_some(5),
    }
}

#[test]
fn the_dialog_refuses_bad_values_then_sends_the_request() {
    let mut m = cloud(2);
    m.entropy = 42;
    press(&mut m, "j <Space> <Space>");
    press(&mut m, "P");
    assert_eq!(m.layer(), Layer::Share);
    let f = form(&m);
    assert_eq!(f.name.value(), "f000.txt");
    assert_eq!((f.expiry, f.code.value().len()), (ShareExpiry::Week, 4));
    let code = f.code.value().to_owned();
    press(&mut m, "<C-g>");
    assert_ne!(form(&m).code.value(), code, "C-g draws another code");

    press(&mut m, ": <Enter>");
    assert!(form(&m).error.as_deref().unwrap().contains("':'"));
    press(
        &mut m,
        "<Backspace> <Tab> <Right> <Right> <Tab> <Tab> <Space> <Tab> <Tab>",
    );
    press(&mut m, "<Backspace> <Backspace> <Backspace> 5 G");
    let effects = press(&mut m, "<Enter>");
    assert!(form(&m).busy);
    let [Effect::Share(ShareEffect::Create { request })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(request.name, "f000.txt");
    assert_eq!(request.expiry, ShareExpiry::Permanent);
    assert_eq!(request.file_ids, vec![100, 101]);
    assert_eq!(request.code.as_deref(), Some(form(&m).code.value()));
    assert_eq!(
        request.settings,
        ShareSettings {
            access: Some(GuestAccess {
                guests: true,
                over_quota: false
            }),
            traffic_limit: Some(Some(5 << 30)),
        }
    );
    assert!(
        press(&mut m, "<Enter>").is_empty(),
        "no second request while one is out"
    );

    let code = request.code.clone().unwrap();
    let created = CreatedShare {
        id: 9,
        key: "AbCd-EfGh".into(),
    };
    let answer = SharesMsg::Created {
        result: Ok(created),
        items: 2,
        code: Some(code.clone()),
    };
    let effects = update(&mut m, Msg::Shares(answer));
    let line = format!("https://www.123pan.com/s/AbCd-EfGh code: {code}");
    assert_eq!(effects, vec![Effect::Clipboard { text: line.clone() }]);
    let Some(Modal::Links { lines, title, .. }) = &m.modal else {
        panic!("{:?}", m.modal);
    };
    assert_eq!(lines, &vec![line]);
    assert!(
        title.contains("Shared 2 entries: link and code copied"),
        "{title}"
    );
}

#[test]
fn a_server_refusal_stays_in_the_dialog() {
    let mut m = cloud(1);
    press(&mut m, "j P <Enter>");
    let refused = SharesMsg::Created {
        result: Err("分享ID非法".into()),
        items: 1,
        code: None,
    };
    update(&mut m, Msg::Shares(refused));
    let f = form(&m);
    assert!(!f.busy && f.error.as_deref() == Some("分享ID非法"));
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
}

#[test]
fn a_share_made_after_the_dialog_closed_still_reaches_the_clipboard_with_its_code() {
    let mut m = cloud(1);
    press(&mut m, "j P <Enter> <Esc>");
    assert!(m.modal.is_none());
    let answer = SharesMsg::Created {
        result: Ok(CreatedShare {
            id: 1,
            key: "k".into(),
        }),
        items: 1,
        code: Some("ab12".into()),
    };
    let effects = update(&mut m, Msg::Shares(answer));
    let text = "https://www.123pan.com/s/k code: ab12".to_owned();
    assert_eq!(effects, vec![Effect::Clipboard { text }]);
    assert!(matches!(m.modal, Some(Modal::Links { .. })));
}

#[test]
fn more_than_a_hundred_marks_are_refused_before_the_dialog() {
    let mut m = cloud(101);
    press(&mut m, "j <C-a>");
    press(&mut m, "P");
    assert!(m.modal.is_none());
    assert!(
        status_text(&m).contains("102 entries are marked"),
        "{}",
        status_text(&m)
    );
    let mut local = crate::app::testing::loaded(100, 30, vec![], vec![]);
    press(&mut local, "P");
    assert!(
        status_text(&local).contains("cloud"),
        "{}",
        status_text(&local)
    );
}

#[test]
fn the_panel_drops_stale_lists_copies_and_edits_paid_and_free_shares() {
    let mut m = cloud(0);
    let effects = press(&mut m, "g s");
    let [Effect::Share(ShareEffect::List { ticket })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let rows = vec![
        share(1, "a", false),
        share(2, "b", true),
        share(3, "c", false),
    ];
    let stale = SharesMsg::Listed {
        ticket: ticket + 100,
        result: Ok(vec![]),
    };
    update(&mut m, Msg::Shares(stale));
    let listed = SharesMsg::Listed {
        ticket: *ticket,
        result: Ok(rows),
    };
    update(&mut m, Msg::Shares(listed));
    let Some(Modal::Shares(view)) = &m.modal else {
        panic!()
    };
    assert_eq!((view.rows.len(), view.loading), (3, None));
    assert_eq!(m.layer(), Layer::Shares);

    let copied = press(&mut m, "y");
    let text = "https://www.123pan.com/s/K1 code: ab12".to_owned();
    assert_eq!(copied, vec![Effect::Clipboard { text }]);
    press(&mut m, "<Space> <Space>");
    press(&mut m, "e");
    assert_eq!(m.layer(), Layer::Share);
    assert_eq!(
        form(&m).limit.value(),
        "10G",
        "starts from the marked share's values"
    );
    press(&mut m, "<Space> <Down> <Down>");
    press(&mut m, "<C-u> o f f");
    let effects = press(&mut m, "<Enter>");
    let expected = ShareEffect::Edit {
        free: vec![1],
        paid: vec![2],
        settings: ShareSettings {
            access: Some(GuestAccess::default()),
            traffic_limit: Some(None),
        },
    };
    assert_eq!(effects, vec![Effect::Share(expected)]);
    let effects = update(
        &mut m,
        Msg::Shares(SharesMsg::Edited {
            count: 2,
            result: Ok(()),
        }),
    );
    assert!(matches!(
        effects.as_slice(),
        [Effect::Share(ShareEffect::List { .. })]
    ));
    let Some(Modal::Shares(view)) = &m.modal else {
        panic!()
    };
    assert_eq!(view.marked.len(), 2, "back to the panel as it was");
    assert_eq!(status_text(&m), "Changed 2 shares");
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
}

#[test]
fn direct_links_of_files_and_the_folder_named_when_there_is_none() {
    let mut m = cloud(2);
    assert!(press(&mut m, "y").is_empty(), "a folder has no direct link");
    assert!(status_text(&m).contains("D e"), "{}", status_text(&m));
    let effects = press(&mut m, "j y");
    let [
        Effect::Share(ShareEffect::DirectLinks {
            items,
            fix,
            markdown,
        }),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(
        (items.as_slice(), *markdown),
        (&[(100, "f000.txt".to_owned())][..], false)
    );
    assert!(fix.contains("cloud:/pub"), "{fix}");
    let links = vec![
        ImageLink {
            name: "f000.txt".into(),
            url: Ok("http://x/dlink/1/pub/f000.txt".into()),
        },
        ImageLink {
            name: "f001.txt".into(),
            url: Err(format!("{fix} (the server says: no)")),
        },
    ];
    let effects = update(
        &mut m,
        Msg::Shares(SharesMsg::DirectLinks {
            markdown: true,
            links,
        }),
    );
    let text = "[f000.txt](http://x/dlink/1/pub/f000.txt)".to_owned();
    assert_eq!(effects, vec![Effect::Clipboard { text }]);
    let Some(Modal::Links { failed, .. }) = &m.modal else {
        panic!()
    };
    assert!(failed[0].contains("cloud:/pub"), "{failed:?}");
}

#[test]
fn direct_link_space_is_switched_after_asking() {
    let mut m = cloud(1);
    press(&mut m, "D e");
    let Some(Modal::DirectLinkAsk { dir, path, on }) = &m.modal else {
        panic!("{:?}", m.modal)
    };
    assert_eq!((*dir, path.as_str(), *on), (10, "cloud:/pub/docs", true));
    assert!(press(&mut m, "n").is_empty());
    assert!(m.modal.is_none());
    press(&mut m, "j D d");
    let effects = press(&mut m, "y");
    let expected = ShareEffect::DirectLinkSpace {
        dir: 5,
        path: "cloud:/pub".into(),
        on: false,
    };
    assert_eq!(effects, vec![Effect::Share(expected)]);
    let done = SharesMsg::Switched {
        path: "cloud:/pub".into(),
        on: false,
        result: Ok(()),
    };
    update(&mut m, Msg::Shares(done));
    assert_eq!(status_text(&m), "Direct-link space of cloud:/pub is off");
    assert_eq!(
        press(&mut m, "D l"),
        vec![Effect::Share(ShareEffect::DirectLinkLog)]
    );
    update(
        &mut m,
        Msg::Shares(SharesMsg::Log(Err("开发者权益".into()))),
    );
    assert!(status_text(&m).contains("developer privilege"));
}
