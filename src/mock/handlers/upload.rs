//! Upload v2 on the API host (upload-v2.zh.md): `GET /upload/v2/file/domain`,
//! `POST /upload/v2/file/create`, `POST /upload/v2/file/upload_complete`. Slices and
//! single-step uploads are in `slices`. Every upload host handed out is the mock itself.
//!
//! create (and single-step upload) refuses a file that would take `spaceUsed` past the `quota`
//! knob, an instant one included (it adds to `spaceUsed` as well).
//! create answers `{fileID, reuse:true}` for an instant upload (the content `(etag, size)` is
//! already stored; p123client: `preuploadID` and `sliceSize` are absent then), otherwise
//! `{fileID:0, reuse:false, preuploadID, sliceSize, servers}`. NOTE: p123client's rendering
//! types the returned `fileID` as a string; upload-v2.zh.md (followed here) says number.
//!
//! upload_complete: the first call starts verification. The first `complete_pending_polls`
//! calls answer "not yet", alternating code 20103 "文件正在校验中,请间隔1秒后再试" (odd calls)
//! and `{completed:false, fileID:0}` (even calls); later calls wait up to `GRACE` for the
//! verification and answer "not yet" again if it is still running. Then `{completed:true,
//! fileID}`, or code 1 "文件上传失败" for good.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::json;

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Shared, lock};
use super::super::tree::{Duplicate, Tree};
use super::super::upload::{Phase, Session, start_verification};

/// create's documented cap: "开发者上传单文件大小限制10GB".
const CREATE_MAX: u64 = 10 << 30;
/// The answer to an upload that would take `spaceUsed` past the quota. No document names the
/// code or the message (API.md §1.4 lists none for it); code 1 is what the service uses for
/// refusals whose code is unknown.
const NO_ROOM: &str = "存储空间不足，无法上传";

/// How long a poll past the pending count waits for a running verification.
const GRACE: Duration = Duration::from_millis(500);

pub(crate) async fn domain(State(st): State<Arc<Shared>>) -> ApiResult {
    Ok(Data(json!([st.base_url])))
}

/// A lowercase 32-hex-digit MD5. Clients lowercase it (OpenList f6470af9 "repair etag
/// format"); the mock refuses anything else rather than guess.
pub(crate) fn check_md5(value: &str, field: &str) -> Result<(), ApiError> {
    let ok = value.len() == 32
        && value
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            1,
            format!("{field}格式错误，应为32位小写十六进制MD5"),
        ))
    }
}

/// Refuses a file of `size` bytes that would take the drive past `quota`.
pub(crate) fn check_room(tree: &Tree, size: u64, quota: u64) -> Result<(), ApiError> {
    match tree.space_used().saturating_add(size) > quota {
        true => Err(ApiError::new(1, NO_ROOM)),
        false => Ok(()),
    }
}

/// `size`: non-negative and at most `max`.
pub(crate) fn check_size(size: i64, max: u64, limit_text: &'static str) -> Result<u64, ApiError> {
    let size = u64::try_from(size).map_err(|_| ApiError::param("size"))?;
    if size > max {
        return Err(ApiError::new(1, limit_text));
    }
    Ok(size)
}

/// Under the `refuse_empty_files` knob a 0-byte upload is refused.
pub(crate) fn refuse_empty(st: &Shared, size: u64) -> Result<(), ApiError> {
    match size == 0 && st.knobs().refuse_empty_files {
        true => Err(ApiError::empty_file()),
        false => Ok(()),
    }
}

pub(crate) async fn create(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let parent = f.id("parentFileID")?;
    let filename = f.string("filename")?;
    let etag = f.string("etag")?;
    let size = check_size(f.id("size")?, CREATE_MAX, "开发者上传单文件大小限制10GB")?;
    refuse_empty(&st, size)?;
    let dup_code = f.opt_id("duplicate")?.unwrap_or(0);
    let dup = Duplicate::from_code(Some(dup_code))?;
    let contain_dir = f.opt_bool("containDir")?.unwrap_or(false);
    check_md5(&etag, "etag")?;
    let slice_size = st.knobs().slice_size.max(1);
    let quota = st.knobs().quota;
    let now = clock::now_secs();
    let data = st.mutate(|d| {
        let (dir, name) = d.tree.upload_target(parent, &filename, contain_dir, now)?;
        d.tree.check_placeable(dir, &name, dup)?;
        // An instant upload adds to `spaceUsed` too.
        check_room(&d.tree, size, quota)?;
        if d.blobs.contains(&etag, size) {
            let id = d.tree.place_file(dir, &name, dup, (etag, size), now)?;
            return Ok(json!({ "fileID": id, "reuse": true }));
        }
        let session = d.uploads.open(Session {
            id: String::new(),
            dir: 0,
            parent: dir,
            name,
            duplicate: dup_code,
            etag,
            size,
            slice_size,
            phase: Phase::Receiving,
            polls: 0,
        });
        Ok(json!({
            "fileID": 0,
            "reuse": false,
            "preuploadID": session.id,
            "sliceSize": slice_size,
            "servers": [st.base_url],
        }))
    })?;
    Ok(Data(data))
}

fn pending(poll: u32) -> ApiResult {
    if poll % 2 == 1 {
        Err(ApiError::verifying())
    } else {
        Ok(Data(json!({ "completed": false, "fileID": 0 })))
    }
}

pub(crate) async fn complete(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let id = Fields::parse(&body)?.string("preuploadID")?;
    let (poll, start) = st.mutate(|d| {
        let s = d.uploads.get_mut(&id)?;
        let mut start = None;
        if s.phase == Phase::Receiving {
            s.phase = Phase::Verifying;
            s.polls = 0;
            start = Some(s.clone());
        }
        s.polls = s.polls.saturating_add(1);
        Ok::<_, ApiError>((s.polls, start))
    })?;
    if let Some(session) = start {
        start_verification(&st, session);
    }
    if poll <= st.knobs().complete_pending_polls {
        return pending(poll);
    }
    let deadline = tokio::time::Instant::now() + GRACE;
    loop {
        let notified = st.verified.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let phase = lock(&st.drive).uploads.get(&id)?.phase.clone();
        match phase {
            Phase::Done { file_id } => {
                return Ok(Data(json!({ "completed": true, "fileID": file_id })));
            }
            Phase::Failed { code, message } => return Err(ApiError::new(code, message)),
            Phase::Receiving | Phase::Verifying => {}
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return pending(poll);
        }
    }
}
