//! The shape of `update`: domain files never call each other. They use the shared moves
//! (`moves/`) and the app's types; only the dispatchers choose between domains. Read from the
//! sources at test time, so a new domain file is held to it without being listed here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// May call every domain (and the moves). The palette runs any command it is given, as a key
/// would, through `command`.
const DISPATCHERS: [&str; 5] = ["mod", "command", "keys", "route", "palette"];
/// The shared moves: used by every domain, calling none.
const SHARED: &str = "moves";
/// Files that are one domain split for size: (part, domain). Each may name the other.
const PARTS: [(&str, &str); 3] = [
    ("edit_done", "edit"),
    ("queue", "transfers"),
    ("sync_ask", "compare"),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/update")
}

/// The modules of `update/` (files and folders), except its tests.
fn modules() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() || path.extension().is_some_and(|e| e == "rs") {
            out.insert(name);
        }
    }
    out.remove("tests");
    out
}

/// The sibling modules `source` names through `prefix` (`super::` from a file of `update/`,
/// `super::super::` from one in a folder), outside its own test module.
fn named(source: &str, prefix: &str) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(group.split(',').map(|s| ident(s.trim())));
        } else {
            out.insert(ident(rest));
        }
    }
    for (at, _) in code.match_indices("app::update::") {
        out.insert(ident(&code[at + "app::update::".len()..]));
    }
    out.retain(|n| !n.is_empty());
    out
}

fn same_domain(a: &str, b: &str) -> bool {
    a == b
        || PARTS
            .iter()
            .any(|&(p, d)| (p, d) == (a, b) || (d, p) == (a, b))
}

/// Every call from a domain or shared file into another domain (or a dispatcher).
fn crossings() -> Vec<String> {
    let modules = modules();
    let mut files: Vec<(String, PathBuf, &str)> = vec![];
    for m in &modules {
        if DISPATCHERS.contains(&m.as_str()) {
            continue;
        }
        let path = dir().join(m);
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                let file = entry.unwrap().path();
                files.push((m.clone(), file, "super::super::"));
            }
        } else {
            files.push((m.clone(), path.with_extension("rs"), "super::"));
        }
    }
    let mut out = vec![];
    for (module, file, prefix) in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for other in named(&source, prefix) {
            let allowed = !modules.contains(&other)
                || same_domain(&module, &other)
                || (other == SHARED && module != SHARED);
            if !allowed {
                out.push(format!("{} names {other}", file.display()));
            }
        }
    }
    out
}

#[test]
fn domain_files_call_only_the_shared_moves() {
    let crossings = crossings();
    assert!(crossings.is_empty(), "{crossings:#?}");
}

#[test]
fn the_lists_name_modules_that_exist() {
    let modules = modules();
    let listed = DISPATCHERS
        .iter()
        .chain([SHARED].iter())
        .chain(PARTS.iter().flat_map(|(p, d)| [p, d]));
    for m in listed {
        assert!(modules.contains(*m), "{m} is not a module of update/");
    }
}

#[test]
fn the_check_sees_each_way_of_naming_a_module() {
    let source = "use super::{nav, ops::selection};\nuse super::marks;\n\
                  fn f() { super::copy::ask(); crate::app::update::images::x(); }\n\
                  #[cfg(test)]\nmod tests { use super::trash; }";
    let found: Vec<String> = named(source, "super::").into_iter().collect();
    assert_eq!(found, ["copy", "images", "marks", "nav", "ops"]);
    let nested = named("use super::super::{moves, nav};", "super::super::");
    assert_eq!(nested.into_iter().collect::<Vec<_>>(), ["moves", "nav"]);
}
