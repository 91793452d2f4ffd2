//! Request bodies and `data` of the mutating file endpoints (mkdir, rename, move, trash, recover,
//! delete, copy) and of `download_info`, each with the casing its own document uses.

use serde::{Deserialize, Serialize};

use crate::api::lenient;
use crate::api::model::FileId;

/// `POST upload/v1/file/mkdir`.
#[derive(Debug, Serialize)]
pub(crate) struct MkdirRequest<'a> {
    pub name: &'a str,
    #[serde(rename = "parentID")]
    pub parent_id: FileId,
}

#[derive(Debug, Deserialize)]
pub(crate) struct MkdirData {
    #[serde(rename = "dirID", alias = "dirId", deserialize_with = "lenient::int")]
    pub dir_id: FileId,
}

/// `PUT api/v1/file/name`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RenameOneRequest<'a> {
    pub file_id: FileId,
    pub file_name: &'a str,
}

/// `POST api/v1/file/rename`: each item is `"<fileId>|<newName>"`, at most 30.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RenameBatchRequest {
    pub rename_list: Vec<String>,
}

/// The table promises `{successList, failList}`, the example shows `null` [DOC:批量文件重命名.md];
/// `null` decodes as the default (no failures).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RenameBatchData {
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub fail_list: Vec<RenameFail>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RenameFail {
    #[serde(rename = "fileID", alias = "fileId", deserialize_with = "lenient::int")]
    pub file_id: FileId,
    #[serde(default, deserialize_with = "lenient::string")]
    pub message: String,
}

/// `POST api/v1/file/move`.
#[derive(Debug, Serialize)]
pub(crate) struct MoveRequest<'a> {
    #[serde(rename = "fileIDs")]
    pub file_ids: &'a [FileId],
    #[serde(rename = "toParentFileID")]
    pub to_parent_file_id: FileId,
}

/// `POST api/v1/file/trash`, `…/recover`, `…/delete`.
#[derive(Debug, Serialize)]
pub(crate) struct IdsRequest<'a> {
    #[serde(rename = "fileIDs")]
    pub file_ids: &'a [FileId],
}

/// `data` of `POST api/v1/file/recover`: ids whose original folder no longer exists.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RecoverData {
    #[serde(
        rename = "abnormalFileIDs",
        alias = "abnormalFileIds",
        default,
        deserialize_with = "lenient::or_default"
    )]
    pub abnormal_file_ids: Vec<FileId>,
}

/// `POST api/v1/file/recover/by_path` (`parentFileID`, not `toParentFileID` as [P123] sends).
#[derive(Debug, Serialize)]
pub(crate) struct RecoverByPathRequest<'a> {
    #[serde(rename = "fileIDs")]
    pub file_ids: &'a [FileId],
    #[serde(rename = "parentFileID")]
    pub parent_file_id: FileId,
}

/// `POST api/v1/file/copy` [S003].
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CopyRequest {
    pub file_id: FileId,
    pub target_dir_id: FileId,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CopyData {
    #[serde(alias = "targetFileID", deserialize_with = "lenient::int")]
    pub target_file_id: FileId,
}

/// `POST api/v1/file/async/copy`: `fileIDs` per [S003]/[P123] (the digest also cites `fileIds`
/// from [GO123]; the document wins).
#[derive(Debug, Serialize)]
pub(crate) struct AsyncCopyRequest<'a> {
    #[serde(rename = "fileIDs")]
    pub file_ids: &'a [FileId],
    #[serde(rename = "targetDirId")]
    pub target_dir_id: FileId,
}

#[derive(Debug, Deserialize)]
pub(crate) struct AsyncCopyData {
    #[serde(rename = "taskId", alias = "taskID", deserialize_with = "lenient::int")]
    pub task_id: i64,
}

/// `data` of `GET api/v1/file/async/copy/process?taskId=`.
#[derive(Debug, Deserialize)]
pub(crate) struct CopyProcessData {
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
}

/// `data` of `GET api/v1/file/download_info?fileId=`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DownloadInfoData {
    #[serde(alias = "downloadURL")]
    pub download_url: String,
}
