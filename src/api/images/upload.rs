//! Uploading to the image space (上传图片): `create` (possibly an instant upload),
//! `get_upload_url` per slice, the presigned PUT (`put`), `list_upload_parts`,
//! `upload_complete` and `upload_async_result`, one call per method; and [`Client::upload_image`],
//! the whole flow for bytes in memory (images are at most 100 MiB), with the rules checked
//! before anything is sent.

use std::time::Duration;

use bytes::Bytes;

use super::super::client::Client;
use super::super::endpoint::Endpoint;
use super::super::error::{ApiError, ApiErrorKind};
use super::super::model::{
    ImageCreateOutcome, ImageCreateRequest, ImageId, ImageUploadOutcome, PresignedUrl, TimeWindow,
    UploadedPart,
};
use super::super::transport::ApiRequest;
use super::super::upload::md5_hex;
use super::super::wire::image::{
    CompleteData, CreateBody, CreateData, FIXED_TYPE, PartsData, PreuploadBody, UploadUrlBody,
    UploadUrlData, non_empty_id,
};
use super::super::wire::upload::duplicate_code;
use super::rules::{ImageRefusal, check_image};

/// The terminal verification failure [OL#1739].
const UPLOAD_FAILED: &str = "文件上传失败";
/// Bytes of content the signature check looks at.
const SNIFF_LEN: usize = 16;

/// Why [`Client::upload_image`] did not store an image.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageUploadError {
    /// Refused before anything was sent.
    #[error("not an acceptable image: {0}")]
    Refused(ImageRefusal),
    #[error(transparent)]
    Api(#[from] ApiError),
}

fn fatal(endpoint: Endpoint, message: impl Into<String>) -> ApiError {
    ApiError::new(ApiErrorKind::Fatal, endpoint.path(), message)
}

/// `Pending` for code 20103 ("文件正在校验中", as on the drive), `Failed` for "文件上传失败".
fn outcome_of_error(e: ApiError) -> Result<ImageUploadOutcome, ApiError> {
    match e.code {
        Some(20103) => Ok(ImageUploadOutcome::Pending),
        Some(_) if e.message.contains(UPLOAD_FAILED) => Ok(ImageUploadOutcome::Failed(e.message)),
        _ => Err(e),
    }
}

impl Client {
    /// Starts an upload. Not repeated after an ambiguous failure.
    pub async fn image_create(
        &self,
        request: &ImageCreateRequest,
    ) -> Result<ImageCreateOutcome, ApiError> {
        let body = CreateBody {
            parent_file_id: &request.parent_id,
            filename: &request.filename,
            etag: request.etag.to_ascii_lowercase(),
            size: request.size,
            kind: FIXED_TYPE,
            duplicate: duplicate_code(request.duplicate),
        };
        let data: CreateData = self
            .call(ApiRequest::json(self, Endpoint::ImageCreate, &body)?)
            .await?;
        data.into_outcome().map_err(|what| {
            fatal(
                Endpoint::ImageCreate,
                format!("unexpected create reply: {what}"),
            )
        })
    }

    /// A fresh presigned URL for slice `slice_no` (1-based).
    pub async fn image_upload_url(
        &self,
        preupload_id: &str,
        slice_no: u32,
    ) -> Result<PresignedUrl, ApiError> {
        let body = UploadUrlBody {
            preupload_id,
            slice_no,
        };
        let data: UploadUrlData = self
            .call(ApiRequest::json(self, Endpoint::ImageUploadUrl, &body)?)
            .await?;
        Ok(PresignedUrl {
            url: data.presigned_url,
            multipart: data.is_multipart,
        })
    }

    /// The slices the server holds, for comparing MD5s before completing. Empty when the
    /// image is smaller than `sliceSize` ("该操作将会返回空值").
    pub async fn image_upload_parts(
        &self,
        preupload_id: &str,
    ) -> Result<Vec<UploadedPart>, ApiError> {
        let body = PreuploadBody { preupload_id };
        let data: Option<PartsData> = self
            .call(ApiRequest::json(self, Endpoint::ImageUploadParts, &body)?)
            .await?;
        let parts = data.unwrap_or_default().parts.into_iter();
        Ok(parts
            .filter_map(|p| {
                Some(UploadedPart {
                    number: u32::try_from(p.part_number).ok()?,
                    size: p.size,
                    etag: p.etag.to_ascii_lowercase(),
                })
            })
            .collect())
    }

    /// Says all slices are sent. `Done` when the server finished at once ("async为false且
    /// fileID不为0"); `Pending` means poll [`Client::image_upload_result`].
    pub async fn image_upload_complete(
        &self,
        preupload_id: &str,
    ) -> Result<ImageUploadOutcome, ApiError> {
        let body = PreuploadBody { preupload_id };
        let request = ApiRequest::json(self, Endpoint::ImageUploadComplete, &body)?;
        match self.call::<CompleteData>(request).await {
            Ok(d) => Ok(match non_empty_id(d.file_id) {
                Some(id) if !d.is_async && d.completed => ImageUploadOutcome::Done(id),
                _ => ImageUploadOutcome::Pending,
            }),
            Err(e) => outcome_of_error(e),
        }
    }

    /// Asks once whether the server has assembled the upload; poll about once a second
    /// ("请至少1秒后发起轮询").
    pub async fn image_upload_result(
        &self,
        preupload_id: &str,
    ) -> Result<ImageUploadOutcome, ApiError> {
        let body = PreuploadBody { preupload_id };
        let request = ApiRequest::json(self, Endpoint::ImageUploadResult, &body)?;
        match self.call::<CompleteData>(request).await {
            Ok(d) => Ok(match non_empty_id(d.file_id) {
                Some(id) if d.completed => ImageUploadOutcome::Done(id),
                _ => ImageUploadOutcome::Pending,
            }),
            Err(e) => outcome_of_error(e),
        }
    }

    /// Polls [`Client::image_upload_result`] every `every` until the image is there (`Ok`) or
    /// verification failed (`Err`, kind Fatal). Cancel by dropping the future.
    pub async fn image_upload_wait(
        &self,
        preupload_id: &str,
        every: Duration,
    ) -> Result<ImageId, ApiError> {
        loop {
            match self.image_upload_result(preupload_id).await? {
                ImageUploadOutcome::Done(id) => return Ok(id),
                ImageUploadOutcome::Failed(message) => {
                    return Err(fatal(Endpoint::ImageUploadResult, message));
                }
                ImageUploadOutcome::Pending => tokio::time::sleep(every).await,
            }
        }
    }

    /// Uploads `data` as image `name` into folder `parent`: checks the rules (name, size,
    /// signature), then create, a fresh presigned URL and PUT per slice (an expired URL is
    /// replaced, a transient failure retried with backoff), complete, and polling every
    /// `poll_every` while the server verifies.
    pub async fn upload_image(
        &self,
        parent: &str,
        name: &str,
        data: Bytes,
        poll_every: Duration,
    ) -> Result<ImageId, ImageUploadError> {
        let head = &data[..data.len().min(SNIFF_LEN)];
        check_image(name, data.len() as u64, Some(head)).map_err(ImageUploadError::Refused)?;
        let etag = md5_hex(&data);
        let request = ImageCreateRequest::new(parent, name, &etag, data.len() as u64);
        let (preupload_id, slice_size) = match self.image_create(&request).await? {
            ImageCreateOutcome::Reused { file_id: Some(id) } => return Ok(id),
            ImageCreateOutcome::Reused { file_id: None } => {
                return Ok(self.find_image(parent, &etag, data.len() as u64).await?);
            }
            ImageCreateOutcome::Upload {
                preupload_id,
                slice_size,
            } => (preupload_id, slice_size),
        };
        let step = usize::try_from(slice_size).unwrap_or(usize::MAX);
        let mut start = 0;
        let mut slice_no = 1u32;
        while start < data.len() {
            let end = data.len().min(start.saturating_add(step));
            self.put_slice_with_fresh_urls(&preupload_id, slice_no, data.slice(start..end))
                .await?;
            start = end;
            slice_no += 1;
        }
        match self.image_upload_complete(&preupload_id).await? {
            ImageUploadOutcome::Done(id) => Ok(id),
            ImageUploadOutcome::Failed(message) => {
                Err(fatal(Endpoint::ImageUploadComplete, message).into())
            }
            ImageUploadOutcome::Pending => {
                Ok(self.image_upload_wait(&preupload_id, poll_every).await?)
            }
        }
    }

    async fn put_slice_with_fresh_urls(
        &self,
        preupload_id: &str,
        slice_no: u32,
        slice: Bytes,
    ) -> Result<(), ApiError> {
        let attempts = self.inner.retry.transient_attempts.max(1);
        let mut attempt = 0;
        loop {
            let url = self.image_upload_url(preupload_id, slice_no).await?;
            let error = match self.image_put_slice(&url, slice.clone()).await {
                Ok(()) => return Ok(()),
                Err(e) => e,
            };
            attempt += 1;
            if attempt >= attempts {
                return Err(error);
            }
            match error.kind {
                ApiErrorKind::LinkExpired => {}
                ApiErrorKind::Transient => {
                    tokio::time::sleep(self.inner.retry.backoff(attempt - 1)).await;
                }
                _ => return Err(error),
            }
            tracing::debug!(slice_no, error = %error, "retrying an image slice with a new URL");
        }
    }

    /// After an instant upload without an id: the image in `parent` with this content.
    async fn find_image(&self, parent: &str, etag: &str, size: u64) -> Result<ImageId, ApiError> {
        let entries = self.image_list_all(parent, TimeWindow::default()).await?;
        entries
            .into_iter()
            .find(|e| !e.is_dir() && e.etag == etag && e.size == size)
            .map(|e| e.id)
            .ok_or_else(|| fatal(Endpoint::ImageCreate, "instant upload without a file id"))
    }
}
