//! Reading the multipart form of the upload endpoints: short text parts by name, and the one
//! file part either streamed to disk and hashed on the way (single-step uploads, up to
//! 1 GiB) or kept in memory (slices, at most `sliceSize`, hashed later together with the
//! running whole-file hash and written to disk meanwhile). Parts may come in any order; part
//! names, the file part's included, are matched as JSON keys are (`names`: any casing unless
//! strict). Numbers arrive as text either way.

use std::path::{Path, PathBuf};

use axum::extract::multipart::{Field, Multipart, MultipartRejection};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use tokio::io::AsyncWriteExt;

use super::super::faults;
use super::super::names;
use super::super::reply::ApiError;
use super::super::shared::Shared;
use md5_lanes::Md5;

/// Text parts (ids, names, MD5s) are short; this bounds them.
const TEXT_MAX: usize = 64 << 10;

/// A received file part: where it goes on disk, its MD5 (once known), its length and, when
/// kept in memory, its bytes.
pub(super) struct Spooled {
    pub path: PathBuf,
    pub md5: String,
    pub len: u64,
    pub chunks: Vec<Bytes>,
}

enum Read {
    Done(Spooled),
    TooBig,
    /// The connection is to be dropped (fault injection).
    Drop,
}

/// Receives a file part into memory or, hashing it on the way, into a file at `path`;
/// stops past `cap` bytes or, when `drop` is set, after the first chunk.
async fn spool(
    field: &mut Field<'_>,
    path: &Path,
    spec: &FormSpec,
    drop: bool,
) -> Result<Read, ApiError> {
    let io_err = |_| ApiError::new(1, "内部错误");
    let mut file = match spec.in_memory {
        true => None,
        // Network chunks are small; writing them 1 MiB at a time keeps the blocking pool calm.
        false => Some(tokio::io::BufWriter::with_capacity(
            1 << 20,
            tokio::fs::File::create(path).await.map_err(io_err)?,
        )),
    };
    let (mut sink, mut chunks) = (Md5::new(), Vec::new());
    let mut len = 0u64;
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|_| ApiError::param("multipart"))?
    {
        if drop {
            return Ok(Read::Drop);
        }
        len += chunk.len() as u64;
        if len > spec.cap {
            return Ok(Read::TooBig);
        }
        match file.as_mut() {
            Some(file) => {
                sink.update(&chunk);
                file.write_all(&chunk).await.map_err(io_err)?;
            }
            None => chunks.push(chunk),
        }
    }
    let md5 = match file.as_mut() {
        Some(file) => {
            file.flush().await.map_err(io_err)?;
            sink.hex()
        }
        None => String::new(),
    };
    Ok(Read::Done(Spooled {
        path: path.to_owned(),
        md5,
        len,
        chunks,
    }))
}

/// Text parts by name plus the spooled file part.
pub(super) struct Form {
    texts: Vec<(String, String)>,
    pub file: Option<Spooled>,
}

impl Form {
    /// The trimmed text of part `name` (its documented spelling).
    pub fn text(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let pairs = self.texts.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        Ok(names::find(pairs, name)?.map(str::trim))
    }

    /// Part `name`, which must be there.
    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.text(name)?.ok_or_else(|| ApiError::param(name))
    }

    pub fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.text(name)?
            .map(|v| v.parse().map_err(|_| ApiError::param(name)))
            .transpose()
    }

    /// `true`/`false` in any case, or `1`/`0`; absent is `false`.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.text(name)?.map(str::to_ascii_lowercase).as_deref() {
            None | Some("false" | "0" | "") => Ok(false),
            Some("true" | "1") => Ok(true),
            Some(_) => Err(ApiError::param(name)),
        }
    }
}

/// Whether part `name` is the file part `file_part`, matched as other names are.
fn is_file_part(name: &str, file_part: &str) -> Result<bool, ApiError> {
    Ok(names::find([(name, &())], file_part)?.is_some())
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
pub(super) struct FormSpec {
    pub file_part: &'static str,
    /// Most bytes the file part may have.
    pub cap: u64,
    /// The message when it has more.
    pub too_big: &'static str,
    /// Keep the file part in memory instead of streaming it to disk and hashing it.
    pub in_memory: bool,
}

/// Reads the whole form; `Err(response)` ends the request early (error or dropped connection).
pub(super) async fn read_form(
    st: &Shared,
    mp: Result<Multipart, MultipartRejection>,
    spec: FormSpec,
    spool_to: PathBuf,
) -> Result<Form, Response> {
    let file_part = spec.file_part;
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
        if !is_file_part(&name, file_part).map_err(IntoResponse::into_response)? {
            let text = read_text(&mut field, &name)
                .await
                .map_err(IntoResponse::into_response)?;
            form.texts.push((name, text));
            continue;
        }
        match spool(&mut field, &spool_to, &spec, drop).await {
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
