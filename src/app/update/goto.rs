//! Going to a folder by typing its path (mc's quick cd, yazi's `g <Space>`). The prompt opens
//! with the pane's folder written as its title shows it; paths are read like the command
//! line's start folders (`cloud:/…`, `images:/…`, anything else local, `~` for home), and a
//! relative path is taken from the pane's folder on its own backend. The folder is found by
//! the runtime (`Effect::OpenPath`); one that does not exist opens the nearest folder above it.

use crate::app::{Effect, InputPurpose, Modal, Model, Side};
use crate::fs::complete::expand_home;
use crate::fs::resolve::join;
use crate::fs::{Location, TypedPath};
use std::path::{Component, Path, PathBuf};

/// Opens the go-to prompt on the focused pane's folder.
pub fn open(model: &mut Model) {
    let (text, root) = match &model.focused().location {
        Location::Local(p) => (p.display().to_string(), "/"),
        Location::Cloud(d) => (format!("cloud:{}", d.path()), "cloud:/"),
        Location::Images(d) => (format!("images:{}", d.path()), "images:/"),
        Location::Search(_) | Location::Trash => ("cloud:/".to_owned(), "cloud:/"),
    };
    let text = match text.ends_with('/') {
        true => text,
        false => format!("{text}/"),
    };
    super::moves::open_path(model, InputPurpose::GoTo, &text, root);
}

pub fn accept(model: &mut Model, side: Side, text: &str) -> Vec<Effect> {
    match target(model, side, text) {
        Ok(path) => {
            model.modal = None;
            vec![super::moves::go_to(model, side, path)]
        }
        Err(why) => {
            super::moves::refuse(model, why);
            vec![]
        }
    }
}

/// The folder typed `text` leads to, or why it cannot be gone to.
pub fn target(model: &Model, side: Side, text: &str) -> Result<TypedPath, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Type a folder");
    }
    let path = match typed(model, side, text) {
        TypedPath::Local(p) => TypedPath::Local(tidy(&p, false)),
        other => other,
    };
    if !matches!(path, TypedPath::Local(_)) && !model.cloud_enabled {
        return Err(
            "No cloud account: run `panfm login`, set PANFM_CLIENT_ID/SECRET, or try --demo",
        );
    }
    Ok(path)
}

/// Tab in the go-to prompt: complete the folder path typed so far.
pub fn complete(model: &Model) -> Vec<Effect> {
    let Some(Modal::Input(state)) = &model.modal else {
        return vec![];
    };
    let text = state.input.value().to_owned();
    let path = typed(model, state.side, &text);
    vec![Effect::Complete { text, path }]
}

/// The folder `text` names, typed in the prompt of `side`'s pane.
pub fn typed(model: &Model, side: Side, text: &str) -> TypedPath {
    let prefixed = ["cloud:", "images:", "local:"]
        .iter()
        .any(|p| text.starts_with(p));
    let path = match text.starts_with(['/', '~']) || prefixed {
        true => TypedPath::parse(text),
        false => match &model.pane(side).location {
            Location::Local(dir) => TypedPath::Local(dir.join(text)),
            Location::Cloud(d) => TypedPath::Cloud(join(&d.path(), text)),
            Location::Images(d) => TypedPath::Images(join(&d.path(), text)),
            Location::Search(_) | Location::Trash => TypedPath::Cloud(format!("/{text}")),
        },
    };
    match path {
        TypedPath::Local(p) => {
            let expanded = expand_home(&p.to_string_lossy(), model.home.as_deref());
            TypedPath::Local(tidy(Path::new(&expanded), text.ends_with('/')))
        }
        other => other,
    }
}

/// `path` without `.` and with `..` taken lexically, as the cloud resolver reads them; a
/// trailing `/` kept (completion reads what follows the last one).
fn tidy(path: &Path, slash: bool) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if slash && out.parent().is_some() {
        out.as_mut_os_string().push("/");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::CloudDir;

    fn model_at(loc: Location) -> Model {
        let mut m = crate::app::testing::model(100, 30);
        m.home = Some("/home/u".into());
        m.panes[0].location = loc;
        m.focus = Side::Left;
        m
    }

    #[test]
    fn paths_read_like_start_folders_and_relative_ones_stay_on_the_pane_backend() {
        let m = model_at(Location::Local("/work/a".into()));
        let t = |text: &str| typed(&m, Side::Left, text);
        assert_eq!(t("x/y"), TypedPath::Local("/work/a/x/y".into()));
        assert_eq!(t("../b/"), TypedPath::Local("/work/b/".into()));
        assert_eq!(t("~/dl"), TypedPath::Local("/home/u/dl".into()));
        assert_eq!(t("/tmp/./x"), TypedPath::Local("/tmp/x".into()));
        assert_eq!(t("/"), TypedPath::Local("/".into()));
        assert_eq!(t("cloud:/备份"), TypedPath::Cloud("/备份".into()));
        assert_eq!(t("images:blog"), TypedPath::Images("/blog".into()));
        assert_eq!(t("local:/tmp"), TypedPath::Local("/tmp".into()));

        let dir = CloudDir::root().child(7, "照片");
        let m = model_at(Location::Cloud(dir));
        assert_eq!(
            typed(&m, Side::Left, "2024"),
            TypedPath::Cloud("/照片/2024".into())
        );
        assert_eq!(
            typed(&m, Side::Left, "/tmp"),
            TypedPath::Local("/tmp".into()),
            "a bare absolute path is local, as on the command line"
        );
    }
}
