//! The multipart endpoints on the upload host: `POST /upload/v2/file/slice` (上传分片) and
//! `POST /upload/v2/file/single/create` (单步上传). A single-step file is streamed to disk
//! while its MD5 is computed, so memory stays bounded whatever the size (`form`).
//!
//! A slice is kept in memory while it is written to disk, and hashed in one pass that also
//! extends the upload's running whole-file hash when the slice is the next it needs
//! (`upload::claim`).
//! The `slice_hold` knob holds slices past a count before their body is read (a stalled link).
//! Slices may arrive in any order, in parallel, and again (the last one wins). A slice is
//! refused when its MD5 differs from `sliceMD5` ("校验分片 MD5", upload flow step 5), when it is
//! larger than `sliceSize` or numbered past the last slice, or once `upload_complete` was
//! called.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{Value, json};

use super::super::clock;
use super::super::reply::{ApiError, Data};
use super::super::shared::{Shared, lock};
use super::super::tree::Duplicate;
use super::super::upload::{self, Phase, slice_dir};
use super::form::{Form, FormSpec, read_form};
use super::upload::{check_md5, check_room, check_size, refuse_empty};

/// "此接口限制开发者上传单文件大小为1GB".
const SINGLE_MAX: u64 = 1 << 30;
const SINGLE_TOO_BIG: &str = "此接口限制开发者上传单文件大小为1GB";
const SLICE_TOO_BIG: &str = "分片大小超过sliceSize";

pub(crate) async fn slice(
    State(st): State<Arc<Shared>>,
    mp: Result<Multipart, MultipartRejection>,
) -> Response {
    admitted(&st).await;
    let tmp = st
        .uploads_dir
        .join(format!(".part-{:016x}", rand::random::<u64>()));
    // The session (and its sliceSize) may only be known after the file part; spooling is
    // capped by the largest slice size a session can have and checked exactly afterwards.
    let cap = st
        .knobs()
        .slice_size
        .max(lock(&st.drive).uploads.max_slice_size());
    let spec = FormSpec {
        file_part: "slice",
        cap,
        too_big: SLICE_TOO_BIG,
        in_memory: true,
    };
    let mut form = match read_form(&st, mp, spec, tmp.clone()).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    received(&st, &form);
    let result = check_and_accept(&st, &mut form).await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&tmp).await;
    }
    result.map(|()| Data(Value::Null)).into_response()
}

/// Waits while the `slice_hold` knob holds slices back, then counts this one in.
async fn admitted(st: &Shared) {
    loop {
        let changed = st.knobs_changed.notified();
        tokio::pin!(changed);
        changed.as_mut().enable();
        let hold = st.knobs().slice_hold;
        {
            let mut stats = st.stats();
            if hold.is_none_or(|n| stats.slices_admitted < n) {
                stats.slices_admitted += 1;
                return;
            }
        }
        changed.await;
    }
}

fn received(st: &Shared, form: &Form) {
    if let Some(file) = &form.file {
        st.stats().upload_bytes += file.len;
    }
}

/// Writes the received slice to its spool file while waiting for the running whole-file hash
/// (when the slice is the next it needs), hashes it from memory, then accepts or refuses it.
async fn check_and_accept(st: &Arc<Shared>, form: &mut Form) -> Result<(), ApiError> {
    let internal = || ApiError::new(1, "内部错误");
    let target = match (form.text("preuploadID"), form.int("sliceNo")) {
        (Ok(Some(id)), Ok(Some(no))) => u64::try_from(no).ok().map(|no| (id.to_owned(), no)),
        _ => None,
    };
    let file = form.file.as_mut().ok_or_else(|| ApiError::param("slice"))?;
    let chunks = std::mem::take(&mut file.chunks);
    let (path, to_write) = (file.path.clone(), chunks.clone());
    let written = tokio::task::spawn_blocking(move || write_chunks(&path, &to_write));
    let claim = match &target {
        Some((id, no)) => upload::claim(st, id, *no).await,
        None => None,
    };
    let running = claim.as_ref().map(upload::Claim::running);
    let hashed = tokio::task::spawn_blocking(move || upload::hash_chunks(&chunks, running));
    let (own, whole) = hashed.await.map_err(|_| internal())?;
    written
        .await
        .map_err(|_| internal())?
        .map_err(|_| internal())?;
    file.md5 = own.hex();
    let (id, no) = accept_slice(st, form)?;
    st.stats().slices_accepted += 1;
    match (claim, whole) {
        (Some(claim), Some(whole)) => claim.take(st, whole),
        _ => upload::slice_arrived(st, &id, no),
    }
    Ok(())
}

fn write_chunks(path: &Path, chunks: &[Bytes]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    for chunk in chunks {
        file.write_all(chunk)?;
    }
    Ok(())
}

/// Stores a checked slice; returns its upload id and number.
fn accept_slice(st: &Shared, form: &Form) -> Result<(String, u64), ApiError> {
    let id = form.required("preuploadID")?;
    let no = form
        .int("sliceNo")?
        .ok_or_else(|| ApiError::param("sliceNo"))?;
    let md5 = form.required("sliceMD5")?;
    let file = form.file.as_ref().ok_or_else(|| ApiError::param("slice"))?;
    let d = lock(&st.drive);
    let s = d.uploads.get(id)?;
    if s.phase != Phase::Receiving {
        return Err(ApiError::new(1, "该文件已提交上传完毕，不能再上传分片"));
    }
    let no = u64::try_from(no)
        .ok()
        .filter(|n| (1..=s.slice_count()).contains(n));
    let no = no.ok_or_else(|| ApiError::param("sliceNo"))?;
    if file.len > s.slice_size {
        return Err(ApiError::new(1, SLICE_TOO_BIG));
    }
    if file.md5 != md5 {
        return Err(ApiError::new(1, "分片MD5校验失败"));
    }
    let dir = slice_dir(&st.uploads_dir, s.dir);
    // Renamed while the drive lock is held so a concurrent upload_complete can't miss it.
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::rename(&file.path, dir.join(no.to_string())))
        .map_err(|_| ApiError::new(1, "内部错误"))?;
    Ok((id.to_owned(), no))
}

pub(crate) async fn single_create(
    State(st): State<Arc<Shared>>,
    mp: Result<Multipart, MultipartRejection>,
) -> Response {
    let tmp = lock(&st.drive).blobs.incoming_path();
    let spec = FormSpec {
        file_part: "file",
        cap: SINGLE_MAX,
        too_big: SINGLE_TOO_BIG,
        in_memory: false,
    };
    let form = match read_form(&st, mp, spec, tmp.clone()).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    received(&st, &form);
    let result = place_single(&st, &form);
    let _ = tokio::fs::remove_file(&tmp).await;
    result
        .map(|id| Data(json!({ "fileID": id, "completed": true })))
        .into_response()
}

fn place_single(st: &Shared, form: &Form) -> Result<i64, ApiError> {
    let parent = form
        .int("parentFileID")?
        .ok_or_else(|| ApiError::param("parentFileID"))?;
    let filename = form.required("filename")?.to_owned();
    let etag = form.required("etag")?;
    let size = form.int("size")?.ok_or_else(|| ApiError::param("size"))?;
    let size = check_size(size, SINGLE_MAX, SINGLE_TOO_BIG)?;
    refuse_empty(st, size)?;
    let dup = Duplicate::from_code(form.int("duplicate")?)?;
    let contain_dir = form.flag("containDir")?;
    check_md5(etag, "etag")?;
    let file = form.file.as_ref().ok_or_else(|| ApiError::param("file"))?;
    if file.len != size || file.md5 != etag {
        return Err(ApiError::upload_failed());
    }
    let now = clock::now_secs();
    let quota = st.knobs().quota;
    st.mutate(|d| {
        let (dir, name) = d.tree.upload_target(parent, &filename, contain_dir, now)?;
        d.tree.check_placeable(dir, &name, dup)?;
        check_room(&d.tree, size, quota)?;
        d.blobs
            .adopt(&file.path, etag, size)
            .map_err(|_| ApiError::new(1, "内部错误"))?;
        d.tree
            .place_file(dir, &name, dup, (etag.to_owned(), size), now)
    })
}
