//! Streaming a file from its CDN URL into the sink: from the part's length with `Range`
//! (a 200 instead of 206 starts the part over), a fresh URL when the CDN refuses the link
//! (403/410, or its JSON code 1010 with any status), and a resumed request after a connection breaks mid-body, up to
//! `job_attempts` breaks per attempt.

use futures::StreamExt;

use super::super::error::{TransferError, TransferErrorKind};
use super::super::scheduler::{JobCtx, backoff};
use super::super::work::DownloadWork;
use super::sink::Sink;
use crate::api::{ApiErrorKind, ByteRange};

/// Fresh URLs asked for within one attempt.
const RENEWALS: u32 = 3;

pub(crate) async fn fetch(
    ctx: &mut JobCtx,
    w: &DownloadWork,
    sink: &mut Sink,
) -> Result<(), TransferError> {
    let size = w.file.size;
    let mut url: Option<String> = None;
    let (mut renewals, mut breaks) = (0, 0);
    ctx.resumed(sink.sent);
    while sink.sent < size {
        let link = match &url {
            Some(link) => link.clone(),
            None => {
                let link = ctx.run(ctx.client()?.download_url(w.file.id)).await??;
                url = Some(link.clone());
                link
            }
        };
        let range = (sink.sent > 0).then_some(ByteRange {
            start: sink.sent,
            end: None,
        });
        let download = match ctx.run(ctx.client()?.download(&link, range)).await? {
            Ok(d) => d,
            Err(e) if e.kind == ApiErrorKind::LinkExpired && renewals < RENEWALS => {
                tracing::debug!(
                    job = ctx.id.0,
                    "download link refused, asking for a new one: {e}"
                );
                renewals += 1;
                url = None;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if range.is_some() && !download.partial {
            sink.reset().await?;
            ctx.progress_now(0);
        }
        let mut body = download.into_stream();
        let broken = loop {
            match ctx.run(body.next()).await? {
                Some(Ok(chunk)) => {
                    ctx.pace(chunk.len() as u64).await?;
                    sink.write(chunk).await?;
                    ctx.progress(sink.sent);
                }
                Some(Err(e)) => break Some(e.without_url().to_string()),
                None => break None,
            }
        };
        if sink.sent > size {
            return Err(TransferError::new(
                TransferErrorKind::Verification,
                format!("the server sent {} bytes for a {size}-byte file", sink.sent),
            ));
        }
        if sink.sent == size {
            break;
        }
        breaks += 1;
        let why = broken.unwrap_or_else(|| "the body ended early".to_owned());
        if breaks >= ctx.cfg().job_attempts {
            return Err(TransferError::new(
                TransferErrorKind::Network,
                format!("the download kept breaking off: {why}"),
            ));
        }
        tracing::debug!(
            job = ctx.id.0,
            at = sink.sent,
            "download broke off, resuming: {why}"
        );
        ctx.sleep(backoff(ctx.cfg(), breaks - 1)).await?;
    }
    Ok(())
}
