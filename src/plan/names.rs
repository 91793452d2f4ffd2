//! Name rules shared by every write that names something: cloud mkdir, rename and upload, and
//! local renames. Pure checks, no I/O; a name that passes [`NameRules::validate`] is one the
//! target is expected to accept.
//!
//! Cloud limits (API.md §7): the official text contradicts itself (< 256 vs < 255 "characters")
//! and other clients disagree on whether "characters" means code points or UTF-8 bytes, so a
//! name must be at most 255 Unicode scalar values *and* at most 255 UTF-8 bytes. The byte limit
//! alone implies the character limit; both are kept so the error names the figure a user can
//! see (characters for ASCII names, bytes for CJK ones: 85 CJK characters fit, 86 don't).

use std::borrow::Cow;
use thiserror::Error;

/// Characters 123pan refuses in names: `"\/:*?|><`.
pub const CLOUD_FORBIDDEN: [char; 9] = ['"', '\\', '/', ':', '*', '?', '|', '>', '<'];
pub const MAX_NAME_CHARS: usize = 255;
pub const MAX_NAME_BYTES: usize = 255;

/// Why a name was refused. Positions are 1-based and count characters, not bytes.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name consists only of spaces")]
    AllSpaces,
    #[error(
        "the name contains the forbidden character `{}` at position {position}",
        .ch.escape_debug()
    )]
    ForbiddenChar { ch: char, position: usize },
    #[error("the name is too long: {chars} characters, at most {MAX_NAME_CHARS} are allowed")]
    TooManyChars { chars: usize },
    #[error("the name is too long: {bytes} bytes in UTF-8, at most {MAX_NAME_BYTES} are allowed")]
    TooManyBytes { bytes: usize },
    #[error("`{0}` is reserved and cannot be used as a name")]
    Reserved(String),
}

/// Checks a 123pan name: not empty, not only whitespace (any Unicode whitespace, including the
/// ideographic space, counts: the API only says "spaces", so this errs on the safe side), none
/// of [`CLOUD_FORBIDDEN`], and within both length limits.
pub fn validate_cloud_name(name: &str) -> Result<(), NameError> {
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if let Some(err) = first_forbidden(name, |c| CLOUD_FORBIDDEN.contains(&c)) {
        return Err(err);
    }
    if name.chars().all(char::is_whitespace) {
        return Err(NameError::AllSpaces);
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(NameError::TooManyChars { chars });
    }
    check_bytes(name)
}

/// Checks a local file name (one path component): not empty, not `.` or `..`, no `/` and no
/// NUL, at most 255 UTF-8 bytes (the common `NAME_MAX`).
pub fn validate_local_name(name: &str) -> Result<(), NameError> {
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name == "." || name == ".." {
        return Err(NameError::Reserved(name.to_owned()));
    }
    if let Some(err) = first_forbidden(name, |c| c == '/' || c == '\0') {
        return Err(err);
    }
    check_bytes(name)
}

fn first_forbidden(name: &str, forbidden: impl Fn(char) -> bool) -> Option<NameError> {
    name.chars()
        .enumerate()
        .find(|&(_, c)| forbidden(c))
        .map(|(i, ch)| NameError::ForbiddenChar {
            ch,
            position: i + 1,
        })
}

fn check_bytes(name: &str) -> Result<(), NameError> {
    match name.len() {
        bytes if bytes > MAX_NAME_BYTES => Err(NameError::TooManyBytes { bytes }),
        _ => Ok(()),
    }
}

/// Replaces each of [`CLOUD_FORBIDDEN`] with its full-width form (code point + 0xFEE0, so `:`
/// becomes `：`), as p123client's `escape_filename` does before uploading. Other characters are
/// kept. The result can still be refused for length: each replacement grows by 2 bytes.
pub fn to_full_width(name: &str) -> String {
    name.chars()
        .map(|c| match CLOUD_FORBIDDEN.contains(&c) {
            true => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            false => c,
        })
        .collect()
}

/// The naming rules of the file system a batch is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRules {
    /// 123pan: [`validate_cloud_name`]; names differing only in case are distinct.
    Cloud,
    /// A local file system: [`validate_local_name`]. With `case_insensitive`, names equal after
    /// lowercasing are treated as the same entry for conflict checks (macOS and Windows
    /// defaults). Unicode normalisation (NFC vs NFD) is not folded.
    Local { case_insensitive: bool },
}

impl NameRules {
    /// Local rules with the usual case sensitivity of the OS panfm was built for.
    pub const fn local_for_this_os() -> Self {
        Self::Local {
            case_insensitive: cfg!(any(target_os = "macos", target_os = "windows")),
        }
    }

    pub fn validate(self, name: &str) -> Result<(), NameError> {
        match self {
            Self::Cloud => validate_cloud_name(name),
            Self::Local { .. } => validate_local_name(name),
        }
    }

    /// Whether the two names denote the same directory entry under these rules.
    pub fn same_name(self, a: &str, b: &str) -> bool {
        self.key(a) == self.key(b)
    }

    /// The identity of a name under these rules: itself, or lowercased when case-insensitive.
    pub(crate) fn key(self, name: &str) -> Cow<'_, str> {
        match self {
            Self::Local {
                case_insensitive: true,
            } => Cow::Owned(name.to_lowercase()),
            _ => Cow::Borrowed(name),
        }
    }
}

/// Splits a name into stem and extension (without its dot). Directories have no extension, nor
/// do dot-files like `.bashrc` (a leading dot is not a separator) or names ending in a dot.
pub fn split_extension(name: &str, is_dir: bool) -> (&str, Option<&str>) {
    match name.rfind('.') {
        Some(i) if !is_dir && i > 0 && i + 1 < name.len() => (&name[..i], Some(&name[i + 1..])),
        _ => (name, None),
    }
}
