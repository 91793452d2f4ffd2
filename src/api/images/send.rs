//! One image up, the whole flow ([`Client::upload_image`]): the rules checked before anything
//! is sent, `create` (possibly an instant upload), a fresh presigned URL and PUT per slice,
//! `upload_complete`, then either the result polled within a deadline (`async:true`) or — when
//! the server says slices are missing (`async:false, completed:false`) — the missing slices
//! sent again and completion asked again, a bounded number of times.

use std::collections::HashSet;

use bytes::Bytes;

use super::super::client::Client;
use super::super::endpoint::Endpoint;
use super::super::error::{ApiError, ApiErrorKind};
use super::super::model::{
    ImageCreateOutcome, ImageCreateRequest, ImageId, ImageUploadOutcome, TimeWindow,
};
use super::super::poll::{Patience, Waiting};
use super::super::upload::md5_hex;
use super::upload::{ImageUploadError, fatal};
use crate::rules::check_image;

/// Bytes of content the signature check looks at.
const SNIFF_LEN: usize = 16;
/// Completions answered "slices missing" before the upload is given up.
const RESEND_ROUNDS: u32 = 3;

impl Client {
    /// Polls [`Client::image_upload_result`] until the image is there (`Ok`) or verification
    /// failed (`Err`, kind Fatal), within `patience`. Cancel by dropping the future.
    pub async fn image_upload_wait(
        &self,
        preupload_id: &str,
        patience: Patience,
    ) -> Result<ImageId, ApiError> {
        let mut waiting = Waiting::start(patience, Endpoint::ImageUploadResult);
        loop {
            match self.image_upload_result(preupload_id).await? {
                ImageUploadOutcome::Done(id) => return Ok(id),
                ImageUploadOutcome::Failed(message) => {
                    return Err(fatal(Endpoint::ImageUploadResult, message));
                }
                ImageUploadOutcome::Pending | ImageUploadOutcome::Incomplete => {
                    waiting
                        .not_yet(|| "the server's check of the uploaded image".to_owned())
                        .await?;
                }
            }
        }
    }

    /// Uploads `data` as image `name` into folder `parent` (see the module doc); `patience`
    /// bounds the wait for the server's check.
    pub async fn upload_image(
        &self,
        parent: &str,
        name: &str,
        data: Bytes,
        patience: Patience,
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
        let slices = Slices::new(&data, slice_size);
        for no in 1..=slices.count() {
            self.put_slice_with_fresh_urls(&preupload_id, no, slices.get(no))
                .await?;
        }
        for round in 1.. {
            match self.image_upload_complete(&preupload_id).await? {
                ImageUploadOutcome::Done(id) => return Ok(id),
                ImageUploadOutcome::Failed(message) => {
                    return Err(fatal(Endpoint::ImageUploadComplete, message).into());
                }
                ImageUploadOutcome::Pending => {
                    return Ok(self.image_upload_wait(&preupload_id, patience).await?);
                }
                ImageUploadOutcome::Incomplete if round > RESEND_ROUNDS => break,
                ImageUploadOutcome::Incomplete => {
                    tracing::debug!(round, "image upload incomplete; sending slices again");
                    self.resend_missing(&preupload_id, &slices).await?;
                }
            }
        }
        let message = format!(
            "the server still lacked slices after they were sent {} times",
            RESEND_ROUNDS + 1
        );
        Err(fatal(Endpoint::ImageUploadComplete, message).into())
    }

    /// Sends again every slice the server does not hold with the right size and MD5. The
    /// parts list is empty for an image smaller than a slice ("该操作将会返回空值"), so then
    /// everything goes again.
    async fn resend_missing(
        &self,
        preupload_id: &str,
        slices: &Slices<'_>,
    ) -> Result<(), ApiError> {
        let parts = self.image_upload_parts(preupload_id).await?;
        let held: HashSet<u32> = parts
            .iter()
            .filter(|p| {
                let slice = slices.get(p.number);
                p.number <= slices.count()
                    && p.size == slice.len() as u64
                    && p.etag == md5_hex(&slice)
            })
            .map(|p| p.number)
            .collect();
        for no in (1..=slices.count()).filter(|no| !held.contains(no)) {
            self.put_slice_with_fresh_urls(preupload_id, no, slices.get(no))
                .await?;
        }
        Ok(())
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

/// The image cut into `sliceSize` pieces, numbered from 1.
struct Slices<'a> {
    data: &'a Bytes,
    size: usize,
}

impl<'a> Slices<'a> {
    fn new(data: &'a Bytes, slice_size: u64) -> Self {
        let size = usize::try_from(slice_size).unwrap_or(usize::MAX).max(1);
        Self { data, size }
    }

    fn count(&self) -> u32 {
        u32::try_from(self.data.len().div_ceil(self.size)).unwrap_or(u32::MAX)
    }

    fn get(&self, no: u32) -> Bytes {
        let start = (no.saturating_sub(1) as usize).saturating_mul(self.size);
        let start = start.min(self.data.len());
        let end = self.data.len().min(start.saturating_add(self.size));
        self.data.slice(start..end)
    }
}
