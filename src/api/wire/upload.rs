//! Upload v2 bodies and `data` [S002]: create, upload_complete, single/create. Slices are
//! multipart and built in `api::upload`.

use serde::{Deserialize, Serialize};

use crate::api::lenient;
use crate::api::model::{CreateOutcome, CreateRequest, Duplicate, FileId};

/// The wire value of `duplicate`; omitted for [`Duplicate::Refuse`].
pub(crate) fn duplicate_code(d: Duplicate) -> Option<u8> {
    match d {
        Duplicate::Refuse => None,
        Duplicate::KeepBoth => Some(1),
        Duplicate::Overwrite => Some(2),
    }
}

/// `POST upload/v2/file/create`.
#[derive(Debug, Serialize)]
pub(crate) struct CreateBody<'a> {
    #[serde(rename = "parentFileID")]
    parent_file_id: FileId,
    filename: &'a str,
    etag: String,
    size: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate: Option<u8>,
    #[serde(rename = "containDir", skip_serializing_if = "std::ops::Not::not")]
    contain_dir: bool,
}

impl<'a> From<&'a CreateRequest> for CreateBody<'a> {
    fn from(r: &'a CreateRequest) -> Self {
        Self {
            parent_file_id: r.parent_id,
            filename: &r.filename,
            etag: r.etag.to_ascii_lowercase(),
            size: r.size,
            duplicate: duplicate_code(r.duplicate),
            contain_dir: r.contain_dir,
        }
    }
}

/// `data` of create. `preuploadID`, `sliceSize` and `servers` are absent on reuse [S002][S003];
/// [S003] types `fileID` as a string, [S002] as a number.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreateData {
    #[serde(
        rename = "fileID",
        alias = "fileId",
        default,
        deserialize_with = "lenient::int"
    )]
    file_id: i64,
    #[serde(default, deserialize_with = "lenient::flag")]
    reuse: bool,
    #[serde(rename = "preuploadID", alias = "preuploadId", default)]
    preupload_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::uint")]
    slice_size: u64,
    #[serde(default, deserialize_with = "lenient::or_default")]
    servers: Vec<String>,
}

impl CreateData {
    /// The outcome, or what is missing from a non-reuse answer.
    pub(crate) fn into_outcome(self) -> Result<CreateOutcome, &'static str> {
        if self.reuse {
            return Ok(CreateOutcome::Reused {
                file_id: (self.file_id != 0).then_some(self.file_id),
            });
        }
        let preupload_id = self
            .preupload_id
            .filter(|p| !p.is_empty())
            .ok_or("no preuploadID")?;
        if self.slice_size == 0 {
            return Err("no sliceSize");
        }
        let servers: Vec<String> = self.servers.into_iter().filter(|s| !s.is_empty()).collect();
        if servers.is_empty() {
            return Err("no upload servers");
        }
        Ok(CreateOutcome::Upload {
            preupload_id,
            slice_size: self.slice_size,
            servers,
        })
    }
}

/// `POST upload/v2/file/upload_complete`.
#[derive(Debug, Serialize)]
pub(crate) struct CompleteBody<'a> {
    #[serde(rename = "preuploadID")]
    pub preupload_id: &'a str,
}

/// `data` of upload_complete and of single/create.
#[derive(Debug, Deserialize)]
pub(crate) struct CompleteData {
    #[serde(default, deserialize_with = "lenient::flag")]
    pub completed: bool,
    #[serde(
        rename = "fileID",
        alias = "fileId",
        default,
        deserialize_with = "lenient::int"
    )]
    pub file_id: FileId,
}

impl CompleteData {
    /// Done only when `completed` and `fileID != 0` [S002].
    pub(crate) fn file_id(&self) -> Option<FileId> {
        (self.completed && self.file_id != 0).then_some(self.file_id)
    }
}
