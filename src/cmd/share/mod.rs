//! `panfm share …` and `panfm direct-link …`: share links and direct links from the command
//! line, on the client the TUI uses. `create` checks the name, the code and the count of items
//! before any request; `ls` walks both share lists; `set` changes switches and limits; `dlink`
//! has the direct-link verbs.

mod create;
mod dlink;
mod list;
mod set;

use super::ctx::Ctx;
use super::exit::CmdResult;
use crate::api::{GuestAccess, ShareInfo};
use crate::cli::{DirectLinkCmd, ShareCmd, ShareSwitchArgs};
use serde_json::{Value, json};

pub async fn run(ctx: &mut Ctx, command: ShareCmd) -> CmdResult {
    match command {
        ShareCmd::Create(args) => create::create(ctx, args).await,
        ShareCmd::Ls(args) => list::ls(ctx, args).await,
        ShareCmd::Set(args) => set::set(ctx, args).await,
    }
}

pub async fn direct_link(ctx: &mut Ctx, command: DirectLinkCmd) -> CmdResult {
    match command {
        DirectLinkCmd::Url(args) => dlink::url(ctx, args).await,
        DirectLinkCmd::Enable(args) => dlink::switch(ctx, args, true).await,
        DirectLinkCmd::Disable(args) => dlink::switch(ctx, args, false).await,
        DirectLinkCmd::Log(args) => dlink::log(ctx, args).await,
    }
}

/// The access the switches ask for, starting from `current` for the one not given.
fn access(args: &ShareSwitchArgs, current: GuestAccess) -> Option<GuestAccess> {
    if args.guest.is_none() && args.over_quota.is_none() {
        return None;
    }
    Some(GuestAccess {
        guests: args.guest.map_or(current.guests, |g| g.is_on()),
        over_quota: args.over_quota.map_or(current.over_quota, |o| o.is_on()),
    })
}

/// The JSON object of one share.
fn share_json(s: &ShareInfo) -> Value {
    json!({
        "id": s.id,
        "key": s.key,
        "link": s.link(),
        "name": s.name,
        "code": s.code,
        "expiresAt": super::output::iso(s.expires_at),
        "expired": s.expired,
        "guest": s.access.guests,
        "overQuota": s.access.over_quota,
        "trafficLimit": s.traffic_limit,
        "trafficUsed": s.traffic_used,
        "previews": s.previews,
        "downloads": s.downloads,
        "saves": s.saves,
        "paid": s.is_paid(),
        "price": s.price,
    })
}
