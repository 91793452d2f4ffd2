//! The client's QPS table: one row per endpoint with its free and VIP figures and where each
//! figure comes from. panfm authenticates with developer tokens (`api/v1/access_token`), so only
//! the developer tables apply:
//!
//! - (B) 开发须知, "限流处理", 免费用户QPS / 会员用户QPS, 更新 2025-10-28
//!   (developer-notes.zh.md) [S001][S004]: the current table, taken wherever it names the call.
//! - (A) the older 接入指南's "限流处理" (同一个client_id，每秒最大请求次数), one column
//!   (open-platform-guide-and-image-hosting.zh.md) [S000]: only for calls (B) leaves out.
//!   Of those panfm makes, it names `upload/v1/file/create` (2); v2 `create` replaced it,
//!   and `api/v1/share/list` and `api/v1/share/list/info` (10 each).
//! - [`DEFAULT_QPS`] for every other call. The third-party-mount table (C, 授权须知) is not used:
//!   it is for OAuth tokens, which 123pan documents as allowed a higher QPS.

use super::endpoint::Endpoint;

/// Requests per second allowed by the server, in the free and VIP columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Qps {
    pub free: f64,
    pub vip: f64,
}

/// For calls that neither developer table names: cautious, no document gives a figure.
pub(crate) const DEFAULT_QPS: f64 = 2.0;

/// Where a row's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Table (B), free and VIP columns.
    DeveloperB,
    /// Table (A), its single column for both.
    DeveloperA,
    /// No table lists the image space (图床): the row of the drive call it mirrors in (B).
    /// A guess on the cautious side, not documented.
    LikeDriveB,
    /// [`DEFAULT_QPS`] in both columns.
    Default,
    /// Not paced: slices go to the upload hosts `create` names, not to open-api, and are
    /// megabytes each, so bandwidth, not a request budget, limits them.
    Unlimited,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Row {
    pub endpoint: Endpoint,
    pub qps: Option<Qps>,
    pub source: Source,
}

const fn row(endpoint: Endpoint, free: f64, vip: f64, source: Source) -> Row {
    Row {
        endpoint,
        qps: Some(Qps { free, vip }),
        source,
    }
}

const fn default(endpoint: Endpoint) -> Row {
    row(endpoint, DEFAULT_QPS, DEFAULT_QPS, Source::Default)
}

use Endpoint as E;
use Source::{DeveloperA as A, DeveloperB as B, LikeDriveB};

pub(crate) const TABLE: [Row; Endpoint::ALL.len()] = [
    row(E::AccessToken, 8.0, 10.0, B),
    row(E::UserInfo, 10.0, 10.0, B),
    row(E::ListV2, 5.0, 10.0, B),
    // The legacy list (only the recycle bin uses it): one page every 5 s on the free tier.
    row(E::ListV1, 0.2, 10.0, B),
    default(E::Detail),
    default(E::Infos),
    row(E::Mkdir, 5.0, 20.0, B),
    default(E::RenameOne),
    default(E::RenameBatch),
    row(E::Move, 3.0, 10.0, B),
    default(E::Trash),
    default(E::Recover),
    default(E::RecoverByPath),
    row(E::Delete, 1.0, 10.0, B),
    default(E::Copy),
    default(E::AsyncCopy),
    default(E::AsyncCopyProcess),
    default(E::DownloadInfo),
    default(E::UploadDomain),
    // (A) names `upload/v1/file/create`, which v2 `create` replaced.
    row(E::UploadCreate, 2.0, 2.0, A),
    Row {
        endpoint: E::UploadSlice,
        qps: None,
        source: Source::Unlimited,
    },
    default(E::UploadComplete),
    default(E::SingleCreate),
    row(E::ImageMkdir, 5.0, 20.0, LikeDriveB),
    default(E::ImageCreate),
    default(E::ImageUploadUrl),
    default(E::ImageUploadParts),
    default(E::ImageUploadComplete),
    default(E::ImageUploadResult),
    row(E::ImageList, 5.0, 10.0, LikeDriveB),
    default(E::ImageDetail),
    row(E::ImageMove, 3.0, 10.0, LikeDriveB),
    row(E::ImageDelete, 1.0, 10.0, LikeDriveB),
    default(E::ImageCopy),
    default(E::ImageCopyProcess),
    default(E::ImageCopyFail),
    default(E::ImageImport),
    default(E::ImageImportProcess),
    // Share links and direct links: only (A) names two of them (share/list, share/list/info,
    // 10 each); the paid-share twins and the direct-link calls get the default.
    default(E::ShareCreate),
    row(E::ShareList, 10.0, 10.0, A),
    row(E::ShareEdit, 10.0, 10.0, A),
    default(E::PaidShareCreate),
    default(E::PaidShareList),
    default(E::PaidShareEdit),
    default(E::DirectLinkUrl),
    default(E::DirectLinkEnable),
    default(E::DirectLinkDisable),
    default(E::DirectLinkLog),
    // Offline download (离线下载): in no table; [`DEFAULT_QPS`]. Its progress is polled by
    // every running task, so 2 QPS is what all of them share.
    default(E::OfflineDownload),
    default(E::OfflineProcess),
];

/// The row of `endpoint`.
pub(crate) fn row_of(endpoint: Endpoint) -> Option<&'static Row> {
    TABLE.iter().find(|r| r.endpoint == endpoint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_has_exactly_one_row() {
        for e in Endpoint::ALL {
            let rows = TABLE.iter().filter(|r| r.endpoint == e).count();
            assert_eq!(rows, 1, "{e:?}");
        }
    }

    /// The figures as read from the documents; a change here must name its source.
    #[test]
    fn figures_are_pinned() {
        let b = |free, vip| (Some((free, vip)), B);
        let dflt = (Some((2.0, 2.0)), Source::Default);
        let like = |free, vip| (Some((free, vip)), LikeDriveB);
        let expected = [
            ("api/v1/access_token", b(8.0, 10.0)),
            ("api/v1/user/info", b(10.0, 10.0)),
            ("api/v2/file/list", b(5.0, 10.0)),
            ("api/v1/file/list", b(0.2, 10.0)),
            ("api/v1/file/detail", dflt),
            ("api/v1/file/infos", dflt),
            ("upload/v1/file/mkdir", b(5.0, 20.0)),
            ("api/v1/file/name", dflt),
            ("api/v1/file/rename", dflt),
            ("api/v1/file/move", b(3.0, 10.0)),
            ("api/v1/file/trash", dflt),
            ("api/v1/file/recover", dflt),
            ("api/v1/file/recover/by_path", dflt),
            ("api/v1/file/delete", b(1.0, 10.0)),
            ("api/v1/file/copy", dflt),
            ("api/v1/file/async/copy", dflt),
            ("api/v1/file/async/copy/process", dflt),
            ("api/v1/file/download_info", dflt),
            ("upload/v2/file/domain", dflt),
            ("upload/v2/file/create", (Some((2.0, 2.0)), A)),
            ("upload/v2/file/slice", (None, Source::Unlimited)),
            ("upload/v2/file/upload_complete", dflt),
            ("upload/v2/file/single/create", dflt),
            ("upload/v1/oss/file/mkdir", like(5.0, 20.0)),
            ("upload/v1/oss/file/create", dflt),
            ("upload/v1/oss/file/get_upload_url", dflt),
            ("upload/v1/oss/file/list_upload_parts", dflt),
            ("upload/v1/oss/file/upload_complete", dflt),
            ("upload/v1/oss/file/upload_async_result", dflt),
            ("api/v1/oss/file/list", like(5.0, 10.0)),
            ("api/v1/oss/file/detail", dflt),
            ("api/v1/oss/file/move", like(3.0, 10.0)),
            ("api/v1/oss/file/delete", like(1.0, 10.0)),
            ("api/v1/oss/source/copy", dflt),
            ("api/v1/oss/source/copy/process", dflt),
            ("api/v1/oss/source/copy/fail", dflt),
            ("api/v1/oss/offline/download", dflt),
            ("api/v1/oss/offline/download/process", dflt),
            ("api/v1/share/create", dflt),
            ("api/v1/share/list", (Some((10.0, 10.0)), A)),
            ("api/v1/share/list/info", (Some((10.0, 10.0)), A)),
            ("api/v1/share/content-payment/create", dflt),
            ("api/v1/share/payment/list", dflt),
            ("api/v1/share/list/payment/info", dflt),
            ("api/v1/direct-link/url", dflt),
            ("api/v1/direct-link/enable", dflt),
            ("api/v1/direct-link/disable", dflt),
            ("api/v1/direct-link/log", dflt),
            ("api/v1/offline/download", dflt),
            ("api/v1/offline/download/process", dflt),
        ];
        assert_eq!(expected.len(), TABLE.len());
        for (r, (path, (qps, source))) in TABLE.iter().zip(expected) {
            assert_eq!(r.endpoint.path(), path);
            assert_eq!(r.qps.map(|q| (q.free, q.vip)), qps, "{path}");
            assert_eq!(r.source, source, "{path}");
        }
    }

    #[test]
    fn single_column_sources_use_one_figure_for_both() {
        for r in TABLE {
            if matches!(r.source, A | Source::Default) {
                let q = r.qps.unwrap();
                assert_eq!(q.free, q.vip, "{:?}", r.endpoint);
            }
        }
    }
}
