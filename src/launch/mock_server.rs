//! `panfm mock-server`: the embedded mock 123pan server on its own, for scripts and other
//! clients. Prints one `base_url=… client_id=… client_secret=…` line, then serves until
//! Ctrl-C or SIGTERM, saving its state on the way out.

use super::LaunchError;
use crate::cli::MockServerArgs;
use crate::mock::{MockConfig, MockServer, Seed};
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

pub async fn run(args: MockServerArgs) -> Result<(), LaunchError> {
    for (name, p) in [
        ("--error-rate", args.error_rate),
        ("--drop-rate", args.drop_rate),
    ] {
        if !(0.0..=1.0).contains(&p) {
            return Err(LaunchError::user(format!(
                "{name} must be between 0 and 1, got {p}"
            )));
        }
    }
    let mut cfg = MockConfig {
        client_id: args.client_id,
        client_secret: args.client_secret,
        state_dir: args.state,
        seed: if args.demo_data {
            Seed::Demo
        } else {
            Seed::Empty
        },
        ..MockConfig::default()
    };
    let k = &mut cfg.knobs;
    k.latency = Duration::from_millis(args.latency_ms);
    k.error_rate = args.error_rate;
    k.drop_rate = args.drop_rate;
    k.qps_limits = !args.no_qps;
    k.vip = args.vip;
    k.strict_names = args.strict_names;
    k.download_redirect = args.redirect_downloads;
    k.refuse_empty_files = args.refuse_empty_files;
    if let Some(size) = args.slice_size {
        k.slice_size = size;
    }
    if let Some(quota) = args.quota {
        k.quota = quota;
    }
    if let Some(polls) = args.complete_polls {
        k.complete_pending_polls = polls;
    }
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let server = MockServer::start_on(addr, cfg)
        .await
        .map_err(|e| LaunchError::user(format!("cannot start the mock server on {addr}: {e}")))?;
    let mut out = std::io::stdout();
    writeln!(out, "{}", server.banner())?;
    out.flush()?;
    wait_for_stop().await;
    server.shutdown().await;
    Ok(())
}

async fn wait_for_stop() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
