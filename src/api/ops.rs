//! Changing the drive: mkdir, rename (one or a batch), move, trash, recover, permanent delete and
//! copy. Batch calls are split into the server's per-call limits and sent in order; a failure
//! stops the batch and reports how many items the earlier chunks covered ([`BatchError`]).

use serde::de::IgnoredAny;

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::{ApiError, BatchError};
use super::model::{CopyStatus, FileId, RenameFailure, RenameReport};
use super::poll::{Patience, Waiting};
use super::transport::ApiRequest;
use super::wire::ops::{
    AsyncCopyData, AsyncCopyRequest, CopyData, CopyProcessData, CopyRequest, IdsRequest, MkdirData,
    MkdirRequest, MoveRequest, RecoverByPathRequest, RecoverData, RenameBatchData,
    RenameBatchRequest, RenameOneRequest,
};

/// move / trash / recover / recover-by-path / delete: "最多 100 个" [DOC][S003].
const BATCH: usize = 100;
/// Batch rename: "最多 30 个" [DOC:批量文件重命名.md].
const RENAME_BATCH: usize = 30;
/// Async copy: "单级最多支持 3000 个" [S003].
const COPY_BATCH: usize = 3000;

impl Client {
    /// Creates folder `name` in `parent` and returns its id. A clash is `ApiErrorKind::Conflict`
    /// (mkdir has no `duplicate` option; re-list to find the existing folder).
    pub async fn mkdir(&self, parent: FileId, name: &str) -> Result<FileId, ApiError> {
        let body = MkdirRequest {
            name,
            parent_id: parent,
        };
        let data: MkdirData = self
            .call(ApiRequest::json(self, Endpoint::Mkdir, &body)?)
            .await?;
        Ok(data.dir_id)
    }

    /// Renames one file or folder (`PUT api/v1/file/name`).
    pub async fn rename(&self, id: FileId, new_name: &str) -> Result<(), ApiError> {
        let body = RenameOneRequest {
            file_id: id,
            file_name: new_name,
        };
        self.call::<IgnoredAny>(ApiRequest::json(self, Endpoint::RenameOne, &body)?)
            .await?;
        Ok(())
    }

    /// Renames many items, 30 per call. The server may accept a call yet refuse some items; those
    /// come back in the report rather than as an error.
    pub async fn rename_many(
        &self,
        items: &[(FileId, String)],
    ) -> Result<RenameReport, BatchError> {
        let mut report = RenameReport::default();
        for (done, chunk) in chunks(items, RENAME_BATCH) {
            let body = RenameBatchRequest {
                rename_list: chunk
                    .iter()
                    .map(|(id, name)| format!("{id}|{name}"))
                    .collect(),
            };
            let data: Option<RenameBatchData> =
                self.batch_call(Endpoint::RenameBatch, &body, done).await?;
            let failed = data.unwrap_or_default().fail_list.into_iter();
            report.failed.extend(failed.map(|f| RenameFailure {
                id: f.file_id,
                message: f.message,
            }));
        }
        Ok(report)
    }

    /// Moves items into folder `target`, 100 per call.
    pub async fn move_to(&self, ids: &[FileId], target: FileId) -> Result<(), BatchError> {
        for (done, chunk) in chunks(ids, BATCH) {
            let body = MoveRequest {
                file_ids: chunk,
                to_parent_file_id: target,
            };
            self.batch_call::<IgnoredAny>(Endpoint::Move, &body, done)
                .await?;
        }
        Ok(())
    }

    /// Moves items to the recycle bin, 100 per call. They keep showing in their parent's raw
    /// listing with `trashed: 1`.
    pub async fn trash(&self, ids: &[FileId]) -> Result<(), BatchError> {
        self.ids_batch(Endpoint::Trash, ids).await
    }

    /// Permanently deletes items, which must already be in the recycle bin [DOC], 100 per call.
    pub async fn delete(&self, ids: &[FileId]) -> Result<(), BatchError> {
        self.ids_batch(Endpoint::Delete, ids).await
    }

    /// Restores items to where they were, 100 per call. Returns the ids that could not go back
    /// because their folder is gone; use [`Client::recover_to`] for those.
    pub async fn recover(&self, ids: &[FileId]) -> Result<Vec<FileId>, BatchError> {
        let mut abnormal = Vec::new();
        for (done, chunk) in chunks(ids, BATCH) {
            let body = IdsRequest { file_ids: chunk };
            let data: Option<RecoverData> = self.batch_call(Endpoint::Recover, &body, done).await?;
            abnormal.extend(data.unwrap_or_default().abnormal_file_ids);
        }
        Ok(abnormal)
    }

    /// Restores items from the recycle bin into folder `parent`, 100 per call.
    pub async fn recover_to(&self, ids: &[FileId], parent: FileId) -> Result<(), BatchError> {
        for (done, chunk) in chunks(ids, BATCH) {
            let body = RecoverByPathRequest {
                file_ids: chunk,
                parent_file_id: parent,
            };
            self.batch_call::<IgnoredAny>(Endpoint::RecoverByPath, &body, done)
                .await?;
        }
        Ok(())
    }

    /// Copies one file into folder `target` and returns the new file's id.
    pub async fn copy(&self, id: FileId, target: FileId) -> Result<FileId, ApiError> {
        let body = CopyRequest {
            file_id: id,
            target_dir_id: target,
        };
        let data: CopyData = self
            .call(ApiRequest::json(self, Endpoint::Copy, &body)?)
            .await?;
        Ok(data.target_file_id)
    }

    /// Starts server-side copies of `ids` into `target`, one task per 3000 ids; returns the task
    /// ids for [`Client::copy_status`].
    pub async fn copy_async(&self, ids: &[FileId], target: FileId) -> Result<Vec<i64>, BatchError> {
        let mut tasks = Vec::new();
        for (done, chunk) in chunks(ids, COPY_BATCH) {
            let body = AsyncCopyRequest {
                file_ids: chunk,
                target_dir_id: target,
            };
            let data: AsyncCopyData = self.batch_call(Endpoint::AsyncCopy, &body, done).await?;
            tasks.push(data.task_id);
        }
        Ok(tasks)
    }

    pub async fn copy_status(&self, task_id: i64) -> Result<CopyStatus, ApiError> {
        let query = [("taskId", task_id.to_string())];
        let data: CopyProcessData = self
            .call(ApiRequest::query(self, Endpoint::AsyncCopyProcess, &query)?)
            .await?;
        Ok(CopyStatus::from(data.status))
    }

    /// Polls a copy task until it is done (`Ok`) or failed (`Err`, kind Fatal), within
    /// `patience`. Cancel by dropping the future.
    pub async fn copy_wait(&self, task_id: i64, patience: Patience) -> Result<(), ApiError> {
        let mut waiting = Waiting::start(patience, Endpoint::AsyncCopyProcess);
        loop {
            match self.copy_status(task_id).await? {
                CopyStatus::Done => return Ok(()),
                CopyStatus::Failed => {
                    return Err(ApiError::new(
                        super::error::ApiErrorKind::Fatal,
                        Endpoint::AsyncCopyProcess.path(),
                        format!("copy task {task_id} failed"),
                    ));
                }
                CopyStatus::Pending => {
                    waiting
                        .not_yet(|| format!("copy task {task_id} (waiting to start)"))
                        .await?;
                }
                CopyStatus::Running => {
                    waiting
                        .not_yet(|| format!("copy task {task_id} (running)"))
                        .await?;
                }
                CopyStatus::Other(status) => {
                    waiting
                        .unknown(status, || format!("copy task {task_id}"))
                        .await?;
                }
            }
        }
    }

    async fn ids_batch(&self, endpoint: Endpoint, ids: &[FileId]) -> Result<(), BatchError> {
        for (done, chunk) in chunks(ids, BATCH) {
            let body = IdsRequest { file_ids: chunk };
            self.batch_call::<IgnoredAny>(endpoint, &body, done).await?;
        }
        Ok(())
    }

    async fn batch_call<T: serde::de::DeserializeOwned>(
        &self,
        endpoint: Endpoint,
        body: &impl serde::Serialize,
        completed: usize,
    ) -> Result<T, BatchError> {
        let result = match ApiRequest::json(self, endpoint, body) {
            Ok(request) => self.call(request).await,
            Err(error) => Err(error),
        };
        result.map_err(|error| BatchError { completed, error })
    }
}

/// `items` in chunks of `size`, each with the number of items before it.
fn chunks<T>(items: &[T], size: usize) -> impl Iterator<Item = (usize, &[T])> {
    items
        .chunks(size)
        .enumerate()
        .map(move |(i, chunk)| (i * size, chunk))
}

#[cfg(test)]
mod tests {
    use super::chunks;

    #[test]
    fn chunking_counts() {
        let ids: Vec<i64> = (0..250).collect();
        let sizes: Vec<(usize, usize)> = chunks(&ids, 100).map(|(d, c)| (d, c.len())).collect();
        assert_eq!(sizes, vec![(0, 100), (100, 100), (200, 50)]);
        assert_eq!(chunks(&ids[..65], 30).count(), 3);
        assert_eq!(chunks::<i64>(&[], 100).count(), 0);
    }
}
