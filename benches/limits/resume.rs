//! Item 2, uploads from the shell resume: `panfm upload` of a 60 MiB file (2 MiB slices) is
//! killed with SIGKILL as soon as the mock has taken 60 % of it (the mock's `slice_hold` stalls
//! the link there), then run again; the figure is every byte the mock received over both runs
//! against the file's size. The kill races the journal's last write (one per accepted slice,
//! fsynced), so the slices sent again vary from run to run: five rounds, the worst is held to
//! the bound.

use crate::env::Env;
use crate::{MIB, content, figure, mib};
use panfm::mock::Seed;
use std::time::{Duration, Instant};

const SIZE: u64 = 60 * MIB;
const SLICE: u64 = 2 * MIB;
/// 18 of the 30 slices: 60 %.
const HOLD: u64 = 18;
const ROUNDS: usize = 5;

struct Round {
    /// Received before the kill.
    before: u64,
    /// Received over both runs.
    total: u64,
    intact: bool,
    sessions: u64,
    took: Duration,
}

impl Round {
    fn ratio(&self) -> f64 {
        self.total as f64 / SIZE as f64
    }

    /// Slices the re-run sent although the server had them (the journal had not caught up).
    fn sent_again(&self) -> u64 {
        (self.total - self.before).saturating_sub(SIZE - self.before) / SLICE
    }

    fn ok(&self) -> bool {
        self.intact && self.sessions == 1
    }
}

fn round(data: &[u8]) -> Round {
    let env = Env::free_tier(Seed::Empty, |k| {
        k.slice_size = SLICE;
        k.complete_pending_polls = 0;
        k.slice_hold = Some(HOLD);
    });
    env.mock.put_dir(0, "up").unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("big.bin"), data).unwrap();

    let mut first = env.spawn(work.path(), &["upload", "big.bin", "/up"]);
    env.wait_for("60 % on the server", |s| s.slices_accepted >= HOLD);
    first.kill().unwrap();
    first.wait().unwrap();
    let before = env.stats().upload_bytes;
    env.mock.set_knobs(|k| k.slice_hold = None);

    let started = Instant::now();
    let again = env.run(work.path(), &["upload", "big.bin", "/up"]);
    let took = started.elapsed();
    let s = env.stats();
    Round {
        before,
        total: s.upload_bytes,
        intact: again.status.success() && env.cloud_bytes("/up/big.bin").as_deref() == Some(data),
        sessions: s.calls_to("/upload/v2/file/create"),
        took,
    }
}

pub fn run() {
    crate::heading("2. resume: a 60 MiB upload killed (SIGKILL) at 60 % and run again, 5 rounds");
    let data = content(SIZE, 2);
    let rounds: Vec<Round> = (0..ROUNDS).map(|_| round(&data)).collect();
    let each = |f: &dyn Fn(&Round) -> String| rounds.iter().map(f).collect::<Vec<_>>().join(", ");
    let before = rounds.iter().map(|r| r.before).max().unwrap_or(0);
    figure(
        "resume: received before the kill",
        format!(
            "{} ({:.0} %)",
            mib(before),
            100.0 * before as f64 / SIZE as f64
        ),
        None,
    );
    let worst = rounds.iter().map(Round::ratio).fold(0.0, f64::max);
    let all_ok = rounds.iter().all(Round::ok);
    figure(
        "resume: received in all / file size",
        format!(
            "{worst:.3} worst ({})",
            each(&|r| format!("{:.3}", r.ratio()))
        ),
        Some(("≤ 1.25", worst <= 1.25 && all_ok)),
    );
    figure(
        "resume: slices the server had, sent again",
        each(&|r| r.sent_again().to_string()),
        None,
    );
    figure(
        "resume: file intact, one upload session",
        format!(
            "{} of {ROUNDS} rounds",
            rounds.iter().filter(|r| r.ok()).count()
        ),
        Some(("all", all_ok)),
    );
    figure(
        "resume: re-run wall time",
        each(&|r| format!("{:.0?}", r.took)),
        None,
    );
}
