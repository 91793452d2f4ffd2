//! `panfm share …` and `panfm direct-link …` through the binary against the mock: links and
//! codes printed, `--json` shapes, switches changed, refusals before any request (exit 2),
//! and a direct link that works without a token.

use crate::common::Env;

#[test]
fn create_list_and_set_shares() {
    let env = Env::new();
    env.file("/a/x.txt", b"x");
    env.file("/a/y.txt", b"y");
    env.dir("/b");
    let run = env
        .run(&[
            "share", "create", "/a/x.txt", "/b", "--code", "ab12", "--days", "30",
        ])
        .ok();
    let lines = run.lines();
    assert_eq!(lines.len(), 2, "{run:?}");
    assert!(lines[0].starts_with("https://www.123pan.com/s/"), "{run:?}");
    assert_eq!(lines[1], "code: ab12");
    assert!(
        run.stderr
            .contains("Shared 2 items as \"x.txt\", for 30 days"),
        "{run:?}"
    );

    let args = [
        "share",
        "create",
        "--json",
        "--name",
        "Nice",
        "--days",
        "0",
        "--guest",
        "on",
        "--traffic-limit",
        "1G",
        "/a/y.txt",
    ];
    let created = env.run(&args).ok().json();
    let second = &created["results"][0];
    assert_eq!(
        (second["name"].as_str(), second["days"].as_u64()),
        (Some("Nice"), Some(0))
    );
    assert!(created["errors"].as_array().unwrap().is_empty());

    let listed = env.run(&["share", "ls", "--json"]).ok().json();
    let all = listed.as_array().unwrap();
    assert_eq!(all.len(), 2);
    let nice = all.iter().find(|s| s["link"] == second["link"]).unwrap();
    assert_eq!(
        (nice["guest"].as_bool(), nice["overQuota"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(nice["trafficLimit"], 1u64 << 30);
    assert_eq!(nice["expiresAt"], serde_json::Value::Null, "permanent");
    let first = all.iter().find(|s| s["name"] == "x.txt").unwrap();
    assert_eq!(first["code"], "ab12");
    let text = env.run(&["share", "ls"]).ok();
    assert!(
        text.lines()[0].starts_with("ID") && text.stdout.contains("permanent"),
        "{text:?}"
    );
    assert!(text.stdout.contains(lines[0]), "{text:?}");

    let id = nice["id"].to_string();
    env.run(&[
        "share",
        "set",
        &id,
        "--over-quota",
        "on",
        "--traffic-limit",
        "off",
    ])
    .ok();
    let listed = env.run(&["share", "ls", "--json"]).ok().json();
    let nice = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == nice["id"])
        .cloned();
    let nice = nice.unwrap();
    assert_eq!(
        (nice["guest"].as_bool(), nice["overQuota"].as_bool()),
        (Some(true), Some(true))
    );
    assert!(nice["trafficLimit"].is_null());

    let nothing = env.run(&["share", "set", &id]);
    assert_eq!(nothing.code, 2, "{nothing:?}");
    let unknown = env.run(&["share", "set", "999", "--guest", "on"]);
    assert_eq!(unknown.code, 1, "{unknown:?}");
    assert!(
        unknown.stderr.contains("panfm: 999: no such share"),
        "{unknown:?}"
    );
}

#[test]
fn bad_input_is_refused_before_any_request() {
    let env = Env::new();
    env.file("/a/x.txt", b"x");
    let bad_name = env.run(&["share", "create", "--name", "a:b", "/a/x.txt"]);
    assert_eq!(bad_name.code, 2, "{bad_name:?}");
    assert!(
        bad_name.stderr.contains("may not contain ':'"),
        "{bad_name:?}"
    );
    let long = "名".repeat(35);
    assert_eq!(
        env.run(&["share", "create", "--name", &long, "/a/x.txt"])
            .code,
        2
    );
    assert_eq!(
        env.run(&["share", "create", "--code", "a b", "/a/x.txt"])
            .code,
        2
    );
    let days = env.run(&["share", "create", "--days", "3", "/a/x.txt"]);
    assert_eq!(days.code, 2, "{days:?}");
    let many: Vec<String> = (0..101).map(|i| format!("/a/{i}")).collect();
    let mut args = vec!["share", "create"];
    args.extend(many.iter().map(String::as_str));
    let too_many = env.run(&args);
    assert_eq!(too_many.code, 2, "{too_many:?}");
    assert!(too_many.stderr.contains("at most 100"), "{too_many:?}");
    assert_eq!(
        env.calls("/api/v2/file/list"),
        0,
        "nothing was even looked up"
    );
    let missing = env.run(&["share", "create", "/a/x.txt", "/nope"]);
    assert_eq!(missing.code, 1, "{missing:?}");
    assert!(missing.stderr.contains("Nothing shared"), "{missing:?}");
    assert_eq!(env.calls("/api/v1/share/create"), 0);
}

#[test]
fn direct_links_enable_url_log_disable() {
    let env = Env::new();
    env.file("/pub/f 1.txt", b"direct bytes");
    let before = env.run(&["direct-link", "url", "/pub/f 1.txt"]);
    assert_eq!(before.code, 1, "{before:?}");
    assert!(
        before.stderr.contains("panfm direct-link enable /pub"),
        "{before:?}"
    );
    let folder = env.run(&["direct-link", "url", "/pub"]);
    assert!(
        folder.code == 1 && folder.stderr.contains("is a folder"),
        "{folder:?}"
    );
    let root = env.run(&["direct-link", "enable", "/"]);
    assert_eq!(root.code, 2, "{root:?}");

    let on = env.run(&["direct-link", "enable", "/pub"]).ok();
    assert!(
        on.stderr.contains("Direct-link space of /pub is on"),
        "{on:?}"
    );
    let url = env.run(&["direct-link", "url", "/pub/f 1.txt"]).ok();
    let url = url.lines()[0].to_owned();
    let body = env
        .rt()
        .block_on(async { reqwest::get(&url).await?.bytes().await })
        .unwrap();
    assert_eq!(body.as_ref(), b"direct bytes");
    let log = env.run(&["direct-link", "log", "--json"]).ok().json();
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (entries[0]["path"].as_str(), entries[0]["traffic"].as_u64()),
        (Some("/pub/f 1.txt"), Some(12))
    );
    let text = env.run(&["direct-link", "log"]).ok();
    assert!(text.stdout.contains(&url), "{text:?}");

    let off = env
        .run(&["direct-link", "disable", "--json", "/pub"])
        .ok()
        .json();
    assert_eq!(off["results"][0]["enabled"], false);
    assert_eq!(env.run(&["direct-link", "url", "/pub/f 1.txt"]).code, 1);
}
