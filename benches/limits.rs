//! API-limits benchmark (prints figures, asserts nothing; `cargo bench --bench limits`): the
//! figures of issue 12's items 1, 2, 3, 5 and 6 against an in-process mock with the free-tier
//! QPS limits on (past them it answers 429; every client keeps its own limiter on), driving the
//! real `panfm` binary where the item is about the command line. Each figure is one line:
//! label, measured value, and the bound with its verdict; docs/performance.md uses the same
//! labels. Item 4 and the 5,000-entry listing are the ignored flows test's figures
//! (`cargo test --release --test flows -- --ignored --nocapture measure`), not repeated here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "limits/download.rs"]
mod download;
#[path = "limits/env.rs"]
mod env;
#[path = "limits/pacing.rs"]
mod pacing;
#[path = "limits/quota.rs"]
mod quota;
#[path = "limits/resume.rs"]
mod resume;
#[path = "limits/trash.rs"]
mod trash;

use std::fmt::Display;

pub const MIB: u64 = 1 << 20;

pub fn heading(what: &str) {
    println!();
    println!("== {what} ==");
}

/// Prints one figure: `label  value  bound: … → pass|FAIL`.
pub fn figure(label: &str, value: impl Display, bound: Option<(&str, bool)>) {
    let value = value.to_string();
    match bound {
        Some((bound, within)) => {
            let verdict = if within { "pass" } else { "FAIL" };
            println!("{label:<42} {value:<36} bound: {bound} → {verdict}");
        }
        None => println!("{label:<42} {value}"),
    }
}

/// `len` bytes that neither compress nor repeat, different per `seed`.
pub fn content(len: u64, seed: u64) -> Vec<u8> {
    let mut x = 0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0x2545_F491_4F6C_DD1D);
    let mut out = Vec::with_capacity(len as usize + 8);
    while (out.len() as u64) < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len as usize);
    out
}

/// `n` with `what`, plural unless one.
pub fn count(n: u64, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

pub fn mib(bytes: u64) -> String {
    format!("{:.2} MiB", bytes as f64 / MIB as f64)
}

fn main() {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "API limits against the mock at the free tier (load average {})",
        load.split(' ').next().unwrap_or("?")
    );
    // `cargo bench --bench limits -- resume trash` runs those only (cargo adds `--bench`).
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let parts: [(&str, fn()); 5] = [
        ("pacing", pacing::run),
        ("resume", resume::run),
        ("quota", quota::run),
        ("trash", trash::run),
        ("download", download::run),
    ];
    let started = std::time::Instant::now();
    for (name, run) in parts {
        if only.is_empty() || only.iter().any(|o| name.contains(o.as_str())) {
            run();
        }
    }
    println!();
    println!("limits bench: {:.1?} in all", started.elapsed());
}
