//! The documented JSON, field for field: request bodies with the exact casing each endpoint
//! expects (the API mixes `fileId`, `fileID`, `fileIDs`, `fileIds`, `parentFileID`, `parentID`…),
//! and response `data` shapes decoded leniently, converted into `model` types right away.
//! Private to `api`; the mock must not use these (it writes the documents' JSON itself).

pub(super) mod auth;
pub(super) mod file;
pub(super) mod image;
pub(super) mod image_tasks;
pub(super) mod offline;
pub(super) mod ops;
pub(super) mod share;
pub(super) mod upload;
pub(super) mod user;

#[cfg(test)]
mod examples;
#[cfg(test)]
mod image_examples;
