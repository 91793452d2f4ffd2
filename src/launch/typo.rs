//! A word on the command line that is neither a subcommand nor an existing directory is most
//! likely a mistyped subcommand (`panfm lss /`): clap takes it for the left pane's directory.
//! This names the subcommand it is closest to, as clap's own suggestions do (Jaro similarity
//! above 0.7).

use crate::cli::Cli;
use crate::fs::local::display_name;
use clap::CommandFactory;
use std::ffi::{OsStr, OsString};
use std::path::Path;

/// "WORD: no such directory (did you mean the subcommand ls?)" for a pane argument that is
/// not there.
pub fn no_such_directory(word: &OsStr) -> String {
    let mut message = format!("{}: no such directory", display_name(word));
    if let Some(name) = closest_subcommand(word) {
        message.push_str(&format!(" (did you mean the subcommand {name}?)"));
    }
    message
}

/// For arguments clap refused: when the first word that is not an option (nor an option's
/// value) looks like a mistyped subcommand and names no existing path, the message to give
/// instead of clap's (which would complain about a later word).
pub fn mistyped_subcommand(args: &[OsString]) -> Option<String> {
    let word = first_word(args)?;
    if Path::new(word).exists() {
        return None;
    }
    closest_subcommand(word)?;
    Some(no_such_directory(word))
}

/// The first argument after the program name that is not an option or an option's value.
fn first_word(args: &[OsString]) -> Option<&OsStr> {
    let cmd = Cli::command();
    let takes_value = |flag: &str| {
        cmd.get_arguments().any(|a| {
            let valued = a.get_action().takes_values();
            let long = flag
                .strip_prefix("--")
                .is_some_and(|l| a.get_long() == Some(l));
            let short = flag.strip_prefix('-').and_then(|s| s.chars().next());
            let short = flag.len() == 2 && short.is_some_and(|s| a.get_short() == Some(s));
            valued && (long || short)
        })
    };
    let mut words = args.iter().skip(1);
    while let Some(arg) = words.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            return words.next().map(OsString::as_os_str);
        }
        if !text.starts_with('-') || text == "-" {
            return Some(arg);
        }
        if !text.contains('=') && takes_value(&text) {
            words.next();
        }
    }
    None
}

fn closest_subcommand(word: &OsStr) -> Option<String> {
    let word = word.to_str()?;
    let cmd = Cli::command();
    let names = cmd
        .get_subcommands()
        .flat_map(|s| std::iter::once(s.get_name()).chain(s.get_all_aliases()))
        .filter(|name| *name != "help");
    let (best, score) = names
        .map(|name| (name, strsim::jaro(word, name)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    (score > 0.7 && best != word).then(|| best.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("panfm")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn a_mistyped_subcommand_is_named() {
        assert_eq!(
            no_such_directory(OsStr::new("lss")),
            "lss: no such directory (did you mean the subcommand ls?)"
        );
        assert_eq!(
            mistyped_subcommand(&args(&["--demo", "donwload", "/a", "."])).as_deref(),
            Some("donwload: no such directory (did you mean the subcommand download?)")
        );
        let after_options = args(&["--config-dir", "/tmp", "-v", "--api-base=x", "uplaod"]);
        assert!(mistyped_subcommand(&after_options).is_some_and(|m| m.contains("upload?")));
    }

    #[test]
    fn other_words_get_no_suggestion() {
        assert_eq!(
            no_such_directory(OsStr::new("/no/such/dir")),
            "/no/such/dir: no such directory"
        );
        // An option's value is not the word, and a word that exists is a directory.
        assert_eq!(mistyped_subcommand(&args(&["--config-dir", "lss"])), None);
        assert_eq!(mistyped_subcommand(&args(&["/", "lss"])), None);
        assert_eq!(mistyped_subcommand(&args(&["zzzzzz", "/"])), None);
    }
}
