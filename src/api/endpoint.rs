//! Every 123pan endpoint the client calls (the drive's and the image space's), with the facts
//! the transport needs about each: path, method, which host it goes to, its QPS limit (free and
//! VIP columns, kept with their sources in `qps`) and whether repeating it after an ambiguous
//! failure is safe.

use reqwest::Method;

use super::qps::Qps;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Endpoint {
    AccessToken,
    UserInfo,
    ListV2,
    /// The legacy list (`api/v1/file/list`): the only call that lists the recycle bin.
    ListV1,
    Detail,
    Infos,
    Mkdir,
    RenameOne,
    RenameBatch,
    Move,
    Trash,
    Recover,
    RecoverByPath,
    Delete,
    Copy,
    AsyncCopy,
    AsyncCopyProcess,
    DownloadInfo,
    UploadDomain,
    UploadCreate,
    UploadSlice,
    UploadComplete,
    SingleCreate,
    ImageMkdir,
    ImageCreate,
    ImageUploadUrl,
    ImageUploadParts,
    ImageUploadComplete,
    ImageUploadResult,
    ImageList,
    ImageDetail,
    ImageMove,
    ImageDelete,
    ImageCopy,
    ImageCopyProcess,
    ImageCopyFail,
    ImageImport,
    ImageImportProcess,
    // Share links and direct links (issue 14).
    ShareCreate,
    ShareList,
    ShareEdit,
    PaidShareCreate,
    PaidShareList,
    PaidShareEdit,
    DirectLinkUrl,
    DirectLinkEnable,
    DirectLinkDisable,
    DirectLinkLog,
    OfflineDownload,
    OfflineProcess,
}

impl Endpoint {
    pub(crate) const ALL: [Endpoint; 50] = [
        Self::AccessToken,
        Self::UserInfo,
        Self::ListV2,
        Self::ListV1,
        Self::Detail,
        Self::Infos,
        Self::Mkdir,
        Self::RenameOne,
        Self::RenameBatch,
        Self::Move,
        Self::Trash,
        Self::Recover,
        Self::RecoverByPath,
        Self::Delete,
        Self::Copy,
        Self::AsyncCopy,
        Self::AsyncCopyProcess,
        Self::DownloadInfo,
        Self::UploadDomain,
        Self::UploadCreate,
        Self::UploadSlice,
        Self::UploadComplete,
        Self::SingleCreate,
        Self::ImageMkdir,
        Self::ImageCreate,
        Self::ImageUploadUrl,
        Self::ImageUploadParts,
        Self::ImageUploadComplete,
        Self::ImageUploadResult,
        Self::ImageList,
        Self::ImageDetail,
        Self::ImageMove,
        Self::ImageDelete,
        Self::ImageCopy,
        Self::ImageCopyProcess,
        Self::ImageCopyFail,
        Self::ImageImport,
        Self::ImageImportProcess,
        Self::ShareCreate,
        Self::ShareList,
        Self::ShareEdit,
        Self::PaidShareCreate,
        Self::PaidShareList,
        Self::PaidShareEdit,
        Self::DirectLinkUrl,
        Self::DirectLinkEnable,
        Self::DirectLinkDisable,
        Self::DirectLinkLog,
        Self::OfflineDownload,
        Self::OfflineProcess,
    ];

    /// The path without a leading slash, as the QPS tables spell it.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Self::AccessToken => "api/v1/access_token",
            Self::UserInfo => "api/v1/user/info",
            Self::ListV2 => "api/v2/file/list",
            Self::ListV1 => "api/v1/file/list",
            Self::Detail => "api/v1/file/detail",
            Self::Infos => "api/v1/file/infos",
            Self::Mkdir => "upload/v1/file/mkdir",
            Self::RenameOne => "api/v1/file/name",
            Self::RenameBatch => "api/v1/file/rename",
            Self::Move => "api/v1/file/move",
            Self::Trash => "api/v1/file/trash",
            Self::Recover => "api/v1/file/recover",
            Self::RecoverByPath => "api/v1/file/recover/by_path",
            Self::Delete => "api/v1/file/delete",
            Self::Copy => "api/v1/file/copy",
            Self::AsyncCopy => "api/v1/file/async/copy",
            Self::AsyncCopyProcess => "api/v1/file/async/copy/process",
            Self::DownloadInfo => "api/v1/file/download_info",
            Self::UploadDomain => "upload/v2/file/domain",
            Self::UploadCreate => "upload/v2/file/create",
            Self::UploadSlice => "upload/v2/file/slice",
            Self::UploadComplete => "upload/v2/file/upload_complete",
            Self::SingleCreate => "upload/v2/file/single/create",
            Self::ImageMkdir => "upload/v1/oss/file/mkdir",
            Self::ImageCreate => "upload/v1/oss/file/create",
            Self::ImageUploadUrl => "upload/v1/oss/file/get_upload_url",
            Self::ImageUploadParts => "upload/v1/oss/file/list_upload_parts",
            Self::ImageUploadComplete => "upload/v1/oss/file/upload_complete",
            Self::ImageUploadResult => "upload/v1/oss/file/upload_async_result",
            Self::ImageList => "api/v1/oss/file/list",
            Self::ImageDetail => "api/v1/oss/file/detail",
            Self::ImageMove => "api/v1/oss/file/move",
            Self::ImageDelete => "api/v1/oss/file/delete",
            Self::ImageCopy => "api/v1/oss/source/copy",
            Self::ImageCopyProcess => "api/v1/oss/source/copy/process",
            Self::ImageCopyFail => "api/v1/oss/source/copy/fail",
            Self::ImageImport => "api/v1/oss/offline/download",
            Self::ImageImportProcess => "api/v1/oss/offline/download/process",
            Self::ShareCreate => "api/v1/share/create",
            Self::ShareList => "api/v1/share/list",
            Self::ShareEdit => "api/v1/share/list/info",
            Self::PaidShareCreate => "api/v1/share/content-payment/create",
            Self::PaidShareList => "api/v1/share/payment/list",
            Self::PaidShareEdit => "api/v1/share/list/payment/info",
            Self::DirectLinkUrl => "api/v1/direct-link/url",
            Self::DirectLinkEnable => "api/v1/direct-link/enable",
            Self::DirectLinkDisable => "api/v1/direct-link/disable",
            Self::DirectLinkLog => "api/v1/direct-link/log",
            Self::OfflineDownload => "api/v1/offline/download",
            Self::OfflineProcess => "api/v1/offline/download/process",
        }
    }

    pub(crate) fn method(self) -> Method {
        match self {
            Self::UserInfo
            | Self::ListV2
            | Self::ListV1
            | Self::Detail
            | Self::AsyncCopyProcess
            | Self::DownloadInfo
            | Self::UploadDomain
            | Self::ImageDetail
            | Self::ImageCopyProcess
            | Self::ImageCopyFail
            | Self::ImageImportProcess
            | Self::OfflineProcess => Method::GET,
            Self::ShareList | Self::PaidShareList | Self::DirectLinkUrl | Self::DirectLinkLog => {
                Method::GET
            }
            Self::RenameOne | Self::ShareEdit | Self::PaidShareEdit => Method::PUT,
            _ => Method::POST,
        }
    }

    /// Every call but the token mint carries `Authorization`.
    pub(crate) fn needs_token(self) -> bool {
        self != Self::AccessToken
    }

    /// Requests per second, free and VIP columns, from the table in `qps.rs`; `None` means
    /// unlimited.
    pub(crate) fn qps(self) -> Option<Qps> {
        super::qps::row_of(self).and_then(|row| row.qps)
    }

    /// Whether sending the request twice has the same effect as sending it once, so that it may
    /// be repeated after a failure that leaves open whether the server acted (a timeout, a
    /// connection cut after sending). Reads, polling, the token mint and slices (a re-sent
    /// `sliceNo` overwrites [S002]) are; everything that creates, moves or renames is not:
    /// a repeat would create a second copy or fail with a misleading "already exists".
    pub(crate) fn idempotent(self) -> bool {
        matches!(
            self,
            Self::AccessToken
                | Self::UserInfo
                | Self::ListV2
                | Self::ListV1
                | Self::Detail
                | Self::Infos
                | Self::AsyncCopyProcess
                | Self::DownloadInfo
                | Self::UploadDomain
                | Self::UploadSlice
                | Self::UploadComplete
                | Self::ImageUploadUrl
                | Self::ImageUploadParts
                | Self::ImageUploadComplete
                | Self::ImageUploadResult
                | Self::ImageList
                | Self::ImageDetail
                | Self::ImageCopyProcess
                | Self::ImageCopyFail
                | Self::ImageImportProcess
                // Setting the same switches again leaves them as they are.
                | Self::ShareList
                | Self::ShareEdit
                | Self::PaidShareList
                | Self::PaidShareEdit
                | Self::DirectLinkUrl
                | Self::DirectLinkLog
                | Self::OfflineProcess
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_relative() {
        let mut paths: Vec<_> = Endpoint::ALL.iter().map(|e| e.path()).collect();
        assert!(paths.iter().all(|p| !p.starts_with('/')));
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), Endpoint::ALL.len());
    }

    #[test]
    fn table_b_values() {
        let list = Endpoint::ListV2.qps().unwrap();
        assert_eq!((list.free, list.vip), (5.0, 10.0));
        let legacy = Endpoint::ListV1.qps().unwrap();
        assert_eq!((legacy.free, legacy.vip), (0.2, 10.0));
        let del = Endpoint::Delete.qps().unwrap();
        assert_eq!((del.free, del.vip), (1.0, 10.0));
        let mkdir = Endpoint::Mkdir.qps().unwrap();
        assert_eq!((mkdir.free, mkdir.vip), (5.0, 20.0));
        assert!(Endpoint::UploadSlice.qps().is_none());
    }

    #[test]
    fn creating_calls_are_not_idempotent() {
        for e in [
            Endpoint::Mkdir,
            Endpoint::UploadCreate,
            Endpoint::Copy,
            Endpoint::ImageCreate,
            Endpoint::ImageCopy,
            Endpoint::ImageImport,
            Endpoint::OfflineDownload,
            Endpoint::ImageMove,
            Endpoint::ImageDelete,
        ] {
            assert!(!e.idempotent(), "{e:?}");
        }
        assert!(Endpoint::ListV2.idempotent());
        assert!(Endpoint::ImageUploadResult.idempotent());
    }
}
