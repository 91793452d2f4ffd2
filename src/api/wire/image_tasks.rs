//! Image-space task bodies and `data`: copy from the drive (`oss/source/copy`, its `process`
//! and `fail` list) and offline import (`oss/offline/download`, its `process`). The request
//! fields are p123client's; the response shapes come from a public third-party summary of the
//! official pages (the documents beside the digest give none).

use serde::{Deserialize, Serialize};

use crate::api::lenient;
use crate::api::model::{FileId, ImageCopyFailure, ImageId};

/// `POST api/v1/oss/source/copy`. The official page types `fileIDs` as `文件id数组(string数组)`
/// and its example sends `["14802190","14802189"]`, so the drive ids go as numeric strings
/// (p123client's `list[int]` disagrees; the official page wins). `sourceType` is an int (1 =
/// the drive).
#[derive(Debug, Serialize)]
pub(crate) struct CopyBody<'a> {
    #[serde(rename = "fileIDs", serialize_with = "ids_as_strings")]
    pub file_ids: &'a [FileId],
    #[serde(rename = "toParentFileID")]
    pub to_parent_file_id: &'a str,
    #[serde(rename = "sourceType")]
    pub source_type: u8,
    #[serde(rename = "type")]
    pub kind: u8,
}

fn ids_as_strings<S: serde::Serializer>(ids: &&[FileId], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ids.iter().map(ToString::to_string))
}

#[derive(Debug, Deserialize)]
pub(crate) struct CopyData {
    #[serde(
        rename = "taskID",
        alias = "taskId",
        deserialize_with = "lenient::string"
    )]
    pub task_id: String,
}

/// `data` of `GET api/v1/oss/source/copy/process?taskID=`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CopyProcessData {
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub fail_msg: String,
}

/// `data` of `GET api/v1/oss/source/copy/fail`: `list` is `null` when empty.
#[derive(Debug, Deserialize)]
pub(crate) struct CopyFailData {
    #[serde(default, deserialize_with = "lenient::uint")]
    pub total: u64,
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub list: Vec<WireCopyFailure>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireCopyFailure {
    #[serde(rename = "fileId", alias = "fileID", deserialize_with = "lenient::int")]
    file_id: FileId,
    #[serde(default, deserialize_with = "lenient::string")]
    filename: String,
}

impl From<WireCopyFailure> for ImageCopyFailure {
    fn from(w: WireCopyFailure) -> Self {
        Self {
            file_id: w.file_id,
            name: w.filename,
        }
    }
}

/// `POST api/v1/oss/offline/download`.
#[derive(Debug, Serialize)]
pub(crate) struct ImportBody<'a> {
    pub url: &'a str,
    #[serde(rename = "fileName", skip_serializing_if = "Option::is_none")]
    pub file_name: Option<&'a str>,
    #[serde(rename = "businessDirID", skip_serializing_if = "Option::is_none")]
    pub business_dir_id: Option<&'a ImageId>,
    #[serde(rename = "callBackUrl", skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<&'a str>,
    #[serde(rename = "type")]
    pub kind: u8,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ImportData {
    #[serde(rename = "taskID", alias = "taskId", deserialize_with = "lenient::int")]
    pub task_id: i64,
}

/// `data` of `GET api/v1/oss/offline/download/process?taskID=`. The drive's twin page types
/// `process` as a float ("下载进度百分比"), so fractions are taken here too.
#[derive(Debug, Deserialize)]
pub(crate) struct ImportProcessData {
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    #[serde(default, deserialize_with = "lenient::float")]
    pub process: f64,
}
