//! The subshell (`C-o`, as in mc): `$SHELL` (else `/bin/sh`) in a directory, on the screen the
//! runtime handed over, until the user leaves it with `exit`.

use std::io::Write;
use std::path::Path;

/// Runs the user's shell in `dir` and waits for it. Blocking: call it from the blocking pool
/// with the terminal suspended. How the shell exits is its own business; only a shell that
/// cannot start is an error.
pub fn run(dir: &Path) -> Result<(), String> {
    let shell = std::env::var("SHELL")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "/bin/sh".to_owned());
    let mut out = std::io::stdout();
    // Best effort: the shell starts either way.
    let _ = writeln!(
        out,
        "panfm: {shell} in {}; type exit to go back to panfm",
        dir.display()
    )
    .and_then(|()| out.flush());
    std::process::Command::new(&shell)
        .current_dir(dir)
        .status()
        .map(drop)
        .map_err(|e| format!("Cannot start {shell} in {}: {e}", dir.display()))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_shell_that_cannot_start_says_which_and_where() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let err = run(&gone).unwrap_err();
        assert!(err.starts_with("Cannot start "), "{err}");
        assert!(err.contains(&gone.display().to_string()), "{err}");
    }
}
