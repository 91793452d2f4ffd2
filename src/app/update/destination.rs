//! Typing another destination for a copy or move (`e` in the question), with Tab completion
//! of directory paths. Local paths are taken as typed (`~` expands); cloud paths are looked up
//! before the question comes back with the new destination.

use crate::app::{CloudMsg, Effect, InputPurpose, Modal, Model, OpSpec};
use crate::fs::complete::expand_home;
use crate::fs::{Location, TypedPath};

pub fn accept(model: &mut Model, text: &str) -> Vec<Effect> {
    let Some(Modal::Input(state)) = &mut model.modal else {
        return vec![];
    };
    let Some(spec) = state.pending.as_deref() else {
        return vec![];
    };
    let text = text.trim();
    if text.is_empty() {
        state.error = Some("Type a directory".into());
        return vec![];
    }
    if spec_is_cloud(spec) {
        // As the pane titles write it.
        let text = text.strip_prefix("cloud:").unwrap_or(text);
        state.note = Some("Looking it up…".into());
        return vec![Effect::ResolveDestination {
            text: text.to_owned(),
        }];
    }
    let path = expand_home(text, model.home.as_deref());
    retarget(
        model,
        Location::Local(path.trim_end_matches('/').to_owned().into()),
    );
    vec![]
}

pub fn resolved(model: &mut Model, msg: CloudMsg) {
    let CloudMsg::Destination { text, result } = msg else {
        return;
    };
    let Some(Modal::Input(state)) = &mut model.modal else {
        return;
    };
    let typed = state.input.value().trim();
    if state.purpose != InputPurpose::Destination
        || typed.strip_prefix("cloud:").unwrap_or(typed) != text
    {
        return;
    }
    state.note = None;
    match result {
        Ok(dir) => retarget(model, Location::Cloud(dir)),
        Err(e) => state.error = Some(e.message),
    }
}

/// Back to the question, now with `to` as the destination.
fn retarget(model: &mut Model, to: Location) {
    let Some(Modal::Input(state)) = &model.modal else {
        return;
    };
    let Some(spec) = state.pending.as_deref().cloned() else {
        return;
    };
    let spec = match spec {
        OpSpec::Move { from, items, .. } => OpSpec::Move { from, items, to },
        OpSpec::Copy { from, items, .. } => OpSpec::Copy { from, items, to },
        other => other,
    };
    model.modal = None;
    super::moves::ask_transfer(model, spec);
}

fn spec_is_cloud(spec: &OpSpec) -> bool {
    !spec.is_local()
}

/// Tab in the destination prompt (the go-to prompt completes in `goto`).
pub fn complete(model: &Model) -> Vec<Effect> {
    let Some(Modal::Input(state)) = &model.modal else {
        return vec![];
    };
    let text = state.input.value().to_owned();
    let path = match (state.purpose, state.pending.as_deref()) {
        (InputPurpose::Destination, Some(spec)) if spec_is_cloud(spec) => {
            TypedPath::Cloud(text.strip_prefix("cloud:").unwrap_or(&text).to_owned())
        }
        (InputPurpose::Destination, Some(_)) => TypedPath::Local(text.clone().into()),
        _ => return vec![],
    };
    vec![Effect::Complete { text, path }]
}

pub fn completed(model: &mut Model, text: &str, names: Vec<String>) {
    match &mut model.modal {
        Some(Modal::Input(state)) => fill(&mut state.input, &mut state.note, text, names),
        Some(Modal::Palette(state)) => {
            fill(&mut state.input, &mut state.note, text, names);
            state.refresh(&model.recent);
        }
        _ => {}
    }
}

/// Puts the completion of `text` into `input` (if it still shows `text`), the candidates in
/// `note`.
fn fill(input: &mut tui_input::Input, note: &mut Option<String>, text: &str, names: Vec<String>) {
    if input.value() != text {
        return;
    }
    let base = &text[..text.rfind('/').map_or(0, |i| i + 1)];
    let common = common_prefix(&names);
    let value = match names.len() {
        0 => {
            *note = Some("No directory matches".into());
            return;
        }
        1 => format!("{base}{}/", names[0]),
        _ => format!("{base}{common}"),
    };
    *note = (names.len() > 1).then(|| names.join("  "));
    *input = input.clone().with_value(value);
}

fn common_prefix(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut prefix: &str = first;
    for n in &names[1..] {
        let len: usize = prefix
            .chars()
            .zip(n.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        prefix = &prefix[..len];
    }
    prefix.to_owned()
}
