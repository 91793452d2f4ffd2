//! Cloud browsing in update(): backend switch, search prompt, details, search-result directories.

use crate::app::testing::{file, press, status_text};
use crate::app::*;
use crate::config::Layer;
use crate::fs::{
    CloudDir, CloudSearch, Entry, EntryKey, EntryKind, FsError, FsErrorKind, ImageDir, Location,
};
use pretty_assertions::assert_eq;

fn cloud_entry(id: i64, name: &str, dir: bool) -> Entry {
    let kind = if dir { EntryKind::Dir } else { EntryKind::File };
    let mut e = Entry::new(EntryKey::Cloud(id), name.into(), kind, 100, Some(0));
    e.etag = (!dir).then(|| "0123456789abcdef0123456789abcdef".to_owned());
    e
}

/// Left local `/l` (empty), right cloud root with `entries`, focus on the right.
fn cloud_model(entries: Vec<Entry>) -> Model {
    let local = Location::Local("/l".into());
    let cloud = Location::Cloud(CloudDir::root());
    let mut m = crate::app::testing::listed((local, vec![]), (cloud, entries));
    m.focus = Side::Right;
    m
}

#[test]
fn only_a_start_with_the_cloud_on_fetches_the_account() {
    let mut m = crate::app::testing::model(100, 30);
    m.cloud_enabled = true;
    assert!(start(&mut m).contains(&Effect::FetchAccount));
    let mut m = crate::app::testing::model(100, 30);
    assert!(!start(&mut m).contains(&Effect::FetchAccount));
    press(&mut m, "b");
    assert!(status_text(&m).contains("panfm login"));
    press(&mut m, "S");
    assert!(m.modal.is_none(), "search needs a cloud pane");
}

#[test]
fn account_fills_the_header_or_reports_an_error() {
    let mut m = cloud_model(vec![]);
    let account = Account {
        nickname: "n".into(),
        used: 10,
        total: 100,
        vip: false,
    };
    update(&mut m, Msg::Cloud(CloudMsg::Account(Ok(account.clone()))));
    assert_eq!(m.account, Some(account));
    let err = FsError::new(FsErrorKind::Auth, "access_token无效");
    update(&mut m, Msg::Cloud(CloudMsg::Account(Err(err))));
    assert!(m.status.unwrap().text.contains("access_token无效"));
}

#[test]
fn entering_a_cloud_dir_extends_the_trail() {
    let mut m = cloud_model(vec![
        cloud_entry(7, "照片", true),
        cloud_entry(8, "a.txt", false),
    ]);
    let effects = press(&mut m, "<Enter>");
    let expected = Location::Cloud(CloudDir::root().child(7, "照片"));
    assert_eq!(
        effects,
        vec![Effect::List {
            side: Side::Right,
            ticket: 3,
            location: expected,
            fresh: false
        }]
    );
    let effects = press(&mut m, "<C-r>");
    assert!(
        matches!(effects[0], Effect::List { fresh: true, .. }),
        "refresh bypasses the cache"
    );
    press(&mut m, "~");
    assert_eq!(m.focused().location, Location::Cloud(CloudDir::root()));
}

#[test]
fn backend_switch_parks_and_restores_locations() {
    let mut m = cloud_model(vec![cloud_entry(7, "照片", true)]);
    press(&mut m, "<Enter>");
    // Cloud → image space → local → cloud: each backend comes back where it was left.
    let effects = press(&mut m, "b");
    assert_eq!(m.focused().location, Location::Images(ImageDir::root()));
    assert!(matches!(effects[0], Effect::List { .. }));
    press(&mut m, "b");
    assert_eq!(m.focused().location, Location::Local("/home/u".into()));
    press(&mut m, "b");
    assert_eq!(
        m.focused().location,
        Location::Cloud(CloudDir::root().child(7, "照片"))
    );
    press(&mut m, "b");
    assert_eq!(
        m.focused().location,
        Location::Images(ImageDir::root()),
        "image place parked too"
    );
    press(&mut m, "b");
    assert_eq!(
        m.focused().location,
        Location::Local("/home/u".into()),
        "local place parked too"
    );
    let parked = &m.focused().parked;
    assert_eq!(parked.len(), 3, "one place per backend: {parked:?}");
    assert!(parked.contains(&Location::Cloud(CloudDir::root().child(7, "照片"))));
}

#[test]
fn search_prompt_takes_text_and_lists_results() {
    let mut m = cloud_model(vec![]);
    press(&mut m, "S");
    assert_eq!(m.layer(), Layer::Input);
    press(&mut m, "<Enter>");
    let Some(Modal::Input(state)) = &m.modal else {
        panic!("prompt stays open")
    };
    assert!(state.error.is_some(), "empty search refused");
    press(&mut m, "= 2 0 2 4");
    update(&mut m, Msg::Paste(" 春节\nignored".into()));
    let effects = press(&mut m, "<Enter>");
    let want = Location::Search(CloudSearch {
        query: "2024 春节".into(),
        exact: true,
    });
    assert_eq!(m.focused().location, want);
    assert!(matches!(&effects[0], Effect::List { location, .. } if *location == want));
    assert!(m.modal.is_none());
}

#[test]
fn escape_cancels_the_prompt() {
    let mut m = cloud_model(vec![]);
    press(&mut m, "S x <Esc>");
    assert!(m.modal.is_none());
    assert_eq!(m.focused().location, Location::Cloud(CloudDir::root()));
}

#[test]
fn directories_found_by_search_are_resolved_before_entering() {
    let mut m = cloud_model(vec![]);
    press(&mut m, "S a <Enter>");
    let ticket = match &m.focused().load {
        LoadState::Loading(t) => *t,
        other => panic!("{other:?}"),
    };
    let entries = vec![cloud_entry(42, "deep", true)];
    update(
        &mut m,
        Msg::Listing(ListingMsg::Page {
            side: Side::Right,
            ticket,
            entries,
        }),
    );
    let effects = press(&mut m, "<Enter>");
    let [
        Effect::ResolveCloudDir {
            side,
            ticket,
            id: 42,
            want: None,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    let dir = CloudDir::root().child(1, "a").child(42, "deep");
    let stale = CloudMsg::Resolved {
        side: *side,
        ticket: ticket - 1,
        want: None,
        result: Ok(dir.clone()),
    };
    assert!(
        update(&mut m, Msg::Cloud(stale)).is_empty(),
        "stale resolution ignored"
    );
    let msg = CloudMsg::Resolved {
        side: *side,
        ticket: *ticket,
        want: None,
        result: Ok(dir.clone()),
    };
    let effects = update(&mut m, Msg::Cloud(msg));
    assert_eq!(m.focused().location, Location::Cloud(dir));
    assert!(matches!(effects[0], Effect::List { .. }));
    assert!(matches!(
        m.focused().history.back.last(),
        Some(Location::Search(_))
    ));
}

#[test]
fn details_show_at_once_and_fill_in_from_the_cloud() {
    let mut m = cloud_model(vec![
        cloud_entry(7, "dir", true),
        cloud_entry(8, "a.txt", false),
    ]);
    press(&mut m, "j");
    let effects = press(&mut m, "i");
    assert_eq!(effects, vec![Effect::FetchDetails { id: 8 }]);
    assert_eq!(m.layer(), Layer::Info);
    let Some(Modal::Details(state)) = &m.modal else {
        panic!()
    };
    assert!(state.loading);
    assert_eq!(
        state.details.md5.as_deref(),
        Some("0123456789abcdef0123456789abcdef")
    );
    let other = EntryDetails {
        id: Some(99),
        ..EntryDetails::default()
    };
    update(
        &mut m,
        Msg::Cloud(CloudMsg::Details {
            id: 99,
            result: Ok(other),
        }),
    );
    let full = EntryDetails {
        id: Some(8),
        name: "a.txt".into(),
        size: Some(100),
        created: Some(5),
        ..EntryDetails::default()
    };
    update(
        &mut m,
        Msg::Cloud(CloudMsg::Details {
            id: 8,
            result: Ok(full.clone()),
        }),
    );
    let Some(Modal::Details(state)) = &m.modal else {
        panic!()
    };
    assert_eq!((state.loading, &state.details), (false, &full));
    press(&mut m, "q");
    assert!(
        m.modal.is_none() && !m.quit,
        "q closes details, it does not quit"
    );
}

#[test]
fn local_details_need_no_request() {
    let mut m = crate::app::testing::loaded(100, 30, vec![file("a", 5)], vec![]);
    assert!(press(&mut m, "i").is_empty());
    let Some(Modal::Details(state)) = &m.modal else {
        panic!()
    };
    assert_eq!((state.loading, state.details.size), (false, Some(5)));
}
