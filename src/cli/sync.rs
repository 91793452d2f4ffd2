//! Arguments of `panfm sync`.

use std::ffi::OsString;

#[derive(Debug, Clone, clap::Args)]
pub struct SyncArgs {
    /// Delete what the destination has and the source has not: cloud items go to the trash,
    /// local files are deleted (each one listed first).
    #[arg(long)]
    pub delete: bool,
    /// Print the plan (new, changed, deleted, unchanged: counts and bytes) and change nothing.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Leave out paths matching GLOB (gitignore syntax, like the lines of the `.panfmignore`
    /// read from the local side's root); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Compare files of the same size by MD5 (the default; local MD5s are cached).
    #[arg(long, conflicts_with = "size_only")]
    pub checksum: bool,
    /// Compare files by size only: nothing is hashed to decide.
    #[arg(long)]
    pub size_only: bool,
    /// Files transferred at once.
    #[arg(short, long, default_value_t = 3, value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=32))]
    pub jobs: u16,
    /// Cap the overall rate, in bytes per second (suffixes K, M, G: powers of 1024).
    #[arg(long, value_name = "RATE", value_parser = super::transfer::parse_rate)]
    pub limit_rate: Option<u64>,
    /// Print one JSON object: {"plan": {counts, actions}, "hash": {cached, hashed,
    /// hashed_bytes}, "results": [...], "errors": [...]}.
    #[arg(long)]
    pub json: bool,
    /// The source: a local folder, or a cloud folder written `cloud:/path`.
    #[arg(value_name = "SRC")]
    pub src: OsString,
    /// The destination, the other kind: `cloud:/path` for a local SRC, a local folder for a
    /// cloud one. Made when missing.
    #[arg(value_name = "DST")]
    pub dst: OsString,
}
