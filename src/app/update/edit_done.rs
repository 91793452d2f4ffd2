//! An edit session as its steps report back: the private folder made and the download queued,
//! the download done (the editor opens), the editor closed (unchanged: the copy goes; changed:
//! the drive is asked about the cloud file), the answer (the same file: the upload back is
//! queued; another: the question), and the upload done (verified: the copy goes; failed: it
//! stays, named, and a retry from the queue still finishes the edit).

use crate::app::{EditEffect, EditId, EditMsg, EditStage, Effect, Model, Side};
use crate::edit::{AfterEdit, OnDrift, after_edit, drift};
use crate::fs::Location;
use crate::transfer::{BatchId, BatchInfo, Direction, JobState};
use std::path::Path;

pub fn update(model: &mut Model, msg: EditMsg) -> Vec<Effect> {
    match msg {
        EditMsg::Fetching { id, result } => match result {
            Ok((dir, batch)) => {
                if let Some(s) = model.edits.get_mut(id) {
                    s.dir = Some(dir);
                    s.stage = EditStage::Downloading(batch);
                }
                queued(model, id, batch)
            }
            Err(why) => {
                if let Some(s) = model.edits.remove(id) {
                    model.error(format!(
                        "Cannot download {} for editing: {why}",
                        s.file.name
                    ));
                }
                vec![]
            }
        },
        EditMsg::Closed {
            id: None,
            path,
            closed,
        } => local_closed(model, &path, closed.editor),
        EditMsg::Closed {
            id: Some(id),
            closed,
            ..
        } => cloud_closed(model, id, &closed),
        EditMsg::Checked { id, result } => {
            let Some(s) = model.edits.get(id) else {
                return vec![];
            };
            if !matches!(s.stage, EditStage::Checking(_)) {
                return vec![];
            }
            let why = match result {
                Ok(now) => drift(&s.file, s.parent, now.as_ref()),
                Err(e) => Some(format!("it could not be checked: {e}")),
            };
            match why {
                None => super::edit::upload(model, id, OnDrift::Overwrite),
                Some(why) => {
                    super::edit::ask_drift(model, id, why);
                    vec![]
                }
            }
        }
        EditMsg::Cleaned { dir, result } => {
            if let Err(e) = result {
                model.error(format!(
                    "Cannot remove the edit's folder {}: {e}",
                    dir.display()
                ));
            }
            vec![]
        }
        EditMsg::Uploading { id, result } => match result {
            Ok(batch) => {
                if let Some(s) = model.edits.get_mut(id) {
                    s.stage = EditStage::Uploading(batch);
                    let text = format!("Uploading {} back to the drive", s.file.name);
                    model.info(text);
                }
                queued(model, id, batch)
            }
            Err(why) => {
                if let Some(s) = model.edits.remove(id) {
                    let copy = shown_copy(&s);
                    model.error(format!(
                        "Cannot upload {}: {why}; the edited copy is kept at {copy}",
                        s.file.name
                    ));
                }
                vec![]
            }
        },
    }
}

/// Notes where batch `batch` of edit `id` comes from or goes, for the queue; finishes it at
/// once should its end have been reported already.
fn queued(model: &mut Model, id: EditId, batch: BatchId) -> Vec<Effect> {
    let Some(s) = model.edits.get(id) else {
        return vec![];
    };
    let folder = s.shown.rsplit_once('/').map_or("cloud:", |(dir, _)| dir);
    let root = match folder {
        "cloud:" => "cloud:/".to_owned(),
        dir => dir.to_owned(),
    };
    model.transfers.roots.insert(batch, root);
    match model.transfers.batches.get(&batch).cloned() {
        Some(b) if !b.planning && b.ok + b.failed + b.skipped + b.cancelled >= b.files => {
            finished(model, batch, &b).unwrap_or_default()
        }
        _ => vec![],
    }
}

/// The editor on a local file exited: list its folder again wherever it shows.
fn local_closed(model: &mut Model, path: &Path, editor: Result<(), String>) -> Vec<Effect> {
    let name = crate::fs::local::display_name(path.file_name().unwrap_or_default());
    match editor {
        Ok(()) => model.info(format!("Back from editing {name}")),
        Err(why) => model.error(why),
    }
    let folder = path.parent().map(|p| Location::Local(p.to_owned()));
    let sides: Vec<Side> = [Side::Left, Side::Right]
        .into_iter()
        .filter(|&side| Some(&model.pane(side).location) == folder.as_ref())
        .collect();
    sides
        .into_iter()
        .map(|side| super::moves::reload(model, side, true))
        .collect()
}

fn cloud_closed(model: &mut Model, id: EditId, closed: &crate::edit::Closed) -> Vec<Effect> {
    let Some(s) = model.edits.get_mut(id) else {
        return vec![];
    };
    match after_edit(closed, &s.file.etag) {
        AfterEdit::Changed(sum) => {
            s.stage = EditStage::Checking(sum);
            let file = s.file.id;
            let text = format!("Checking {} on the drive before uploading it", s.shown);
            model.info(text);
            vec![Effect::Edit(EditEffect::Check { id, file })]
        }
        AfterEdit::Unchanged { editor } => {
            let Some(s) = model.edits.remove(id) else {
                return vec![];
            };
            let name = &s.file.name;
            match editor {
                None => model.info(format!("{name} unchanged: nothing uploaded")),
                Some(why) => model.error(format!("{why}; {name} unchanged, nothing uploaded")),
            }
            cleanup(s.dir)
        }
        AfterEdit::Keep(why) => {
            if let Some(s) = model.edits.remove(id) {
                let copy = shown_copy(&s);
                model.error(format!(
                    "{why}; nothing uploaded, the edited copy is kept at {copy}"
                ));
            }
            vec![]
        }
    }
}

/// The end of batch `batch` if it is an edit's (`None`: it is not); see the module doc.
pub fn finished(model: &mut Model, batch: BatchId, b: &BatchInfo) -> Option<Vec<Effect>> {
    let s = model.edits.by_batch(batch)?.clone();
    let whole = b.ok >= 1 && b.ok == b.files && b.failed + b.skipped + b.cancelled == 0;
    match (&s.stage, whole) {
        (EditStage::Downloading(_), true) => {
            let path = s.copy()?;
            if let Some(s) = model.edits.get_mut(s.id) {
                s.stage = EditStage::Editing;
            }
            Some(vec![Effect::Edit(EditEffect::Open {
                id: Some(s.id),
                path,
            })])
        }
        (EditStage::Downloading(_), false) => {
            let why = failure(model, batch);
            model.edits.remove(s.id);
            model.error(format!(
                "Cannot download {} for editing: {why}",
                s.file.name
            ));
            Some(cleanup(s.dir))
        }
        (EditStage::Uploading(_), true) => {
            model.edits.remove(s.id);
            model.info(format!("Saved {} to the drive", s.shown));
            let mut effects = cleanup(s.dir);
            effects.extend(super::moves::landed(model, batch, Direction::Upload));
            if model.cloud_enabled {
                effects.push(Effect::FetchAccount);
            }
            Some(effects)
        }
        (EditStage::Uploading(_), false) => {
            let why = failure(model, batch);
            model.error(format!(
                "Upload of {} failed: {why}; the edited copy is kept at {} (r in the queue \
                 tries again)",
                s.file.name,
                shown_copy(&s)
            ));
            Some(vec![])
        }
        _ => None,
    }
}

/// Why batch `batch`'s file did not arrive, from its job.
fn failure(model: &Model, batch: BatchId) -> String {
    model
        .transfers
        .jobs
        .iter()
        .filter(|j| j.info.batch == batch)
        .find_map(|j| match &j.info.state {
            JobState::Failed { reason } | JobState::Skipped { reason } => Some(reason.clone()),
            JobState::Cancelled => Some("cancelled".to_owned()),
            _ => None,
        })
        .unwrap_or_else(|| "it did not finish".to_owned())
}

fn cleanup(dir: Option<std::path::PathBuf>) -> Vec<Effect> {
    dir.map(|dir| Effect::Edit(EditEffect::Cleanup { dir }))
        .into_iter()
        .collect()
}

fn shown_copy(s: &crate::app::EditSession) -> String {
    s.copy()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}
