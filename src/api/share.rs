//! Share links (分享管理): creating free and paid shares, the two share lists (paged by
//! `lastShareId` until `-1`), and changing the guest switches and traffic limit of up to 100
//! shares at a time. Names, codes and item counts are checked before anything is sent.

use serde::de::IgnoredAny;

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::{ApiError, ApiErrorKind};
use super::model::{
    CreatedShare, FileId, PaidShareRequest, SHARE_MAX_ITEMS, ShareInfo, SharePage, ShareRequest,
    ShareSettings, check_share_code, check_share_name,
};
use super::transport::ApiRequest;
use super::wire::share::{CreateBody, CreateData, EditBody, ListData, PaidCreateBody, id_list};

/// Shares per list page ("最多 100 个").
pub const SHARE_PAGE_LIMIT: u32 = 100;

fn refused(endpoint: Endpoint, message: impl Into<String>) -> ApiError {
    ApiError::new(ApiErrorKind::Fatal, endpoint.path(), message)
}

fn check_items(endpoint: Endpoint, ids: &[FileId]) -> Result<(), ApiError> {
    match ids.len() {
        0 => Err(refused(endpoint, "nothing to share")),
        n if n > SHARE_MAX_ITEMS => Err(refused(
            endpoint,
            format!("{n} items in one share; at most {SHARE_MAX_ITEMS}"),
        )),
        _ => Ok(()),
    }
}

fn check_ids(endpoint: Endpoint, ids: &[i64]) -> Result<(), ApiError> {
    match ids.len() {
        0 => Err(refused(endpoint, "no share to change")),
        n if n > SHARE_MAX_ITEMS => Err(refused(
            endpoint,
            format!("{n} shares in one change; at most {SHARE_MAX_ITEMS}"),
        )),
        _ => Ok(()),
    }
}

impl Client {
    /// Creates a free share of `request.file_ids`.
    pub async fn share_create(&self, request: &ShareRequest) -> Result<CreatedShare, ApiError> {
        let endpoint = Endpoint::ShareCreate;
        check_share_name(&request.name).map_err(|e| refused(endpoint, e))?;
        if let Some(code) = &request.code {
            check_share_code(code).map_err(|e| refused(endpoint, e))?;
        }
        check_items(endpoint, &request.file_ids)?;
        let body = CreateBody {
            share_name: &request.name,
            share_expire: request.expiry.days(),
            file_id_list: id_list(&request.file_ids),
            share_pwd: request.code.as_deref(),
            switches: request.settings.into(),
        };
        let data: CreateData = self.call(ApiRequest::json(self, endpoint, &body)?).await?;
        Ok(CreatedShare {
            id: data.share_id,
            key: data.share_key,
        })
    }

    /// Creates a paid share (付费分享) of `request.file_ids`, priced 1–99 yuan.
    pub async fn share_create_paid(
        &self,
        request: &PaidShareRequest,
    ) -> Result<CreatedShare, ApiError> {
        let endpoint = Endpoint::PaidShareCreate;
        check_share_name(&request.name).map_err(|e| refused(endpoint, e))?;
        check_items(endpoint, &request.file_ids)?;
        if !(1..=99).contains(&request.price) {
            let message = format!("a price of {} yuan; it must be 1 to 99", request.price);
            return Err(refused(endpoint, message));
        }
        let body = PaidCreateBody {
            share_name: &request.name,
            file_id_list: id_list(&request.file_ids),
            pay_amount: request.price,
            is_reward: u8::from(request.tips),
            resource_desc: &request.description,
            switches: request.settings.into(),
        };
        let data: CreateData = self.call(ApiRequest::json(self, endpoint, &body)?).await?;
        Ok(CreatedShare {
            id: data.share_id,
            key: data.share_key,
        })
    }

    /// One page of the free (`paid == false`) or paid share list, starting after share `after`
    /// (0: from the start).
    pub async fn share_page(&self, paid: bool, after: i64) -> Result<SharePage, ApiError> {
        let endpoint = match paid {
            true => Endpoint::PaidShareList,
            false => Endpoint::ShareList,
        };
        let query = [
            ("limit", SHARE_PAGE_LIMIT.to_string()),
            ("lastShareId", after.to_string()),
        ];
        let data: ListData = self
            .call(ApiRequest::query(self, endpoint, &query)?)
            .await?;
        Ok(SharePage {
            shares: data
                .share_list
                .into_iter()
                .map(|s| s.into_info(paid))
                .collect(),
            next: (data.last_share_id != -1).then_some(data.last_share_id),
        })
    }

    /// Every share of one list, page by page until `lastShareId` is `-1`. A page that does not
    /// move the cursor forward ends the walk, so a confused server cannot loop it.
    pub async fn share_list_all(&self, paid: bool) -> Result<Vec<ShareInfo>, ApiError> {
        let mut shares = Vec::new();
        let mut after = 0;
        loop {
            let page = self.share_page(paid, after).await?;
            let empty = page.shares.is_empty();
            shares.extend(page.shares);
            match page.next {
                Some(next) if next > after && !empty => after = next,
                _ => return Ok(shares),
            }
        }
    }

    /// Sets the switches and traffic limit of free (`paid == false`) or paid shares `ids`
    /// (at most 100); unset fields of `settings` are left alone.
    pub async fn share_edit(
        &self,
        paid: bool,
        ids: &[i64],
        settings: ShareSettings,
    ) -> Result<(), ApiError> {
        let endpoint = match paid {
            true => Endpoint::PaidShareEdit,
            false => Endpoint::ShareEdit,
        };
        check_ids(endpoint, ids)?;
        if settings.is_empty() {
            return Err(refused(endpoint, "nothing to change"));
        }
        let body = EditBody {
            share_id_list: ids,
            switches: settings.into(),
        };
        self.call::<IgnoredAny>(ApiRequest::json(self, endpoint, &body)?)
            .await?;
        Ok(())
    }
}
