//! The multipart endpoints on the upload host: `POST /upload/v2/file/slice` (上传分片) and
//! `POST /upload/v2/file/single/create` (单步上传). File parts are streamed to disk while
//! their MD5 is computed, so memory stays bounded whatever the size; parts may come in any
//! order. Part names are matched exactly (form values are case-sensitive, unlike JSON keys).
//!
//! Slices may arrive in any order, in parallel, and again (the last one wins). A slice is
//! refused when its MD5 differs from `sliceMD5` ("校验分片 MD5", upload flow step 5), when it is
//! larger than `sliceSize` or numbered past the last slice, or once `upload_complete` was
//! called.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::State;
use axum::extract::multipart::{Field, Multipart, MultipartRejection};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

use super::super::clock;
use super::super::faults;
use super::super::reply::{ApiError, Data};
use super::super::shared::{Shared, lock};
use super::super::tree::Duplicate;
use super::super::upload::{self, Md5Sink, Phase, slice_dir};
use super::upload::{check_md5, check_size};

/// "此接口限制开发者上传单文件大小为1GB".
const SINGLE_MAX: u64 = 1 << 30;
const SINGLE_TOO_BIG: &str = "此接口限制开发者上传单文件大小为1GB";
const SLICE_TOO_BIG: &str = "分片大小超过sliceSize";
/// Text parts (ids, names, MD5s) are short; this bounds them.
const TEXT_MAX: usize = 64 << 10;

/// A received file part: where it was spooled, its MD5 and length.
struct Spooled {
    path: PathBuf,
    md5: String,
    len: u64,
}

enum Read {
    Done(Spooled),
    TooBig,
    /// The connection is to be dropped (fault injection).
    Drop,
}

/// Streams a file part to `path`, stopping past `cap` bytes or, when `drop` is set, after
/// the first chunk.
async fn spool(field: &mut Field<'_>, path: &Path, cap: u64, drop: bool) -> Result<Read, ApiError> {
    let io_err = |_| ApiError::new(1, "内部错误");
    let mut file = tokio::fs::File::create(path).await.map_err(io_err)?;
    let mut sink = Md5Sink::default();
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|_| ApiError::param("multipart"))?
    {
        if drop {
            return Ok(Read::Drop);
        }
        sink.update(&chunk);
        if sink.len > cap {
            return Ok(Read::TooBig);
        }
        file.write_all(&chunk).await.map_err(io_err)?;
    }
    file.flush().await.map_err(io_err)?;
    let len = sink.len;
    Ok(Read::Done(Spooled {
        path: path.to_owned(),
        md5: sink.hex(),
        len,
    }))
}

/// Text parts by name plus the spooled file part.
struct Form {
    texts: Vec<(String, String)>,
    file: Option<Spooled>,
}

impl Form {
    fn text(&self, name: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
    }

    fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.text(name)
            .map(|v| v.parse().map_err(|_| ApiError::param(name)))
            .transpose()
    }
}

/// A text part, refused past `TEXT_MAX` bytes so nothing large is held in memory.
async fn read_text(field: &mut Field<'_>, name: &str) -> Result<String, ApiError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| ApiError::param(name))? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > TEXT_MAX {
            return Err(ApiError::param(name));
        }
    }
    String::from_utf8(bytes).map_err(|_| ApiError::param(name))
}

/// How one multipart endpoint reads its form.
struct FormSpec {
    file_part: &'static str,
    /// Most bytes the file part may have.
    cap: u64,
    /// The message when it has more.
    too_big: &'static str,
}

/// Reads the whole form; `Err(response)` ends the request early (error or dropped connection).
async fn read_form(
    st: &Shared,
    mp: Result<Multipart, MultipartRejection>,
    spec: FormSpec,
    spool_to: PathBuf,
) -> Result<Form, Response> {
    let (file_part, cap) = (spec.file_part, spec.cap);
    let mut mp = mp.map_err(|_| ApiError::param("multipart").into_response())?;
    let drop = st.roll(st.knobs().drop_rate);
    let mut form = Form {
        texts: Vec::new(),
        file: None,
    };
    loop {
        let field = mp
            .next_field()
            .await
            .map_err(|_| ApiError::param("multipart").into_response());
        let Some(mut field) = field? else { break };
        let name = field.name().unwrap_or_default().to_owned();
        if name != file_part {
            let text = read_text(&mut field, &name)
                .await
                .map_err(IntoResponse::into_response)?;
            form.texts.push((name, text));
            continue;
        }
        match spool(&mut field, &spool_to, cap, drop).await {
            Ok(Read::Done(s)) => form.file = Some(s),
            Ok(Read::TooBig) => {
                let _ = tokio::fs::remove_file(&spool_to).await;
                return Err(ApiError::new(1, spec.too_big).into_response());
            }
            Ok(Read::Drop) => {
                let _ = tokio::fs::remove_file(&spool_to).await;
                st.stats().dropped += 1;
                return Err(faults::dropped_response());
            }
            Err(e) => {
                let _ = tokio::fs::remove_file(&spool_to).await;
                return Err(e.into_response());
            }
        }
    }
    Ok(form)
}

pub(crate) async fn slice(
    State(st): State<Arc<Shared>>,
    mp: Result<Multipart, MultipartRejection>,
) -> Response {
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
    };
    let form = match read_form(&st, mp, spec, tmp.clone()).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let result = accept_slice(&st, &form);
    match &result {
        Ok((id, no)) => upload::slice_arrived(&st, id, *no),
        Err(_) => {
            let _ = tokio::fs::remove_file(&tmp).await;
        }
    }
    result.map(|_| Data(Value::Null)).into_response()
}

/// Stores a checked slice; returns its upload id and number.
fn accept_slice(st: &Shared, form: &Form) -> Result<(String, u64), ApiError> {
    let id = form
        .text("preuploadID")
        .ok_or_else(|| ApiError::param("preuploadID"))?;
    let no = form
        .int("sliceNo")?
        .ok_or_else(|| ApiError::param("sliceNo"))?;
    let md5 = form
        .text("sliceMD5")
        .ok_or_else(|| ApiError::param("sliceMD5"))?;
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
    };
    let form = match read_form(&st, mp, spec, tmp.clone()).await {
        Ok(form) => form,
        Err(response) => return response,
    };
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
    let filename = form
        .text("filename")
        .ok_or_else(|| ApiError::param("filename"))?
        .to_owned();
    let etag = form.text("etag").ok_or_else(|| ApiError::param("etag"))?;
    let size = form.int("size")?.ok_or_else(|| ApiError::param("size"))?;
    let size = check_size(size, SINGLE_MAX, SINGLE_TOO_BIG)?;
    let dup = Duplicate::from_code(form.int("duplicate")?)?;
    let contain_dir = form.text("containDir") == Some("true");
    check_md5(etag, "etag")?;
    let file = form.file.as_ref().ok_or_else(|| ApiError::param("file"))?;
    if file.len != size || file.md5 != etag {
        return Err(ApiError::upload_failed());
    }
    let now = clock::now_secs();
    st.mutate(|d| {
        let (dir, name) = d.tree.upload_target(parent, &filename, contain_dir, now)?;
        d.tree.check_placeable(dir, &name, dup)?;
        d.blobs
            .adopt(&file.path, etag, size)
            .map_err(|_| ApiError::new(1, "内部错误"))?;
        d.tree
            .place_file(dir, &name, dup, (etag.to_owned(), size), now)
    })
}
