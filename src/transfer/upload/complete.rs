//! Waiting for the server to assemble and check an upload: `upload_complete` is polled at
//! once, then every `poll_interval`. "Not yet" (code 20103 or `completed:false`) and transient
//! failures mean ask again, until `complete_timeout`; "文件上传失败" fails the job.

use tokio::time::Instant;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::scheduler::JobCtx;
use super::slices::{lost, session_lost};
use crate::api::{CompleteOutcome, FileId};

pub(crate) async fn poll(ctx: &JobCtx, preupload_id: &str) -> Result<FileId, TransferError> {
    let deadline = Instant::now() + ctx.cfg().complete_timeout;
    loop {
        match ctx.run(ctx.client()?.upload_complete(preupload_id)).await? {
            Ok(CompleteOutcome::Done(id)) => return Ok(id),
            Ok(CompleteOutcome::Pending) => {}
            Ok(CompleteOutcome::Failed(message)) => {
                return Err(TransferError::new(
                    TransferErrorKind::Verification,
                    format!("the server's check of the upload failed: {message}"),
                ));
            }
            Err(e) if session_lost(&e) => return Err(lost()),
            Err(e) if e.is_retryable() => tracing::debug!("upload_complete: {e}"),
            Err(e) => return Err(e.into()),
        }
        if Instant::now() >= deadline {
            return Err(TransferError::new(
                TransferErrorKind::Verification,
                format!(
                    "the server was still checking the upload after {:?}; retry to keep waiting",
                    ctx.cfg().complete_timeout
                ),
            ));
        }
        ctx.sleep(ctx.cfg().poll_interval).await?;
    }
}
