//! Image-space (图床) bodies and `data` of the folder, listing and upload endpoints, with the
//! casing of open-platform-guide-and-image-hosting.zh.md: `parentID` (mkdir), `parentFileID`
//! (create), `parentFileId`/`lastFileId` (list), `fileID` (detail query), `fileIDs` (move,
//! delete). Ids are strings; every body that documents `type` sends the fixed `1`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::lenient;
use crate::api::model::{FileKind, ImageCreateOutcome, ImageEntry, ImageId};

/// "固定为 1".
pub(crate) const FIXED_TYPE: u8 = 1;

/// `POST upload/v1/oss/file/mkdir`. The table types `name` as `[]string`, the example sends a
/// string; the example's form is sent.
#[derive(Debug, Serialize)]
pub(crate) struct MkdirBody<'a> {
    pub name: &'a str,
    #[serde(rename = "parentID")]
    pub parent_id: &'a str,
    #[serde(rename = "type")]
    pub kind: u8,
}

#[derive(Debug, Deserialize)]
pub(crate) struct MkdirData {
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub list: Vec<MkdirItem>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct MkdirItem {
    #[serde(default, deserialize_with = "lenient::string")]
    pub filename: String,
    #[serde(
        rename = "dirID",
        alias = "dirId",
        deserialize_with = "lenient::string"
    )]
    pub dir_id: ImageId,
}

/// `POST upload/v1/oss/file/create`.
#[derive(Debug, Serialize)]
pub(crate) struct CreateBody<'a> {
    #[serde(rename = "parentFileID")]
    pub parent_file_id: &'a str,
    pub filename: &'a str,
    pub etag: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub kind: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate: Option<u8>,
}

/// `data` of create: `preuploadID` is absent on reuse; p123client says `sliceSize` is too.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateData {
    #[serde(
        rename = "fileID",
        alias = "fileId",
        default,
        deserialize_with = "lenient::string"
    )]
    file_id: String,
    #[serde(default, deserialize_with = "lenient::flag")]
    reuse: bool,
    #[serde(rename = "preuploadID", alias = "preuploadId", default)]
    preupload_id: Option<String>,
    #[serde(rename = "sliceSize", default, deserialize_with = "lenient::uint")]
    slice_size: u64,
}

impl CreateData {
    pub(crate) fn into_outcome(self) -> Result<ImageCreateOutcome, &'static str> {
        if self.reuse {
            return Ok(ImageCreateOutcome::Reused {
                file_id: non_empty_id(self.file_id),
            });
        }
        let preupload_id = self
            .preupload_id
            .filter(|p| !p.is_empty())
            .ok_or("no preuploadID")?;
        if self.slice_size == 0 {
            return Err("no sliceSize");
        }
        Ok(ImageCreateOutcome::Upload {
            preupload_id,
            slice_size: self.slice_size,
        })
    }
}

/// `""` and `"0"` (p123client types the id as a number) mean "no id".
pub(crate) fn non_empty_id(id: String) -> Option<ImageId> {
    let id = id.trim();
    (!id.is_empty() && id != "0").then(|| id.to_owned())
}

/// `POST upload/v1/oss/file/get_upload_url`.
#[derive(Debug, Serialize)]
pub(crate) struct UploadUrlBody<'a> {
    #[serde(rename = "preuploadID")]
    pub preupload_id: &'a str,
    #[serde(rename = "sliceNo")]
    pub slice_no: u32,
}

#[derive(Debug, Deserialize)]
pub(crate) struct UploadUrlData {
    #[serde(rename = "presignedURL", alias = "presignedUrl")]
    pub presigned_url: String,
    #[serde(rename = "isMultipart", default, deserialize_with = "lenient::flag")]
    pub is_multipart: bool,
}

/// `{preuploadID}`: list_upload_parts, upload_complete, upload_async_result.
#[derive(Debug, Serialize)]
pub(crate) struct PreuploadBody<'a> {
    #[serde(rename = "preuploadID")]
    pub preupload_id: &'a str,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PartsData {
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub parts: Vec<WirePart>,
}

/// The drive's v1 example shows `partNumber` as a string, its table as a number.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WirePart {
    #[serde(deserialize_with = "lenient::int")]
    pub part_number: i64,
    #[serde(default, deserialize_with = "lenient::uint")]
    pub size: u64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub etag: String,
}

/// `data` of upload_complete (`async`, `completed`, `fileID`) and of upload_async_result
/// (`completed`, `fileID`). The documents type `fileID` as a string; p123client as a number.
#[derive(Debug, Deserialize)]
pub(crate) struct CompleteData {
    #[serde(rename = "async", default, deserialize_with = "lenient::flag")]
    pub is_async: bool,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub completed: bool,
    #[serde(
        rename = "fileID",
        alias = "fileId",
        default,
        deserialize_with = "lenient::string"
    )]
    pub file_id: String,
}

/// `POST api/v1/oss/file/list`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ListBody<'a> {
    pub parent_file_id: &'a str,
    pub limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_file_id: Option<&'a str>,
    #[serde(rename = "type")]
    pub kind: u8,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ListData {
    /// The string `"-1"` on the last page.
    #[serde(deserialize_with = "lenient::string")]
    pub last_file_id: String,
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub file_list: Vec<WireImage>,
}

/// An item of list and detail.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireImage {
    #[serde(alias = "fileID", deserialize_with = "lenient::string")]
    file_id: String,
    #[serde(default, deserialize_with = "lenient::string")]
    filename: String,
    #[serde(default, alias = "parentFileID", deserialize_with = "lenient::string")]
    parent_file_id: String,
    #[serde(default, deserialize_with = "lenient::string")]
    parent_filename: String,
    #[serde(rename = "type", default, deserialize_with = "lenient::int")]
    kind: i64,
    #[serde(default, deserialize_with = "lenient::uint")]
    size: u64,
    #[serde(default, deserialize_with = "lenient::string")]
    etag: String,
    #[serde(default, deserialize_with = "lenient::int")]
    status: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    extension: String,
    #[serde(default, deserialize_with = "lenient::uint")]
    total_traffic: u64,
    #[serde(default, deserialize_with = "lenient::time")]
    create_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient::time")]
    update_at: Option<DateTime<Utc>>,
    #[serde(
        rename = "downloadURL",
        alias = "downloadUrl",
        default,
        deserialize_with = "lenient::string"
    )]
    download_url: String,
    #[serde(
        rename = "userSelfURL",
        alias = "userSelfUrl",
        default,
        deserialize_with = "lenient::string"
    )]
    user_self_url: String,
}

impl From<WireImage> for ImageEntry {
    fn from(w: WireImage) -> Self {
        let url = |u: String| Some(u).filter(|u| !u.trim().is_empty());
        Self {
            id: w.file_id,
            name: w.filename,
            parent_id: w.parent_file_id,
            parent_name: w.parent_filename,
            kind: FileKind::from_type(w.kind),
            size: w.size,
            etag: w.etag.to_ascii_lowercase(),
            extension: w.extension.to_ascii_lowercase(),
            status: w.status,
            total_traffic: w.total_traffic,
            created_at: w.create_at,
            updated_at: w.update_at,
            download_url: url(w.download_url),
            user_self_url: url(w.user_self_url),
        }
    }
}

/// `POST api/v1/oss/file/move`.
#[derive(Debug, Serialize)]
pub(crate) struct MoveBody<'a> {
    #[serde(rename = "fileIDs")]
    pub file_ids: &'a [ImageId],
    #[serde(rename = "toParentFileID")]
    pub to_parent_file_id: &'a str,
}

/// `POST api/v1/oss/file/delete`.
#[derive(Debug, Serialize)]
pub(crate) struct DeleteBody<'a> {
    #[serde(rename = "fileIDs")]
    pub file_ids: &'a [ImageId],
}
