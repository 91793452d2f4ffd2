use super::{cloud_plan, requests, simulate, statuses};
use crate::plan::{
    Conflict, NameError, NameRules, PlanStatus, RenamePlan, RenameRequest, StatusCounts, Step,
};
use pretty_assertions::assert_eq;
use std::collections::BTreeSet;

const OK: PlanStatus = PlanStatus::Ok;

fn exists(name: &str) -> PlanStatus {
    PlanStatus::Conflict(Conflict::TargetExists(name.into()))
}

fn dup() -> PlanStatus {
    PlanStatus::Conflict(Conflict::DuplicateTarget)
}

fn step(id: usize, from: &str, to: &str) -> Step<usize> {
    Step {
        id,
        from: from.into(),
        to: to.into(),
    }
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[test]
fn simple_rename_is_one_step() {
    let plan = cloud_plan(&["a", "b"], &[("a", "c")]);
    assert_eq!(statuses(&plan), [OK]);
    assert!(plan.is_clean());
    assert_eq!(plan.steps(), [step(0, "a", "c")]);
    assert_eq!(simulate(&plan, &["a", "b"]), Ok(set(&["b", "c"])));
}

#[test]
fn unchanged_items_make_no_steps() {
    let plan = cloud_plan(&["a", "b"], &[("a", "a"), ("b", "x")]);
    assert_eq!(statuses(&plan), [PlanStatus::Unchanged, OK]);
    assert!(plan.is_clean());
    assert_eq!(plan.steps(), [step(1, "b", "x")]);
}

#[test]
fn invalid_names_per_side() {
    let pairs = [("a", "x:y"), ("b", ""), ("c", "a/b"), ("d", "  ")];
    let cloud = cloud_plan(&[], &pairs);
    let forbidden = |ch, position| PlanStatus::Invalid(NameError::ForbiddenChar { ch, position });
    assert_eq!(
        statuses(&cloud),
        [
            forbidden(':', 2),
            PlanStatus::Invalid(NameError::Empty),
            forbidden('/', 2),
            PlanStatus::Invalid(NameError::AllSpaces),
        ]
    );
    let local = NameRules::Local {
        case_insensitive: false,
    };
    let plan = RenamePlan::build(&[] as &[&str], requests(&pairs), local);
    assert_eq!(
        statuses(&plan),
        [
            OK,
            PlanStatus::Invalid(NameError::Empty),
            forbidden('/', 2),
            OK
        ]
    );
    assert!(!plan.is_clean());
}

#[test]
fn target_taken_by_an_untouched_sibling() {
    let plan = cloud_plan(&["a", "b"], &[("a", "b")]);
    assert_eq!(statuses(&plan), [exists("b")]);
    assert!(!plan.is_clean());
    assert_eq!(plan.steps(), []);
}

#[test]
fn target_taken_by_an_item_that_stays() {
    let plan = cloud_plan(&["a", "b"], &[("a", "b"), ("b", "b"), ("c", "a:")]);
    assert_eq!(statuses(&plan)[0], exists("b"));
    let plan = cloud_plan(&["a", "b"], &[("a", "b"), ("b", "x:")]);
    assert_eq!(statuses(&plan)[0], exists("b"));
}

#[test]
fn duplicate_targets_in_the_batch() {
    let plan = cloud_plan(&["a", "b", "c"], &[("a", "x"), ("b", "x"), ("c", "y")]);
    assert_eq!(statuses(&plan), [dup(), dup(), OK]);
    assert_eq!(plan.steps(), [step(2, "c", "y")]);
}

#[test]
fn duplicate_sources_are_refused() {
    let plan = cloud_plan(&["a"], &[("a", "x"), ("a", "y")]);
    let both = PlanStatus::Conflict(Conflict::DuplicateSource);
    assert_eq!(statuses(&plan), [both.clone(), both]);
}

#[test]
fn chain_runs_from_its_free_end() {
    let dir = ["a", "b", "c"];
    let plan = cloud_plan(&dir, &[("a", "b"), ("b", "c"), ("c", "d")]);
    assert_eq!(statuses(&plan), [OK, OK, OK]);
    assert_eq!(
        plan.steps(),
        [step(2, "c", "d"), step(1, "b", "c"), step(0, "a", "b")]
    );
    assert_eq!(simulate(&plan, &dir), Ok(set(&["b", "c", "d"])));
}

#[test]
fn chain_listed_in_any_order() {
    let dir = ["a", "b", "c"];
    let plan = cloud_plan(&dir, &[("c", "d"), ("a", "b"), ("b", "c")]);
    assert_eq!(
        plan.steps(),
        [step(0, "c", "d"), step(2, "b", "c"), step(1, "a", "b")]
    );
    assert_eq!(simulate(&plan, &dir), Ok(set(&["b", "c", "d"])));
}

#[test]
fn swap_goes_through_a_temporary_name() {
    let plan = cloud_plan(&["a", "b"], &[("a", "b"), ("b", "a")]);
    assert_eq!(statuses(&plan), [OK, OK]);
    assert_eq!(
        plan.steps(),
        [
            step(0, "a", ".panfm-rename-1"),
            step(1, "b", "a"),
            step(0, ".panfm-rename-1", "b"),
        ]
    );
    assert_eq!(simulate(&plan, &["a", "b"]), Ok(set(&["a", "b"])));
}

#[test]
fn temporary_name_avoids_existing_and_planned_names() {
    let dir = ["a", "b", ".panfm-rename-1"];
    let plan = cloud_plan(&dir, &[("a", "b"), ("b", "a"), ("x", ".panfm-rename-2")]);
    let temp: Vec<String> = plan.steps().into_iter().map(|s| s.to).collect();
    assert!(temp.contains(&".panfm-rename-3".to_string()), "{temp:?}");
    assert_eq!(simulate(&plan, &dir).map(|d| d.len()), Ok(4));
}

#[test]
fn three_cycle_and_independent_chain() {
    let dir = ["a", "b", "c", "x"];
    let pairs = [("a", "b"), ("x", "y"), ("b", "c"), ("c", "a")];
    let plan = cloud_plan(&dir, &pairs);
    assert_eq!(plan.counts().ok, 4);
    let steps = plan.steps();
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[0], step(0, "a", ".panfm-rename-1"));
    assert_eq!(steps[1], step(3, "c", "a"));
    assert_eq!(steps[2], step(2, "b", "c"));
    assert_eq!(steps[3], step(0, ".panfm-rename-1", "b"));
    assert_eq!(steps[4], step(1, "x", "y"));
    assert_eq!(simulate(&plan, &dir), Ok(set(&["a", "b", "c", "y"])));
}

#[test]
fn blocked_items_block_their_predecessors() {
    let plan = cloud_plan(&["a", "b", "c"], &[("a", "b"), ("b", "c")]);
    assert_eq!(statuses(&plan), [exists("b"), exists("c")]);
    let plan = cloud_plan(&["x", "y", "w"], &[("x", "y"), ("y", "z"), ("w", "z")]);
    assert_eq!(statuses(&plan), [exists("y"), dup(), dup()]);
}

#[test]
fn unclean_plan_still_runs_its_ok_part() {
    let dir = ["a", "b", "c", "d", "e"];
    let pairs = [("a", "b"), ("b", "a"), ("c", "e"), ("d", "f:"), ("e", "g")];
    let plan = cloud_plan(&dir, &pairs);
    assert_eq!(
        plan.counts(),
        StatusCounts {
            ok: 4,
            unchanged: 0,
            conflict: 0,
            invalid: 1
        }
    );
    assert_eq!(simulate(&plan, &dir), Ok(set(&["a", "b", "d", "e", "g"])));
}

#[test]
fn counts_every_status() {
    let plan = cloud_plan(
        &["a", "b", "c", "d"],
        &[("a", "a"), ("b", "d"), ("c", "?"), ("d", "z")],
    );
    assert_eq!(
        plan.counts(),
        StatusCounts {
            ok: 2,
            unchanged: 1,
            conflict: 0,
            invalid: 1
        }
    );
    let plan = cloud_plan(&["a", "b"], &[("a", "b")]);
    assert_eq!(plan.counts().conflict, 1);
}

#[test]
fn cloud_case_only_rename_is_an_ordinary_rename() {
    let plan = cloud_plan(&["a.txt"], &[("a.txt", "A.txt")]);
    assert_eq!(plan.steps(), [step(0, "a.txt", "A.txt")]);
    let plan = cloud_plan(&["a.txt", "A.txt"], &[("a.txt", "A.txt")]);
    assert_eq!(statuses(&plan), [exists("A.txt")]);
    let plan = cloud_plan(&["a"], &[("a", "X"), ("b", "x")]);
    assert_eq!(statuses(&plan), [OK, OK]);
}

fn folding(siblings: &[&str], pairs: &[(&str, &str)]) -> RenamePlan<usize> {
    let rules = NameRules::Local {
        case_insensitive: true,
    };
    RenamePlan::build(siblings, requests(pairs), rules)
}

#[test]
fn case_insensitive_local_side() {
    let plan = folding(&["a.txt"], &[("a.txt", "A.txt")]);
    assert_eq!(statuses(&plan), [OK]);
    assert_eq!(plan.steps(), [step(0, "a.txt", "A.txt")]);
    assert!(simulate(&plan, &["a.txt"]).is_ok());
    let plan = folding(&["a.txt", "b"], &[("b", "A.TXT")]);
    assert_eq!(statuses(&plan), [exists("a.txt")]);
    let plan = folding(&["a", "b"], &[("a", "X"), ("b", "x")]);
    assert_eq!(statuses(&plan), [dup(), dup()]);
    let case_sensitive = NameRules::Local {
        case_insensitive: false,
    };
    let plan = RenamePlan::build(&["a.txt", "b"], requests(&[("b", "A.TXT")]), case_sensitive);
    assert_eq!(statuses(&plan), [OK]);
}

#[test]
fn case_insensitive_swap_uses_a_temporary_name() {
    let dir = ["a", "b"];
    let plan = folding(&dir, &[("a", "B"), ("b", "A")]);
    assert_eq!(plan.steps().len(), 3);
    assert_eq!(simulate(&plan, &dir), Ok(set(&["a", "b"])));
}

#[test]
fn old_names_missing_from_siblings_still_count() {
    let plan = cloud_plan(&[], &[("a", "b"), ("c", "a")]);
    assert_eq!(statuses(&plan), [OK, OK]);
    assert_eq!(plan.steps(), [step(0, "a", "b"), step(1, "c", "a")]);
}

#[test]
fn ids_and_kinds_are_carried_through() {
    let requests = vec![RenameRequest::new("id-7", "d", "e", true)];
    let plan = RenamePlan::build(&["d"], requests, NameRules::Cloud);
    let item = &plan.items()[0];
    assert_eq!(
        (item.id, item.is_dir, item.new.as_str()),
        ("id-7", true, "e")
    );
    assert_eq!(plan.steps()[0].id, "id-7");
}

#[test]
fn conflicts_read_as_sentences() {
    assert_eq!(
        Conflict::TargetExists("a b".into()).to_string(),
        "`a b` already exists"
    );
    assert_eq!(
        Conflict::DuplicateTarget.to_string(),
        "another item is renamed to the same name"
    );
    assert_eq!(
        Conflict::DuplicateSource.to_string(),
        "this entry appears more than once"
    );
}
