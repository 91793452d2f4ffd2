//! Arguments of `panfm edit`.

#[derive(Debug, Clone, clap::Args)]
pub struct EditArgs {
    /// When the cloud file changed while you edited it: upload over it, keep both (upload
    /// beside it; the drive names the new file), or keep the edited copy here only. Without
    /// it panfm asks on a terminal, and otherwise keeps the copy and exits with 1.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub on_conflict: Option<OnEditConflict>,
    /// Download files over 50 MiB for editing without asking first.
    #[arg(short, long)]
    pub yes: bool,
    /// The cloud file (/notes/todo.md, or id:N).
    #[arg(value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnEditConflict {
    Overwrite,
    KeepBoth,
    KeepLocal,
}

impl From<OnEditConflict> for crate::edit::OnDrift {
    fn from(c: OnEditConflict) -> Self {
        match c {
            OnEditConflict::Overwrite => Self::Overwrite,
            OnEditConflict::KeepBoth => Self::KeepBoth,
            OnEditConflict::KeepLocal => Self::KeepLocal,
        }
    }
}
