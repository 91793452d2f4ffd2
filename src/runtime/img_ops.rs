//! Runs image-space operations ([`OpSpec`]s that `touches_images`) off the UI thread: mkdir,
//! move between image folders (with an undo record), delete for good, copying drive images in
//! (server-side tasks) and uploading local images (checked up front, then one by one). Reports
//! come back as `OpMsg`s like every other operation's.

use super::ops::{failed_all, save_undo, throttled, undo_record};
use crate::app::{Msg, OpId, OpItem, OpMsg, OpReport, OpSpec, UndoAction};
use crate::fs::img::ImgFs;
use crate::fs::img_ops::ImgOutcome;
use crate::fs::{EntryKey, Location};
use std::path::PathBuf;
use tokio::sync::mpsc::UnboundedSender;

pub fn spawn(
    op: OpId,
    spec: OpSpec,
    images: Option<ImgFs>,
    undo_file: Option<PathBuf>,
    tx: UnboundedSender<Msg>,
) {
    tokio::spawn(async move {
        let report = match images {
            Some(fs) => run(&fs, &spec, op, &tx).await,
            None => failed_all("no image space: no cloud account configured"),
        };
        if let (Some(record), Some(file)) = (&report.undo, &undo_file) {
            save_undo(file, record);
        }
        let _ = tx.send(Msg::Op(OpMsg::Finished { op, report }));
    });
}

fn image_ids(items: &[OpItem]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match &i.key {
            EntryKey::Image(id) => Some(id.clone()),
            _ => None,
        })
        .collect()
}

fn name_of(items: &[OpItem], key: &EntryKey) -> Option<String> {
    items.iter().find(|i| &i.key == key).map(|i| i.name.clone())
}

fn fold(report: &mut OpReport, out: ImgOutcome, items: &[OpItem]) {
    report.ok += out.ok.len();
    for (id, reason) in out.failed {
        let name = name_of(items, &EntryKey::Image(id.clone())).unwrap_or(id);
        report.failed.push((name, reason));
    }
}

pub async fn run(fs: &ImgFs, spec: &OpSpec, op: OpId, tx: &UnboundedSender<Msg>) -> OpReport {
    let mut progress = throttled(op, spec.len(), tx.clone());
    let mut report = OpReport::default();
    match spec {
        OpSpec::Mkdir {
            at: at @ Location::Images(dir),
            name,
        } => match fs.mkdir(dir, name).await {
            Ok(id) => {
                report.ok = 1;
                report.focus = Some((at.clone(), EntryKey::Image(id)));
            }
            Err(e) => report.failed.push((name.clone(), e.message)),
        },
        OpSpec::Move {
            from: f @ Location::Images(src),
            items,
            to: t @ Location::Images(dst),
        } => {
            let out = fs
                .move_items(src.id(), &image_ids(items), dst, &mut progress)
                .await;
            let undo = items
                .iter()
                .filter(|i| matches!(&i.key, EntryKey::Image(id) if out.ok.contains(id)))
                .map(|i| UndoAction::Move {
                    item: i.clone(),
                    now_in: t.clone(),
                    back_to: f.clone(),
                })
                .collect();
            fold(&mut report, out, items);
            report.undo = undo_record(spec, undo);
        }
        OpSpec::Delete {
            at: Location::Images(_),
            items,
        } => {
            let out = fs.delete(&image_ids(items), &mut progress).await;
            fold(&mut report, out, items);
        }
        OpSpec::Copy {
            from: Location::Cloud(_) | Location::Search(_),
            items,
            to: Location::Images(dst),
        } => copy_from_drive(fs, items, dst, &mut progress, &mut report).await,
        other => {
            return failed_all(&format!(
                "{} is not possible in the image space",
                other.verb()
            ));
        }
    }
    report
}

async fn copy_from_drive(
    fs: &ImgFs,
    items: &[OpItem],
    to: &crate::fs::ImageDir,
    progress: &mut (dyn FnMut(usize) + Send),
    report: &mut OpReport,
) {
    let ids: Vec<i64> = items
        .iter()
        .filter_map(|i| match i.key {
            EntryKey::Cloud(id) => Some(id),
            _ => None,
        })
        .collect();
    let out = fs.copy_from_drive(&ids, to, progress).await;
    report.ok = out.covered;
    for (id, name, reason) in out.not_copied {
        let name = name_of(items, &EntryKey::Cloud(id)).unwrap_or(name);
        report.failed.push((name, reason));
    }
    for (chunk, reason) in out.failed {
        for id in chunk {
            let name = name_of(items, &EntryKey::Cloud(id)).unwrap_or_else(|| format!("id {id}"));
            report.failed.push((name, reason.clone()));
        }
    }
}
