//! Arguments of `panfm mock-server`.

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct MockServerArgs {
    /// Port on 127.0.0.1 (default: any free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Keep the drive here across restarts (default: a temporary directory).
    #[arg(long, value_name = "DIR")]
    pub state: Option<PathBuf>,
    /// The developer client id the server accepts.
    #[arg(long, value_name = "ID", default_value = "panfm-demo")]
    pub client_id: String,
    /// The client secret the server accepts.
    #[arg(long, value_name = "SECRET", default_value = "panfm-demo-secret")]
    pub client_secret: String,
    /// Seed a new drive with the demo tree instead of leaving it empty.
    #[arg(long)]
    pub demo_data: bool,
    /// Delay added to every request, in milliseconds.
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub latency_ms: u64,
    /// Fraction of requests answered with a random 5xx HTML page (0..1).
    #[arg(long, default_value_t = 0.0, value_name = "P")]
    pub error_rate: f64,
    /// Fraction of uploads/downloads whose connection is dropped mid-body (0..1).
    #[arg(long, default_value_t = 0.0, value_name = "P")]
    pub drop_rate: f64,
    /// Do not enforce the per-endpoint QPS limits.
    #[arg(long)]
    pub no_qps: bool,
    /// Act as a VIP account (VIP QPS column).
    #[arg(long)]
    pub vip: bool,
    /// Slice size handed out by upload create, in bytes.
    #[arg(long, value_name = "BYTES")]
    pub slice_size: Option<u64>,
    /// The account's space (`spacePermanent`), in bytes; uploads past it are refused
    /// (default 2 TiB, the free tier's).
    #[arg(long, value_name = "BYTES")]
    pub quota: Option<u64>,
    /// Take field names (JSON keys, query parameters, form parts) only in their documented
    /// spelling; the real server, and the mock by default, ignore case (`fileIds` for
    /// `fileIDs`, p123client's `parentfileid`). For checking a client.
    #[arg(long)]
    pub strict_names: bool,
    /// Answer each download URL first with a 302 to a second URL (clients must follow it).
    #[arg(long)]
    pub redirect_downloads: bool,
    /// Refuse 0-byte uploads, as the real service is reported to.
    #[arg(long)]
    pub refuse_empty_files: bool,
    /// How many times upload_complete answers "not yet" before the result.
    #[arg(long, value_name = "N")]
    pub complete_polls: Option<u32>,
}
