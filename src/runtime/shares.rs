//! Runs share-link and direct-link effects on the cloud's client (its limiter, token and
//! retries) and answers with `SharesMsg`s. Direct links of many files are asked a few at a
//! time, answered in the order asked.

use crate::api::{ApiError, ApiErrorKind, Client};
use crate::app::{ImageLink, Msg, ShareEffect, SharesMsg};
use crate::fs::pan::PanFs;
use futures::StreamExt;
use tokio::sync::mpsc::UnboundedSender;

/// Direct-link calls in flight at once.
const IN_FLIGHT: usize = 4;

fn text(e: ApiError) -> String {
    e.to_string()
}

/// Runs `effect` as a task; without a cloud account there is nothing to ask.
pub fn spawn(cloud: Option<PanFs>, tx: UnboundedSender<Msg>, effect: ShareEffect) {
    let Some(fs) = cloud else { return };
    let client = fs.client().clone();
    tokio::spawn(async move {
        let msg = run(&client, effect).await;
        let _ = tx.send(Msg::Shares(msg));
    });
}

async fn run(client: &Client, effect: ShareEffect) -> SharesMsg {
    match effect {
        ShareEffect::Create { request } => SharesMsg::Created {
            result: client.share_create(&request).await.map_err(text),
            items: request.file_ids.len(),
            code: request.code,
        },
        ShareEffect::List { ticket } => {
            let result = async {
                let mut all = client.share_list_all(false).await?;
                all.extend(client.share_list_all(true).await?);
                Ok(all)
            };
            SharesMsg::Listed {
                ticket,
                result: result.await.map_err(text),
            }
        }
        ShareEffect::Edit {
            free,
            paid,
            settings,
        } => {
            let count = free.len() + paid.len();
            let result = async {
                for (is_paid, ids) in [(false, free), (true, paid)] {
                    for chunk in ids.chunks(crate::api::SHARE_MAX_ITEMS) {
                        client.share_edit(is_paid, chunk, settings).await?;
                    }
                }
                Ok(())
            };
            SharesMsg::Edited {
                count,
                result: result.await.map_err(text),
            }
        }
        ShareEffect::DirectLinks {
            items,
            fix,
            markdown,
        } => {
            let links = futures::stream::iter(items)
                .map(|(id, name)| {
                    let fix = fix.as_str();
                    async move {
                        let url = client
                            .direct_link_url(id)
                            .await
                            .map_err(|e| why_no_link(e, fix));
                        ImageLink { name, url }
                    }
                })
                .buffered(IN_FLIGHT)
                .collect()
                .await;
            SharesMsg::DirectLinks { markdown, links }
        }
        ShareEffect::DirectLinkSpace { dir, path, on } => {
            let result = match on {
                true => client.direct_link_enable(dir).await,
                false => client.direct_link_disable(dir).await,
            };
            SharesMsg::Switched {
                path,
                on,
                result: result.map(|_| ()).map_err(text),
            }
        }
        ShareEffect::DirectLinkLog => SharesMsg::Log(client.direct_link_log().await.map_err(text)),
    }
}

/// A refusal of the server (not a network or token trouble) most likely means the file's
/// folder has no direct-link space: `fix` says which folder to turn it on for.
fn why_no_link(e: ApiError, fix: &str) -> String {
    match e.kind {
        ApiErrorKind::Fatal => format!("{fix} (the server says: {})", e.message),
        _ => text(e),
    }
}
