//! Arguments of `panfm share …` (share links) and `panfm direct-link …` (direct links).

use clap::{Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum ShareCmd {
    /// Share cloud files and folders (at most 100): prints the link and the extraction code.
    Create(ShareCreateArgs),
    /// List the account's shares (free and paid): link, code, expiry, counts.
    Ls(ShareLsArgs),
    /// Change the guest switches and traffic limit of shares, by id (see `share ls`).
    Set(ShareSetArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

impl OnOff {
    pub fn is_on(self) -> bool {
        self == OnOff::On
    }
}

/// The switches both `create` and `set` take.
#[derive(Debug, Clone, clap::Args)]
pub struct ShareSwitchArgs {
    /// Visitors who are not logged in may download, on your traffic (游客免登录提取).
    #[arg(long, value_enum, value_name = "on|off")]
    pub guest: Option<OnOff>,
    /// Users over their own traffic quota may download, on your traffic (超流量用户提取).
    #[arg(long, value_enum, value_name = "on|off")]
    pub over_quota: Option<OnOff>,
    /// The most traffic those downloads may use: bytes (K, M, G, T suffixes: powers of 1024),
    /// or `off` for no limit.
    #[arg(long, value_name = "BYTES|off", value_parser = traffic_limit)]
    pub traffic_limit: Option<Limit>,
}

/// A parsed `--traffic-limit`: `None` is `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(pub Option<u64>);

fn traffic_limit(text: &str) -> Result<Limit, String> {
    crate::api::parse_traffic_limit(text).map(Limit)
}

#[derive(Debug, Clone, clap::Args)]
pub struct ShareCreateArgs {
    /// The share's name (fewer than 35 characters, none of "\/:*?|><); default: the first
    /// item's name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Days the link works: 1, 7 or 30, or 0 for ever.
    #[arg(long, default_value_t = 7, value_name = "0|1|7|30", value_parser = days)]
    pub days: u32,
    /// An extraction code (letters and digits) the visitor must type; none by default.
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    #[command(flatten)]
    pub switches: ShareSwitchArgs,
    /// Print one JSON object: {"results": [{id, key, link, code, …}], "errors": [...]}.
    #[arg(long)]
    pub json: bool,
    /// Cloud files and folders.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}

fn days(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(d @ (0 | 1 | 7 | 30)) => Ok(d),
        _ => Err("the days a share lasts are 1, 7 or 30, or 0 for ever".to_owned()),
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ShareLsArgs {
    /// Print a JSON array of shares.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ShareSetArgs {
    #[command(flatten)]
    pub switches: ShareSwitchArgs,
    /// Print one JSON object: {"results": [{id, …}], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// Share ids, as `share ls` shows them.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<i64>,
}

#[derive(Debug, Subcommand)]
pub enum DirectLinkCmd {
    /// Print the direct links of cloud files (their folder needs direct-link space).
    Url(DirectLinkUrlArgs),
    /// Turn on direct-link space for a cloud folder: its files get direct links.
    Enable(DirectLinkDirArgs),
    /// Turn off direct-link space for a cloud folder: its direct links stop working.
    Disable(DirectLinkDirArgs),
    /// What direct links served in the last three days (needs the developer privilege).
    Log(DirectLinkLogArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct DirectLinkUrlArgs {
    /// Print one JSON object: {"results": [{path, id, url}], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// Cloud files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DirectLinkDirArgs {
    /// Print one JSON object: {"results": [{path, id, name}], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// The cloud folder.
    #[arg(value_name = "DIR")]
    pub dir: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DirectLinkLogArgs {
    /// Print a JSON array of log entries.
    #[arg(long)]
    pub json: bool,
}
