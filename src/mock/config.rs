//! What a mock server is started with ([`MockConfig`], [`Seed`]) and the runtime-adjustable
//! behaviour switches ([`Knobs`]). Plain data: nothing here touches the network or the disk.

use std::path::PathBuf;
use std::time::Duration;

/// How to start a [`super::MockServer`].
#[derive(Clone, Debug)]
pub struct MockConfig {
    pub client_id: String,
    pub client_secret: String,
    /// Persist the tree, tokens, upload sessions and blobs here and reload them on start.
    /// `None` = a temporary directory removed when the server is dropped.
    pub state_dir: Option<PathBuf>,
    /// Initial content when there is no saved state.
    pub seed: Seed,
    pub knobs: Knobs,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            client_id: "panfm-demo".to_owned(),
            client_secret: "panfm-demo-secret".to_owned(),
            state_dir: None,
            seed: Seed::Empty,
            knobs: Knobs::default(),
        }
    }
}

/// Initial drive content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Seed {
    /// An empty drive.
    #[default]
    Empty,
    /// The realistic drive behind `panfm --demo` (see `seed::demo`).
    Demo,
}

/// Behaviour switches, adjustable while the server runs (`MockServer::set_knobs`); every
/// request reads the current values.
#[derive(Clone, Debug)]
pub struct Knobs {
    /// Added before every request is handled.
    pub latency: Duration,
    /// Probability (0..=1) that a request is answered by a random 500/502/503/504 with an HTML
    /// body, as a gateway would, before it has any effect.
    pub error_rate: f64,
    /// Probability (0..=1) that a slice upload, single-step upload or `/dl` download has its
    /// connection dropped mid-body.
    pub drop_rate: f64,
    /// Enforce the per-endpoint QPS table (`limiter.rs`).
    pub qps_limits: bool,
    /// The account is a VIP: `user/info` says so and the VIP QPS column applies.
    pub vip: bool,
    /// `sliceSize` handed out by `upload/v2/file/create` for new upload sessions, in bytes.
    pub slice_size: u64,
    /// `upload_complete` answers "not yet" (code 20103, then `completed:false`, alternating) for
    /// this many calls of each upload, and for as long as verification runs after that. In the
    /// image space it is the number of `upload_async_result` calls answering `completed:false`
    /// (above 0, `upload_complete` always answers `async:true`), and of copy-task `process`
    /// calls answering "running".
    pub complete_pending_polls: u32,
    /// The first this many `process` calls on an offline download (离线下载) answer "running",
    /// with progress in that many equal steps (at most what really arrived), however fast the
    /// fetch was; the real state shows from the next call on.
    pub offline_pending_polls: u32,
    /// `sliceSize` handed out by the image space's `create`, in bytes (the document's example:
    /// 104857600, the 100 MiB image size limit, so an image is normally one slice).
    pub image_slice_size: u64,
    /// Lifetime of the image space's presigned upload URLs.
    pub upload_url_ttl: Duration,
    /// Lifetime of newly minted access tokens.
    pub token_ttl: Duration,
    /// `file/infos` puts its items under `list` instead of `fileList` (the document's example
    /// and its table disagree).
    pub infos_key_list: bool,
    /// Lifetime of `download_info` URLs.
    pub download_url_ttl: Duration,
    /// Bytes a non-VIP account may download before `download_info` answers 5113; `None` = no cap.
    pub free_traffic_limit: Option<u64>,
    /// `spacePermanent` reported by `user/info`, in bytes. Creates (instant or not) and
    /// single-step uploads that would take `spaceUsed` past it are refused.
    pub quota: u64,
    /// Slice requests past this many (counted from the server's start) wait, before their body
    /// is read, until the knob is raised or cleared: a link that stalls mid-upload.
    pub slice_hold: Option<u64>,
    /// `/dl/…` download URLs answer their first request with a 302 to a second URL.
    pub download_redirect: bool,
    /// Serve the legacy `GET /api/v1/file/list`. Off, it answers as a route the gateway does
    /// not know (code 404), for testing clients that must do without it.
    pub legacy_list: bool,
    /// Refuse 0-byte uploads (`create` and `single/create` with `size` 0) with code 1, as
    /// backends written against the real service report it does (API.md trap 26).
    pub refuse_empty_files: bool,
    /// Strict names: a field name (JSON body key, query parameter or multipart part) that
    /// matches a documented one only when case is ignored (`fileIds` for `fileIDs`,
    /// `parentfileid` for `parentFileID`) is refused with code 1 instead of accepted as the real
    /// server does. For client tests, so a client is held to the documented spelling.
    pub strict_names: bool,
    /// The next this many `/dl/…` fetches are refused the way the CDN refuses a URL bound to
    /// another city/IP: HTTP 200 with its own JSON `{"code":1010,…}` instead of the bytes
    /// [OL#1521].
    pub cdn_refusals: u32,
    /// The next this many `/dl/…` fetches send their bytes with the first one flipped, so
    /// the content no longer matches its MD5.
    pub corrupt_downloads: u32,
    /// The next `lost_replies` requests to the path `lose_replies_to` (e.g.
    /// `/upload/v2/file/create`) are carried out, then their reply is lost: the connection is
    /// dropped instead of answered, as after a timeout on the way back.
    pub lost_replies: u32,
    pub lose_replies_to: String,
    /// The next this many image-space slice PUTs answer 200 but are not stored, so that
    /// `upload_complete` finds slices missing.
    pub lost_image_slices: u32,
    /// Seed for fault injection (which requests fail, with which status, where a body is cut);
    /// `None` = from the OS. Setting a new value at runtime reseeds. Tokens, preupload ids and
    /// trace ids stay random.
    pub rng_seed: Option<u64>,
}

impl Default for Knobs {
    fn default() -> Self {
        Knobs {
            latency: Duration::ZERO,
            error_rate: 0.0,
            drop_rate: 0.0,
            qps_limits: true,
            vip: false,
            slice_size: 16 << 20,
            complete_pending_polls: 1,
            offline_pending_polls: 3,
            image_slice_size: 100 << 20,
            upload_url_ttl: Duration::from_secs(3600),
            // The documents say 30 days; field reports see about 90 (API.md §2.2).
            token_ttl: Duration::from_secs(30 * 24 * 3600),
            infos_key_list: false,
            download_url_ttl: Duration::from_secs(2 * 3600),
            free_traffic_limit: None,
            // 2 TiB: the free tier's permanent space.
            quota: 2 << 40,
            slice_hold: None,
            download_redirect: false,
            refuse_empty_files: false,
            legacy_list: true,
            strict_names: false,
            cdn_refusals: 0,
            corrupt_downloads: 0,
            lost_replies: 0,
            lose_replies_to: String::new(),
            lost_image_slices: 0,
            rng_seed: None,
        }
    }
}
