//! A mock 123pan server on its own runtime, a private config directory, and the real `panfm`
//! binary pointed at both (`--api-base`, `--config-dir`, `PANFM_CLIENT_ID`/`SECRET`).

use panfm::mock::{MockConfig, MockServer, Seed, Stats};
use serde_json::Value;
use std::process::Output;

pub struct Env {
    pub mock: MockServer,
    pub cfg: tempfile::TempDir,
    rt: tokio::runtime::Runtime,
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }

    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    pub fn ok(self) -> Self {
        assert_eq!(self.code, 0, "{self:?}");
        self
    }
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}

impl Env {
    /// An empty drive; server-side QPS limits off so that quick successive runs (each with its
    /// own client-side limiter) are not slowed by 429 backoffs. Tests of 429 turn them on.
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    pub fn demo() -> Self {
        Self::with(|c| c.seed = Seed::Demo)
    }

    pub fn with(adjust: impl FnOnce(&mut MockConfig)) -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let mut config = MockConfig::default();
        config.knobs.qps_limits = false;
        config.knobs.strict_names = true;
        adjust(&mut config);
        let mock = rt.block_on(MockServer::start(config)).unwrap();
        Env {
            mock,
            cfg: tempfile::tempdir().unwrap(),
            rt,
        }
    }

    /// `panfm` with the mock, the config directory and the credentials; a clean environment
    /// otherwise.
    pub fn command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_panfm"));
        for var in [
            "PANFM_ACCESS_TOKEN",
            "PANFM_API_BASE",
            "PANFM_CONFIG_DIR",
            "PANFM_LOG",
            "PANFM_FAULT_DISK",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("PANFM_CLIENT_ID", self.mock.client_id())
            .env("PANFM_CLIENT_SECRET", self.mock.client_secret())
            .env("NO_COLOR", "1")
            .arg("--api-base")
            .arg(self.mock.base_url())
            .arg("--config-dir")
            .arg(self.cfg.path());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.command().args(args).output().unwrap().into()
    }

    /// Runs in `dir`, so that relative local paths are below it.
    pub fn run_in(&self, dir: &std::path::Path, args: &[&str]) -> Run {
        self.command()
            .current_dir(dir)
            .args(args)
            .output()
            .unwrap()
            .into()
    }

    /// Runs with `input` on stdin (a pipe, so not a terminal).
    pub fn run_with_stdin(&self, args: &[&str], input: &str) -> Run {
        let mut cmd = assert_cmd::Command::from_std(self.command());
        cmd.args(args).write_stdin(input.to_owned());
        cmd.output().unwrap().into()
    }

    pub fn id(&self, path: &str) -> i64 {
        self.mock
            .id_of(path)
            .unwrap_or_else(|| panic!("{path} is not on the drive"))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.mock
            .id_of(path)
            .and_then(|id| self.mock.entry(id))
            .is_some_and(|e| !e.trashed)
    }

    /// Creates the folders of `path` as needed; returns the last one's id.
    pub fn dir(&self, path: &str) -> i64 {
        let mut at = 0;
        for name in path.split('/').filter(|s| !s.is_empty()) {
            let existing = self
                .mock
                .children(at)
                .into_iter()
                .find(|e| e.name == name && e.is_dir && !e.trashed);
            at = match existing {
                Some(e) => e.id,
                None => self.mock.put_dir(at, name).unwrap(),
            };
        }
        at
    }

    /// A file with `bytes` at `path` (its folders created as needed).
    pub fn file(&self, path: &str, bytes: &[u8]) -> i64 {
        let (dir, name) = path.rsplit_once('/').unwrap();
        let parent = self.dir(dir);
        self.rt
            .block_on(self.mock.put_file(parent, name, bytes))
            .unwrap()
    }

    /// The live entries of the folder at `dir`, by name.
    pub fn names(&self, dir: &str) -> Vec<String> {
        let mut names: Vec<String> = self
            .mock
            .children(self.id(dir))
            .into_iter()
            .filter(|e| !e.trashed)
            .map(|e| e.name)
            .collect();
        names.sort();
        names
    }

    /// The content of the cloud file at `path`.
    pub fn bytes(&self, path: &str) -> Vec<u8> {
        self.rt
            .block_on(self.mock.file_bytes(self.id(path)))
            .unwrap()
    }

    /// The runtime the mock runs on, for async checks (fetching a URL it serves).
    pub fn rt(&self) -> &tokio::runtime::Runtime {
        &self.rt
    }

    pub fn stats(&self) -> Stats {
        self.mock.stats()
    }

    pub fn calls(&self, path: &str) -> u64 {
        self.stats().calls_to(path)
    }

    pub fn trash(&self, path: &str) {
        let id = self.id(path);
        let run = self.run(&["rm", &format!("id:{id}")]);
        assert_eq!(run.code, 0, "{run:?}");
    }
}
