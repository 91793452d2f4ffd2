//! Arguments of the commands that read or reorganise the drive: ls, tree, stat, mkdir, mv, cp,
//! rm.

#[derive(Debug, Clone, clap::Args)]
pub struct LsArgs {
    /// Long format: type, size, modification time, md5.
    #[arg(short, long)]
    pub long: bool,
    /// Include names starting with a dot.
    #[arg(short, long)]
    pub all: bool,
    /// Print a JSON array of entries.
    #[arg(long)]
    pub json: bool,
    #[arg(default_value = "/", value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct TreeArgs {
    /// Include names starting with a dot.
    #[arg(short, long)]
    pub all: bool,
    /// Descend at most this many levels.
    #[arg(short = 'L', long, value_name = "N")]
    pub level: Option<usize>,
    /// Print one nested JSON object.
    #[arg(long)]
    pub json: bool,
    #[arg(default_value = "/", value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct StatArgs {
    #[arg(long)]
    pub json: bool,
    #[arg(value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct MkdirArgs {
    /// Create missing parents; existing folders are fine.
    #[arg(short, long)]
    pub parents: bool,
    #[arg(long)]
    pub json: bool,
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct MoveArgs {
    #[arg(long)]
    pub json: bool,
    /// The items, then the destination folder.
    #[arg(required = true, num_args = 2.., value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RmArgs {
    #[arg(long)]
    pub json: bool,
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}
