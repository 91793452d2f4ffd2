//! Arguments of `panfm rename`: one item (`rename PATH NEW_NAME`), or a batch by pattern.

use crate::plan::{CaseChange, Scope};
use clap::builder::StyledStr;
use clap::builder::styling::Style;

#[derive(Debug, Clone, clap::Args)]
pub struct RenameArgs {
    /// Batch: replace matches of this regular expression (`$1`, `${name}` in --to).
    #[arg(long, value_name = "PATTERN", conflicts_with = "find")]
    pub regex: Option<String>,
    /// Batch: replace this literal text.
    #[arg(long, value_name = "TEXT")]
    pub find: Option<String>,
    #[arg(long = "to", value_name = "REPLACEMENT",
          help = counter_help("The replacement; `", "` inserts a counter."))]
    pub to: Option<String>,
    /// Match case-insensitively.
    #[arg(short = 'i', long)]
    pub ignore_case: bool,
    /// Replace only the first match in each name.
    #[arg(long)]
    pub first: bool,
    /// Which part of each name the pattern sees.
    #[arg(long, value_enum, default_value_t = ScopeArg::Whole)]
    pub scope: ScopeArg,
    /// Change the case of that part afterwards.
    #[arg(long, value_enum, default_value_t = CaseArg::Keep)]
    pub case: CaseArg,
    #[arg(long, default_value_t = 1, value_name = "N",
          help = counter_help("First value of `", "`."))]
    pub start: u64,
    #[arg(long, default_value_t = 1, value_name = "N",
          help = counter_help("Increment of `", "`."))]
    pub step: u64,
    #[arg(long, default_value_t = 0, value_name = "DIGITS",
          help = counter_help("Zero-pad `", "` to this many digits."))]
    pub width: usize,
    /// Batch: rename the entries of this folder (in addition to any PATHs).
    #[arg(long = "in", value_name = "DIR")]
    pub in_dir: Option<String>,
    /// Give clashing new names a " (2)" suffix instead of refusing the plan.
    #[arg(long)]
    pub auto_suffix: bool,
    /// Show the plan (old → new, conflicts) without renaming anything.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Print one JSON object: {"results": [{id, from, to}], "errors": [{item, error}]}; with
    /// --dry-run, every planned item with its status.
    #[arg(long)]
    pub json: bool,
    /// PATH NEW_NAME; in batch mode, the items to rename.
    #[arg(value_name = "PATH")]
    pub args: Vec<String>,
}

/// Help text around the counter placeholder `{n}`, which clap would print as a line break: the
/// brace and the `n}` are styled apart, so the text clap searches never holds `{n}`. The
/// styling is dropped wherever help is printed without colours.
fn counter_help(before: &str, after: &str) -> StyledStr {
    let bold = Style::new().bold();
    let mut text = StyledStr::new();
    text.push_str(before);
    text.push_str(&format!("{bold}{{{bold:#}{bold}n}}{bold:#}"));
    text.push_str(after);
    text
}

impl RenameArgs {
    /// Batch mode: a pattern or a case change was given.
    pub fn is_batch(&self) -> bool {
        self.regex.is_some() || self.find.is_some() || self.case != CaseArg::Keep
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScopeArg {
    /// The whole name.
    Whole,
    /// The name without its extension.
    Stem,
    /// The extension without its dot.
    Ext,
}

impl From<ScopeArg> for Scope {
    fn from(s: ScopeArg) -> Self {
        match s {
            ScopeArg::Whole => Scope::Whole,
            ScopeArg::Stem => Scope::Stem,
            ScopeArg::Ext => Scope::Extension,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CaseArg {
    Keep,
    Lower,
    Upper,
    Title,
}

impl From<CaseArg> for CaseChange {
    fn from(c: CaseArg) -> Self {
        match c {
            CaseArg::Keep => CaseChange::Keep,
            CaseArg::Lower => CaseChange::Lower,
            CaseArg::Upper => CaseChange::Upper,
            CaseArg::Title => CaseChange::Title,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Cmd};
    use clap::Parser;

    #[test]
    fn the_scope_defaults_to_the_whole_name_as_in_the_tui() {
        let cli = Cli::try_parse_from(["panfm", "rename", "--find", "x", "--to", "y", "/a"]);
        let Ok(Cli {
            command: Some(Cmd::Rename(args)),
            ..
        }) = cli
        else {
            panic!("{cli:?}")
        };
        assert_eq!(Scope::from(args.scope), Scope::default());
        assert_eq!(Scope::default(), Scope::Whole);
    }
}
