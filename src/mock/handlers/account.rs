//! `POST /api/v1/access_token` and `GET /api/v1/user/info`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Shared, lock};

pub(crate) async fn access_token(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let id = f.string("clientID")?;
    let secret = f.string("clientSecret")?;
    if id != st.client_id || secret != st.client_secret {
        // The real answer to bad credentials is undocumented.
        return Err(ApiError::new(1, "clientID或clientSecret错误"));
    }
    let ttl = i64::try_from(st.knobs().token_ttl.as_secs()).unwrap_or(i64::MAX);
    let minted = lock(&st.tokens).mint(&st.client_id, st.uid, clock::now_secs(), ttl);
    st.stats().tokens_minted += 1;
    st.mark_dirty();
    Ok(Data(json!({
        "accessToken": minted.token,
        "expiredAt": clock::rfc3339(minted.expires),
    })))
}

/// Fields per 获取用户信息.md; `spaceTempExpr` is a number as in its example (its table says
/// string), `vipInfo` is null for a non-VIP account.
pub(crate) async fn user_info(State(st): State<Arc<Shared>>) -> ApiResult {
    let knobs = st.knobs();
    let used = lock(&st.drive).tree.space_used();
    let vip_info = if knobs.vip {
        json!([{
            "vipLevel": 1, "vipLabel": "VIP",
            "startTime": "2025-07-06 11:12:53", "endTime": "2026-07-06 11:12:53",
        }])
    } else {
        Value::Null
    };
    Ok(Data(json!({
        "uid": st.uid,
        "nickname": "panfm 演示账号",
        "headImage": format!("{}/static/head-pic/{}.jpg", st.base_url, st.uid),
        "passport": "13800138000",
        "mail": "demo@panfm.invalid",
        "spaceUsed": used,
        "spacePermanent": knobs.quota,
        "spaceTemp": 0,
        "spaceTempExpr": 0,
        "vip": knobs.vip,
        "directTraffic": 0,
        "isHideUID": false,
        "httpsCount": 0,
        "vipInfo": vip_info,
        "developerInfo": {"startTime": "2025-07-16 17:27:53", "endTime": "2026-07-16 17:27:52"},
    })))
}
