//! `panfm share ls [--json]`: every share, free ones then paid ones, each list walked to
//! its end. Text: a header and one row per share.

use super::super::ctx::Ctx;
use super::super::exit::CmdResult;
use super::super::output::{Table, local_time, size};
use super::share_json;
use crate::api::ShareInfo;
use crate::cli::ShareLsArgs;
use crate::fs::local::sanitize_name;

pub async fn ls(ctx: &mut Ctx, args: ShareLsArgs) -> CmdResult {
    let mut shares = ctx.client.share_list_all(false).await?;
    shares.extend(ctx.client.share_list_all(true).await?);
    if args.json {
        let all: Vec<_> = shares.iter().map(share_json).collect();
        ctx.print_json(&all);
        return Ok(());
    }
    if shares.is_empty() {
        ctx.summary("No shares");
        return Ok(());
    }
    let mut table = Table::new(&[5, 6, 7]);
    let header = [
        "ID",
        "NAME",
        "LINK",
        "CODE",
        "EXPIRES",
        "VIEWS",
        "DOWNLOADS",
        "SAVES",
        "",
    ];
    table.row(header.iter().map(|h| (*h).to_owned()).collect());
    for s in &shares {
        table.row(vec![
            s.id.to_string(),
            sanitize_name(&s.name),
            s.link(),
            if s.code.is_empty() {
                "-".into()
            } else {
                s.code.clone()
            },
            expiry(s),
            s.previews.to_string(),
            s.downloads.to_string(),
            s.saves.to_string(),
            flags(s),
        ]);
    }
    ctx.print(&table.render());
    Ok(())
}

/// `expired`, `permanent`, or the local time it ends.
pub(super) fn expiry(s: &ShareInfo) -> String {
    match (s.expired, s.expires_at) {
        (true, _) => "expired".to_owned(),
        (false, None) => "permanent".to_owned(),
        (false, t) => local_time(t),
    }
}

/// What sets the share apart: paid, guest access, its traffic limit.
fn flags(s: &ShareInfo) -> String {
    let mut out = Vec::new();
    if let Some(price) = s.price {
        out.push(format!("paid ¥{price}"));
    }
    if s.access.guests {
        out.push("guests".to_owned());
    }
    if s.access.over_quota {
        out.push("over-quota".to_owned());
    }
    if let Some(limit) = s.traffic_limit {
        out.push(format!("limit {}", size(limit)));
    }
    out.join("  ")
}
