//! Runs image-space operations ([`OpSpec`]s that `touches_images`) off the UI thread: mkdir,
//! move between image folders (with an undo record), delete for good, copying drive images in
//! (server-side tasks) and uploading local images (checked up front, then one by one). Reports
//! come back as `OpMsg`s like every other operation's.

use super::op_report::{failed_all, fold, ids, made, moved, name_of};
use super::ops::throttled;
use crate::app::{Msg, OpId, OpItem, OpMsg, OpReport, OpSpec};
use crate::fs::img::ImgFs;
use crate::fs::{EntryKey, Location};
use tokio::sync::mpsc::UnboundedSender;

pub fn spawn(op: OpId, spec: OpSpec, images: Option<ImgFs>, tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let report = match images {
            Some(fs) => run(&fs, &spec, op, &tx).await,
            None => failed_all("no image space: no cloud account configured"),
        };
        let _ = tx.send(Msg::Op(OpMsg::Finished {
            op,
            report: Box::new(report),
        }));
    });
}

pub async fn run(fs: &ImgFs, spec: &OpSpec, op: OpId, tx: &UnboundedSender<Msg>) -> OpReport {
    let mut progress = throttled(op, spec.len(), tx.clone());
    let mut report = OpReport::default();
    match spec {
        OpSpec::Mkdir {
            at: at @ Location::Images(dir),
            name,
        } => {
            let levels = crate::fs::mkdir_p::levels(name);
            made(&mut report, at, name, fs.mkdir_path(dir, &levels).await);
        }
        OpSpec::Move {
            from: f @ Location::Images(src),
            items,
            to: t @ Location::Images(dst),
        } => {
            let out = fs
                .move_items(src.id(), &ids(items), dst, &mut progress)
                .await;
            moved(&mut report, spec, (f, t), items, out);
        }
        OpSpec::Delete {
            at: Location::Images(_),
            items,
        } => {
            let out = fs.delete(&ids(items), &mut progress).await;
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
                other.action()
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
    let out = fs.copy_from_drive(&ids(items), to, progress).await;
    report.patch = crate::fs::Patch::relist(vec![crate::fs::DirRef::Images(to.id().to_owned())]);
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
