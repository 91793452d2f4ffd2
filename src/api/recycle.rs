//! The recycle bin's own listing: the legacy `api/v1/file/list` with `trashed=true` ("是否查看回收站
//! 的文件" [S003][DOC:获取文件列表（旧）.md]), in numbered pages of up to 100 sorted by id. It
//! answers for the whole account whatever `parentFileId` says [INF: the documents are silent;
//! the mock does so], and slowly on the free tier (0.2 QPS, table B). Its items carry no
//! `trashed` field, so every entry it returns is marked trashed here. Whether another page
//! follows is for the caller to judge ("是否有下一页需要自行判断": fewer than `limit`, or `total`
//! reached [S003]).

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::ApiError;
use super::model::{FileEntry, ROOT_DIR};
use super::transport::ApiRequest;
use super::wire::file::LegacyListData;

/// The most the legacy list gives per page.
pub const TRASH_PAGE_LIMIT: u32 = 100;

/// One page of the recycle bin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashPage {
    pub entries: Vec<FileEntry>,
    /// Items in the whole recycle bin, as the server counts them.
    pub total: u64,
}

impl Client {
    /// Page `page` (1-based) of the recycle bin, `TRASH_PAGE_LIMIT` items a page.
    pub async fn trash_page(&self, page: u32) -> Result<TrashPage, ApiError> {
        let query = [
            ("parentFileId", ROOT_DIR.to_string()),
            ("page", page.max(1).to_string()),
            ("limit", TRASH_PAGE_LIMIT.to_string()),
            ("orderBy", "file_id".to_owned()),
            ("orderDirection", "asc".to_owned()),
            ("trashed", "true".to_owned()),
        ];
        let request = ApiRequest::query(self, Endpoint::ListV1, &query)?;
        let data: LegacyListData = self.call(request).await?;
        let entries = data
            .file_list
            .into_iter()
            .map(|w| FileEntry {
                trashed: true,
                ..FileEntry::from(w)
            })
            .collect();
        Ok(TrashPage {
            entries,
            total: data.total,
        })
    }
}
