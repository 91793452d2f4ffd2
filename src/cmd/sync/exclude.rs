//! What a sync leaves out: `--exclude` globs and the `.panfmignore` in the local side's root,
//! both in gitignore syntax (the `ignore` crate's matcher: `*.log`, `build/` for folders only,
//! `/top` anchored, `!keep` to take one back), matched against paths relative to the roots.

use std::path::Path;

use ignore::gitignore::{Gitignore, GitignoreBuilder};

pub const IGNORE_FILE: &str = ".panfmignore";

pub struct Matcher {
    rules: Gitignore,
}

impl Matcher {
    /// `root`'s `.panfmignore` if it has one, then `globs`; a bad line is the error.
    pub fn new(root: &Path, globs: &[String]) -> Result<Self, String> {
        let mut builder = GitignoreBuilder::new(root);
        let file = root.join(IGNORE_FILE);
        if file.is_file()
            && let Some(e) = builder.add(&file)
        {
            return Err(format!("{}: {e}", file.display()));
        }
        for glob in globs {
            builder
                .add_line(None, glob)
                .map_err(|e| format!("--exclude {glob}: {e}"))?;
        }
        let rules = builder.build().map_err(|e| e.to_string())?;
        Ok(Self { rules })
    }

    /// Whether `rel` (`a/b.txt`) is left out; what is below a folder left out is the
    /// planner's to leave out with it.
    pub fn excluded(&self, rel: &str, is_dir: bool) -> bool {
        self.rules.matched(rel, is_dir).is_ignore()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_and_the_ignore_file_use_gitignore_syntax() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(IGNORE_FILE), "*.tmp\nbuild/\n!keep.tmp\n").unwrap();
        let m = Matcher::new(dir.path(), &["/top.txt".into(), "cache".into()]).unwrap();
        assert!(m.excluded("a/b.tmp", false));
        assert!(!m.excluded("keep.tmp", false));
        assert!(m.excluded("build", true));
        assert!(!m.excluded("build", false), "build/ is for folders");
        assert!(m.excluded("top.txt", false));
        assert!(!m.excluded("sub/top.txt", false), "anchored");
        assert!(m.excluded("x/cache", true));
        assert!(!m.excluded("a.txt", false));
        assert!(Matcher::new(dir.path(), &["{a,b".into()]).is_err());
    }
}
