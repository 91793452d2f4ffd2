//! The progress display of a transfer on a terminal: one bar per running file (its state,
//! bytes and speed) above a total bar (bytes, speed, ETA, files done). When progress is not
//! shown (`-q`, stderr not a terminal) every method does nothing.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::time::Duration;

use crate::transfer::JobId;

const FILE_TEMPLATE: &str =
    "  {wide_msg} {bytes:>10}/{total_bytes:<10} {binary_bytes_per_sec:>12} [{bar:20}]";
const TOTAL_TEMPLATE: &str =
    "{prefix} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} · {msg}";
/// Until the sources are walked there is nothing to measure.
const LISTING_TEMPLATE: &str = "{prefix} {spinner} listing the sources";

pub(super) struct Bars {
    shown: Option<Shown>,
}

struct Shown {
    multi: MultiProgress,
    total: ProgressBar,
    /// The total bar has its measuring style.
    measuring: bool,
    files: HashMap<JobId, ProgressBar>,
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

impl Bars {
    /// `verb` names the work on the total bar ("uploading").
    pub fn new(visible: bool, verb: &str) -> Self {
        if !visible {
            return Self { shown: None };
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let total = ProgressBar::new(0)
            .with_style(style(LISTING_TEMPLATE))
            .with_prefix(verb.to_owned());
        let total = multi.add(total);
        total.enable_steady_tick(Duration::from_millis(200));
        Self {
            shown: Some(Shown {
                multi,
                total,
                measuring: false,
                files: HashMap::new(),
            }),
        }
    }

    /// The total bar: bytes moved of bytes expected, and `files_done` of `files` (`None` while
    /// the sources are being walked).
    pub fn total(&mut self, moved: u64, expected: u64, files_done: usize, files: Option<u64>) {
        let (Some(s), Some(files)) = (&mut self.shown, files) else {
            return;
        };
        if !s.measuring {
            s.total.set_style(style(TOTAL_TEMPLATE));
            s.measuring = true;
        }
        s.total.set_length(expected);
        s.total.set_position(moved);
        s.total.set_message(format!("{files_done}/{files} files"));
    }

    /// Shows (or updates) the bar of a running file: `label` is what it is doing.
    pub fn file(&mut self, job: JobId, label: &str, name: &str, size: u64) {
        let Some(s) = &mut self.shown else {
            return;
        };
        let message = format!("{label} {name}");
        match s.files.get(&job) {
            Some(bar) => {
                bar.set_length(size);
                bar.set_message(message);
            }
            None => {
                let bar = ProgressBar::new(size)
                    .with_style(style(FILE_TEMPLATE))
                    .with_message(message);
                let bar = s.multi.insert_before(&s.total, bar);
                s.files.insert(job, bar);
            }
        }
    }

    pub fn file_position(&self, job: JobId, bytes: u64) {
        if let Some(bar) = self.shown.as_ref().and_then(|s| s.files.get(&job)) {
            bar.set_position(bytes);
        }
    }

    pub fn remove(&mut self, job: JobId) {
        if let Some(s) = &mut self.shown
            && let Some(bar) = s.files.remove(&job)
        {
            bar.finish_and_clear();
            s.multi.remove(&bar);
        }
    }

    /// A line above the bars; nothing when they are not shown.
    pub fn println(&self, line: &str) {
        if let Some(s) = &self.shown {
            let _ = s.multi.println(line);
        }
    }

    /// Runs `f` (which prints to stderr) with the bars out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.shown {
            Some(s) => s.multi.suspend(f),
            None => f(),
        }
    }

    pub fn clear(&mut self) {
        if let Some(s) = self.shown.take() {
            for bar in s.files.values() {
                bar.finish_and_clear();
            }
            s.total.finish_and_clear();
            let _ = s.multi.clear();
        }
    }
}
