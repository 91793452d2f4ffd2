//! Flows through the real executor, cloud backend and mock server, without a terminal: keys
//! go into `update`, effects run as tasks, and the test waits for the messages they post.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod compare;
mod edit;
mod goto;
mod images;
mod mkdir;
mod offline;
mod ops;
mod patch;
mod places;
mod preview;
mod trash;
mod viewer;
#[path = "../support/web.rs"]
mod web;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use panfm::api::{self, ClientConfig, Credentials};
use panfm::app::{self, LoadState, Model, Msg, Side};
use panfm::config::{Keymap, Styles};
use panfm::fs::pan::PanFs;
use panfm::fs::{CloudDir, Location};
use panfm::mock::{MockConfig, MockServer, Seed};
use panfm::runtime::{Executor, dispatch};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedReceiver;

/// How the demo's calls are paced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pace {
    /// The client keeps the VIP column; the mock does not limit.
    Vip,
    /// Neither limits.
    None,
    /// Both keep the free-tier limits.
    Free,
}

struct Harness {
    model: Model,
    executor: Executor,
    rx: UnboundedReceiver<Msg>,
    mock: MockServer,
    _cache: tempfile::TempDir,
}

impl Harness {
    async fn demo() -> Harness {
        Self::start(Seed::Demo, Pace::Vip).await
    }

    /// The demo with the client's pacing off too (the mock has no limits either), for flows
    /// that list the 5,000-file folder only to set the scene.
    async fn unpaced() -> Harness {
        Self::start(Seed::Demo, Pace::None).await
    }

    /// The demo on a free account: the mock and the client keep the free-tier limits.
    async fn free_tier() -> Harness {
        Self::start(Seed::Demo, Pace::Free).await
    }

    async fn start(seed: Seed, pace: Pace) -> Harness {
        let mock = MockServer::start(MockConfig {
            seed,
            ..MockConfig::default()
        })
        .await
        .unwrap();
        mock.set_knobs(|k| {
            k.qps_limits = pace == Pace::Free;
            k.strict_names = true;
            k.vip = pace != Pace::Free;
        });
        let cache = tempfile::tempdir().unwrap();
        let mut cfg = ClientConfig::new(api::Auth::Credentials(Credentials::new(
            mock.client_id(),
            mock.client_secret(),
        )));
        cfg.base_url = mock.base_url().to_owned();
        cfg.token_cache_dir = Some(cache.path().to_path_buf());
        // The client keeps to the documented QPS whatever the server does; the VIP column
        // (10 lists/s) keeps the 5,000-entry listing around five seconds.
        cfg.vip = pace != Pace::Free;
        cfg.rate_limit = pace != Pace::None;
        let client = api::Client::new(cfg).unwrap();
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let transfer_cfg = panfm::transfer::TransferConfig {
            poll_interval: Duration::from_millis(20),
            offline_poll: Duration::from_millis(20),
            retry_delay: Duration::from_millis(20),
            ..Default::default()
        };
        let (scheduler, events) =
            panfm::transfer::Scheduler::new(client.clone(), transfer_cfg).unwrap();
        panfm::runtime::forward_transfers(events, tx.clone());
        let executor = Executor::new(tx, Some(PanFs::new(client))).with_transfers(scheduler);
        let left = Location::Local(std::env::temp_dir());
        let right = Location::Cloud(CloudDir::root());
        let mut model = Model::new(
            left,
            right,
            Keymap::default_map().unwrap(),
            Styles::colored(),
        );
        model.cloud_enabled = true;
        model.transfers.enabled = true;
        let mut h = Harness {
            model,
            executor,
            rx,
            mock,
            _cache: cache,
        };
        dispatch(
            &mut h.model,
            &mut h.executor,
            Msg::Resize {
                width: 120,
                height: 40,
            },
        );
        for effect in app::start(&mut h.model) {
            assert!(h.executor.run(effect).is_none());
        }
        h.model.focus = Side::Right;
        h.until_loaded(Side::Right).await;
        h
    }

    fn command(&mut self, cmd: panfm::config::Command) {
        dispatch(&mut self.model, &mut self.executor, Msg::Command(cmd));
    }

    fn key(&mut self, code: KeyCode) {
        dispatch(
            &mut self.model,
            &mut self.executor,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        );
    }

    /// Applies messages until `done(model)` holds (bounded so a broken flow fails, not hangs).
    async fn until(&mut self, what: &str, done: impl Fn(&Model) -> bool) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while !done(&self.model) {
            let msg = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .unwrap_or_else(|_| panic!("timed out waiting for {what}"))
                .expect("channel open");
            dispatch(&mut self.model, &mut self.executor, msg);
        }
    }

    async fn until_loaded(&mut self, side: Side) {
        self.until("listing finished", |m| !m.pane(side).is_loading())
            .await;
        let pane = self.model.pane(side);
        assert_eq!(pane.load, LoadState::Done, "{:?}", self.model.status);
    }

    fn names(&self) -> Vec<String> {
        self.model
            .focused()
            .listing
            .visible()
            .map(|e| e.name.clone())
            .collect()
    }

    fn cursor_to(&mut self, name: &str) {
        let at = self
            .names()
            .iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("{name} not listed"));
        dispatch(
            &mut self.model,
            &mut self.executor,
            Msg::Command(panfm::config::Command::Top),
        );
        for _ in 0..at {
            self.key(KeyCode::Down);
        }
    }
}

#[tokio::test]
async fn five_thousand_files_stream_in_and_the_cache_serves_a_revisit() {
    let mut h = Harness::demo().await;
    assert!(h.names().contains(&"数据集".to_owned()));
    h.cursor_to("数据集");
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    h.cursor_to("传感器日志 5000");
    let before = h.mock.stats().calls_to("/api/v2/file/list");
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    let listed = h.mock.stats().calls_to("/api/v2/file/list") - before;
    assert_eq!(h.model.focused().listing.total(), 5000);
    assert!(listed >= 50, "all 50 API pages fetched, got {listed}");

    h.key(KeyCode::Left);
    h.until_loaded(Side::Right).await;
    h.key(KeyCode::Enter); // cursor is back on the 5000 dir; revisit comes from the cache
    h.until_loaded(Side::Right).await;
    assert_eq!(h.model.focused().listing.total(), 5000);
    let after = h.mock.stats().calls_to("/api/v2/file/list");
    assert_eq!(
        after,
        before + listed,
        "parent and revisit both came from the cache"
    );
    h.key(KeyCode::Left);
    h.until_loaded(Side::Right).await;
    dispatch(
        &mut h.model,
        &mut h.executor,
        Msg::Command(panfm::config::Command::Refresh),
    );
    h.until_loaded(Side::Right).await;
    assert_eq!(
        h.mock.stats().calls_to("/api/v2/file/list"),
        after + 1,
        "refresh lists afresh"
    );
}

#[tokio::test]
async fn gateway_errors_are_retried_or_reported_and_refresh_recovers() {
    let mut h = Harness::demo().await;
    h.mock.set_knobs(|k| {
        k.error_rate = 0.5;
        k.rng_seed = Some(7);
    });
    h.cursor_to("照片");
    h.key(KeyCode::Enter);
    h.until("listing ends", |m| !m.focused().is_loading()).await;
    assert!(
        h.mock.stats().injected_errors > 0,
        "the knob did inject errors"
    );
    match &h.model.focused().load {
        LoadState::Done => assert!(h.names().contains(&"2024 春节".to_owned())),
        LoadState::Failed(e) => assert!(e.contains("temporary failure"), "clear reason: {e}"),
        LoadState::Loading(_) => unreachable!(),
    }
    h.mock.set_knobs(|k| k.error_rate = 0.0);
    dispatch(
        &mut h.model,
        &mut h.executor,
        Msg::Command(panfm::config::Command::Refresh),
    );
    h.until_loaded(Side::Right).await;
    assert!(
        h.names().contains(&"2024 春节".to_owned()),
        "{:?}",
        h.names()
    );
}

#[tokio::test]
async fn an_evicted_token_is_reminted_once_and_browsing_continues() {
    let mut h = Harness::demo().await;
    let minted = h.mock.stats().tokens_minted;
    // Three other mints for the same client id evict our token (the 3-live-tokens rule).
    let http = reqwest::Client::new();
    for _ in 0..3 {
        let body = serde_json::json!({"clientID": h.mock.client_id(), "clientSecret": h.mock.client_secret()});
        http.post(format!("{}/api/v1/access_token", h.mock.base_url()))
            .header("Platform", "open_platform")
            .json(&body)
            .send()
            .await
            .unwrap();
    }
    h.cursor_to("文档");
    h.key(KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    assert!(!h.names().is_empty());
    assert_eq!(
        h.mock.stats().tokens_minted,
        minted + 3 + 1,
        "exactly one re-mint by panfm"
    );
}
