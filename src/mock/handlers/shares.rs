//! 分享管理: `POST /api/v1/share/create` and `/api/v1/share/content-payment/create` →
//! `{shareID, shareKey}`; `GET /api/v1/share/list` and `/api/v1/share/payment/list`
//! (`limit` ≤ 100, `lastShareId` to start after) → `{lastShareId, shareList}`, `-1` after the
//! last page; `PUT /api/v1/share/list/info` and `/api/v1/share/list/payment/info`
//! (`shareIdList` ≤ 100 and the switches) → `data: null`. Rules in `sharing::rules`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Shared, lock};
use super::super::sharing::{
    PAGE_MAX, Paid, Share, SwitchFields, check_expire, check_name, id_list,
};
use super::{Params, RawQuery, batch_ids};

const KEY_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// A key like the ones in links seen in the wild (`AbCd-EfGh`).
fn new_key(st: &Shared) -> String {
    let mut key: String = (0..9)
        .map(|_| KEY_CHARS[st.pick(KEY_CHARS.len() as u64) as usize] as char)
        .collect();
    key.replace_range(4..5, "-");
    key
}

fn optional_string(f: &Fields, key: &str) -> Result<String, ApiError> {
    match f.value(key)? {
        None => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(ApiError::param(key)),
    }
}

/// Reads what both creations share and checks the items: live, at most 100.
fn new_share(st: &Shared, f: &Fields) -> Result<Share, ApiError> {
    let name = f.string("shareName")?;
    check_name(&name)?;
    let ids = id_list(f)?;
    let switches = SwitchFields::read(f)?;
    let now = clock::now_secs();
    let key = new_key(st);
    let mut share = st.mutate(|d| {
        for &id in &ids {
            d.tree.live(id)?;
        }
        Ok::<_, ApiError>(Share::new(d.sharing.alloc_share(), key, name, ids, now))
    })?;
    share.set(switches);
    Ok(share)
}

fn store(st: &Shared, share: Share) -> ApiResult {
    let reply = json!({ "shareID": share.id, "shareKey": share.key });
    st.mutate(|d| d.sharing.shares.insert(share.id, share));
    Ok(Data(reply))
}

/// 创建分享链接.
pub(crate) async fn create(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let expire = check_expire(f.opt_id("shareExpire")?)?;
    let pwd = optional_string(&f, "sharePwd")?;
    let mut share = new_share(&st, &f)?;
    share.expire_days = expire;
    share.pwd = pwd;
    store(&st, share)
}

/// 创建付费分享链接: `payAmount` 1–99 yuan, `isReward` 0/1, `resourceDesc`; no expiry.
pub(crate) async fn create_paid(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let amount = f.opt_id("payAmount")?.unwrap_or(1);
    if !(1..=99).contains(&amount) {
        return Err(ApiError::new(1, "payAmount只能为1到99"));
    }
    let reward = f.opt_id("isReward")?.unwrap_or(0);
    if !(0..=1).contains(&reward) {
        return Err(ApiError::new(1, "isReward只能为0、1"));
    }
    let description = optional_string(&f, "resourceDesc")?;
    let mut share = new_share(&st, &f)?;
    share.paid = Some(Paid {
        amount,
        reward: reward == 1,
        description,
    });
    store(&st, share)
}

fn page(st: &Shared, q: RawQuery, paid: bool) -> ApiResult {
    let p = Params::parse(q)?;
    let limit = p.i64("limit")?.unwrap_or(PAGE_MAX as i64);
    if !(1..=PAGE_MAX as i64).contains(&limit) {
        return Err(ApiError::new(1, "limit最大为100"));
    }
    let after = p.i64("lastShareId")?.unwrap_or(0);
    let now = clock::now_secs();
    let d = lock(&st.drive);
    let mut rest = d
        .sharing
        .shares
        .range(after.saturating_add(1)..)
        .map(|(_, s)| s)
        .filter(|s| s.paid.is_some() == paid);
    let items: Vec<&Share> = rest.by_ref().take(limit as usize).collect();
    let last = match (rest.next(), items.last()) {
        (Some(_), Some(s)) => s.id,
        _ => -1,
    };
    let list: Vec<Value> = items.iter().map(|s| s.json(now)).collect();
    Ok(Data(json!({ "lastShareId": last, "shareList": list })))
}

/// 获取分享链接列表.
pub(crate) async fn list(State(st): State<Arc<Shared>>, q: RawQuery) -> ApiResult {
    page(&st, q, false)
}

/// 获取付费分享链接列表.
pub(crate) async fn list_paid(State(st): State<Arc<Shared>>, q: RawQuery) -> ApiResult {
    page(&st, q, true)
}

fn edit_shares(st: &Shared, body: &[u8], paid: bool) -> ApiResult {
    let f = Fields::parse(body)?;
    let ids = batch_ids(&f, "shareIdList", PAGE_MAX)?;
    let switches = SwitchFields::read(&f)?;
    st.mutate(|d| {
        let unknown = ids.iter().find(|id| {
            d.sharing
                .shares
                .get(id)
                .is_none_or(|s| s.paid.is_some() != paid)
        });
        if let Some(id) = unknown {
            return Err(ApiError::new(1, format!("分享ID非法: {id}")));
        }
        for id in &ids {
            if let Some(share) = d.sharing.shares.get_mut(id) {
                share.set(switches);
            }
        }
        Ok(Data(Value::Null))
    })
}

/// 修改分享链接.
pub(crate) async fn edit(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    edit_shares(&st, &body, false)
}

/// 修改付费分享链接.
pub(crate) async fn edit_paid(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    edit_shares(&st, &body, true)
}
