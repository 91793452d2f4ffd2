//! The image space's folders and items: mkdir, listing (one page or all, with a time window),
//! detail, move and delete. Move and delete go in chunks of 100 ("参数长度最大不超过 100"), in
//! order; a failure stops the batch and reports how many items the earlier chunks covered.

use std::collections::HashSet;

use serde::de::IgnoredAny;

use super::super::client::Client;
use super::super::endpoint::Endpoint;
use super::super::error::{ApiError, ApiErrorKind, BatchError};
use super::super::model::{ImageEntry, ImageId, ImagePage, TimeWindow};
use super::super::transport::ApiRequest;
use super::super::wire::image::{
    DeleteBody, FIXED_TYPE, ListBody, ListData, MkdirBody, MkdirData, MoveBody, WireImage,
};

/// The most the list accepts per page ("最大不超过100").
const PAGE_LIMIT: u32 = 100;
const BATCH: usize = 100;
/// The list's "last page" cursor.
const LAST_PAGE: &str = "-1";

impl Client {
    /// Creates image folder `name` in `parent` (`IMAGE_ROOT` for the root) and returns its id.
    /// A clash is `ApiErrorKind::Conflict`.
    pub async fn image_mkdir(&self, parent: &str, name: &str) -> Result<ImageId, ApiError> {
        let body = MkdirBody {
            name,
            parent_id: parent,
            kind: FIXED_TYPE,
        };
        let data: MkdirData = self
            .call(ApiRequest::json(self, Endpoint::ImageMkdir, &body)?)
            .await?;
        let item = match data.list.iter().position(|i| i.filename == name) {
            Some(i) => data.list.into_iter().nth(i),
            None => data.list.into_iter().next(),
        };
        item.map(|i| i.dir_id)
            .filter(|id| !id.is_empty())
            .ok_or_else(|| {
                ApiError::new(
                    ApiErrorKind::Fatal,
                    Endpoint::ImageMkdir.path(),
                    "mkdir answered without a dirID",
                )
            })
    }

    /// One page of `parent`'s items, newest first as the server orders them. `cursor` is the
    /// previous page's `next`; `None` for the first page.
    pub async fn image_list_page(
        &self,
        parent: &str,
        window: TimeWindow,
        cursor: Option<&str>,
    ) -> Result<ImagePage, ApiError> {
        let body = ListBody {
            parent_file_id: parent,
            limit: PAGE_LIMIT,
            start_time: window.start.map(|t| t.timestamp()),
            end_time: window.end.map(|t| t.timestamp()),
            last_file_id: cursor,
            kind: FIXED_TYPE,
        };
        let data: ListData = self
            .call(ApiRequest::json(self, Endpoint::ImageList, &body)?)
            .await?;
        let raw_len = data.file_list.len();
        let next = next_cursor(data.last_file_id, raw_len, cursor);
        let entries = data.file_list.into_iter().map(ImageEntry::from).collect();
        Ok(ImagePage { entries, next })
    }

    /// Every item of `parent` in `window`, following the cursor until the server says `"-1"`.
    pub async fn image_list_all(
        &self,
        parent: &str,
        window: TimeWindow,
    ) -> Result<Vec<ImageEntry>, ApiError> {
        let mut entries = Vec::new();
        let mut seen = HashSet::new();
        let mut cursor: Option<String> = None;
        loop {
            let page = self
                .image_list_page(parent, window, cursor.as_deref())
                .await?;
            entries.extend(page.entries);
            match page.next {
                Some(next) if seen.insert(next.clone()) => cursor = Some(next),
                Some(next) => {
                    tracing::warn!(parent, next, "image listing cursor repeats; stopping");
                    return Ok(entries);
                }
                None => return Ok(entries),
            }
        }
    }

    /// One image or folder, with its `download_url` and `user_self_url`.
    pub async fn image_detail(&self, id: &str) -> Result<ImageEntry, ApiError> {
        let query = [("fileID", id.to_owned())];
        let data: WireImage = self
            .call(ApiRequest::query(self, Endpoint::ImageDetail, &query)?)
            .await?;
        Ok(data.into())
    }

    /// Moves images and folders into `target` (`IMAGE_ROOT` for the root), 100 per call.
    pub async fn image_move(&self, ids: &[ImageId], target: &str) -> Result<(), BatchError> {
        for (i, chunk) in ids.chunks(BATCH).enumerate() {
            let body = MoveBody {
                file_ids: chunk,
                to_parent_file_id: target,
            };
            self.image_batch(Endpoint::ImageMove, &body, i * BATCH)
                .await?;
        }
        Ok(())
    }

    /// Deletes images and folders for good (there is no recycle bin), 100 per call.
    pub async fn image_delete(&self, ids: &[ImageId]) -> Result<(), BatchError> {
        for (i, chunk) in ids.chunks(BATCH).enumerate() {
            let body = DeleteBody { file_ids: chunk };
            self.image_batch(Endpoint::ImageDelete, &body, i * BATCH)
                .await?;
        }
        Ok(())
    }

    async fn image_batch(
        &self,
        endpoint: Endpoint,
        body: &impl serde::Serialize,
        completed: usize,
    ) -> Result<(), BatchError> {
        let result = match ApiRequest::json(self, endpoint, body) {
            Ok(request) => self.call::<IgnoredAny>(request).await.map(|_| ()),
            Err(error) => Err(error),
        };
        result.map_err(|error| BatchError { completed, error })
    }
}

/// The cursor after a page: `None` on `"-1"`, and also on an empty raw page or a cursor that
/// does not move, so a misbehaving server cannot make paging loop forever.
fn next_cursor(last: String, raw_len: usize, previous: Option<&str>) -> Option<ImageId> {
    let last = last.trim();
    if last == LAST_PAGE || last.is_empty() {
        return None;
    }
    if raw_len == 0 || previous == Some(last) {
        tracing::warn!(
            last,
            raw_len,
            "stopping an image listing that does not advance"
        );
        return None;
    }
    Some(last.to_owned())
}

#[cfg(test)]
mod tests {
    use super::next_cursor;

    #[test]
    fn paging_ends_on_the_string_minus_one() {
        assert_eq!(next_cursor("-1".into(), 100, None), None);
        assert_eq!(next_cursor("abc".into(), 100, None), Some("abc".into()));
        assert_eq!(
            next_cursor("def".into(), 3, Some("abc")),
            Some("def".into())
        );
        assert_eq!(next_cursor("".into(), 3, None), None);
        assert_eq!(next_cursor("abc".into(), 0, None), None);
        assert_eq!(next_cursor("abc".into(), 5, Some("abc")), None);
    }
}
