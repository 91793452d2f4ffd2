//! The drive's folder tree: integer ids allocated in ascending order, root `0` (no node of its
//! own), each node with its own `trashed` flag and kept under its parent while trashed (v2 list
//! shows trashed children with `trashed:1`). The type and its queries are in `queries`; mutations in `ops`, `trash`,
//! `copy` and `system` (folders the server names itself). Nothing here does I/O: blobs are referred to by `(etag, size)`.

mod copy;
mod names;
mod node;
mod ops;
mod queries;
mod system;
mod trash;

pub(crate) use names::{suffixed, validate as validate_name};
pub(crate) use node::{Kind, Node, ROOT, STATUS_FILE, STATUS_REJECTED};
pub(crate) use ops::Duplicate;
#[cfg(test)]
pub(crate) use queries::test_file;
pub(crate) use queries::{Tree, TreeSnapshot};
