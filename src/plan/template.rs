//! Replacement templates of a [`RenameSpec`](super::RenameSpec), parsed once and expanded per
//! match. Owns the template grammar only; matching belongs to `rename`.
//!
//! Grammar: `{n}` is the counter; `{{` and `}}` are literal braces (so `{{n}}` is a literal
//! `{n}`); any other brace is literal. In regex mode only, `$1`, `$name`, `${name}` and `${1}`
//! insert capture groups and `$$` is a literal `$`, with the `regex` crate's rules: an
//! unbraced name is the longest run of `[0-9A-Za-z_]`, and a `$` not followed by a name is
//! literal. Unlike the `regex` crate, a reference to a group the pattern lacks is an error,
//! not an empty string, so `$1a` (group "1a") is caught instead of silently dropping text.

use super::rename::RenameSpecError;
use regex::{Captures, Regex};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Counter,
    Index(usize),
    Name(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    pieces: Vec<Piece>,
}

impl Template {
    pub(crate) fn parse(src: &str, groups: bool) -> Self {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut rest = src;
        while let Some(c) = rest.chars().next() {
            let (piece, used) = match c {
                '{' | '}' => brace(rest),
                '$' if groups => dollar(rest),
                _ => (None, c.len_utf8()),
            };
            match piece {
                Some(Piece::Text(t)) => text.push_str(&t),
                Some(p) => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(p);
                }
                None => text.push_str(&rest[..used]),
            }
            rest = &rest[used..];
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Self { pieces }
    }

    pub(crate) fn has_counter(&self) -> bool {
        self.pieces.contains(&Piece::Counter)
    }

    /// Fails on the first group reference `regex` does not define.
    pub(crate) fn check_groups(&self, regex: &Regex) -> Result<(), RenameSpecError> {
        for piece in &self.pieces {
            let known = match piece {
                Piece::Index(i) => *i < regex.captures_len(),
                Piece::Name(n) => regex.capture_names().any(|c| c == Some(n.as_str())),
                Piece::Text(_) | Piece::Counter => true,
            };
            if !known {
                let group = match piece {
                    Piece::Index(i) => i.to_string(),
                    Piece::Name(n) => n.clone(),
                    Piece::Text(_) | Piece::Counter => String::new(),
                };
                return Err(RenameSpecError::UnknownGroup { group });
            }
        }
        Ok(())
    }

    pub(crate) fn expand(&self, caps: &Captures<'_>, counter: &str, out: &mut String) {
        for piece in &self.pieces {
            let text = match piece {
                Piece::Text(t) => t.as_str(),
                Piece::Counter => counter,
                Piece::Index(i) => caps.get(*i).map_or("", |m| m.as_str()),
                Piece::Name(n) => caps.name(n).map_or("", |m| m.as_str()),
            };
            out.push_str(text);
        }
    }
}

/// At a `{` or `}`: an escape, the counter, or (None) a literal brace.
fn brace(rest: &str) -> (Option<Piece>, usize) {
    if rest.starts_with("{{") || rest.starts_with("}}") {
        (Some(Piece::Text(rest[..1].to_owned())), 2)
    } else if rest.starts_with("{n}") {
        (Some(Piece::Counter), 3)
    } else {
        (None, 1)
    }
}

/// At a `$`: `$$`, a group reference, or (None) a literal `$`.
fn dollar(rest: &str) -> (Option<Piece>, usize) {
    let after = &rest[1..];
    if after.starts_with('$') {
        return (Some(Piece::Text("$".to_owned())), 2);
    }
    let (name, used) = match after.strip_prefix('{') {
        Some(braced) => match braced.find('}') {
            Some(end) => (&braced[..end], end + 3),
            None => return (None, 1),
        },
        None => {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], end + 1)
        }
    };
    if name.is_empty() {
        return (None, 1);
    }
    let piece = match name.parse::<usize>() {
        Ok(i) => Piece::Index(i),
        Err(_) => Piece::Name(name.to_owned()),
    };
    (Some(piece), used)
}
