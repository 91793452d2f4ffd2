//! `panfm share set ID... [--guest on|off] [--over-quota on|off] [--traffic-limit BYTES|off]`:
//! both share lists are read first, to tell free shares from paid ones (each has its own
//! edit) and to keep the switch not given as it is; shares that want the same values go in
//! one request of at most 100.

use std::collections::BTreeMap;

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::output::count;
use super::access;
use crate::api::{GuestAccess, SHARE_MAX_ITEMS, ShareInfo, ShareSettings};
use crate::cli::ShareSetArgs;
use serde_json::json;

/// Shares that get the same request: paid or not, and the `(guests, over_quota)` wanted.
type Group = (bool, Option<(bool, bool)>);

pub async fn set(ctx: &mut Ctx, args: ShareSetArgs) -> CmdResult {
    ctx.start_report(args.json);
    let sw = &args.switches;
    if sw.guest.is_none() && sw.over_quota.is_none() && sw.traffic_limit.is_none() {
        return Err(CmdError::usage(
            "nothing to change: give --guest, --over-quota or --traffic-limit",
        ));
    }
    let mut known: BTreeMap<i64, ShareInfo> = BTreeMap::new();
    for paid in [false, true] {
        for s in ctx.client.share_list_all(paid).await? {
            known.insert(s.id, s);
        }
    }
    let limit = sw.traffic_limit.map(|l| l.0);
    let mut groups: BTreeMap<Group, Vec<i64>> = BTreeMap::new();
    for &id in &args.ids {
        let Some(share) = known.get(&id) else {
            ctx.fail(&id.to_string(), CmdError::failure("no such share"));
            continue;
        };
        let wanted = access(sw, share.access).map(|a| (a.guests, a.over_quota));
        let ids = groups.entry((share.is_paid(), wanted)).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut changed = 0;
    for ((paid, wanted), ids) in groups {
        let settings = ShareSettings {
            access: wanted.map(|(guests, over_quota)| GuestAccess { guests, over_quota }),
            traffic_limit: limit,
        };
        for chunk in ids.chunks(SHARE_MAX_ITEMS) {
            match ctx.client.share_edit(paid, chunk, settings).await {
                Ok(()) => {
                    changed += chunk.len();
                    for id in chunk {
                        ctx.note(format!("changed share {id}"));
                        ctx.result(json!({
                            "id": id,
                            "paid": paid,
                            "guest": settings.access.map(|a| a.guests),
                            "overQuota": settings.access.map(|a| a.over_quota),
                            "trafficLimit": limit.map(|l| l.map_or(json!("off"), |b| json!(b))),
                        }));
                    }
                }
                Err(e) => {
                    let err = CmdError::from(e);
                    for id in chunk {
                        ctx.fail(&id.to_string(), err.clone());
                    }
                }
            }
        }
    }
    ctx.summary(format!("{} changed", count(changed, "share")));
    Ok(())
}
