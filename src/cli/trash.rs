//! Arguments of `panfm trash …` and `panfm restore`.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum TrashCmd {
    /// List trashed items under PATH (default /) with their original paths, read from the
    /// recycle bin (the legacy `file/list` with trashed=true; --scan walks the folders instead).
    Ls(TrashLsArgs),
    /// Put trashed items back where they were (or into --to DIR).
    Restore(RestoreArgs),
    /// Delete trashed items for good. Asks first on a terminal; needs --yes otherwise.
    Purge(PurgeArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct TrashLsArgs {
    /// One JSON array of the trashed items.
    #[arg(long)]
    pub json: bool,
    /// Walk the live folders below PATH instead of reading the recycle bin (slow: one list
    /// call per 100 entries of every folder); finds the same items.
    #[arg(long)]
    pub scan: bool,
    /// The cloud folder to look under.
    #[arg(default_value = "/", value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RestoreArgs {
    /// Restore into this folder instead of the original ones.
    #[arg(long, value_name = "DIR")]
    pub to: Option<String>,
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// Original paths (/a/old.txt), id:N, or bare ids as `trash ls` prints them.
    #[arg(required = true, value_name = "PATH_OR_ID")]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct PurgeArgs {
    /// Do not ask.
    #[arg(short, long)]
    pub yes: bool,
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// Original paths (/a/old.txt), id:N, or bare ids as `trash ls` prints them.
    #[arg(required = true, value_name = "PATH_OR_ID")]
    pub items: Vec<String>,
}
