//! Arguments of the commands that read inside a cloud file: cat, head.

#[derive(Debug, Clone, clap::Args)]
pub struct CatArgs {
    /// Only these bytes: START-END (inclusive, from 0), START- (to the end) or -N (the last N).
    /// Without it the whole file is checked against its MD5 after it has been written.
    #[arg(long, value_name = "START-END", allow_hyphen_values = true)]
    pub range: Option<String>,
    /// The cloud file (a path, or id:N).
    #[arg(value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct HeadArgs {
    /// How many lines.
    #[arg(short = 'n', long, default_value_t = 10, value_name = "N")]
    pub lines: usize,
    /// The cloud file (a path, or id:N).
    #[arg(value_name = "PATH")]
    pub path: String,
}
