use super::{cloud_plan, simulate, statuses};
use crate::plan::resolve::with_suffix;
use crate::plan::{NameRules, PlanStatus, RenamePlan, RenameRequest, resolve_duplicates};
use pretty_assertions::assert_eq;

fn news<Id>(plan: &RenamePlan<Id>) -> Vec<&str> {
    plan.items().iter().map(|i| i.new.as_str()).collect()
}

#[test]
fn duplicates_get_numbered_before_the_extension() {
    let dir = ["x", "y", "z"];
    let plan = cloud_plan(&dir, &[("x", "a.txt"), ("y", "a.txt"), ("z", "a.txt")]);
    let fixed = resolve_duplicates(plan);
    assert_eq!(news(&fixed), ["a.txt", "a (2).txt", "a (3).txt"]);
    assert!(fixed.is_clean());
    assert!(simulate(&fixed, &dir).is_ok());
}

#[test]
fn existing_names_are_skipped() {
    let dir = ["x", "a.txt", "a (2).txt"];
    let fixed = resolve_duplicates(cloud_plan(&dir, &[("x", "a.txt")]));
    assert_eq!(news(&fixed), ["a (3).txt"]);
    assert!(fixed.is_clean());
}

#[test]
fn ok_items_keep_their_names() {
    let dir = ["x", "y", "z"];
    let plan = cloud_plan(&dir, &[("x", "a"), ("y", "a"), ("z", "a (2)")]);
    let fixed = resolve_duplicates(plan);
    assert_eq!(news(&fixed), ["a", "a (3)", "a (2)"]);
}

#[test]
fn blocked_chain_is_unblocked_by_moving_only_its_head() {
    let dir = ["a", "b", "c"];
    let fixed = resolve_duplicates(cloud_plan(&dir, &[("a", "b"), ("b", "c")]));
    assert_eq!(news(&fixed), ["b", "c (2)"]);
    assert!(fixed.is_clean());
    assert!(simulate(&fixed, &dir).is_ok());
}

#[test]
fn an_item_can_resolve_back_to_its_own_name() {
    let dir = ["p", "a (2)", "q"];
    let fixed = resolve_duplicates(cloud_plan(&dir, &[("p", "a"), ("a (2)", "a")]));
    assert_eq!(news(&fixed), ["a", "a (2)"]);
    assert_eq!(statuses(&fixed), [PlanStatus::Ok, PlanStatus::Unchanged]);
}

#[test]
fn directories_and_dot_files_get_the_suffix_at_the_end() {
    let requests = vec![
        RenameRequest::new(0, "p", "x.d", true),
        RenameRequest::new(1, "q", "x.d", true),
        RenameRequest::new(2, "r", ".cfg", false),
        RenameRequest::new(3, "s", ".cfg", false),
    ];
    let plan = RenamePlan::build(&["p", "q", "r", "s"], requests, NameRules::Cloud);
    assert_eq!(
        news(&resolve_duplicates(plan)),
        ["x.d", "x.d (2)", ".cfg", ".cfg (2)"]
    );
}

#[test]
fn invalid_and_ambiguous_items_are_left_alone() {
    let dir = ["a", "b", "c"];
    let plan = cloud_plan(&dir, &[("a", "x:"), ("b", "y"), ("b", "z"), ("c", "a")]);
    let before = statuses(&plan);
    let fixed = resolve_duplicates(plan);
    assert_eq!(statuses(&fixed)[..3], before[..3]);
    assert_eq!(news(&fixed), ["x:", "y", "z", "a (2)"]);
    assert!(simulate(&fixed, &dir).is_ok());
}

#[test]
fn case_insensitive_resolution_compares_folded_names() {
    let rules = NameRules::Local {
        case_insensitive: true,
    };
    let requests = vec![RenameRequest::new(0, "x", "A", false)];
    let fixed = resolve_duplicates(RenamePlan::build(&["x", "a", "a (2)"], requests, rules));
    assert_eq!(news(&fixed), ["A (3)"]);
}

#[test]
fn suffix_shortens_long_stems_to_stay_valid() {
    let long = format!("{}.txt", "中".repeat(83));
    assert_eq!(long.len(), 253);
    let fixed = with_suffix(&long, 2, false);
    assert_eq!(fixed, format!("{} (2).txt", "中".repeat(82)));
    assert!(NameRules::Cloud.validate(&fixed).is_ok());
    let ascii = "a".repeat(255);
    assert_eq!(
        with_suffix(&ascii, 12, false),
        format!("{} (12)", "a".repeat(250))
    );
    let long_ext = format!("a.{}", "e".repeat(252));
    let fixed = with_suffix(&long_ext, 2, false);
    assert_eq!(fixed.len(), 255);
    assert!(fixed.ends_with("e (2)"));
}

#[test]
fn suffix_placement() {
    assert_eq!(with_suffix("a.tar.gz", 2, false), "a.tar (2).gz");
    assert_eq!(with_suffix("a.tar.gz", 2, true), "a.tar.gz (2)");
    assert_eq!(with_suffix("README", 3, false), "README (3)");
    assert_eq!(with_suffix("x", 1, false), "x");
}
