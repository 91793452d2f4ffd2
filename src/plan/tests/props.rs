//! Property tests over random directories and batches: resolved plans have unique, valid final
//! names; steps never collide and end in the planned directory; unchanged items make no steps.

use super::simulate;
use crate::plan::{
    CaseChange, Conflict, Counter, Find, NameRules, PlanStatus, RenameInput, RenamePlan,
    RenameRequest, RenameSpec, Scope, resolve_duplicates,
};
use proptest::prelude::*;
use std::collections::{BTreeSet, HashSet};

fn rules() -> impl Strategy<Value = NameRules> {
    prop_oneof![
        Just(NameRules::Cloud),
        any::<bool>().prop_map(|case_insensitive| NameRules::Local { case_insensitive }),
    ]
}

/// A directory of 0..8 distinct (under `rules`) valid names from a tiny alphabet, so batches
/// collide often.
fn directory(rules: NameRules) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[abAB][ab.]{0,3}", 0..10).prop_map(move |names| {
        let mut seen = HashSet::new();
        names
            .into_iter()
            .filter(|n| rules.validate(n).is_ok() && seen.insert(rules.key(n).into_owned()))
            .collect()
    })
}

fn spec() -> impl Strategy<Value = RenameSpec> {
    let find = prop_oneof![
        ("[ab.]{0,2}", any::<bool>()).prop_map(|(text, case_insensitive)| Find::Literal {
            text,
            case_insensitive
        }),
        (
            prop::sample::select(vec![
                "^.*$", "^.*$", ".+", "a", "(a)(b)?", "[ab]", "^", "b$"
            ]),
            any::<bool>()
        )
            .prop_map(|(p, case_insensitive)| Find::Regex {
                pattern: p.into(),
                case_insensitive
            }),
    ];
    let replace = prop::sample::select(vec![
        "", "a", "b", "B", "{n}", "a{n}", "$0", "${0}{n}", ":", "/",
    ]);
    let case = prop::sample::select(vec![
        CaseChange::Keep,
        CaseChange::Lower,
        CaseChange::Upper,
        CaseChange::Title,
    ]);
    let scope = prop::sample::select(vec![Scope::Stem, Scope::Whole, Scope::Extension]);
    (
        find,
        replace,
        any::<bool>(),
        0..3u64,
        0..2u64,
        0..3usize,
        case,
        scope,
    )
        .prop_map(
            |(find, replace, all, start, step, width, case, scope)| RenameSpec {
                find,
                replace: replace.into(),
                all_occurrences: all,
                counter: Counter { start, step, width },
                case,
                scope,
            },
        )
}

/// A directory and a batch over a subset of it whose new names come from a spec.
fn spec_case() -> impl Strategy<Value = (NameRules, Vec<String>, Vec<RenameRequest<usize>>)> {
    rules().prop_flat_map(|rules| {
        (directory(rules), spec(), any::<u64>()).prop_filter_map(
            "spec compiles",
            move |(dir, spec, pick)| {
                let chosen: Vec<&String> = dir
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| pick >> i & 1 == 1)
                    .map(|x| x.1)
                    .collect();
                let inputs: Vec<RenameInput> =
                    chosen.iter().map(|n| RenameInput::file(n)).collect();
                let news = spec.apply(&inputs).ok()?;
                let requests = chosen
                    .iter()
                    .zip(news)
                    .enumerate()
                    .map(|(i, (old, new))| RenameRequest::new(i, old.as_str(), new, false))
                    .collect();
                Some((rules, dir.clone(), requests))
            },
        )
    })
}

/// A directory whose first k names are renamed to a shuffle of its names (some to fresh ones,
/// some invalid), so chains, swaps, longer cycles and blocked targets are common.
fn shuffle_case() -> impl Strategy<Value = (NameRules, Vec<String>, Vec<RenameRequest<usize>>)> {
    let batch = |dir: Vec<String>| {
        let n = dir.len();
        let fresh = prop::option::weighted(0.3, "[aAb:]{0,2}");
        (
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            0..=n,
            prop::collection::vec((fresh, any::<bool>()), n),
            Just(dir),
        )
    };
    rules().prop_flat_map(move |rules| {
        directory(rules)
            .prop_flat_map(batch)
            .prop_map(move |(perm, k, extra, dir)| {
                let requests = (0..k)
                    .map(|i| {
                        let (fresh, is_dir) = extra[i].clone();
                        let new = fresh.unwrap_or_else(|| dir[perm[i]].clone());
                        RenameRequest::new(i, dir[i].as_str(), new, is_dir)
                    })
                    .collect();
                (rules, dir, requests)
            })
    })
}

/// Final names of every entry, by key: the new name for `Ok` items, the old one otherwise.
fn final_names(plan: &RenamePlan<usize>, dir: &[String]) -> (Vec<String>, BTreeSet<String>) {
    let rules = plan.rules();
    let olds: HashSet<String> = plan
        .items()
        .iter()
        .map(|i| rules.key(&i.old).into_owned())
        .collect();
    let untouched = dir
        .iter()
        .filter(|n| !olds.contains(rules.key(n).as_ref()))
        .cloned();
    let items = plan.items().iter().map(|i| match i.status {
        PlanStatus::Ok => i.new.clone(),
        _ => i.old.clone(),
    });
    let mut seen_old = HashSet::new();
    let items = items
        .zip(plan.items())
        .filter(|(_, i)| seen_old.insert(rules.key(&i.old).into_owned()));
    let all: Vec<String> = untouched.chain(items.map(|x| x.0)).collect();
    let keys = all.iter().map(|n| rules.key(n).into_owned()).collect();
    (all, keys)
}

fn check_resolved(
    rules: NameRules,
    dir: &[String],
    requests: Vec<RenameRequest<usize>>,
) -> Result<(), TestCaseError> {
    let plan = RenamePlan::build(dir, requests, rules);
    prop_assert_eq!(simulate(&plan, dir).err(), None);
    let fixed = resolve_duplicates(plan.clone());
    prop_assert_eq!(fixed.items().len(), plan.items().len());
    for (item, before) in fixed.items().iter().zip(plan.items()) {
        match &item.status {
            PlanStatus::Conflict(c) => prop_assert_eq!(c, &Conflict::DuplicateSource),
            PlanStatus::Ok => prop_assert!(rules.validate(&item.new).is_ok()),
            PlanStatus::Invalid(_) => prop_assert_eq!(&item.status, &before.status),
            PlanStatus::Unchanged => {}
        }
        if before.status == PlanStatus::Ok {
            prop_assert_eq!(item, before);
        }
    }
    let (all, keys) = final_names(&fixed, dir);
    prop_assert_eq!(
        all.len(),
        keys.len(),
        "two entries end with the same name: {:?}",
        all
    );
    for name in &all {
        prop_assert!(rules.validate(name).is_ok(), "{:?}", name);
    }
    prop_assert_eq!(simulate(&fixed, dir).err(), None);
    Ok(())
}

fn check_steps(plan: &RenamePlan<usize>) -> Result<(), TestCaseError> {
    let stepping: HashSet<usize> = plan.steps().iter().map(|s| s.id).collect();
    for item in plan.items() {
        prop_assert_eq!(
            stepping.contains(&item.id),
            item.status == PlanStatus::Ok,
            "{:?}",
            item
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn spec_batches_resolve_and_execute((rules, dir, requests) in spec_case()) {
        check_steps(&RenamePlan::build(&dir, requests.clone(), rules))?;
        check_resolved(rules, &dir, requests)?;
    }

    #[test]
    fn shuffled_batches_resolve_and_execute((rules, dir, requests) in shuffle_case()) {
        let plan = RenamePlan::build(&dir, requests.clone(), rules);
        check_steps(&plan)?;
        check_steps(&resolve_duplicates(plan))?;
        check_resolved(rules, &dir, requests)?;
    }

    #[test]
    fn editor_round_trips(names in prop::collection::vec("[^\r\n]{0,6}", 0..6)) {
        let text = crate::plan::editor::render(&names).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(crate::plan::editor::parse(names.len(), &text), Ok(names));
    }

    #[test]
    fn valid_names_stay_valid_after_full_width(name in "[a:/*?\"<>|\\\\ 中]{1,100}") {
        let wide = crate::plan::to_full_width(&name);
        prop_assert_eq!(wide.chars().count(), name.chars().count());
        prop_assert!(!wide.contains(crate::plan::names::CLOUD_FORBIDDEN));
    }
}
