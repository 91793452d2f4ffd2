//! Where the two panes start: the command line's optional folders, each local or, written as
//! the pane titles show them, `cloud:/…` or `images:/…`. Cloud folders are found by the TUI
//! once it runs (the pane says it is loading), so a slow or missing path never holds up the
//! screen; without a cloud account such a pane starts locally and says why.

use super::error::LaunchError;
use crate::app::Side;
use crate::fs::{CloudDir, ImageDir, Location, TypedPath};
use std::path::{Path, PathBuf};

pub struct Start {
    pub panes: [Location; 2],
    /// Cloud or image-space folders to find, per side.
    pub open: [Option<TypedPath>; 2],
    /// The local directory panfm started in.
    pub start_dir: PathBuf,
    /// Why a named folder could not be opened at all.
    pub note: Option<String>,
}

/// The start of both panes. `local` checks a local directory (and reports a bad one).
pub fn panes(
    left: Option<&Path>,
    right: Option<&Path>,
    cwd: &Path,
    cloud: bool,
    local: impl Fn(&Path) -> Result<Location, LaunchError>,
) -> Result<Start, LaunchError> {
    let typed = |p: Option<&Path>| match p.and_then(Path::to_str) {
        Some(text) => Some(TypedPath::parse(text)),
        None => p.map(|p| TypedPath::Local(p.to_path_buf())),
    };
    let mut start = Start {
        panes: [
            Location::Local(cwd.to_path_buf()),
            Location::Cloud(CloudDir::root()),
        ],
        open: [None, None],
        start_dir: cwd.to_path_buf(),
        note: None,
    };
    let left = typed(left);
    let right = typed(right).or_else(|| match (&left, cloud) {
        (None | Some(TypedPath::Local(_)), true) => Some(TypedPath::Cloud("/".into())),
        (None | Some(TypedPath::Local(_)), false) => left.clone(),
        (Some(_), _) => None,
    });
    for (side, arg) in [(Side::Left, left), (Side::Right, right)] {
        let i = side.index();
        start.panes[i] = match arg {
            None => Location::Local(cwd.to_path_buf()),
            Some(TypedPath::Local(p)) => local(&p)?,
            Some(TypedPath::Cloud(p)) if cloud && p == "/" => Location::Cloud(CloudDir::root()),
            Some(path @ (TypedPath::Cloud(_) | TypedPath::Images(_))) if cloud => {
                let root = match path {
                    TypedPath::Images(_) => Location::Images(ImageDir::root()),
                    _ => Location::Cloud(CloudDir::root()),
                };
                start.open[i] = Some(path);
                root
            }
            Some(path) => {
                start.note = Some(format!(
                    "{}: no cloud account — run `panfm login`, set PANFM_CLIENT_ID/SECRET, or try --demo",
                    path.display()
                ));
                Location::Local(cwd.to_path_buf())
            }
        };
    }
    if let Some(dir) = start.panes.iter().find_map(Location::local_path) {
        start.start_dir = dir;
    }
    Ok(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(left: Option<&str>, right: Option<&str>, cloud: bool) -> Start {
        let local = |p: &Path| Ok(Location::Local(Path::new("/cwd").join(p)));
        panes(
            left.map(Path::new),
            right.map(Path::new),
            Path::new("/cwd"),
            cloud,
            local,
        )
        .unwrap()
    }

    #[test]
    fn either_pane_starts_local_or_at_a_cloud_or_image_folder() {
        let s = start(Some("x"), Some("cloud:/备份"), true);
        assert_eq!(s.panes[0], Location::Local("/cwd/x".into()));
        assert_eq!(s.panes[1], Location::Cloud(CloudDir::root()));
        assert_eq!(s.open, [None, Some(TypedPath::Cloud("/备份".into()))]);
        assert_eq!(s.start_dir, PathBuf::from("/cwd/x"));

        let s = start(Some("images:/blog"), None, true);
        assert_eq!(s.panes[0], Location::Images(ImageDir::root()));
        assert_eq!(s.open[0], Some(TypedPath::Images("/blog".into())));
        assert_eq!(
            s.panes[1],
            Location::Local("/cwd".into()),
            "the other pane: local"
        );
        assert_eq!(s.start_dir, PathBuf::from("/cwd"));

        let s = start(None, None, true);
        assert_eq!(s.panes[1], Location::Cloud(CloudDir::root()));
        assert_eq!(s.open, [None, None]);
        let s = start(None, None, false);
        assert_eq!(s.panes[1], Location::Local("/cwd".into()));
    }

    #[test]
    fn a_cloud_folder_without_an_account_starts_locally_and_says_why() {
        let s = start(Some("cloud:/备份"), None, false);
        assert_eq!(
            s.panes,
            [
                Location::Local("/cwd".into()),
                Location::Local("/cwd".into())
            ]
        );
        assert!(s.note.unwrap().starts_with("cloud:/备份: no cloud account"));
    }
}
