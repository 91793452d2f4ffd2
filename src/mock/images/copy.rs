//! Copying drive files into the image space (创建复制任务, p123client): the images among the
//! given files, and those inside the given folders (their folder structure recreated under the
//! target, at most 15 levels deep), share their blob with the drive file.
//!
//! "记录的是符合对应格式、大小的图片的复制失败原因": only images of a supported format within the
//! size limit are candidates; other files are skipped without a record. A candidate that
//! cannot be placed (a name taken by different content, a file rejected by review) is recorded
//! as a failure. More than 1000 candidates fail the whole task ("每次任务包含的图片总数限制
//! 1000 张").

use super::super::tree::{Duplicate, Node, STATUS_REJECTED, Tree};
use super::rules;
use super::tree::{ImageKind, ImageTree};

const MAX_IMAGES: usize = 1000;

/// One image to copy: the folder names below the target, and the drive file.
struct Candidate<'a> {
    dirs: Vec<String>,
    file: &'a Node,
}

fn collect<'a>(drive: &'a Tree, node: &'a Node, dirs: Vec<String>, out: &mut Vec<Candidate<'a>>) {
    if !node.is_dir() {
        if rules::is_image_name(&node.name) && node.size() <= rules::MAX_IMAGE {
            out.push(Candidate { dirs, file: node });
        }
        return;
    }
    if dirs.len() >= rules::MAX_DEPTH {
        return;
    }
    let mut inner = dirs;
    inner.push(node.name.clone());
    for child in drive.children(node.id).filter(|c| !c.trashed) {
        collect(drive, child, inner.clone(), out);
    }
}

/// Copies the images of drive items `ids` into image folder `target`. `Err` fails the whole
/// task with its `failMsg`; `Ok` lists the candidates that failed.
pub(crate) fn run(
    drive: &Tree,
    images: &mut ImageTree,
    ids: &[i64],
    target: &str,
    now: i64,
) -> Result<Vec<(i64, String)>, String> {
    let mut candidates = Vec::new();
    for &id in ids {
        if let Ok(node) = drive.live(id) {
            collect(drive, node, Vec::new(), &mut candidates);
        }
    }
    if candidates.len() > MAX_IMAGES {
        return Err(format!("每次任务包含的图片总数不能超过{MAX_IMAGES}张"));
    }
    if images.dir(target, "toParentFileID").is_err() {
        return Err("目标目录不存在".to_owned());
    }
    let mut failed = Vec::new();
    for c in candidates {
        if let Err(reason) = copy_one(images, target, &c, now) {
            tracing::debug!(id = c.file.id, reason, "mock image copy failed");
            failed.push((c.file.id, c.file.name.clone()));
        }
    }
    Ok(failed)
}

fn copy_one(
    images: &mut ImageTree,
    target: &str,
    c: &Candidate<'_>,
    now: i64,
) -> Result<(), String> {
    if c.file.status >= STATUS_REJECTED {
        return Err("文件审核未通过".to_owned());
    }
    let mut dir = images.canon(target).to_owned();
    for name in &c.dirs {
        dir = match images.child_named(&dir, name) {
            Some(n) if n.is_dir() => n.id.clone(),
            Some(_) => return Err("同名文件已存在".to_owned()),
            None => images.add(&dir, name, ImageKind::Dir, now),
        };
    }
    let content = (c.file.etag(), c.file.size());
    images
        .place(&dir, &c.file.name, content, Duplicate::Refuse, now)
        .map(|_| ())
        .map_err(|e| e.message.into_owned())
}

#[cfg(test)]
mod tests {
    use super::super::super::tree::ROOT;
    use super::*;

    #[test]
    fn copies_images_with_their_folders_and_skips_the_rest() {
        let mut drive = Tree::new(100);
        let pics = drive.mkdir(ROOT, "pics", 0).unwrap();
        let sub = drive.mkdir(pics, "sub", 0).unwrap();
        let file = |t: &mut Tree, p, n: &str, e: &str| {
            t.place_file(p, n, Duplicate::Refuse, (e.to_owned(), 3), 0)
                .unwrap()
        };
        file(&mut drive, pics, "a.png", "e1");
        file(&mut drive, pics, "notes.txt", "e2");
        let bad = file(&mut drive, sub, "b.gif", "e3");
        drive.get_mut(bad).unwrap().status = STATUS_REJECTED;
        let lone = file(&mut drive, ROOT, "c.JPG", "e4");
        let mut images = ImageTree::default();
        let failed = run(&drive, &mut images, &[pics, lone], "", 0).unwrap();
        assert_eq!(failed, vec![(bad, "b.gif".to_owned())]);
        assert!(images.resolve("/pics/a.png").is_some());
        assert!(images.resolve("/pics/notes.txt").is_none());
        assert!(
            images.resolve("/pics/sub").is_none(),
            "no folder without an image"
        );
        assert!(images.resolve("/c.JPG").is_some());
        assert!(run(&drive, &mut images, &[lone], "missing", 0).is_err());
    }
}
