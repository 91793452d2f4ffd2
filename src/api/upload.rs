//! Upload v2 [S002]: `create` (which may finish at once as an instant upload), slices sent as
//! multipart to one of the `servers` it returned (with `Authorization` and `Platform`, unlike the
//! v1 presigned PUTs), `upload_complete` (asynchronous: poll it), and the single-request upload
//! to a host from `domain` for files up to 1 GB. Polling and slicing policy belong to the
//! transfer engine; each method here is one call.

use bytes::Bytes;
use md5_lanes::Md5;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::multipart::{Form, Part};

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::{ApiError, ApiErrorKind};
use super::model::{CompleteOutcome, CreateOutcome, CreateRequest, FileId};
use super::transport::ApiRequest;
use super::wire::upload::{CompleteBody, CompleteData, CreateBody, CreateData, duplicate_code};

/// The message of the terminal upload_complete failure [OL#1739].
const UPLOAD_FAILED: &str = "文件上传失败";

/// Lowercase hex MD5, the form `etag` and `sliceMD5` take.
pub fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Client {
    /// Hosts for [`Client::upload_single`] (`GET upload/v2/file/domain`); any one will do.
    pub async fn upload_domains(&self) -> Result<Vec<String>, ApiError> {
        self.call(ApiRequest::query(self, Endpoint::UploadDomain, &[])?)
            .await
    }

    /// Starts an upload. Not repeated after an ambiguous failure (a repeat could create a
    /// second session or, with `Duplicate::KeepBoth`, a second file).
    pub async fn create_file(&self, request: &CreateRequest) -> Result<CreateOutcome, ApiError> {
        let body = CreateBody::from(request);
        let data: CreateData = self
            .call(ApiRequest::json(self, Endpoint::UploadCreate, &body)?)
            .await?;
        data.into_outcome().map_err(|what| {
            ApiError::new(
                ApiErrorKind::Fatal,
                Endpoint::UploadCreate.path(),
                format!("unexpected create reply: {what}"),
            )
        })
    }

    /// Sends slice `slice_no` (1-based) of an upload to `server` (one of `CreateOutcome::Upload`'s
    /// `servers`). Its MD5 is computed here. Re-sending a slice number replaces it, so failed
    /// slices are retried like reads.
    pub async fn upload_slice(
        &self,
        server: &str,
        preupload_id: &str,
        slice_no: u32,
        data: Bytes,
    ) -> Result<(), ApiError> {
        let slice_md5 = md5_hex(&data);
        self.upload_slice_hashed(server, preupload_id, slice_no, data, &slice_md5)
            .await
    }

    /// [`Client::upload_slice`] with the slice's MD5 (hex) already known, for callers that
    /// hashed the slice while reading the file.
    pub async fn upload_slice_hashed(
        &self,
        server: &str,
        preupload_id: &str,
        slice_no: u32,
        data: Bytes,
        slice_md5: &str,
    ) -> Result<(), ApiError> {
        let slice_md5 = slice_md5.to_ascii_lowercase();
        let len = data.len() as u64;
        // Text parts first, then the file part, as [OL] and [AIO] send them.
        let form = || {
            Form::new()
                .text("preuploadID", preupload_id.to_owned())
                .text("sliceNo", slice_no.to_string())
                .text("sliceMD5", slice_md5.clone())
                .part("slice", binary_part(data.clone(), "slice"))
        };
        let timeout = self.inner.timeouts.for_upload(len);
        let request = ApiRequest::multipart(server, Endpoint::UploadSlice, &form, timeout)?;
        self.call::<serde::de::IgnoredAny>(request).await?;
        Ok(())
    }

    /// Asks once whether the server has assembled the upload. `Pending` for `completed:false`
    /// and for code 20103 ("文件正在校验中"); `Failed` for "文件上传失败". Poll about once a second.
    pub async fn upload_complete(&self, preupload_id: &str) -> Result<CompleteOutcome, ApiError> {
        let body = CompleteBody { preupload_id };
        let request = ApiRequest::json(self, Endpoint::UploadComplete, &body)?;
        match self.call::<CompleteData>(request).await {
            Ok(data) => Ok(data
                .file_id()
                .map_or(CompleteOutcome::Pending, CompleteOutcome::Done)),
            Err(e) if e.code == Some(20103) => Ok(CompleteOutcome::Pending),
            Err(e) if e.code.is_some() && e.message.contains(UPLOAD_FAILED) => {
                Ok(CompleteOutcome::Failed(e.message))
            }
            Err(e) => Err(e),
        }
    }

    /// Uploads a whole file (≤ 1 GB) in one request to `domain` (from `upload_domains`).
    /// `None` when the server answered without confirming completion: there is nothing to poll,
    /// so list the folder to check.
    pub async fn upload_single(
        &self,
        domain: &str,
        request: &CreateRequest,
        data: Bytes,
    ) -> Result<Option<FileId>, ApiError> {
        let len = data.len() as u64;
        let file_name = request
            .filename
            .rsplit('/')
            .next()
            .unwrap_or(&request.filename)
            .to_owned();
        let form = || {
            let mut form = Form::new()
                .text("parentFileID", request.parent_id.to_string())
                .text("filename", request.filename.clone())
                .text("etag", request.etag.to_ascii_lowercase())
                .text("size", request.size.to_string());
            if let Some(code) = duplicate_code(request.duplicate) {
                form = form.text("duplicate", code.to_string());
            }
            if request.contain_dir {
                form = form.text("containDir", "true");
            }
            form.part("file", binary_part(data.clone(), &file_name))
        };
        let timeout = self.inner.timeouts.for_upload(len);
        let request = ApiRequest::multipart(domain, Endpoint::SingleCreate, &form, timeout)?;
        let data: CompleteData = self.call(request).await?;
        Ok(data.file_id())
    }
}

fn binary_part(data: Bytes, file_name: &str) -> Part {
    let len = data.len() as u64;
    let mut headers = HeaderMap::new();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    Part::stream_with_length(data, len)
        .file_name(file_name.to_owned())
        .headers(headers)
}

#[cfg(test)]
mod tests {
    use super::md5_hex;

    #[test]
    fn md5_is_lowercase_hex() {
        assert_eq!(md5_hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5_hex(b"abc"), "900150983cd24fb0d6963f7d28e17f72");
    }
}
