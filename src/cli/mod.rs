//! Command-line arguments (clap derive), one file per family of subcommands. Plain data: what
//! the user asked for, checked only as far as clap can; `cmd` interprets it.

mod edit;
mod files;
mod img;
mod mock;
mod offline;
mod rename;
mod root;
mod settings;
mod share;
mod sync;
mod transfer;
mod trash;
mod view;

pub use edit::{EditArgs, OnEditConflict};
pub use files::{LsArgs, MkdirArgs, MoveArgs, RmArgs, StatArgs, TreeArgs};
pub use img::{ImgCmd, ImgLinkArgs, ImgLsArgs, ImgPathsArgs, ImgRmArgs, ImgUploadArgs};
pub use mock::MockServerArgs;
pub use offline::{OfflineAddArgs, OfflineCmd, OfflineStatusArgs};
pub use rename::{CaseArg, RenameArgs, ScopeArg};
pub use root::{Cli, Cmd, CompletionsArgs, JsonArgs};
pub use settings::{ConfigCmd, ThemeCmd, ThemeLsArgs};
pub use share::{
    DirectLinkCmd, DirectLinkDirArgs, DirectLinkLogArgs, DirectLinkUrlArgs, Limit, OnOff, ShareCmd,
    ShareCreateArgs, ShareLsArgs, ShareSetArgs, ShareSwitchArgs,
};
pub use sync::SyncArgs;
pub use transfer::{DownloadArgs, OnConflict, TransferArgs, UploadArgs};
pub use trash::{PurgeArgs, RestoreArgs, TrashCmd, TrashLsArgs};
pub use view::{CatArgs, HeadArgs};
