//! One bench drive: a mock with the free-tier limits (QPS limits on, not a VIP) on its own
//! runtime, a private config directory, and the real `panfm` binary pointed at both.

use panfm::mock::{Knobs, MockConfig, MockServer, Seed, Stats};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub struct Env {
    pub mock: MockServer,
    pub cfg: tempfile::TempDir,
    pub rt: tokio::runtime::Runtime,
}

impl Env {
    pub fn free_tier(seed: Seed, adjust: impl FnOnce(&mut Knobs)) -> Env {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let mut config = MockConfig {
            seed,
            ..MockConfig::default()
        };
        config.knobs.qps_limits = true;
        config.knobs.vip = false;
        adjust(&mut config.knobs);
        let mock = rt.block_on(MockServer::start(config)).unwrap();
        Env {
            mock,
            cfg: tempfile::tempdir().unwrap(),
            rt,
        }
    }

    /// `panfm` in `dir` with the mock, the config directory and the credentials, its output
    /// piped.
    pub fn command(&self, dir: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_panfm"));
        for var in ["PANFM_ACCESS_TOKEN", "PANFM_API_BASE", "PANFM_CONFIG_DIR"] {
            cmd.env_remove(var);
        }
        cmd.env("PANFM_CLIENT_ID", self.mock.client_id())
            .env("PANFM_CLIENT_SECRET", self.mock.client_secret())
            .env("NO_COLOR", "1")
            .current_dir(dir)
            .arg("--api-base")
            .arg(self.mock.base_url())
            .arg("--config-dir")
            .arg(self.cfg.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    pub fn run(&self, dir: &Path, args: &[&str]) -> Output {
        self.command(dir, args).output().unwrap()
    }

    pub fn spawn(&self, dir: &Path, args: &[&str]) -> Child {
        self.command(dir, args).spawn().unwrap()
    }

    pub fn stats(&self) -> Stats {
        self.mock.stats()
    }

    pub fn put_file(&self, parent: i64, name: &str, bytes: &[u8]) -> i64 {
        self.rt
            .block_on(self.mock.put_file(parent, name, bytes))
            .unwrap()
    }

    pub fn cloud_bytes(&self, path: &str) -> Option<Vec<u8>> {
        let id = self.mock.id_of(path)?;
        self.rt.block_on(self.mock.file_bytes(id)).ok()
    }

    /// Polls the mock's counters until `ready` says so (a minute at most).
    pub fn wait_for(&self, what: &str, ready: impl Fn(&Stats) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !ready(&self.stats()) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// The lines a run wrote to stderr that start with `panfm: ` (its messages).
pub fn messages(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with("panfm: "))
        .map(str::to_owned)
        .collect()
}
