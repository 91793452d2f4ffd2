//! The cloud half of [`super::ops`]: turns an [`OpSpec`] on cloud locations into `PanFs` batch
//! calls and a report.

use super::op_report::{BatchId, failed_all, fold, ids, made, moved, undo_record};
use crate::app::{OpReport, OpSpec, UndoAction};
use crate::fs::pan::PanFs;
use crate::fs::{EntryKey, Location};

pub async fn run(fs: &PanFs, spec: &OpSpec, mut progress: impl FnMut(usize) + Send) -> OpReport {
    let mut report = OpReport::default();
    match spec {
        OpSpec::Mkdir {
            at: at @ Location::Cloud(dir),
            name,
        } => {
            let levels = crate::fs::mkdir_p::levels(name);
            made(&mut report, at, name, fs.mkdir_path(dir, &levels).await);
        }
        OpSpec::Rename {
            at: at @ Location::Cloud(dir),
            steps,
        } => {
            let plain: Vec<(i64, String, String)> = steps
                .iter()
                .filter_map(|s| match s.key {
                    EntryKey::Cloud(id) => Some((id, s.from.clone(), s.to.clone())),
                    _ => None,
                })
                .collect();
            let out = fs.rename_steps(dir.id(), &plain, &mut progress).await;
            let ok: std::collections::HashSet<i64> = out.ok.iter().copied().collect();
            let mut undo: Vec<UndoAction> = plain
                .iter()
                .filter(|(id, _, _)| ok.contains(id))
                .map(|(id, from, to)| UndoAction::Rename {
                    at: at.clone(),
                    key: EntryKey::Cloud(*id),
                    from: to.clone(),
                    to: from.clone(),
                })
                .collect();
            undo.reverse();
            report.ok = plain.iter().filter(|(id, _, _)| ok.contains(id)).count();
            for (id, reason) in out.failed {
                let name = plain
                    .iter()
                    .find(|(i, _, _)| *i == id)
                    .map_or_else(|| format!("id {id}"), |s| s.1.clone());
                report.failed.push((name, reason));
            }
            report.undo = undo_record(spec, undo);
            report.patch = out.patch;
        }
        OpSpec::Move {
            from: f @ Location::Cloud(src),
            items,
            to: t @ Location::Cloud(dst),
        } => {
            let out = fs
                .move_items(src.id(), &ids(items), dst, &mut progress)
                .await;
            moved(&mut report, spec, (f, t), items, out);
        }
        OpSpec::Copy {
            items,
            to: Location::Cloud(dst),
            ..
        } => {
            let kinds: Vec<(i64, bool)> = items
                .iter()
                .filter_map(|i| i64::of(&i.key).map(|id| (id, i.is_dir)))
                .collect();
            let out = fs.copy_items(&kinds, dst).await;
            progress(items.len());
            fold(&mut report, out, items);
        }
        OpSpec::Trash {
            at: Location::Cloud(dir),
            items,
        } => {
            let out = fs.trash(Some(dir.id()), &ids(items), &mut progress).await;
            fold(&mut report, out, items);
        }
        OpSpec::Trash {
            at: Location::Search(_),
            items,
        } => {
            let out = fs.trash(None, &ids(items), &mut progress).await;
            fold(&mut report, out, items);
        }
        OpSpec::Delete {
            at: Location::Trash,
            items,
        } => {
            let out = fs.purge(&ids(items), &mut progress).await;
            fold(&mut report, out, items);
        }
        OpSpec::Restore { items, to } => {
            let (out, orphaned) = fs.restore(&ids(items), to.as_ref(), &mut progress).await;
            report.orphaned = items
                .iter()
                .filter(|i| matches!(i.key, EntryKey::Cloud(id) if orphaned.contains(&id)))
                .cloned()
                .collect();
            fold(&mut report, out, items);
        }
        other => return failed_all(&format!("{} is not possible here", other.action())),
    }
    report
}
