//! Direct links (直链): direct-link space is switched on per folder (`enable`/`disable`, which
//! answer the folder's name); a file inside such a folder has a permanent public URL (`url`)
//! that needs no token; the traffic log (`log`, "仅限查询近 3 天的日志数据", and only for
//! accounts with the developer privilege, 开发者权益) lists what those URLs served.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::ApiError;
use super::model::{DirectLinkLogEntry, DirectLinkLogPage, FileId};
use super::transport::ApiRequest;
use super::wire::share::{FolderBody, FolderData, LogData, UrlData};

/// Log entries per page (`pageSize`, "默认 100").
pub const DIRECT_LINK_LOG_PAGE: u32 = 100;

/// How far back the log reaches ("近 3 天"), less a margin for clocks that disagree.
const LOG_REACH: Duration = Duration::minutes(3 * 24 * 60 - 10);

/// The log's times: `YYYY-MM-DD hh:mm:ss`, Beijing time like the rest of the API (§1.5).
fn log_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&BEIJING)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

const BEIJING: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => unreachable!(),
};

impl Client {
    /// Switches direct-link space on for folder `dir`; answers the folder's name.
    pub async fn direct_link_enable(&self, dir: FileId) -> Result<String, ApiError> {
        self.direct_link_switch(Endpoint::DirectLinkEnable, dir)
            .await
    }

    /// Switches direct-link space off for folder `dir`; answers the folder's name.
    pub async fn direct_link_disable(&self, dir: FileId) -> Result<String, ApiError> {
        self.direct_link_switch(Endpoint::DirectLinkDisable, dir)
            .await
    }

    async fn direct_link_switch(
        &self,
        endpoint: Endpoint,
        dir: FileId,
    ) -> Result<String, ApiError> {
        let body = FolderBody { file_id: dir };
        let data: FolderData = self.call(ApiRequest::json(self, endpoint, &body)?).await?;
        Ok(data.filename)
    }

    /// The direct link of file `id`, which must lie in a folder with direct-link space.
    pub async fn direct_link_url(&self, id: FileId) -> Result<String, ApiError> {
        let query = [("fileID", id.to_string())];
        let request = ApiRequest::query(self, Endpoint::DirectLinkUrl, &query)?;
        let data: UrlData = self.call(request).await?;
        Ok(data.url)
    }

    /// Page `page` (1-based) of the direct-link traffic log between `start` and `end`.
    pub async fn direct_link_log_page(
        &self,
        page: u32,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Result<DirectLinkLogPage, ApiError> {
        let query = [
            ("pageNum", page.max(1).to_string()),
            ("pageSize", DIRECT_LINK_LOG_PAGE.to_string()),
            ("startTime", log_time(start)),
            ("endTime", log_time(end)),
        ];
        let request = ApiRequest::query(self, Endpoint::DirectLinkLog, &query)?;
        let data: LogData = self.call(request).await?;
        Ok(DirectLinkLogPage {
            entries: data
                .list
                .into_iter()
                .map(|w| DirectLinkLogEntry {
                    id: w.unique_id,
                    name: w.file_name,
                    size: w.file_size,
                    path: w.file_path,
                    url: w.direct_link_url,
                    source: w.file_source,
                    traffic: w.total_traffic,
                })
                .collect(),
            total: data.total,
        })
    }

    /// The whole log of the last three days (as far back as the server keeps it), page by
    /// page until `total` entries arrived or a page comes back empty.
    pub async fn direct_link_log(&self) -> Result<Vec<DirectLinkLogEntry>, ApiError> {
        let end = Utc::now();
        let start = end - LOG_REACH;
        let mut entries = Vec::new();
        for page in 1u32.. {
            let got = self.direct_link_log_page(page, start, end).await?;
            let empty = got.entries.is_empty();
            entries.extend(got.entries);
            if empty || entries.len() as u64 >= got.total {
                break;
            }
        }
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_times_are_beijing_time() {
        let t = DateTime::from_timestamp(1_742_716_117, 0).unwrap();
        assert_eq!(log_time(t), "2025-03-23 15:48:37");
    }
}
