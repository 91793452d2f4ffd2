//! Batch renames against a mock that fails: calls retried, items looked at before a call is
//! sent again, every item renamed once; a run that stops says what it did not try, and the
//! same command run again finishes from the journal without renaming anything twice.

use super::super::ctx::{Ctx, Verbosity};
use super::super::exit::Status;
use super::super::rename::rename;
use crate::api::{Auth, Client, ClientConfig, Credentials, RetryPolicy};
use crate::cli::{Cli, Cmd, RenameArgs};
use crate::mock::{MockConfig, MockServer};
use clap::Parser;
use std::time::Duration;

const PREFIX: [&str; 7] = ["rename", "--regex", "^", "--to", "x_", "--in", "/d"];

/// A drive with `n` files in /d, and a client that retries quickly (and often: the planning
/// reads must get through a server failing half its requests).
async fn drive(n: usize) -> (MockServer, Client) {
    let mut cfg = MockConfig::default();
    cfg.knobs.qps_limits = false;
    let mock = MockServer::start(cfg).await.unwrap();
    let dir = mock.put_dir(0, "d").unwrap();
    for i in 0..n {
        mock.put_file(dir, &format!("f{i:03}"), b"x").await.unwrap();
    }
    let creds = Credentials::new(mock.client_id(), mock.client_secret());
    let mut cfg = ClientConfig::new(Auth::Credentials(creds));
    cfg.base_url = mock.base_url().to_owned();
    cfg.rate_limit = false;
    cfg.retry = RetryPolicy {
        transient_attempts: 16,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(4),
        ..RetryPolicy::default()
    };
    let client = Client::new(cfg).unwrap();
    client.user_info().await.unwrap();
    (mock, client)
}

fn ctx(client: &Client, state: &tempfile::TempDir) -> Ctx {
    let mut ctx = Ctx::new(client.clone(), Verbosity::Quiet);
    ctx.state_dir = Some(state.path().to_path_buf());
    ctx
}

fn args(extra: &[&str]) -> RenameArgs {
    let words = ["panfm"].iter().chain(&PREFIX).chain(extra);
    match Cli::try_parse_from(words) {
        Ok(Cli {
            command: Some(Cmd::Rename(args)),
            ..
        }) => args,
        other => panic!("{other:?}"),
    }
}

fn names(mock: &MockServer) -> Vec<String> {
    let dir = mock.id_of("/d").unwrap();
    let mut names: Vec<String> = mock.children(dir).into_iter().map(|e| e.name).collect();
    names.sort();
    names
}

fn renamed(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("x_f{i:03}")).collect()
}

fn journals(state: &tempfile::TempDir) -> Vec<String> {
    let read = std::fs::read_dir(state.path().join("cli"))
        .into_iter()
        .flatten();
    read.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect()
}

#[tokio::test]
async fn half_the_requests_failing_every_item_is_renamed_once() {
    let (mock, client) = drive(95).await;
    let state = tempfile::tempdir().unwrap();
    mock.set_knobs(|k| {
        k.error_rate = 0.5;
        k.rng_seed = Some(19);
    });
    let mut ctx = ctx(&client, &state);
    rename(&mut ctx, args(&[])).await.unwrap();
    assert_eq!(ctx.status(), Status::Success);
    mock.set_knobs(|k| k.error_rate = 0.0);
    assert_eq!(names(&mock), renamed(95));
    let stats = mock.stats();
    assert!(stats.injected_errors >= 5, "{stats:?}");
    assert!(
        stats.calls_to("/api/v1/file/rename") > 4,
        "sent again: {stats:?}"
    );
    assert!(
        stats.calls_to("/api/v1/file/infos") > 0,
        "looked first: {stats:?}"
    );
    assert_eq!(
        journals(&state),
        Vec::<String>::new(),
        "done: no journal left"
    );
}

#[tokio::test]
async fn a_call_whose_answer_was_lost_is_looked_at_not_sent_again() {
    let (mock, client) = drive(65).await;
    let state = tempfile::tempdir().unwrap();
    mock.set_knobs(|k| {
        k.lose_replies_to = "/api/v1/file/rename".into();
        k.lost_replies = 2;
    });
    let mut ctx = ctx(&client, &state);
    rename(&mut ctx, args(&[])).await.unwrap();
    assert_eq!(ctx.status(), Status::Success);
    assert_eq!(names(&mock), renamed(65));
    let stats = mock.stats();
    assert_eq!(stats.lost_replies, 2);
    assert_eq!(
        stats.calls_to("/api/v1/file/rename"),
        3,
        "65 items: 30 + 30 + 5"
    );
    assert_eq!(
        stats.calls_to("/api/v1/file/infos"),
        2,
        "one look per lost answer"
    );
}

#[tokio::test]
async fn a_run_that_stops_reports_the_untried_and_the_same_command_finishes() {
    let (mock, client) = drive(65).await;
    let state = tempfile::tempdir().unwrap();
    // Every call fails once the plan is made: the first rename call is tried and fails for
    // good, the other two are never sent.
    let mut first = ctx(&client, &state);
    first.start_report(true);
    let failing = args(&["--json"]);
    let mut work = {
        let spec = super::super::rename_plan::spec(&failing).unwrap();
        let batch = super::super::rename_plan::build(&mut first, &failing, &spec)
            .await
            .unwrap();
        super::super::rename::work_of(&batch)
    };
    let journal =
        super::super::rename_journal::RenameJournal::open(state.path(), &client, &failing)
            .unwrap()
            .unwrap();
    journal.save(&work).unwrap();
    mock.set_knobs(|k| {
        k.error_rate = 1.0;
        k.rng_seed = Some(3);
    });
    super::super::rename::run(&mut first, &mut work, Some(journal), false).await;
    assert_eq!(first.status(), Status::Failure);
    let report: serde_json::Value = serde_json::from_str(&first.take_stdout()).unwrap();
    let errors = report["errors"].as_array().unwrap();
    let untried = errors.iter().filter(|e| e["error"] == "not tried").count();
    assert_eq!((errors.len(), untried), (65, 35), "{report}");
    assert!(
        errors[0]["error"]
            .as_str()
            .unwrap()
            .contains("temporary failure")
    );
    assert_eq!(journals(&state).len(), 1, "kept for the next run");

    mock.set_knobs(|k| k.error_rate = 0.0);
    assert_eq!(
        names(&mock).iter().filter(|n| n.starts_with("x_")).count(),
        0
    );
    // An earlier run that got further: the first call's renames went through.
    let done: Vec<(i64, String)> = work.steps[..30]
        .iter()
        .map(|s| (s.id, s.to.clone()))
        .collect();
    client.rename_many(&done).await.unwrap();
    let mut again = ctx(&client, &state);
    rename(&mut again, args(&[])).await.unwrap();
    assert_eq!(again.status(), Status::Success);
    assert_eq!(names(&mock), renamed(65), "nothing renamed twice");
    assert_eq!(journals(&state), Vec::<String>::new());
}
