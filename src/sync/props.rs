//! Properties of the planner over random trees: applying a plan leaves nothing to do, in either
//! direction; nothing is deleted without `delete`; excluded paths appear in no action.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;

/// Random trees over a small alphabet, so the two sides share paths and clash in kind; every
/// folder holding an entry is listed. Names with `?` are refused by the drive.
fn arb_tree() -> impl Strategy<Value = Tree> {
    let name = prop::sample::select(vec!["a", "b", "c", "d?", "e.log"]);
    let path = prop::collection::vec(name, 1..4).prop_map(|parts| parts.join("/"));
    let node = prop_oneof![
        Just(None),
        (0u64..4, prop::sample::select(vec!["m1", "m2"])).prop_map(Some)
    ];
    prop::collection::vec((path, node), 0..14).prop_map(|entries| {
        let mut tree = Tree::new();
        for (path, file) in entries {
            if ancestors(&path).any(|a| tree.get(a).is_some_and(|n| !n.is_dir))
                || tree.contains_key(&path)
            {
                continue;
            }
            for a in ancestors(&path) {
                tree.insert(a.to_owned(), Node::dir());
            }
            let node = match file {
                None => Node::dir(),
                Some((size, md5)) => Node::file(size, Some(md5.to_owned())),
            };
            tree.insert(path, node);
        }
        tree
    })
}

fn excluded(path: &str, _: bool) -> bool {
    path.rsplit('/').next().is_some_and(|n| n.ends_with(".log"))
}

fn opts(delete: bool, dest: Side) -> Options<'static> {
    Options {
        delete,
        compare: Compare::Checksum,
        dest,
        exclude: &excluded,
    }
}

/// `dst` after running `plan` on it from `src`.
fn apply(plan: &SyncPlan, src: &Tree, mut dst: Tree) -> Tree {
    for a in &plan.actions {
        match a {
            Action::Delete { path, .. } => {
                let prefix = format!("{path}/");
                dst.retain(|p, _| p != path && !p.starts_with(&prefix));
            }
            Action::Mkdir { path } | Action::New { path, .. } | Action::Changed { path, .. } => {
                if let Some(node) = src.get(path) {
                    dst.insert(path.clone(), node.clone());
                }
            }
            Action::Unchanged { .. } | Action::Skipped { .. } => {}
        }
    }
    dst
}

proptest! {
    #[test]
    fn a_plan_applied_leaves_nothing_to_do(src in arb_tree(), dst in arb_tree(), delete: bool, cloud: bool) {
        let side = if cloud { Side::Cloud } else { Side::Local };
        let p = plan(&src, &dst, &opts(delete, side));
        let after = apply(&p, &src, dst);
        let again = plan(&src, &after, &opts(delete, side));
        prop_assert!(again.is_noop(), "{:?}", again);
    }

    #[test]
    fn with_delete_the_way_back_is_a_no_op_too(src in arb_tree(), dst in arb_tree()) {
        // Local to local: no refused names. Without excluded entries at the destination: a
        // folder holding one stays, and the way back would make it.
        let dst: Tree = dst
            .into_iter()
            .filter(|(p, _)| !p.split('/').any(|n| n.ends_with(".log")))
            .collect();
        let p = plan(&src, &dst, &opts(true, Side::Local));
        let after = apply(&p, &src, dst);
        let back = plan(&after, &src, &opts(true, Side::Local));
        prop_assert!(back.is_noop(), "{:?}", back);
    }

    #[test]
    fn excluded_entries_of_the_destination_survive_the_plan(src in arb_tree(), dst in arb_tree()) {
        let p = plan(&src, &dst, &opts(true, Side::Local));
        let after = apply(&p, &src, dst.clone());
        for path in dst.keys().filter(|p| p.split('/').any(|n| n.ends_with(".log"))) {
            prop_assert!(after.contains_key(path), "{} went: {:?}", path, p);
        }
    }

    #[test]
    fn nothing_is_deleted_without_delete(src in arb_tree(), dst in arb_tree()) {
        let p = plan(&src, &dst, &opts(false, Side::Cloud));
        let deletes = p.actions.iter().filter(|a| matches!(a, Action::Delete { .. })).count();
        prop_assert_eq!(deletes, 0);
        prop_assert_eq!(p.counts.deleted, Count::default());
    }

    #[test]
    fn excluded_paths_never_appear(src in arb_tree(), dst in arb_tree(), delete: bool) {
        let p = plan(&src, &dst, &opts(delete, Side::Cloud));
        for a in &p.actions {
            prop_assert!(!a.path().split('/').any(|n| n.ends_with(".log")), "{:?}", a);
        }
        let paths: HashSet<_> = p.actions.iter().map(|a| (a.path(), std::mem::discriminant(a))).collect();
        prop_assert_eq!(paths.len(), p.actions.len(), "no action twice");
    }
}
