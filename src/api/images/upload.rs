//! Uploading to the image space (上传图片): `create` (possibly an instant upload),
//! `get_upload_url` per slice, the presigned PUT (`put`), `list_upload_parts`,
//! `upload_complete` and `upload_async_result`, one call per method; and [`Client::upload_image`],
//! the whole flow for bytes in memory (images are at most 100 MiB), with the rules checked
//! before anything is sent.

use super::super::client::Client;
use super::super::endpoint::Endpoint;
use super::super::error::{ApiError, ApiErrorKind};
use super::super::model::{
    ImageCreateOutcome, ImageCreateRequest, ImageUploadOutcome, PresignedUrl, UploadedPart,
};
use super::super::transport::ApiRequest;
use super::super::wire::image::{
    CompleteData, CreateBody, CreateData, FIXED_TYPE, PartsData, PreuploadBody, UploadUrlBody,
    UploadUrlData, non_empty_id,
};
use super::super::wire::upload::duplicate_code;
use crate::rules::ImageRefusal;

/// The terminal verification failure [OL#1739].
const UPLOAD_FAILED: &str = "文件上传失败";

/// Why [`Client::upload_image`] did not store an image.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageUploadError {
    /// Refused before anything was sent.
    #[error("not an acceptable image: {0}")]
    Refused(ImageRefusal),
    #[error(transparent)]
    Api(#[from] ApiError),
}

pub(super) fn fatal(endpoint: Endpoint, message: impl Into<String>) -> ApiError {
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
    /// fileID不为0"); `Pending` (`async:true`) means poll [`Client::image_upload_result`];
    /// `Incomplete` (`async:false, completed:false`) means slices must be sent again, as the
    /// guide's sequence diagram has it.
    pub async fn image_upload_complete(
        &self,
        preupload_id: &str,
    ) -> Result<ImageUploadOutcome, ApiError> {
        let body = PreuploadBody { preupload_id };
        let request = ApiRequest::json(self, Endpoint::ImageUploadComplete, &body)?;
        match self.call::<CompleteData>(request).await {
            Ok(d) => Ok(match non_empty_id(d.file_id) {
                Some(id) if !d.is_async && d.completed => ImageUploadOutcome::Done(id),
                _ if !d.is_async && !d.completed => ImageUploadOutcome::Incomplete,
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
}
