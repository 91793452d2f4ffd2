//! Share links and direct links: every call of the client against the mock under strict
//! names, the list walk to `lastShareId == -1`, and the refusals made before any request.

use panfm::api::{
    ApiErrorKind, Client, GuestAccess, PaidShareRequest, ROOT_DIR, ShareExpiry, ShareRequest,
    ShareSettings, share_link,
};

use crate::common::{calls, client, config, mock};

fn request(name: &str, ids: Vec<i64>) -> ShareRequest {
    ShareRequest {
        name: name.to_owned(),
        expiry: ShareExpiry::Week,
        file_ids: ids,
        code: Some("ab12".to_owned()),
        settings: ShareSettings {
            access: Some(GuestAccess {
                guests: true,
                over_quota: false,
            }),
            traffic_limit: Some(Some(5 << 30)),
        },
    }
}

#[tokio::test]
async fn create_list_and_edit_free_and_paid_shares() {
    let mock = mock().await;
    let dir = mock.put_dir(ROOT_DIR, "照片").unwrap();
    let file = mock.put_file(ROOT_DIR, "a.txt", b"a").await.unwrap();
    let client = client(&mock);
    let created = client
        .share_create(&request("照片和文件", vec![dir, file]))
        .await
        .unwrap();
    assert_eq!(created.link(), share_link(&created.key));
    assert!(created.link().starts_with("https://www.123pan.com/s/"));
    // The default 2 QPS of share/create would take a minute here: a client without pacing.
    let mut unpaced = config(&mock, None);
    unpaced.rate_limit = false;
    let unpaced = Client::new(unpaced).unwrap();
    for i in 0..104 {
        let mut r = request(&format!("s{i}"), vec![file]);
        r.code = None;
        r.settings = ShareSettings::default();
        unpaced.share_create(&r).await.unwrap();
    }
    let paid = client
        .share_create_paid(&PaidShareRequest {
            name: "付费".into(),
            file_ids: vec![file],
            price: 5,
            tips: true,
            description: "说明".into(),
            settings: ShareSettings::default(),
        })
        .await
        .unwrap();

    let free = client.share_list_all(false).await.unwrap();
    assert_eq!(free.len(), 105);
    assert_eq!(
        calls(&mock, "/api/v1/share/list"),
        2,
        "105 shares = 100 + 5"
    );
    let first = free.iter().find(|s| s.id == created.id).unwrap();
    assert_eq!(first.name, "照片和文件");
    assert_eq!(first.code, "ab12");
    assert!(first.access.guests && !first.access.over_quota);
    assert_eq!(first.traffic_limit, Some(5 << 30));
    assert!(!first.expired && first.expires_at.is_some() && first.price.is_none());
    let plain = free.iter().find(|s| s.name == "s0").unwrap();
    assert_eq!((plain.code.as_str(), plain.traffic_limit), ("", None));
    let paid_list = client.share_list_all(true).await.unwrap();
    assert_eq!(paid_list.len(), 1);
    assert_eq!((paid_list[0].id, paid_list[0].price), (paid.id, Some(5)));

    let settings = ShareSettings {
        access: Some(GuestAccess {
            guests: false,
            over_quota: true,
        }),
        traffic_limit: Some(None),
    };
    client
        .share_edit(false, &[created.id, plain.id], settings)
        .await
        .unwrap();
    client.share_edit(true, &[paid.id], settings).await.unwrap();
    let wrong = client.share_edit(false, &[paid.id], settings).await;
    assert_eq!(wrong.unwrap_err().kind, ApiErrorKind::Fatal);
    let after = client.share_page(false, 0).await.unwrap();
    let edited = after.shares.iter().find(|s| s.id == created.id).unwrap();
    assert!(edited.access.over_quota && !edited.access.guests);
    assert_eq!(edited.traffic_limit, None);
    assert_eq!(after.next, Some(after.shares[99].id));
    let paid_after = client.share_list_all(true).await.unwrap();
    assert!(paid_after[0].access.over_quota);
}

#[tokio::test]
async fn bad_names_codes_and_too_many_items_are_refused_before_any_request() {
    let mock = mock().await;
    let client = client(&mock);
    let ids: Vec<i64> = (1..=101).collect();
    for (r, needle) in [
        (request("a/b", vec![1]), "may not contain"),
        (request(&"名".repeat(35), vec![1]), "fewer than 35"),
        (request("ok", ids), "at most 100"),
        (request("ok", vec![]), "nothing to share"),
        (
            ShareRequest {
                code: Some("a b".into()),
                ..request("ok", vec![1])
            },
            "letters or digits",
        ),
    ] {
        let e = client.share_create(&r).await.unwrap_err();
        assert!(e.message.contains(needle), "{e}");
    }
    let e = client
        .share_edit(false, &[1], ShareSettings::default())
        .await
        .unwrap_err();
    assert!(e.message.contains("nothing to change"), "{e}");
    assert_eq!(mock.stats().calls_to("/api/v1/share/create"), 0);
    assert_eq!(mock.stats().calls_to("/api/v1/share/list/info"), 0);
}

#[tokio::test]
async fn direct_links_enable_url_log_and_disable() {
    let mock = mock().await;
    let dir = mock.put_dir(ROOT_DIR, "公开").unwrap();
    let file = mock
        .put_file(dir, "data 1.bin", b"0123456789")
        .await
        .unwrap();
    let client = client(&mock);
    let not_yet = client.direct_link_url(file).await.unwrap_err();
    assert_eq!(not_yet.kind, ApiErrorKind::Fatal);
    assert!(not_yet.message.contains("直链空间"), "{not_yet}");
    assert_eq!(client.direct_link_enable(dir).await.unwrap(), "公开");
    let url = client.direct_link_url(file).await.unwrap();
    let body = reqwest::get(&url).await.unwrap().bytes().await.unwrap();
    assert_eq!(body.as_ref(), b"0123456789", "no token needed");
    let log = client.direct_link_log().await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].name.as_str(), log[0].path.as_str(), log[0].traffic),
        ("data 1.bin", "/公开/data 1.bin", 10)
    );
    assert_eq!((log[0].url.as_str(), log[0].source), (url.as_str(), 1));
    assert_eq!(client.direct_link_disable(dir).await.unwrap(), "公开");
    assert!(client.direct_link_url(file).await.is_err());
    let twice = client.direct_link_disable(dir).await.unwrap_err();
    assert!(twice.message.contains("未启用"), "{twice}");
    assert_eq!(mock.stats().calls_to("/api/v1/direct-link/disable"), 2);
}
