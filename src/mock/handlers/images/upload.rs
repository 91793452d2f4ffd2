//! The image upload protocol on the API host (上传图片): `create`, `get_upload_url`,
//! `list_upload_parts`, `upload_complete`, `upload_async_result`, all under
//! `/upload/v1/oss/file/`. The bytes go to the presigned URLs (`storage`).
//!
//! create: content an image of the target folder already has overwrites that image, and
//! content the account already stores anywhere is an instant upload ("当123云盘已有该文件,则会
//! 发生秒传"); both answer `{fileID, reuse:true, sliceSize}` without `preuploadID`. Otherwise
//! `{fileID:"", reuse:false, preuploadID, sliceSize}`. Format and size rules apply (`rules`).
//!
//! upload_complete with slices missing answers `{async:false, completed:false, fileID:""}` and
//! keeps the session open for them, as the guide's sequence diagram has it ("completed = false:
//! 需要再次上传的分片"). Otherwise it starts verification. With `complete_pending_polls` at 0 it waits briefly
//! and may answer `{async:false, completed:true, fileID}`; otherwise, or while verification
//! runs, `{async:true, completed:false, fileID:""}`. upload_async_result then answers
//! `{completed:false, fileID:""}` for the first `complete_pending_polls` calls, then
//! `{completed:true, fileID}` or code 1 "文件上传失败".

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::super::body::Fields;
use super::super::super::clock;
use super::super::super::images::{
    ImagePhase, ImageSession, PutTicket, check_image, start_verification,
};
use super::super::super::reply::{ApiError, ApiResult, Data};
use super::super::super::shared::{Shared, lock};
use super::super::super::tree::Duplicate;
use super::super::upload::check_md5;
use super::fixed_type;

/// How long a poll waits for a running verification.
const GRACE: Duration = Duration::from_millis(500);

pub(crate) async fn create(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    fixed_type(&f)?;
    let parent = f
        .opt_str_id("parentFileID")?
        .ok_or_else(|| ApiError::param("parentFileID"))?;
    let name = f.string("filename")?;
    let etag = f.string("etag")?;
    let size = u64::try_from(f.id("size")?).map_err(|_| ApiError::param("size"))?;
    let dup_code = f.opt_id("duplicate")?.unwrap_or(0);
    let dup = Duplicate::from_code(Some(dup_code))?;
    check_md5(&etag, "etag")?;
    check_image(&name, size)?;
    let slice_size = st.knobs().image_slice_size.max(1);
    let now = clock::now_secs();
    let data = st.mutate(|d| {
        let content = (etag.as_str(), size);
        let tree = &mut d.images.tree;
        tree.check_placeable(&parent, &name, content, dup)?;
        let known = tree
            .children(&parent)
            .any(|n| n.etag() == etag && n.size() == size);
        if known || d.blobs.contains(&etag, size) {
            let placed = tree.place(&parent, &name, content, dup, now)?;
            return Ok::<_, ApiError>(
                json!({ "fileID": placed.id, "reuse": true, "sliceSize": slice_size }),
            );
        }
        let session = d.images.uploads.open(ImageSession {
            id: String::new(),
            dir: 0,
            parent: tree.canon(&parent).to_owned(),
            name,
            duplicate: dup_code,
            etag,
            size,
            slice_size,
            parts: Default::default(),
            phase: ImagePhase::Receiving,
            polls: 0,
        });
        Ok(json!({
            "fileID": "",
            "reuse": false,
            "preuploadID": session.id,
            "sliceSize": slice_size,
        }))
    })?;
    Ok(Data(data))
}

/// `{preuploadID, sliceNo}` → `{presignedURL, isMultipart}`, a URL on the mock itself.
pub(crate) async fn upload_url(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let id = f.string("preuploadID")?;
    let no = f.id("sliceNo")?;
    let ttl = i64::try_from(st.knobs().upload_url_ttl.as_secs()).unwrap_or(i64::MAX);
    let now = clock::now_secs();
    let mut d = lock(&st.drive);
    let uploads = &mut d.images.uploads;
    let s = uploads.get(&id)?;
    if s.phase != ImagePhase::Receiving {
        return Err(ApiError::new(1, "该文件已提交上传完毕，不能再上传分片"));
    }
    let count = s.promise().slice_count();
    let no = u64::try_from(no).ok().filter(|n| (1..=count).contains(n));
    let no = no.ok_or_else(|| ApiError::param("sliceNo"))?;
    let expires = now.saturating_add(ttl);
    let ticket = PutTicket {
        session: id,
        slice_no: no,
        expires,
    };
    let token = uploads.issue(ticket, now);
    Ok(Data(json!({
        "presignedURL": format!("{}/oss-put/{token}?X-Amz-Expires={ttl}&t={expires}", st.base_url),
        "isMultipart": count > 1,
    })))
}

/// `{preuploadID}` → `{parts: [{partNumber, size, etag}]}`; `partNumber` is a string as in the
/// drive's v1 example. Empty for a file smaller than `sliceSize` ("该操作将会返回空值").
pub(crate) async fn parts(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let id = Fields::parse(&body)?.string("preuploadID")?;
    let d = lock(&st.drive);
    let s = d.images.uploads.get(&id)?;
    let parts: Vec<Value> = if s.size < s.slice_size {
        Vec::new()
    } else {
        s.parts
            .iter()
            .map(|(no, (size, md5))| {
                json!({ "partNumber": no.to_string(), "size": size, "etag": md5 })
            })
            .collect()
    };
    Ok(Data(json!({ "parts": parts })))
}

pub(crate) async fn complete(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let id = Fields::parse(&body)?.string("preuploadID")?;
    let start = st.mutate(|d| {
        let s = d.images.uploads.get_mut(&id)?;
        if s.phase != ImagePhase::Receiving {
            return Ok::<_, ApiError>(Start::Running);
        }
        if !all_slices_in(s) {
            return Ok(Start::Missing);
        }
        s.phase = ImagePhase::Verifying;
        s.polls = 0;
        Ok(Start::Verify(s.clone()))
    })?;
    match start {
        Start::Verify(session) => start_verification(&st, session),
        // The guide's diagram: "completed = false → 需要再次上传的分片"; the session stays open.
        Start::Missing => {
            return Ok(Data(
                json!({ "async": false, "completed": false, "fileID": "" }),
            ));
        }
        Start::Running => {}
    }
    let waited = if st.knobs().complete_pending_polls == 0 {
        settle(&st, &id).await?
    } else {
        None
    };
    match waited {
        Some(file_id) => Ok(Data(
            json!({ "async": false, "completed": true, "fileID": file_id }),
        )),
        None => Ok(Data(
            json!({ "async": true, "completed": false, "fileID": "" }),
        )),
    }
}

enum Start {
    Verify(ImageSession),
    Missing,
    Running,
}

/// Every slice of the promised size has arrived.
fn all_slices_in(s: &ImageSession) -> bool {
    let p = s.promise();
    (1..=p.slice_count()).all(|no| {
        s.parts
            .get(&no)
            .is_some_and(|(len, _)| *len == p.slice_len(no))
    })
}

pub(crate) async fn async_result(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let id = Fields::parse(&body)?.string("preuploadID")?;
    let poll = st.mutate(|d| {
        let s = d.images.uploads.get_mut(&id)?;
        if s.phase == ImagePhase::Receiving {
            return Err(ApiError::new(1, "请先调用上传完毕接口"));
        }
        s.polls = s.polls.saturating_add(1);
        Ok(s.polls)
    })?;
    let not_yet = json!({ "completed": false, "fileID": "" });
    if poll <= st.knobs().complete_pending_polls {
        return Ok(Data(not_yet));
    }
    match settle(&st, &id).await? {
        Some(file_id) => Ok(Data(json!({ "completed": true, "fileID": file_id }))),
        None => Ok(Data(not_yet)),
    }
}

/// Waits up to `GRACE` for the session's verification: the image id, `None` if it still
/// runs, or its failure.
async fn settle(st: &Shared, id: &str) -> Result<Option<String>, ApiError> {
    let deadline = tokio::time::Instant::now() + GRACE;
    loop {
        let notified = st.verified.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let phase = lock(&st.drive).images.uploads.get(id)?.phase.clone();
        match phase {
            ImagePhase::Done { file_id } => return Ok(Some(file_id)),
            ImagePhase::Failed { code, message } => return Err(ApiError::new(code, message)),
            ImagePhase::Receiving | ImagePhase::Verifying => {}
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return Ok(None);
        }
    }
}
