//! Transfer benchmark against the in-process mock (prints figures, asserts nothing; run with
//! `cargo bench --bench transfer`). (1) A 1 GiB file up (16 MiB slices, QPS limits off, the
//! mock's own verification included) and back, beside `md5sum` on the same file, with a
//! per-phase breakdown and peak RSS. (2) 1,000 files of 4 KiB up, QPS limits off; then a
//! smaller tree with the limits on (client and mock) for reference. MB = 10^6 bytes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use md5::{Digest, Md5};
use panfm::api::{Auth, Client, ClientConfig, Credentials};
use panfm::mock::{MockConfig, MockServer};
use panfm::transfer::{
    CloudItem, ConflictPolicy, JobState, Scheduler, TransferConfig, TransferEvent, TransferSpec,
};

const GIB: u64 = 1 << 30;
const SLICE: u64 = 16 << 20;

fn mb_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// Resident memory now, in KiB (Linux only).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Samples resident memory every 10 ms and keeps the peak since the last `reset`.
struct RssWatch {
    peak: Arc<AtomicU64>,
}

impl RssWatch {
    fn start() -> Self {
        let peak = Arc::new(AtomicU64::new(0));
        let watched = Arc::clone(&peak);
        std::thread::spawn(move || {
            loop {
                watched.fetch_max(rss_kib(), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        Self { peak }
    }

    /// Starts a new phase; returns the resident memory at its start (MiB).
    fn reset(&self) -> f64 {
        let now = rss_kib();
        self.peak.store(now, Ordering::Relaxed);
        now as f64 / 1024.0
    }

    fn peak(&self) -> f64 {
        self.peak.load(Ordering::Relaxed) as f64 / 1024.0
    }
}

fn write_random(path: &Path, size: u64) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut buf = vec![0u8; 1 << 20];
    for _ in 0..size / buf.len() as u64 {
        for word in buf.chunks_exact_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            word.copy_from_slice(&x.to_le_bytes());
        }
        file.write_all(&buf).unwrap();
    }
    file.flush().unwrap();
}

fn md5_in_process(path: &Path) -> (String, Duration) {
    let start = Instant::now();
    let mut file = std::fs::File::open(path).unwrap();
    let mut hasher = Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    (hex, start.elapsed())
}

/// MD5 speed of `md5_lanes` on the first 256 MiB of `path`, in memory: one hasher, then the
/// same bytes into two and three hashers at once (the upload's whole-file and slice hashes).
/// Returns the speeds with one and with two at once, in MB/s.
fn lanes_speed(path: &Path) -> (f64, f64) {
    let mut data = vec![0u8; 256 << 20];
    std::fs::File::open(path)
        .unwrap()
        .read_exact(&mut data)
        .unwrap();
    let mut figures = Vec::new();
    for lanes in 1..=3 {
        let mut hashers = vec![md5_lanes::Md5::new(); lanes];
        let start = Instant::now();
        for chunk in data.chunks(1 << 20) {
            let mut refs: Vec<&mut md5_lanes::Md5> = hashers.iter_mut().collect();
            md5_lanes::update_all(&mut refs, chunk);
        }
        figures.push(mb_s(data.len() as u64, start.elapsed()));
    }
    let text: Vec<String> = (1..)
        .zip(&figures)
        .map(|(lanes, speed)| format!("{lanes} at once {speed:.1} MB/s"))
        .collect();
    println!("md5-lanes in memory:  {}", text.join(", "));
    (figures[0], figures[1])
}

/// Time to copy `path` to a new file through a 1 MiB buffer, as the mock writes what it
/// receives: mostly writing into the page cache (reading back from it is several times
/// cheaper here). `std::fs::copy` would copy inside the kernel and hide that cost.
fn copy_time(path: &Path, to: &Path) -> Duration {
    let start = Instant::now();
    let mut from = std::fs::File::open(path).unwrap();
    let mut out = std::fs::File::create(to).unwrap();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = from.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        out.write_all(&buf[..n]).unwrap();
    }
    drop(out);
    let took = start.elapsed();
    std::fs::remove_file(to).unwrap();
    took
}

fn md5sum(path: &Path) -> Option<Duration> {
    let start = Instant::now();
    let out = Command::new("md5sum").arg(path).output().ok()?;
    out.status.success().then(|| start.elapsed())
}

async fn mock(qps: bool) -> MockServer {
    let mut cfg = MockConfig::default();
    cfg.knobs.qps_limits = qps;
    cfg.knobs.slice_size = SLICE;
    // The knob adds artificial "not yet" answers; the real verification time stays in.
    cfg.knobs.complete_pending_polls = 0;
    MockServer::start(cfg).await.unwrap()
}

fn client(mock: &MockServer, rate_limit: bool) -> Client {
    let creds = Credentials::new(mock.client_id(), mock.client_secret());
    let mut cfg = ClientConfig::new(Auth::Credentials(creds));
    cfg.base_url = mock.base_url().to_owned();
    cfg.rate_limit = rate_limit;
    Client::new(cfg).unwrap()
}

/// CPU time used by this process so far (user + system), in seconds (Linux only).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    ticks as f64 / 100.0
}

/// When each state was first seen (wall clock and process CPU), and when the batch finished.
struct Timeline {
    start: Instant,
    marks: Vec<(&'static str, Instant, f64)>,
}

impl Timeline {
    fn at(&self, what: &str) -> Instant {
        self.marks
            .iter()
            .find(|m| m.0 == what)
            .map_or(self.start, |m| m.1)
    }

    fn span(&self, from: &str, to: &str) -> Duration {
        self.at(to).duration_since(self.at(from))
    }

    fn cpu(&self, from: &str, to: &str) -> f64 {
        let at = |w: &str| self.marks.iter().find(|m| m.0 == w).map_or(0.0, |m| m.2);
        at(to) - at(from)
    }

    fn mark(&mut self, what: &'static str, now: Instant) {
        if !self.marks.iter().any(|m| m.0 == what) {
            self.marks.push((what, now, cpu_secs()));
        }
    }
}

async fn run(
    scheduler: &Scheduler,
    events: &mut tokio::sync::mpsc::UnboundedReceiver<TransferEvent>,
    spec: TransferSpec,
) -> (Timeline, u64, u64) {
    let start = Instant::now();
    let batch = scheduler.submit(spec);
    let mut t = Timeline {
        start,
        marks: Vec::new(),
    };
    loop {
        let e = events.recv().await.unwrap();
        let now = Instant::now();
        match e {
            TransferEvent::State { state, .. } => {
                let name = match state {
                    JobState::Hashing => "hashing",
                    JobState::Uploading => "uploading",
                    JobState::Verifying => "verifying",
                    JobState::Downloading => "downloading",
                    JobState::Done { .. } => "done",
                    JobState::Failed { reason } => panic!("a job failed: {reason}"),
                    _ => continue,
                };
                t.mark(name, now);
            }
            TransferEvent::BatchDone {
                batch: b,
                ok,
                failed,
                ..
            } if b == batch => {
                t.mark("end", now);
                return (t, ok, failed);
            }
            _ => {}
        }
    }
}

async fn large_file(dir: &Path, rss: &RssWatch) {
    let path = dir.join("large.bin");
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "== 1 GiB file, 16 MiB slices, QPS limits off (load average {}) ==",
        load.split(' ').next().unwrap_or("?")
    );
    let gen_start = Instant::now();
    write_random(&path, GIB);
    println!("generated in {:.2?}", gen_start.elapsed());
    let (etag, md5_time) = md5_in_process(&path);
    let sum = md5sum(&path);
    let sum_speed = sum.map(|d| mb_s(GIB, d));
    match sum {
        Some(d) => println!("md5sum:               {:>8.1} MB/s ({d:.2?})", mb_s(GIB, d)),
        None => println!("md5sum:               not available"),
    }
    println!(
        "md-5 in process:      {:>8.1} MB/s ({md5_time:.2?})",
        mb_s(GIB, md5_time)
    );
    let (one_lane, two_lanes) = lanes_speed(&path);
    let write_time = copy_time(&path, &dir.join("copy.bin"));
    println!(
        "file copy (write):    {:>8.1} MB/s ({write_time:.2?})",
        mb_s(GIB, write_time)
    );

    let mock = mock(false).await;
    let (scheduler, mut events) =
        Scheduler::new(client(&mock, false), TransferConfig::default()).unwrap();
    let up_base = rss.reset();
    let (up, ok, _) = run(
        &scheduler,
        &mut events,
        TransferSpec::Upload {
            sources: vec![path.clone()],
            dest_dir: 0,
            policy: ConflictPolicy::Overwrite,
            fix_names: false,
        },
    )
    .await;
    let up_rss = rss.peak();
    let up_total = up.span("hashing", "end");
    let id = mock.id_of("/large.bin").unwrap();
    let entry = mock.entry(id).unwrap();
    println!(
        "upload:               {:>8.1} MB/s ({up_total:.2?}, {:.2} CPU-s; {ok} ok, etag matches: {})",
        mb_s(GIB, up_total),
        up.cpu("hashing", "end"),
        entry.etag == etag
    );
    let phase = |t: &Timeline, label: &str, from: &str, to: &str| {
        let d = t.span(from, to);
        let rate = mb_s(GIB, d);
        let cpu = t.cpu(from, to);
        println!("  {label:<19} {rate:>8.1} MB/s ({d:.2?}, {cpu:.2} CPU-s)");
    };
    phase(&up, "hashing (one pass):", "hashing", "uploading");
    phase(&up, "sending slices:", "uploading", "verifying");
    phase(&up, "server check+polls:", "verifying", "end");
    println!(
        "  slices checked in the same pass as the running whole-file hash: {} of {}",
        mock.stats().slices_hashed_in_one_pass,
        GIB / SLICE
    );

    let down_dir = dir.join("down");
    let down_base = rss.reset();
    let (down, ok, _) = run(
        &scheduler,
        &mut events,
        TransferSpec::Download {
            sources: vec![CloudItem {
                id,
                name: entry.name.clone(),
                is_dir: false,
                size: entry.size,
                etag: entry.etag.clone(),
                modified: None,
            }],
            dest_dir: down_dir.clone(),
            policy: ConflictPolicy::Overwrite,
        },
    )
    .await;
    let down_rss = rss.peak();
    let down_total = down.span("downloading", "end");
    println!(
        "download+verify:      {:>8.1} MB/s ({down_total:.2?}, {:.2} CPU-s; {ok} ok; fsync included, rename {:.2?})",
        mb_s(GIB, down_total),
        down.cpu("downloading", "end"),
        down.span("verifying", "end")
    );
    let both = up_total + down_total;
    println!(
        "up and back:          {:>8.1} MB/s of file per second of both ({both:.2?})",
        mb_s(GIB, both)
    );
    if let Some(sum) = sum_speed {
        println!("  upload   / md5sum:  {:>8.2}", mb_s(GIB, up_total) / sum);
        println!("  download / md5sum:  {:>8.2}", mb_s(GIB, down_total) / sum);
        println!("  up+back  / md5sum:  {:>8.2}", mb_s(GIB, both) / sum);
        let bar = md5_time + up.span("uploading", "verifying");
        println!(
            "  upload / (one md5 pass + sending) = {:.2} (quality bar ≤ 1.3)",
            up_total.as_secs_f64() / bar.as_secs_f64()
        );
        // The client's whole-file MD5 must be known before `create` (one MD5 per thread, the
        // slices' beside it); the mock's running whole-file MD5 can only follow the slices it
        // receives (two at once with each slice's, the network on the other core). Two
        // chains of dependent work, one after the other.
        let floor = GIB as f64 / 1e6 * (1.0 / one_lane + 1.0 / two_lanes);
        println!(
            "  floor: the client's MD5 chain (one at once) then the mock's (two at once): \
             {floor:.2} s = {:.2} × md5sum; the upload took {:.0}% of that",
            GIB as f64 / 1e6 / floor / sum,
            100.0 * up_total.as_secs_f64() / floor
        );
    }
    println!(
        "RSS (client and mock in one process): upload {up_base:.0} → peak {up_rss:.0} MiB, \
         download {down_base:.0} → peak {down_rss:.0} MiB; client bound 3 slices × 16 MiB = 48 MiB \
         per file (144 MiB with 3 uploads at once); the mock holds the slices it checks (≤ 48 MiB)"
    );
    scheduler.shutdown().await.unwrap();
    drop(scheduler);
    mock.shutdown().await;
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_dir_all(&down_dir);
}

async fn small_files(dir: &Path, count: usize, limits: bool) {
    let root = dir.join(format!("small-{limits}"));
    for i in 0..count {
        let sub = root.join(format!("d{:02}", i / 100));
        std::fs::create_dir_all(&sub).unwrap();
        let body: Vec<u8> = (0..4096u32).map(|b| (b as usize * 31 + i) as u8).collect();
        std::fs::write(sub.join(format!("f{i:04}.txt")), body).unwrap();
    }
    let mock = mock(limits).await;
    let (scheduler, mut events) =
        Scheduler::new(client(&mock, limits), TransferConfig::default()).unwrap();
    let (t, ok, failed) = run(
        &scheduler,
        &mut events,
        TransferSpec::Upload {
            sources: vec![root.clone()],
            dest_dir: 0,
            policy: ConflictPolicy::Overwrite,
            fix_names: false,
        },
    )
    .await;
    let total = t.span("hashing", "end").max(Duration::from_micros(1));
    let whole = t.at("end").duration_since(t.start);
    let what = if limits {
        "QPS limits on (client and mock)"
    } else {
        "QPS limits off"
    };
    println!(
        "{count} files of 4 KiB, {what}: {:.1} files/s ({ok} ok, {failed} failed; {whole:.2?} with planning, {:.1} files/s)",
        count as f64 / total.as_secs_f64(),
        count as f64 / whole.as_secs_f64(),
    );
    scheduler.shutdown().await.unwrap();
    mock.shutdown().await;
    let _ = std::fs::remove_dir_all(&root);
}

fn main() {
    let rss = RssWatch::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::Builder::new()
        .prefix("panfm-bench-")
        .tempdir()
        .unwrap();
    runtime.block_on(async {
        large_file(dir.path(), &rss).await;
        println!();
        println!("== small files ==");
        small_files(dir.path(), 1000, false).await;
        small_files(dir.path(), 40, true).await;
    });
}
