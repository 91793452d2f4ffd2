//! Arguments of `panfm upload` and `panfm download`. Local paths stay `OsString`s so names
//! that are not UTF-8 reach the engine, which reports them per file.

use crate::transfer::ConflictPolicy;
use std::ffi::OsString;

#[derive(Debug, Clone, clap::Args)]
pub struct UploadArgs {
    #[command(flatten)]
    pub common: TransferArgs,
    /// Replace characters the cloud forbids (`"\/:*?|><`) by their full-width forms (`：`)
    /// instead of refusing those files.
    #[arg(long)]
    pub fix_names: bool,
    /// Local files and folders, then the cloud folder (which must exist).
    #[arg(required = true, num_args = 2.., value_name = "PATH")]
    pub paths: Vec<OsString>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DownloadArgs {
    #[command(flatten)]
    pub common: TransferArgs,
    /// Cloud files and folders, then the local folder (which must exist).
    #[arg(required = true, num_args = 2.., value_name = "PATH")]
    pub paths: Vec<OsString>,
}

/// What upload and download share.
#[derive(Debug, Clone, clap::Args)]
pub struct TransferArgs {
    /// Transfer folders and everything in them.
    #[arg(short, long)]
    pub recursive: bool,
    /// When a file's name is taken at the destination: fail that file, skip it, overwrite the
    /// existing file, or keep both (the new one gets another name). Folders are merged.
    #[arg(long, value_enum, default_value_t = OnConflict::Fail, value_name = "POLICY")]
    pub on_conflict: OnConflict,
    /// Files transferred at once.
    #[arg(short, long, default_value_t = 3, value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=32))]
    pub jobs: u16,
    /// Cap the overall rate, in bytes per second (suffixes K, M, G: powers of 1024).
    #[arg(long, value_name = "RATE", value_parser = parse_rate)]
    pub limit_rate: Option<u64>,
    /// Print one JSON object: {"results": [{path, target, bytes, reused, skipped}], "errors":
    /// [{item, error}]}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnConflict {
    Fail,
    Skip,
    Overwrite,
    KeepBoth,
}

impl From<OnConflict> for ConflictPolicy {
    /// `Fail` runs as `Ask`: the command answers every question the engine asks by failing
    /// that file, so clashes found late (the server's refusal, a file placed meanwhile) fail
    /// the same way as those known when the folder was listed.
    fn from(c: OnConflict) -> Self {
        match c {
            OnConflict::Fail => ConflictPolicy::Ask,
            OnConflict::Skip => ConflictPolicy::Skip,
            OnConflict::Overwrite => ConflictPolicy::Overwrite,
            OnConflict::KeepBoth => ConflictPolicy::KeepBoth,
        }
    }
}

/// `500`, `64K`, `1.5M`, `2G` → bytes per second.
pub(super) fn parse_rate(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let (number, unit) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_uppercase()),
        _ => (t, 'B'),
    };
    let scale: u64 = match unit {
        'B' => 1,
        'K' => 1 << 10,
        'M' => 1 << 20,
        'G' => 1 << 30,
        _ => return Err(format!("unknown unit `{unit}`; use K, M or G")),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a rate like 500K or 2M"))?;
    let bytes = (value * scale as f64).round();
    if !(1.0..=u64::MAX as f64).contains(&bytes) {
        return Err(format!("`{text}` is not a usable rate"));
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::parse_rate;

    #[test]
    fn rates_take_binary_suffixes() {
        assert_eq!(parse_rate("500"), Ok(500));
        assert_eq!(parse_rate("64k"), Ok(64 << 10));
        assert_eq!(parse_rate("1.5M"), Ok(3 << 19));
        assert_eq!(parse_rate("2G"), Ok(2 << 30));
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("fast").is_err());
        assert!(parse_rate("3T").is_err());
    }
}
