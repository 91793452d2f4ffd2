//! Runs file operations ([`OpSpec`]) off the UI thread and reports back: throttled progress,
//! then a report with per-item failures, what the change did to listings, the undo record of
//! renames and moves (the model keeps it in the journal) and cloud restores that could not go
//! back to their folder.

use super::op_report::{failed_all, undo_record};
use crate::app::{Msg, OpId, OpMsg, OpReport, OpSpec, RenameStep, UndoAction};
use crate::fs::local_ops::{self, Moved};
use crate::fs::pan::PanFs;
use crate::fs::{DirRef, EntryKey, Location, Patch, sys_trash};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::UnboundedSender;

const PROGRESS_EVERY: Duration = Duration::from_millis(100);

pub fn spawn(op: OpId, spec: OpSpec, cloud: Option<PanFs>, tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let total = spec.len();
        let progress = throttled(op, total, tx.clone());
        let report = match (spec.is_local(), cloud) {
            (true, _) => {
                let spec = spec.clone();
                tokio::task::spawn_blocking(move || local(spec, progress))
                    .await
                    .unwrap_or_else(|e| failed_all(&format!("internal error: {e}")))
            }
            (false, Some(fs)) => super::cloud_ops::run(&fs, &spec, progress).await,
            (false, None) => failed_all("no cloud account configured"),
        };
        let _ = tx.send(Msg::Op(OpMsg::Finished {
            op,
            report: Box::new(report),
        }));
    });
}

/// A progress callback that posts at most every 100 ms (and always the final count).
pub fn throttled(
    op: OpId,
    total: usize,
    tx: UnboundedSender<Msg>,
) -> impl FnMut(usize) + Send + 'static {
    let mut last: Option<Instant> = None;
    move |done| {
        if done >= total || last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            last = Some(Instant::now());
            let _ = tx.send(Msg::Op(OpMsg::Progress {
                op,
                done: done.min(total),
                total,
            }));
        }
    }
}

fn local(spec: OpSpec, mut progress: impl FnMut(usize)) -> OpReport {
    let mut report = OpReport::default();
    let mut undo = Vec::new();
    let note = |report: &mut OpReport, name: &str, r: Result<(), crate::fs::FsError>| match r {
        Ok(()) => {
            report.ok += 1;
            true
        }
        Err(e) => {
            report.failed.push((name.to_owned(), e.message));
            false
        }
    };
    match &spec {
        OpSpec::Mkdir {
            at: Location::Local(dir),
            name,
        } => {
            let levels = crate::fs::mkdir_p::levels(name);
            if note(&mut report, name, local_ops::mkdir_path(dir, &levels)) {
                let first = levels.first().map_or(name, |l| l);
                report.focus = Some((spec_at(&spec), EntryKey::Local(first.into())));
            }
        }
        OpSpec::Rename {
            at: at @ Location::Local(dir),
            steps,
        } => {
            for (i, RenameStep { from, to, .. }) in steps.iter().enumerate() {
                if note(&mut report, from, local_ops::rename(dir, from, to)) {
                    let key = EntryKey::Local(to.into());
                    undo.push(UndoAction::Rename {
                        at: at.clone(),
                        key,
                        from: to.clone(),
                        to: from.clone(),
                    });
                }
                progress(i + 1);
            }
            undo.reverse();
        }
        OpSpec::Move {
            from: f @ Location::Local(src),
            items,
            to: t @ Location::Local(dst),
        } => {
            let mut across = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let EntryKey::Local(raw) = &item.key else {
                    continue;
                };
                let moved = local_ops::move_into(src, raw, dst);
                if let Ok(Moved::OtherDevice) = moved {
                    across.push(item.clone());
                } else if note(&mut report, &item.name, moved.map(drop)) {
                    undo.push(UndoAction::Move {
                        item: item.clone(),
                        now_in: t.clone(),
                        back_to: f.clone(),
                    });
                }
                progress(i + 1);
            }
            report.across = (!across.is_empty()).then(|| OpSpec::Move {
                from: f.clone(),
                items: across,
                to: t.clone(),
            });
        }
        OpSpec::Copy {
            from: Location::Local(src),
            items,
            to: Location::Local(dst),
        } => {
            for (i, item) in items.iter().enumerate() {
                let EntryKey::Local(raw) = &item.key else {
                    continue;
                };
                note(
                    &mut report,
                    &item.name,
                    local_ops::copy_into(src, raw, dst, &mut |_| {}),
                );
                progress(i + 1);
            }
        }
        OpSpec::Trash {
            at: Location::Local(dir),
            items,
        } => {
            for (i, item) in items.iter().enumerate() {
                let EntryKey::Local(raw) = &item.key else {
                    continue;
                };
                note(&mut report, &item.name, sys_trash::put(&dir.join(raw)));
                progress(i + 1);
            }
        }
        OpSpec::Delete {
            at: Location::Local(dir),
            items,
        } => {
            for (i, item) in items.iter().enumerate() {
                let EntryKey::Local(raw) = &item.key else {
                    continue;
                };
                note(&mut report, &item.name, local_ops::remove(&dir.join(raw)));
                progress(i + 1);
            }
        }
        other => report.failed.push((
            "?".into(),
            format!("{} is not possible here", other.action()),
        )),
    }
    report.undo = undo_record(&spec, undo);
    // Reading a local folder costs no API call: the panes list it again rather than patch.
    report.patch = Patch::relist(local_dirs(&spec));
    report
}

fn local_dirs(spec: &OpSpec) -> Vec<DirRef> {
    let dirs = match spec {
        OpSpec::Mkdir { at, .. }
        | OpSpec::Rename { at, .. }
        | OpSpec::Trash { at, .. }
        | OpSpec::Delete { at, .. } => vec![at],
        OpSpec::Move { from, to, .. } | OpSpec::Copy { from, to, .. } => vec![from, to],
        OpSpec::Restore { .. } => vec![],
    };
    dirs.into_iter()
        .filter(|d| matches!(d, Location::Local(_)))
        .filter_map(DirRef::of)
        .collect()
}

fn spec_at(spec: &OpSpec) -> Location {
    match spec {
        OpSpec::Mkdir { at, .. } | OpSpec::Rename { at, .. } => at.clone(),
        OpSpec::Trash { at, .. } | OpSpec::Delete { at, .. } => at.clone(),
        OpSpec::Move { to, .. } | OpSpec::Copy { to, .. } => to.clone(),
        OpSpec::Restore { .. } => Location::Trash,
    }
}
