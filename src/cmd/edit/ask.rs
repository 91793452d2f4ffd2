//! The questions `panfm edit` asks on a terminal (stdin), on stderr: a big file before it is
//! downloaded, and what to do with a copy whose cloud file changed meanwhile. Without a
//! terminal nothing is asked: a big file needs `--yes`, a changed file `--on-conflict` (else
//! the copy is kept).

use crate::cmd::exit::{CmdError, CmdResult};
use crate::cmd::output::size;
use crate::edit::OnDrift;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

fn answer(question: &str) -> CmdResult<String> {
    let mut err = std::io::stderr();
    let _ = write!(err, "{question} ");
    let _ = err.flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CmdError::failure(format!("cannot read the answer: {e}")))?;
    Ok(line.trim().to_lowercase())
}

/// Asks before downloading a `bytes`-long file for editing.
pub(super) fn big(shown: &str, bytes: u64) -> CmdResult {
    let size = size(bytes);
    if !std::io::stdin().is_terminal() {
        return Err(CmdError::usage(format!(
            "{shown} is {size}; add --yes to download it for editing (stdin is not a terminal)"
        )));
    }
    let text = format!("Edit {shown}? It is {size}, downloaded whole first. [y/N]");
    match answer(&text)?.as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(CmdError::failure("cancelled; nothing downloaded")),
    }
}

/// What to do with `copy` now that the cloud file changed (or could not be checked: the
/// `headline` says which): `given` on the command line, else the terminal's answer, else keep
/// it.
pub(super) fn drift(headline: &str, copy: &Path, given: Option<OnDrift>) -> CmdResult<OnDrift> {
    eprintln!("panfm: {headline}");
    if let Some(given) = given {
        return Ok(given);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CmdError::failure(format!(
            "stdin is not a terminal and --on-conflict was not given: nothing uploaded; the \
             edited copy is kept at {}",
            copy.display()
        )));
    }
    eprintln!("panfm: your edited copy is {}", copy.display());
    let text = "Upload it over the cloud file (o), keep both (b), or keep the copy here only \
                (k)? [o/b/K]";
    Ok(match answer(text)?.as_str() {
        "o" | "overwrite" => OnDrift::Overwrite,
        "b" | "both" | "keep-both" => OnDrift::KeepBoth,
        _ => OnDrift::KeepLocal,
    })
}
