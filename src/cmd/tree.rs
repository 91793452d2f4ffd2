//! `panfm tree [-a] [-L N] [--json] [PATH]`: a folder and everything below it, drawn like
//! `tree(1)` or as one nested JSON object (each folder with `children`, or with `error` when
//! its listing failed; such a folder is also reported on stderr and the exit status is 1).

use super::ctx::Ctx;
use super::exit::CmdResult;
use super::output::{display_name, entry_json, sort_entries};
use super::walk::{Listed, walk};
use crate::api::{FileEntry, FileId};
use crate::cli::TreeArgs;
use crate::fs::local::sanitize_name;
use crate::fs::resolve::join;
use serde_json::Value;
use std::collections::HashMap;

pub async fn tree(ctx: &mut Ctx, args: TreeArgs) -> CmdResult {
    let root = ctx.resolver.resolve(&args.path).await?;
    if !root.entry.is_dir() {
        match args.json {
            true => ctx.print_json(&entry_json(&root.entry, &root.path)),
            false => ctx.print(&format!("{}\n", root.path)),
        }
        return Ok(());
    }
    let all = args.all;
    let shown = move |e: &FileEntry| !e.trashed && (all || !e.name.starts_with('.'));
    let levels = args.level.map(|l| l.max(1));
    let listed = walk(ctx, root.entry.id, &root.path, levels, shown).await;
    let view = View {
        listed: &listed,
        shown: &shown,
    };
    let mut failed: Vec<_> = listed
        .values()
        .filter_map(|l| {
            l.children
                .as_ref()
                .err()
                .map(|e| (l.path.clone(), e.clone()))
        })
        .collect();
    failed.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, e) in failed {
        ctx.fail(&path, e);
    }
    if args.json {
        let mut top = entry_json(&root.entry, &root.path);
        view.attach(&mut top, root.entry.id, &root.path);
        ctx.print_json(&top);
        return Ok(());
    }
    let mut out = format!("{}\n", sanitize_name(&root.path));
    let mut counts = (0usize, 0usize);
    view.draw(root.entry.id, "", &mut out, &mut counts);
    out.push_str(&format!(
        "\n{} {}, {} {}\n",
        counts.0,
        plural(counts.0, "directory", "directories"),
        counts.1,
        plural(counts.1, "file", "files")
    ));
    ctx.print(&out);
    Ok(())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

struct View<'a, F> {
    listed: &'a HashMap<FileId, Listed>,
    shown: &'a F,
}

impl<F: Fn(&FileEntry) -> bool> View<'_, F> {
    fn children(&self, dir: FileId) -> Option<Result<Vec<FileEntry>, String>> {
        let listed = self.listed.get(&dir)?;
        Some(match &listed.children {
            Ok(list) => {
                let mut kept: Vec<FileEntry> =
                    list.iter().filter(|e| (self.shown)(e)).cloned().collect();
                sort_entries(&mut kept);
                Ok(kept)
            }
            Err(e) => Err(e.to_string()),
        })
    }

    fn draw(&self, dir: FileId, prefix: &str, out: &mut String, counts: &mut (usize, usize)) {
        let children = match self.children(dir) {
            Some(Ok(children)) => children,
            Some(Err(e)) => {
                out.push_str(&format!("{prefix}└── [error: {e}]\n"));
                return;
            }
            None => return,
        };
        for (i, e) in children.iter().enumerate() {
            let last = i + 1 == children.len();
            let (branch, more) = if last {
                ("└── ", "    ")
            } else {
                ("├── ", "│   ")
            };
            out.push_str(&format!("{prefix}{branch}{}\n", display_name(e)));
            match e.is_dir() {
                true => {
                    counts.0 += 1;
                    self.draw(e.id, &format!("{prefix}{more}"), out, counts);
                }
                false => counts.1 += 1,
            }
        }
    }

    fn attach(&self, node: &mut Value, dir: FileId, path: &str) {
        let Some(obj) = node.as_object_mut() else {
            return;
        };
        match self.children(dir) {
            Some(Ok(children)) => {
                let kids = children
                    .iter()
                    .map(|e| {
                        let child_path = join(path, &e.name);
                        let mut v = entry_json(e, &child_path);
                        if e.is_dir() {
                            self.attach(&mut v, e.id, &child_path);
                        }
                        v
                    })
                    .collect();
                obj.insert("children".into(), Value::Array(kids));
            }
            Some(Err(e)) => {
                obj.insert("error".into(), Value::String(e));
            }
            None => {}
        }
    }
}
