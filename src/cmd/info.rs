//! `panfm info`: the account behind the credentials — name, uid, VIP grants, space. The phone
//! number and e-mail the API also returns are left out, so the output can be pasted safely.

use super::ctx::Ctx;
use super::exit::CmdResult;
use super::output::{Table, iso, local_time, size};
use crate::api::UserInfo;
use crate::cli::JsonArgs;
use serde_json::json;

pub async fn info(ctx: &mut Ctx, args: JsonArgs) -> CmdResult {
    let user = ctx.client.user_info().await?;
    match args.json {
        true => ctx.print_json(&info_json(&user)),
        false => ctx.print(&info_text(&user)),
    }
    Ok(())
}

fn info_json(u: &UserInfo) -> serde_json::Value {
    let grants: Vec<_> = u
        .vip_grants
        .iter()
        .map(|g| {
            json!({
                "level": g.level,
                "label": g.label,
                "start": iso(g.period.start),
                "end": iso(g.period.end),
            })
        })
        .collect();
    json!({
        "uid": u.uid,
        "nickname": u.nickname,
        "vip": u.vip,
        "vipGrants": grants,
        "spaceUsed": u.space_used,
        "spacePermanent": u.space_permanent,
        "spaceTemp": u.space_temp,
        "spaceTempExpiresAt": iso(u.space_temp_expires),
        "spaceTotal": u.space_total(),
        "spaceFree": u.space_total().saturating_sub(u.space_used),
        "directTraffic": u.direct_traffic,
    })
}

fn info_text(u: &UserInfo) -> String {
    let total = u.space_total();
    let used_pct = match total {
        0 => String::new(),
        t => format!(" ({:.1}%)", u.space_used as f64 * 100.0 / t as f64),
    };
    let vip = match (u.vip, u.vip_grants.as_slice()) {
        (false, _) => "no".to_owned(),
        (true, []) => "yes".to_owned(),
        (true, grants) => grants
            .iter()
            .map(|g| format!("{} until {}", g.label, local_time(g.period.end)))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut table = Table::new(&[]);
    let mut rows = vec![
        ("account", format!("{} (uid {})", u.nickname, u.uid)),
        ("vip", vip),
        ("used", format!("{}{used_pct}", size(u.space_used))),
        ("total", size(total)),
        ("free", size(total.saturating_sub(u.space_used))),
    ];
    if u.space_temp > 0 {
        let until = local_time(u.space_temp_expires);
        rows.push(("temporary", format!("{} until {until}", size(u.space_temp))));
    }
    for (k, v) in rows {
        table.row(vec![k.to_owned(), v]);
    }
    table.render()
}
