//! The demo's finished offline download: task [`DEMO_TASK`] fetched a release tarball into
//! the drive's default folder "/来自:离线下载", as if the drive had done it before the demo began
//! (`panfm --demo offline status 394756` says so).

use super::super::handlers::offline::DEFAULT_DIR;
use super::super::reply::ApiError;
use super::super::tree::ROOT;
use super::Builder;

/// The document's example task id.
pub(crate) const DEMO_TASK: i64 = 394_756;

pub(crate) fn build(b: &mut Builder<'_>) -> Result<(), ApiError> {
    let dir = b.system_dir(ROOT, DEFAULT_DIR)?;
    b.noise(dir, "nginx-1.26.2.tar.gz", 700, 1_262_000)?;
    b.offline_done(DEMO_TASK);
    Ok(())
}
