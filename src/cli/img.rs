//! Arguments of `panfm img …`: the image-hosting space (图床). Image paths are absolute like
//! `/blog/2024`; drive paths (for `copy-from-drive`) are the usual cloud paths.

use super::files::MkdirArgs;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ImgCmd {
    /// List an image folder (default /), or show one image.
    Ls(ImgLsArgs),
    /// Upload local images, or folders of images, into an image folder: upload LOCAL... DIR.
    /// Files that are not images or are over 100 MiB are refused before anything is sent.
    Upload(ImgUploadArgs),
    /// Create image folders.
    Mkdir(MkdirArgs),
    /// Move images and folders into another image folder: mv PATH... DIR.
    Mv(ImgPathsArgs),
    /// Delete images and folders for good (the image space has no trash). Asks first on a
    /// terminal; needs --yes otherwise.
    Rm(ImgRmArgs),
    /// Print the public links of images (a folder gives those of the images in it).
    Link(ImgLinkArgs),
    /// Copy the images among drive items into an image folder (server-side; drive folders are
    /// searched for images, other files are skipped): copy-from-drive DRIVE_PATH... IMG_DIR.
    CopyFromDrive(ImgPathsArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImgLsArgs {
    /// Long format: type, size, time, name.
    #[arg(short, long)]
    pub long: bool,
    /// Print a JSON array of items (with their links).
    #[arg(long)]
    pub json: bool,
    /// The image folder (or image) to list.
    #[arg(default_value = "/", value_name = "PATH")]
    pub path: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImgUploadArgs {
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// Local files or folders, then the image folder.
    #[arg(required = true, num_args = 2.., value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImgPathsArgs {
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// The items, then the destination image folder.
    #[arg(required = true, num_args = 2.., value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImgRmArgs {
    /// Do not ask.
    #[arg(short, long)]
    pub yes: bool,
    /// Print one JSON object: {"results": [...], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// The images and folders to delete.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImgLinkArgs {
    /// Markdown image lines: ![name](url).
    #[arg(long)]
    pub markdown: bool,
    /// Print one JSON object: {"results": [{path, url, …}], "errors": [{item, error}]}.
    #[arg(long)]
    pub json: bool,
    /// Images, or image folders.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
}
