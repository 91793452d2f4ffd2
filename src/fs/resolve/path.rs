//! The text form of a cloud path: `/a/b` from the root, or `id:N` optionally followed by
//! `/a/b`. Pure parsing; the resolver turns a [`CloudPath`] into an item.

use super::error::ResolveError;
use crate::api::{self, FileId};

/// A parsed path: a starting point and the names below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudPath {
    /// `None` = the root.
    pub base: Option<FileId>,
    pub names: Vec<String>,
}

impl CloudPath {
    /// Accepts `/a/b` (the leading `/` is required, so that a bare number is never mistaken for
    /// a name) and `id:N` optionally followed by `/a/b`.
    pub fn parse(text: &str) -> Result<Self, ResolveError> {
        let syntax = || ResolveError::Syntax(text.to_owned());
        let (base, rest) = match text.strip_prefix("id:") {
            Some(rest) => {
                let end = rest.find('/').unwrap_or(rest.len());
                let id = rest[..end].parse::<FileId>().map_err(|_| syntax())?;
                (Some(id).filter(|&id| id != api::ROOT_DIR), &rest[end..])
            }
            None if text.starts_with('/') => (None, text),
            None => return Err(syntax()),
        };
        let mut names: Vec<String> = Vec::new();
        for part in rest.split('/') {
            match part {
                "" | "." => {}
                ".." if names.pop().is_some() => {}
                ".." if base.is_some() => return Err(ResolveError::AboveBase(text.to_owned())),
                ".." => {}
                name => names.push(name.to_owned()),
            }
        }
        Ok(Self { base, names })
    }

    /// The folder part and the last name; `None` for a bare root or `id:N`.
    pub fn split_last(&self) -> Option<(CloudPath, &str)> {
        let (last, parent) = self.names.split_last()?;
        let parent = CloudPath {
            base: self.base,
            names: parent.to_vec(),
        };
        Some((parent, last))
    }

    pub fn display(&self) -> String {
        let tail = self.names.join("/");
        match self.base {
            None => format!("/{tail}"),
            Some(id) if tail.is_empty() => format!("id:{id}"),
            Some(id) => format!("id:{id}/{tail}"),
        }
    }
}

/// `dir` + `/` + `name`, without doubling the root's slash.
pub fn join(dir: &str, name: &str) -> String {
    match dir {
        "/" => format!("/{name}"),
        _ => format!("{dir}/{name}"),
    }
}
