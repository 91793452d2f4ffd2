//! The user's editor: `$EDITOR`, then `$VISUAL`, then `vi` (issue 15's order, used by the
//! bulk rename too), run through `sh -c` so the variable may carry arguments (`code --wait`,
//! `sed -i s/a/b/`). Blocking: callers run it on the blocking pool, with the terminal handed
//! over when there is a TUI.

use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    program: String,
}

impl Editor {
    pub fn from_env() -> Self {
        let program = ["EDITOR", "VISUAL"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "vi".to_owned());
        Self { program }
    }

    /// The editor `config.toml` names, else the environment's.
    pub fn configured(program: Option<&str>) -> Self {
        match program.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => Self::new(p),
            None => Self::from_env(),
        }
    }

    /// A given command line (tests, scripts).
    pub fn new(program: impl Into<String>) -> Self {
        Self {
            program: program.into(),
        }
    }

    pub fn program(&self) -> &str {
        &self.program
    }

    /// Runs the editor on `file` and waits for it; `Err` says why when it could not start or
    /// exited with a failure.
    pub fn open(&self, file: &Path) -> Result<(), String> {
        let program = &self.program;
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{program} \"$1\""))
            .arg("sh")
            .arg(file)
            .status()
            .map_err(|e| format!("cannot start {program}: {e}"))?;
        match status.success() {
            true => Ok(()),
            false => Err(format!("{program} exited with {status}")),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_editor_gets_the_file_and_its_failure_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a b.txt");
        std::fs::write(&file, "one\n").unwrap();
        Editor::new("sed -i s/one/two/").open(&file).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "two\n");
        let err = Editor::new("false").open(&file).unwrap_err();
        assert!(err.starts_with("false exited with"), "{err}");
    }
}
