//! One image into the image space (图床): its folder (made now if planning could not), the
//! file read whole (images are at most 100 MiB), then `Client::upload_image` — the rules
//! checked again on the bytes actually sent, create, presigned PUTs, completion polled. A
//! refusal is final; API failures retry as the kind allows.

use super::error::{TransferError, TransferErrorKind};
use super::job::JobState;
use super::scheduler::{JobCtx, Outcome};
use super::work::ImageUploadWork;
use crate::api::{ImageUploadError, Patience};
use crate::fs::img::ImgFs;
use crate::fs::img_upload::FolderCache;
use crate::fs::local::display_name;

pub(crate) async fn run(ctx: &mut JobCtx, w: &ImageUploadWork) -> Result<Outcome, TransferError> {
    ctx.state(JobState::Planning);
    let parent = match &w.parent {
        Some(parent) => parent.clone(),
        None => {
            let fs = ImgFs::new(ctx.client()?.clone());
            let mut made = FolderCache::new();
            ctx.run(fs.folder(&w.root, &w.rel_dir, &mut made))
                .await?
                .map_err(|reason| TransferError::new(TransferErrorKind::Io, reason))?
        }
    };
    let shown = display_name(w.local.as_os_str());
    let bytes = ctx
        .run(tokio::fs::read(&w.local))
        .await?
        .map_err(|e| TransferError::io(&shown, &e))?;
    ctx.set_size(bytes.len() as u64);
    ctx.state(JobState::Uploading);
    let patience = Patience::new(ctx.cfg().poll_interval, ctx.cfg().complete_timeout);
    let sent = ctx
        .run(
            ctx.client()?
                .upload_image(&parent, &w.name, bytes.into(), patience),
        )
        .await?;
    match sent {
        Ok(_) => Ok(Outcome::Done { reused: false }),
        Err(ImageUploadError::Refused(why)) => Err(TransferError::new(
            TransferErrorKind::InvalidName,
            why.to_string(),
        )),
        Err(ImageUploadError::Api(e)) => Err(e.into()),
    }
}
