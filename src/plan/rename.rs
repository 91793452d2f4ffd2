//! The pattern form of batch rename: a [`RenameSpec`] (find/replace or regex, counter, case
//! change, scope) compiled once into a [`Renamer`] that maps a list of names to new names.
//! Pure string work; whether the results are valid or collide is `plan`'s job.
//!
//! Order of operations per name: split off the scope (see [`Scope`]), replace matches in it
//! (expanding the replacement template, see `template`), change its case, reassemble.

use super::case::CaseChange;
use super::names::{MAX_NAME_BYTES, split_extension};
use super::template::Template;
use crate::fs::Entry;
use regex::{Regex, RegexBuilder};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Find {
    /// Literal text; `$` in the replacement is literal too. Empty text finds nothing, which
    /// makes a spec that only changes case.
    Literal {
        text: String,
        case_insensitive: bool,
    },
    /// A `regex` crate pattern; the replacement may use `$1`, `${name}` and `$$`.
    Regex {
        pattern: String,
        case_insensitive: bool,
    },
}

/// The `{n}` counter: the k-th name (from 0) that the find part matches gets
/// `start + k * step`, zero-padded to `width` digits (longer numbers are not cut). Names that
/// don't match take no number, so numbering has no gaps. Widths above 255 act as 255 (no
/// longer name is valid anyway).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    pub start: u64,
    pub step: u64,
    pub width: usize,
}

impl Default for Counter {
    fn default() -> Self {
        Self {
            start: 1,
            step: 1,
            width: 0,
        }
    }
}

/// Which part of a name a spec reads and writes; the rest is kept as is. The extension is the
/// text after the last dot; directories, dot-files (`.bashrc`) and names ending in a dot have
/// none (see [`split_extension`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The name without its extension.
    Stem,
    /// The default of the TUI's dialog and of `panfm rename`, as in mc's and yazi's renames
    /// and `sed`: the pattern sees what the user sees.
    #[default]
    Whole,
    /// The extension without its dot; names without one are left alone. Replacing an extension
    /// with nothing removes the dot too.
    Extension,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameSpec {
    pub find: Find,
    /// The template; see `template` for `{n}`, `{{`, `$1` and `${name}`.
    pub replace: String,
    /// Replace every match (default) or only the first one.
    pub all_occurrences: bool,
    pub counter: Counter,
    pub case: CaseChange,
    pub scope: Scope,
}

impl Default for RenameSpec {
    fn default() -> Self {
        Self::literal("", "")
    }
}

impl RenameSpec {
    pub fn literal(find: impl Into<String>, replace: impl Into<String>) -> Self {
        Self::with_find(
            Find::Literal {
                text: find.into(),
                case_insensitive: false,
            },
            replace.into(),
        )
    }

    pub fn regex(pattern: impl Into<String>, replace: impl Into<String>) -> Self {
        Self::with_find(
            Find::Regex {
                pattern: pattern.into(),
                case_insensitive: false,
            },
            replace.into(),
        )
    }

    fn with_find(find: Find, replace: String) -> Self {
        Self {
            find,
            replace,
            all_occurrences: true,
            counter: Counter::default(),
            case: CaseChange::Keep,
            scope: Scope::default(),
        }
    }

    pub fn compile(&self) -> Result<Renamer, RenameSpecError> {
        let (regex, template) = match &self.find {
            Find::Literal { text, .. } if text.is_empty() => (None, Template::parse("", false)),
            Find::Literal {
                text,
                case_insensitive,
            } => (
                Some(build_regex(&regex::escape(text), *case_insensitive)?),
                Template::parse(&self.replace, false),
            ),
            Find::Regex {
                pattern,
                case_insensitive,
            } => {
                let regex = build_regex(pattern, *case_insensitive)?;
                let template = Template::parse(&self.replace, true);
                template.check_groups(&regex)?;
                (Some(regex), template)
            }
        };
        Ok(Renamer {
            regex,
            template,
            all_occurrences: self.all_occurrences,
            counter: self.counter,
            case: self.case,
            scope: self.scope,
        })
    }

    /// [`compile`](Self::compile) then [`Renamer::apply`].
    pub fn apply(&self, inputs: &[RenameInput<'_>]) -> Result<Vec<String>, RenameSpecError> {
        Ok(self.compile()?.apply(inputs))
    }
}

fn build_regex(pattern: &str, case_insensitive: bool) -> Result<Regex, RenameSpecError> {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .build()
        .map_err(|e| RenameSpecError::InvalidRegex(e.to_string()))
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RenameSpecError {
    #[error("the pattern is not a valid regular expression: {0}")]
    InvalidRegex(String),
    #[error(
        "the replacement refers to group `{group}`, which the pattern does not define \
         (write `${{1}}x` to put text right after group 1)"
    )]
    UnknownGroup { group: String },
}

/// One name to rename; directories matter for [`Scope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenameInput<'a> {
    pub name: &'a str,
    pub is_dir: bool,
}

impl<'a> RenameInput<'a> {
    pub fn file(name: &'a str) -> Self {
        Self {
            name,
            is_dir: false,
        }
    }

    pub fn dir(name: &'a str) -> Self {
        Self { name, is_dir: true }
    }
}

impl<'a> From<&'a Entry> for RenameInput<'a> {
    fn from(entry: &'a Entry) -> Self {
        Self {
            name: &entry.name,
            is_dir: entry.is_dir(),
        }
    }
}

/// A compiled [`RenameSpec`].
#[derive(Debug, Clone)]
pub struct Renamer {
    regex: Option<Regex>,
    template: Template,
    all_occurrences: bool,
    counter: Counter,
    case: CaseChange,
    scope: Scope,
}

impl Renamer {
    /// New names for `inputs`, in the same order; the counter follows that order.
    pub fn apply(&self, inputs: &[RenameInput<'_>]) -> Vec<String> {
        let mut n = self.counter.start;
        inputs
            .iter()
            .map(|input| {
                let (name, matched) = self.rename_one(*input, n);
                if matched {
                    n = n.saturating_add(self.counter.step);
                }
                name
            })
            .collect()
    }

    fn rename_one(&self, input: RenameInput<'_>, n: u64) -> (String, bool) {
        let (stem, ext) = split_extension(input.name, input.is_dir);
        let (head, part, tail) = match (self.scope, ext) {
            (Scope::Whole, _) => ("", input.name, ""),
            (Scope::Stem, _) => (stem, stem, &input.name[stem.len()..]),
            (Scope::Extension, Some(ext)) => (stem, ext, ""),
            (Scope::Extension, None) => return (input.name.to_owned(), false),
        };
        let (replaced, matched) = self.replace(part, n);
        let changed = self.case.apply(&replaced);
        let name = match self.scope {
            Scope::Whole => changed,
            Scope::Stem => changed + tail,
            Scope::Extension if changed.is_empty() => head.to_owned(),
            Scope::Extension => format!("{head}.{changed}"),
        };
        (name, matched)
    }

    fn replace(&self, part: &str, n: u64) -> (String, bool) {
        let Some(regex) = &self.regex else {
            return (part.to_owned(), false);
        };
        let counter = match self.template.has_counter() {
            true => format!(
                "{n:0width$}",
                width = self.counter.width.min(MAX_NAME_BYTES)
            ),
            false => String::new(),
        };
        let mut out = String::with_capacity(part.len());
        let mut last = 0;
        let mut matched = false;
        for caps in regex.captures_iter(part) {
            let Some(whole) = caps.get(0) else { continue };
            out.push_str(&part[last..whole.start()]);
            self.template.expand(&caps, &counter, &mut out);
            last = whole.end();
            matched = true;
            if !self.all_occurrences {
                break;
            }
        }
        out.push_str(&part[last..]);
        (out, matched)
    }
}
