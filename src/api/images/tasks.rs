//! Server-side work in the image space: copying drive images into it (复制云盘图片: a task
//! per at most 100 drive ids, its `process`, and its `fail` list of images that qualified but
//! were not copied), and offline import of a URL (图床离线迁移). Non-images and oversized
//! files in a copy are skipped by the server without a record ("记录的是符合对应格式、大小的图片
//! 的复制失败原因").

use super::super::client::Client;
use super::super::endpoint::Endpoint;
use super::super::error::{ApiError, ApiErrorKind, BatchError};
use super::super::model::{
    FileId, ImageCopyFailure, ImageCopyProgress, ImageCopyStatus, ImageImportProgress,
    ImageImportRequest, ImportStatus,
};
use super::super::poll::{Patience, Waiting};
use super::super::transport::ApiRequest;
use super::super::wire::image::FIXED_TYPE;
use super::super::wire::image_tasks::{
    CopyBody, CopyData, CopyFailData, CopyProcessData, ImportBody, ImportData, ImportProcessData,
};

/// "fileIDs 长度限制：100".
const COPY_BATCH: usize = 100;
/// `limit` of the fail list ("最多 100 个").
const FAIL_PAGE: u32 = 100;
/// `sourceType` for the drive ("1:云盘").
const FROM_DRIVE: u8 = 1;

fn fatal(endpoint: Endpoint, message: impl Into<String>) -> ApiError {
    ApiError::new(ApiErrorKind::Fatal, endpoint.path(), message)
}

impl Client {
    /// Starts copying the images among drive items `ids` (at most 100; folders are walked)
    /// into image folder `target`; returns the task id. The server runs at most 3 tasks at a
    /// time ("可创建的任务数：3").
    pub async fn image_copy_task(&self, ids: &[FileId], target: &str) -> Result<String, ApiError> {
        if ids.len() > COPY_BATCH {
            let message = format!("{} ids for one copy task; at most {COPY_BATCH}", ids.len());
            return Err(fatal(Endpoint::ImageCopy, message));
        }
        let body = CopyBody {
            file_ids: ids,
            to_parent_file_id: target,
            source_type: FROM_DRIVE,
            kind: FIXED_TYPE,
        };
        let data: CopyData = self
            .call(ApiRequest::json(self, Endpoint::ImageCopy, &body)?)
            .await?;
        Ok(data.task_id)
    }

    pub async fn image_copy_status(&self, task_id: &str) -> Result<ImageCopyProgress, ApiError> {
        let query = [("taskID", task_id.to_owned())];
        let data: CopyProcessData = self
            .call(ApiRequest::query(self, Endpoint::ImageCopyProcess, &query)?)
            .await?;
        Ok(ImageCopyProgress {
            status: ImageCopyStatus::from(data.status),
            fail_message: data.fail_msg,
        })
    }

    /// Every image of a finished task that could not be copied, page by page.
    pub async fn image_copy_failures(
        &self,
        task_id: &str,
    ) -> Result<Vec<ImageCopyFailure>, ApiError> {
        let mut failures = Vec::new();
        for page in 1u32.. {
            let query = [
                ("taskID", task_id.to_owned()),
                ("limit", FAIL_PAGE.to_string()),
                ("page", page.to_string()),
            ];
            let data: CopyFailData = self
                .call(ApiRequest::query(self, Endpoint::ImageCopyFail, &query)?)
                .await?;
            let got = data.list.len();
            failures.extend(data.list.into_iter().map(ImageCopyFailure::from));
            if got == 0 || failures.len() as u64 >= data.total {
                break;
            }
        }
        Ok(failures)
    }

    /// Polls a copy task until it finished (`Ok`) or failed as a whole (`Err`, kind Fatal,
    /// with its `failMsg`), within `patience`. Cancel by dropping the future.
    pub async fn image_copy_wait(&self, task_id: &str, patience: Patience) -> Result<(), ApiError> {
        let mut waiting = Waiting::start(patience, Endpoint::ImageCopyProcess);
        loop {
            let progress = self.image_copy_status(task_id).await?;
            let state = match progress.status {
                ImageCopyStatus::Done => return Ok(()),
                ImageCopyStatus::Failed => {
                    let message = format!("copy task {task_id} failed: {}", progress.fail_message);
                    return Err(fatal(Endpoint::ImageCopyProcess, message));
                }
                ImageCopyStatus::Running => "running",
                ImageCopyStatus::Waiting => "waiting to start",
                ImageCopyStatus::Other(status) => {
                    let what = || format!("image copy task {task_id}");
                    waiting.unknown(status, what).await?;
                    continue;
                }
            };
            waiting
                .not_yet(|| format!("image copy task {task_id} ({state})"))
                .await?;
        }
    }

    /// Copies the images among any number of drive items into `target`: one task per 100 ids,
    /// each waited for (within `patience`) before the next starts. Returns the images that
    /// could not be copied.
    pub async fn image_copy_from_drive(
        &self,
        ids: &[FileId],
        target: &str,
        patience: Patience,
    ) -> Result<Vec<ImageCopyFailure>, BatchError> {
        let mut failures = Vec::new();
        for (i, chunk) in ids.chunks(COPY_BATCH).enumerate() {
            let completed = i * COPY_BATCH;
            let batch = async {
                let task = self.image_copy_task(chunk, target).await?;
                self.image_copy_wait(&task, patience).await?;
                self.image_copy_failures(&task).await
            };
            failures.extend(
                batch
                    .await
                    .map_err(|error| BatchError { completed, error })?,
            );
        }
        Ok(failures)
    }

    /// Asks the server to download `request.url` into the image space; returns the task id.
    pub async fn image_import(&self, request: &ImageImportRequest) -> Result<i64, ApiError> {
        let body = ImportBody {
            url: &request.url,
            file_name: request.file_name.as_deref(),
            business_dir_id: request.dir_id.as_ref(),
            callback_url: request.callback_url.as_deref(),
            kind: FIXED_TYPE,
        };
        let data: ImportData = self
            .call(ApiRequest::json(self, Endpoint::ImageImport, &body)?)
            .await?;
        Ok(data.task_id)
    }

    pub async fn image_import_status(&self, task_id: i64) -> Result<ImageImportProgress, ApiError> {
        let query = [("taskID", task_id.to_string())];
        let data: ImportProcessData = self
            .call(ApiRequest::query(
                self,
                Endpoint::ImageImportProcess,
                &query,
            )?)
            .await?;
        Ok(ImageImportProgress {
            status: ImportStatus::from(data.status),
            percent: data.process.clamp(0.0, 100.0) as u8,
        })
    }

    /// Polls an import until it is done (`Ok`) or failed (`Err`, kind Fatal), within
    /// `patience`.
    pub async fn image_import_wait(
        &self,
        task_id: i64,
        patience: Patience,
    ) -> Result<(), ApiError> {
        let mut waiting = Waiting::start(patience, Endpoint::ImageImportProcess);
        loop {
            let progress = self.image_import_status(task_id).await?;
            let state = match progress.status {
                ImportStatus::Done => return Ok(()),
                ImportStatus::Failed => {
                    let message = format!("import task {task_id} failed");
                    return Err(fatal(Endpoint::ImageImportProcess, message));
                }
                ImportStatus::Running => "running",
                ImportStatus::Retrying => "retrying",
                ImportStatus::Other(status) => {
                    let what = || format!("import task {task_id}");
                    waiting.unknown(status, what).await?;
                    continue;
                }
            };
            let percent = progress.percent;
            waiting
                .not_yet(|| format!("import task {task_id} ({state}, {percent} %)"))
                .await?;
        }
    }
}
