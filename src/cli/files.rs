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
    /// The cloud folder (or file) to list.
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
    /// The cloud folder to show.
    #[arg(default_value = "/", value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct StatArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// The cloud item (a path, or id:N).
    #[arg(value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct MkdirArgs {
    /// Create missing parents; existing folders are fine.
    #[arg(short, long)]
    pub parents: bool,
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// The folders to create.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct MoveArgs {
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// The items, then the destination folder.
    #[arg(required = true, num_args = 2.., value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RmArgs {
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// The items to move to the trash.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}
