//! Reading the drive: folder listing (one page, or all pages), search, single and batch detail,
//! and the account's user info.
//!
//! `api/v2/file/list` also returns recycle-bin entries under their old parent, ignoring its
//! `trashed` parameter ("此接口查询结果包含回收站的文件，需自行根据字段trashed判断处理" [DOC][OL]);
//! they are filtered out here, so a page can come back empty while more pages remain. The
//! `*_with_trashed` variants keep them, for the trash's full scan (`F`, `trash ls --scan`);
//! the recycle bin itself is read with the legacy listing (`recycle.rs`: `file/list` with
//! trashed=true).

use std::collections::HashSet;

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::ApiError;
use super::model::{FileEntry, FileId, ListPage, SearchMode, UserInfo};
use super::transport::ApiRequest;
use super::wire::file::{InfosData, InfosRequest, ListData, WireFile};
use super::wire::user::UserData;

/// Whether a listing keeps recycle-bin entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trashed {
    Keep,
    Drop,
}

/// The most the v2 list accepts per page.
const PAGE_LIMIT: u32 = 100;
/// Ids per `infos` call. Undocumented; the other batch endpoints allow 100.
const INFOS_CHUNK: usize = 100;

impl Client {
    /// One page of `parent`'s children (trashed ones removed). `cursor` is the previous page's
    /// `next`; `None` for the first page.
    pub async fn list_page(
        &self,
        parent: FileId,
        cursor: Option<FileId>,
    ) -> Result<ListPage, ApiError> {
        self.folder_page(parent, cursor, Trashed::Drop).await
    }

    /// Like [`Client::list_page`], but recycle-bin entries stay in (`FileEntry::trashed`).
    pub async fn list_page_with_trashed(
        &self,
        parent: FileId,
        cursor: Option<FileId>,
    ) -> Result<ListPage, ApiError> {
        self.folder_page(parent, cursor, Trashed::Keep).await
    }

    /// Every child of `parent` (trashed ones removed), following the cursor until the server
    /// says `lastFileId = -1`.
    pub async fn list_all(&self, parent: FileId) -> Result<Vec<FileEntry>, ApiError> {
        self.folder_all(parent, Trashed::Drop).await
    }

    /// Like [`Client::list_all`], but recycle-bin entries stay in (`FileEntry::trashed`).
    pub async fn list_all_with_trashed(&self, parent: FileId) -> Result<Vec<FileEntry>, ApiError> {
        self.folder_all(parent, Trashed::Keep).await
    }

    async fn folder_all(
        &self,
        parent: FileId,
        trashed: Trashed,
    ) -> Result<Vec<FileEntry>, ApiError> {
        let mut entries = Vec::new();
        let mut seen = HashSet::new();
        let mut cursor = None;
        loop {
            let page = self.folder_page(parent, cursor, trashed).await?;
            entries.extend(page.entries);
            match page.next {
                Some(next) if seen.insert(next) => cursor = Some(next),
                Some(next) => {
                    tracing::warn!(parent, next, "listing cursor repeats; stopping");
                    return Ok(entries);
                }
                None => return Ok(entries),
            }
        }
    }

    async fn folder_page(
        &self,
        parent: FileId,
        cursor: Option<FileId>,
        trashed: Trashed,
    ) -> Result<ListPage, ApiError> {
        let mut query = vec![
            ("parentFileId", parent.to_string()),
            ("limit", PAGE_LIMIT.to_string()),
        ];
        if let Some(cursor) = cursor {
            query.push(("lastFileId", cursor.to_string()));
        }
        self.fetch_page(query, cursor, trashed).await
    }

    /// One page of a drive-wide search. The server ignores the folder when searching, and its
    /// index lags behind new files [RST]: list the folder to find a file just uploaded.
    pub async fn search_page(
        &self,
        keyword: &str,
        mode: SearchMode,
        cursor: Option<FileId>,
    ) -> Result<ListPage, ApiError> {
        let mode = match mode {
            SearchMode::Fuzzy => "0",
            SearchMode::Exact => "1",
        };
        let mut query = vec![
            ("parentFileId", "0".to_owned()),
            ("limit", PAGE_LIMIT.to_string()),
            ("searchData", keyword.to_owned()),
            ("searchMode", mode.to_owned()),
        ];
        if let Some(cursor) = cursor {
            query.push(("lastFileId", cursor.to_string()));
        }
        self.fetch_page(query, cursor, Trashed::Drop).await
    }

    async fn fetch_page(
        &self,
        query: Vec<(&str, String)>,
        cursor: Option<FileId>,
        trashed: Trashed,
    ) -> Result<ListPage, ApiError> {
        let request = ApiRequest::query(self, Endpoint::ListV2, &query)?;
        let data: ListData = self.call(request).await?;
        let raw_len = data.file_list.len();
        let next = next_cursor(data.last_file_id, raw_len, cursor);
        let entries = data
            .file_list
            .into_iter()
            .map(FileEntry::from)
            .filter(|e| trashed == Trashed::Keep || !e.trashed)
            .collect();
        Ok(ListPage { entries, next })
    }

    /// One file or folder. A folder's `size` here is the accumulated size of its contents; the
    /// reply has no category or update time.
    pub async fn detail(&self, id: FileId) -> Result<FileEntry, ApiError> {
        let request = ApiRequest::query(self, Endpoint::Detail, &[("fileID", id.to_string())])?;
        let data: WireFile = self.call(request).await?;
        Ok(data.into())
    }

    /// Details of several ids, trashed ones included (check `FileEntry::trashed`). Ids the
    /// server does not know are simply absent.
    pub async fn infos(&self, ids: &[FileId]) -> Result<Vec<FileEntry>, ApiError> {
        let mut entries = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(INFOS_CHUNK) {
            let body = InfosRequest { file_ids: chunk };
            let request = ApiRequest::json(self, Endpoint::Infos, &body)?;
            let data: InfosData = self.call(request).await?;
            entries.extend(data.file_list.into_iter().map(FileEntry::from));
        }
        Ok(entries)
    }

    /// The account, and as a side effect the QPS column matching its `vip` flag (unless
    /// `Client::fix_tier` fixed it).
    pub async fn user_info(&self) -> Result<UserInfo, ApiError> {
        let request = ApiRequest::query(self, Endpoint::UserInfo, &[])?;
        let data: UserData = self.call(request).await?;
        let info = UserInfo::from(data);
        self.follow_account_tier(info.vip);
        Ok(info)
    }
}

/// The cursor after a page: `None` on `lastFileId = -1`, and also on an empty raw page or a
/// cursor that does not move, so that a misbehaving server cannot make paging loop forever
/// ([GO123] stops on an empty page too).
fn next_cursor(last_file_id: i64, raw_len: usize, previous: Option<FileId>) -> Option<FileId> {
    if last_file_id == -1 || raw_len == 0 || Some(last_file_id) == previous {
        if last_file_id != -1 {
            tracing::warn!(
                last_file_id,
                raw_len,
                "stopping a listing that does not advance"
            );
        }
        return None;
    }
    Some(last_file_id)
}

#[cfg(test)]
mod tests {
    use super::next_cursor;

    #[test]
    fn paging_ends_on_minus_one_only_when_pages_advance() {
        assert_eq!(next_cursor(-1, 100, None), None);
        assert_eq!(next_cursor(500, 100, None), Some(500));
        assert_eq!(next_cursor(900, 100, Some(500)), Some(900));
        // A page that was all trash still continues.
        assert_eq!(next_cursor(900, 3, Some(500)), Some(900));
        // Guards: nothing came back, or the cursor repeats.
        assert_eq!(next_cursor(900, 0, Some(500)), None);
        assert_eq!(next_cursor(500, 100, Some(500)), None);
    }
}
