//! Why a path did not lead to the wanted item; `Display` is one line for the user.

use crate::api::{ApiError, FileId};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ResolveError {
    #[error("invalid cloud path `{0}`: start it with / (like /photos/2024) or use id:N")]
    Syntax(String),
    #[error("invalid cloud path `{0}`: `..` goes above the id it starts from")]
    AboveBase(String),
    #[error("no such file or directory: {path} ({name} not found in {parent})")]
    NotFound {
        path: String,
        name: String,
        parent: String,
    },
    #[error("no such file or directory: {0}")]
    NoSuchId(String),
    #[error("not a directory: {0}")]
    NotADir(String),
    #[error("{path} is ambiguous: {} entries are named {name} in {parent}; use one of {}",
        .ids.len(), ids_list(.ids))]
    Ambiguous {
        path: String,
        name: String,
        parent: String,
        ids: Vec<FileId>,
    },
    #[error("{0} is in the trash")]
    InTrash(String),
    #[error("{0} is not in the trash")]
    NotInTrash(String),
    #[error("{0}")]
    Api(ApiError),
}

fn ids_list(ids: &[FileId]) -> String {
    ids.iter()
        .map(|id| format!("id:{id}"))
        .collect::<Vec<_>>()
        .join(", ")
}
