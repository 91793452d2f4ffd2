//! `panfm share create PATH... [--name N] [--days 0|1|7|30] [--code C] [switches]`: one share
//! of every item given, printed as its link and, on the next line, its extraction code.

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::output::count;
use super::access;
use crate::api::{
    GuestAccess, ROOT_DIR, SHARE_MAX_ITEMS, SHARE_NAME_LIMIT, ShareExpiry, ShareRequest,
    ShareSettings, check_share_code, check_share_name,
};
use crate::cli::ShareCreateArgs;
use serde_json::json;

pub async fn create(ctx: &mut Ctx, args: ShareCreateArgs) -> CmdResult {
    ctx.start_report(args.json);
    if args.paths.len() > SHARE_MAX_ITEMS {
        return Err(CmdError::usage(format!(
            "{} items given; a share holds at most {SHARE_MAX_ITEMS}",
            args.paths.len()
        )));
    }
    if let Some(name) = &args.name {
        check_share_name(name).map_err(CmdError::usage)?;
    }
    if let Some(code) = &args.code {
        check_share_code(code).map_err(CmdError::usage)?;
    }
    let expiry = ShareExpiry::from_days(args.days)
        .ok_or_else(|| CmdError::usage("the days a share lasts are 1, 7 or 30, or 0"))?;
    let mut ids = Vec::new();
    let mut names = Vec::new();
    for text in &args.paths {
        match ctx.resolver.resolve(text).await {
            Ok(found) if found.entry.id == ROOT_DIR => ctx.fail(
                text,
                CmdError::usage("the root cannot be shared: share the folders in it"),
            ),
            Ok(found) if !ids.contains(&found.entry.id) => {
                ids.push(found.entry.id);
                names.push(found.entry.name);
            }
            Ok(_) => {}
            Err(e) => ctx.fail(text, e),
        }
    }
    if ctx.has_failures() {
        ctx.summary("Nothing shared");
        return Ok(());
    }
    let name = match args.name {
        Some(name) => name,
        None => default_name(&names),
    };
    let request = ShareRequest {
        name: name.clone(),
        expiry,
        file_ids: ids,
        code: args.code.clone(),
        settings: ShareSettings {
            access: access(&args.switches, GuestAccess::default()),
            traffic_limit: args.switches.traffic_limit.map(|l| l.0),
        },
    };
    let created = ctx.client.share_create(&request).await?;
    let link = created.link();
    if !ctx.is_reporting() {
        ctx.print(&format!("{link}\n"));
        if let Some(code) = &args.code {
            ctx.print(&format!("code: {code}\n"));
        }
    }
    ctx.result(json!({
        "id": created.id,
        "key": created.key,
        "link": link,
        "code": args.code,
        "name": name,
        "days": expiry.days(),
        "paths": args.paths,
    }));
    let how_long = match expiry {
        ShareExpiry::Permanent => "with no end".to_owned(),
        e => format!("for {}", e.label()),
    };
    ctx.summary(format!(
        "Shared {} as {name:?}, {how_long}",
        count(request.file_ids.len(), "item")
    ));
    Ok(())
}

/// The first item's name, cut to fit the share-name limit.
fn default_name(names: &[String]) -> String {
    let first = names.first().map_or("share", String::as_str);
    first.chars().take(SHARE_NAME_LIMIT - 1).collect()
}
