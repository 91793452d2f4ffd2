//! File items as `api/v2/file/list`, `api/v1/file/infos` and `api/v1/file/detail` return them,
//! and the list/infos containers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::lenient;
use crate::api::model::{Category, FileEntry, FileId, FileKind};

/// One item. List and infos spell `fileId`/`parentFileId`; detail spells `fileID`/`parentFileID`
/// and has no `category`, `punishFlag` or `updateAt` [DOC:获取单个文件详情.md].
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WireFile {
    #[serde(alias = "fileID", deserialize_with = "lenient::int")]
    file_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    filename: String,
    #[serde(default, alias = "parentFileID", deserialize_with = "lenient::int")]
    parent_file_id: i64,
    #[serde(rename = "type", default, deserialize_with = "lenient::int")]
    kind: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    etag: String,
    #[serde(default, deserialize_with = "lenient::uint")]
    size: u64,
    #[serde(default, deserialize_with = "lenient::int")]
    category: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    status: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    punish_flag: i64,
    #[serde(default, deserialize_with = "lenient::flag")]
    trashed: bool,
    #[serde(default, deserialize_with = "lenient::time")]
    create_at: Option<DateTime<Utc>>,
    // The infos doc types this as a number while its example sends a string [DOC:获取多个文件详情.md].
    #[serde(default, deserialize_with = "lenient::time")]
    update_at: Option<DateTime<Utc>>,
}

impl From<WireFile> for FileEntry {
    fn from(w: WireFile) -> Self {
        Self {
            id: w.file_id,
            name: w.filename,
            parent_id: w.parent_file_id,
            kind: FileKind::from_type(w.kind),
            size: w.size,
            // [OL] f6470af9 "repair etag format": the server's case is not reliable.
            etag: w.etag.to_ascii_lowercase(),
            category: Category::from(w.category),
            status: w.status,
            punished: w.punish_flag != 0,
            trashed: w.trashed,
            created_at: w.create_at,
            updated_at: w.update_at,
        }
    }
}

/// `data` of `GET api/v2/file/list`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ListData {
    /// `-1` on the last page, else the cursor for the next one.
    #[serde(deserialize_with = "lenient::int")]
    pub last_file_id: i64,
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub file_list: Vec<WireFile>,
}

/// `data` of the legacy `GET api/v1/file/list`: numbered pages, a `total`, items spelled
/// `fileID` with `+0800 CST` times and no `trashed` field (the request says which side).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LegacyListData {
    #[serde(default, deserialize_with = "lenient::uint")]
    pub total: u64,
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub file_list: Vec<WireFile>,
}

/// `data` of `POST api/v1/file/infos`: the doc's table says `fileList`, its example `list`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InfosData {
    #[serde(default, alias = "list", deserialize_with = "lenient::or_default")]
    pub file_list: Vec<WireFile>,
}

/// Body of `POST api/v1/file/infos` (`fileIds`, the only batch call spelled that way).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InfosRequest<'a> {
    pub file_ids: &'a [FileId],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drifted_items_still_decode() {
        // Ids and sizes as strings, a bool `trashed`, an unknown category, missing optional
        // fields, an extra field, a v1-style timestamp.
        let json = r#"{"fileID": "42", "filename": "x", "parentFileId": "7", "type": "1",
            "size": "12", "category": 99, "trashed": true, "etag": null,
            "createAt": "2025-02-24 17:57:01 +0800 CST", "newField": [1, 2]}"#;
        let e: FileEntry = serde_json::from_str::<WireFile>(json).unwrap().into();
        assert_eq!((e.id, e.parent_id, e.size), (42, 7, 12));
        assert_eq!(e.kind, FileKind::Dir);
        assert_eq!(e.category, Category::Other(99));
        assert!(e.trashed && !e.punished);
        assert_eq!(e.etag, "");
        assert!(e.created_at.is_some() && e.updated_at.is_none());
    }

    #[test]
    fn a_null_or_missing_list_is_empty() {
        let d: ListData = serde_json::from_str(r#"{"lastFileId": -1, "fileList": null}"#).unwrap();
        assert!(d.file_list.is_empty());
        let d: InfosData = serde_json::from_str("{}").unwrap();
        assert!(d.file_list.is_empty());
        assert!(serde_json::from_str::<WireFile>(r#"{"filename": "no id"}"#).is_err());
    }
}
