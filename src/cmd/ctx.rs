//! [`Ctx`]: what every cloud command works with — the shared client, a path resolver for this
//! invocation, and the output rules: data on stdout (buffered, written once at the end), one
//! line per failed item on stderr, summaries unless `-q`, per-item notes with `-v`, progress
//! bars only when stderr is a terminal.
//!
//! Commands that change the drive and were given `--json` collect `results` and the failures
//! here; the runner prints them as one object `{"results": [...], "errors": [...]}` whatever
//! happened, so stdout stays one valid JSON document even when the command fails part-way.

use super::exit::{CmdError, Status};
use crate::api;
use crate::fs::local::sanitize_name;
use crate::fs::resolve::Resolver;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};
use std::fmt::Display;
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

pub struct Ctx {
    pub client: api::Client,
    pub resolver: Resolver,
    pub verbosity: Verbosity,
    /// Where command-line transfers keep their journals; `None` keeps none (the demo).
    pub state_dir: Option<std::path::PathBuf>,
    /// The editor of `panfm edit` (`config.toml`'s, else the environment's).
    pub editor: crate::edit::Editor,
    stdout: String,
    /// Set by commands that answer `--json` with a results object.
    report: Option<Vec<Value>>,
    /// More fields of the report object (`panfm sync`'s `plan`).
    fields: serde_json::Map<String, Value>,
    errors: Vec<Value>,
    worst: Status,
}

impl Ctx {
    pub fn new(client: api::Client, verbosity: Verbosity) -> Self {
        Self {
            resolver: Resolver::new(client.clone()),
            client,
            verbosity,
            state_dir: None,
            editor: crate::edit::Editor::from_env(),
            stdout: String::new(),
            report: None,
            fields: serde_json::Map::new(),
            errors: Vec::new(),
            worst: Status::Success,
        }
    }

    /// Reports one failed item on stderr and remembers it for the exit status and the JSON
    /// report. `item` is a path or id as the user would recognise it.
    pub fn fail(&mut self, item: &str, why: impl Into<CmdError>) {
        let err = why.into();
        // Both parts escaped alike (control characters; paths come with bytes that are not
        // UTF-8 already escaped), so a hostile name can't break the line or drive the terminal.
        let (shown, message) = (sanitize_name(item), sanitize_name(&err.message));
        // Path errors already name the path; don't say it twice.
        match message.contains(&shown) {
            true => eprintln!("panfm: {message}"),
            false => eprintln!("panfm: {shown}: {message}"),
        }
        self.record_failure(item, err);
    }

    /// [`Ctx::fail`] without the stderr line, for items the caller sums up in one line.
    pub fn record_failure(&mut self, item: &str, err: CmdError) {
        self.worst = self.worst.max(err.status);
        self.errors
            .push(json!({ "item": item, "error": err.message }));
    }

    /// A failure of the whole command, reported by the runner.
    pub(super) fn fatal(&mut self, err: &CmdError) {
        eprintln!("panfm: {}", sanitize_name(&err.message));
        self.worst = self.worst.max(err.status);
        self.errors
            .push(json!({ "item": Value::Null, "error": err.message }));
    }

    pub fn status(&self) -> Status {
        self.worst
    }

    pub fn has_failures(&self) -> bool {
        self.worst != Status::Success
    }

    /// A summary line on stderr ("3 items moved to /b"), unless `-q`.
    pub fn summary(&self, text: impl Display) {
        if self.verbosity >= Verbosity::Normal {
            eprintln!("{text}");
        }
    }

    /// A per-item line on stderr, with `-v` only.
    pub fn note(&self, text: impl Display) {
        if self.verbosity >= Verbosity::Verbose {
            eprintln!("{text}");
        }
    }

    /// Appends to what goes to stdout at the end.
    pub fn print(&mut self, text: &str) {
        self.stdout.push_str(text);
    }

    pub fn print_json(&mut self, value: &impl serde::Serialize) {
        match serde_json::to_string_pretty(value) {
            Ok(text) => {
                self.stdout.push_str(&text);
                self.stdout.push('\n');
            }
            Err(e) => self.fatal(&CmdError::failure(format!("cannot encode JSON: {e}"))),
        }
    }

    /// Answers `--json` with a results object (see the module doc).
    pub fn start_report(&mut self, json: bool) {
        self.report = json.then(Vec::new);
    }

    pub fn is_reporting(&self) -> bool {
        self.report.is_some()
    }

    pub fn result(&mut self, value: Value) {
        if let Some(results) = &mut self.report {
            results.push(value);
        }
    }

    /// Another field of the report object.
    pub fn report_field(&mut self, key: &str, value: Value) {
        self.fields.insert(key.to_owned(), value);
    }

    /// The stdout text, with the JSON report appended when one was started.
    pub(super) fn take_stdout(&mut self) -> String {
        if let Some(results) = self.report.take() {
            let errors = std::mem::take(&mut self.errors);
            let mut report = std::mem::take(&mut self.fields);
            report.insert("results".into(), results.into());
            report.insert("errors".into(), errors.into());
            self.print_json(&Value::Object(report));
        }
        std::mem::take(&mut self.stdout)
    }

    /// Progress is drawn: stderr is a terminal and not `-q`.
    pub fn shows_progress(&self) -> bool {
        self.verbosity >= Verbosity::Normal && std::io::stderr().is_terminal()
    }

    /// A progress bar on stderr when it is a terminal and not `-q`; hidden otherwise. `len`
    /// `None` makes a spinner.
    pub fn progress(&self, len: Option<u64>, message: &str) -> ProgressBar {
        if !self.shows_progress() {
            return ProgressBar::hidden();
        }
        let (bar, template) = match len {
            Some(n) => (
                ProgressBar::new(n),
                "{msg} [{bar:30}] {pos}/{len} {elapsed}",
            ),
            None => (
                ProgressBar::new_spinner(),
                "{spinner} {msg} {pos} {elapsed}",
            ),
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_message(message.to_owned());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    }
}
