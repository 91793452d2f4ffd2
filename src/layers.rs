//! The layering of src/lib.rs's doc, checked in the sources so it can't drift back: the app
//! takes nothing from the view and no function from the API client (pure rules live in
//! `rules`, figures in words in `fmt`); the queue panel draws what the app words, not the
//! transfer engine's types; `fmt` and `rules` stand on nothing of ours.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// API functions the app still calls: pure checks that belong in `rules` too. Shrink it.
const APP_CALLS_INTO_API: [&str; 4] = [
    "check_fetch_url",
    "check_share_code",
    "check_share_name",
    "parse_traffic_limit",
];

/// View files that still match on the transfer engine's types. Shrink it.
const UI_ON_TRANSFER_TYPES: [&str; 1] = ["ask.rs"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `(path below src/, code before its test module)` of every non-test file under `dir`.
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    let mut todo = vec![src().join(dir)];
    while let Some(path) = todo.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                todo.push(entry.unwrap().path());
            }
            continue;
        }
        let name = path
            .strip_prefix(src())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let test_file = name.contains("/tests") || name.ends_with("_tests.rs");
        if path.extension().is_none_or(|e| e != "rs") || test_file {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .to_owned();
        out.push((name, code));
    }
    out.sort();
    out
}

/// Lower-case (function) names `code` takes from `module`: `use module::{…}`, `use module::f;`
/// and `module::f(` calls.
fn functions_from(code: &str, module: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices(module) {
        let rest = &code[at + module.len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                out.extend(group.split(',').map(|s| ident(s.trim())));
            }
            None => {
                out.insert(ident(rest));
            }
        }
    }
    out.retain(|n| n.starts_with(|c: char| c.is_ascii_lowercase()));
    out
}

#[test]
fn the_app_takes_nothing_from_the_view() {
    for (name, code) in sources("app") {
        assert!(!code.contains("crate::ui"), "{name} uses the view");
    }
}

#[test]
fn the_app_calls_no_new_api_function() {
    for (name, code) in sources("app") {
        for f in functions_from(&code, "crate::api::") {
            assert!(
                APP_CALLS_INTO_API.contains(&f.as_str()),
                "{name} calls api::{f}"
            );
        }
    }
}

#[test]
fn the_view_draws_what_the_app_prepared() {
    for (name, code) in sources("ui") {
        let file = name.trim_start_matches("ui/");
        if code.contains("crate::transfer") {
            assert!(
                UI_ON_TRANSFER_TYPES.contains(&file),
                "{name} uses the transfer engine"
            );
        }
    }
}

#[test]
fn fmt_and_rules_stand_on_nothing_of_ours() {
    for (name, code) in sources("rules").into_iter().chain(sources("fmt.rs")) {
        assert!(!code.contains("crate::"), "{name} uses another module");
        assert!(!code.contains("super::super"), "{name} uses another module");
    }
}

#[test]
fn the_check_sees_imports_and_calls() {
    let code = "use crate::api::{ShareInfo, check_image};\nuse crate::api::check_fetch_url;\n\
                fn f() { crate::api::parse_traffic_limit(\"1\"); let _ = crate::api::ROOT_DIR; }";
    let found: Vec<String> = functions_from(code, "crate::api::").into_iter().collect();
    assert_eq!(
        found,
        ["check_fetch_url", "check_image", "parse_traffic_limit"]
    );
}
