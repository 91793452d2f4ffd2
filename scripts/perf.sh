#!/usr/bin/env bash
# Every figure in docs/performance.md, in release: the frame, transfer and API-limits benches,
# md5-lanes, and the free-tier listing measurement (the ignored flows test). Prints the machine
# first. About 2 minutes once built; the release build takes ~15 min on 2 busy cores and about
# 1 GB in target/release (delete it afterwards if disk is short).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

section() { printf '\n######## %s\n' "$*"; }

section machine
date -u '+%Y-%m-%d %H:%M UTC'
echo "nproc: $(nproc)"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread\(s\) per core|Hypervisor vendor):' || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rustc --version
git log -1 --format='commit: %h %s'

section cargo bench --bench frame
cargo bench --quiet --bench frame
section cargo bench --bench transfer
cargo bench --quiet --bench transfer
section cargo bench --bench limits
cargo bench --quiet --bench limits
section cargo bench -p md5-lanes
cargo bench --quiet -p md5-lanes --bench speed
section cargo test --release --test flows -- --ignored --nocapture
cargo test --release --quiet --test flows -- --ignored --nocapture
