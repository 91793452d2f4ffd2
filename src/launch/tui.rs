//! The two-pane TUI: build the model and the executor, take over the terminal, run the loop.

use super::LaunchError;
use crate::app::{Model, Msg, TransferMsg};
use crate::cli::Cli;
use crate::config::{Keymap, Paths, Themes};
use crate::fs::Location;
use crate::fs::local::display_name;
use crate::fs::pan::PanFs;
use crate::runtime::{self, Executor, terminal::TerminalGuard};
use crate::transfer::{QueueLock, Scheduler, TransferConfig, TransferErrorKind, TransferEvent};
use color_eyre::eyre::WrapErr;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tokio::sync::mpsc::UnboundedReceiver;

pub async fn run(cli: Cli) -> Result<ExitCode, LaunchError> {
    let paths = super::paths(cli.config_dir.as_deref())?;
    if !cli.demo {
        super::cloud::check_api_base(cli.api_base.as_deref())?;
    }
    let settings = super::settings::Settings::load(&paths)?;
    let _log =
        crate::logging::init(&paths.state, settings.config.log_level.filter()).map_err(|e| {
            LaunchError::user(format!(
                "cannot write the log in {}: {e}",
                shown(&paths.state)
            ))
        })?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "panfm starting");
    let keymap = load_keymap(&paths.config)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let styles = settings.styles(&paths, no_color)?;
    let cwd = std::env::current_dir()
        .map_err(|e| LaunchError::user(format!("cannot read the current directory: {e}")))?;
    let cloud = super::cloud::connect(cli.demo, cli.api_base.as_deref(), &paths).await?;
    let start = super::start::panes(
        cli.left.as_deref(),
        cli.right.as_deref(),
        &cwd,
        cloud.is_some(),
        |p| local_dir(Some(p), &cwd),
    )?;
    if !std::io::stdout().is_terminal() {
        return Err(LaunchError::user(
            "the two-pane view needs a terminal and stdout is not one; for scripts use the \
             subcommands (panfm --help)",
        ));
    }
    let [left, right] = start.panes;
    let mut model = Model::new(left, right, keymap, styles);
    settings.apply(&mut model);
    model.settings.themes = crate::config::Themes::new(&paths.config)
        .list()
        .into_iter()
        .map(|t| t.name)
        .collect();
    model.panes[0].open_path = start.open[0].clone();
    model.panes[1].open_path = start.open[1].clone();
    model.start_dir = Some(start.start_dir);
    model.home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    model.utc_offset = chrono::Local::now().offset().local_minus_utc();
    model.entropy = rand::random();
    model.cloud_enabled = cloud.is_some();
    // `--mouse` turns it on for this run whatever config.toml says.
    model.settings.mouse |= cli.mouse;
    if cloud.is_none() {
        model.info("Local only: run `panfm login` (or set PANFM_CLIENT_ID/SECRET) for the cloud, or try --demo");
    }
    if let Some(note) = start.note {
        model.error(note);
    }
    // The demo's drive is new every run: what it would remember (undo records naming its
    // ids, its folders as recent places) stays in its scratch folder, away from a real
    // account's. Bookmarks are the user's own and stay in the config directory.
    let kept = session_paths(&paths, cloud.as_ref());
    let undo_file = kept.state.join("undo.json");
    model.undo = crate::runtime::journal::Journal::load(&undo_file);
    load_places(&kept, &mut model);
    let pan = cloud.as_ref().map(|c| PanFs::new(c.client.clone()));
    if let Some(c) = &cloud {
        settings.apply_tier(&c.client);
    }
    let base = settings.transfers(TransferConfig::default());
    let engine = match &cloud {
        Some(c) => start_transfers(c, &paths, &mut model, base),
        None => local_transfers(base),
    };
    let executor = |tx| {
        Executor::new(tx, pan)
            .with_undo_file(undo_file)
            .with_keep(&kept)
            .with_themes(Themes::new(&paths.config), no_color)
            .with_editor(settings.editor())
            .with_units(settings.config.size_units)
    };
    let result = run_tui(model, executor, engine).await;
    drop(cloud);
    result
}

/// Where this session keeps its undo journal and recent places: the demo's scratch folder
/// for `--demo`, else the state directory.
fn session_paths(paths: &Paths, cloud: Option<&super::cloud::Cloud>) -> Paths {
    match cloud.and_then(|c| c.scratch()) {
        Some(dir) => Paths {
            state: dir.join("state"),
            ..paths.clone()
        },
        None => paths.clone(),
    }
}

/// Bookmarks and recent places from earlier runs; a bookmarks file that cannot be read is
/// named on the status line (and left alone).
fn load_places(paths: &Paths, model: &mut Model) {
    use crate::runtime::keep;
    model.bookmarks = keep::load_bookmarks(&keep::bookmarks_file(paths));
    model.recent = keep::load_recent(&keep::recent_file(paths));
    if let Some(why) = &model.bookmarks.broken {
        model.error(format!("Bookmarks not loaded: {why}"));
    }
}

/// The transfer engine of this session.
struct Engine {
    scheduler: Scheduler,
    events: UnboundedReceiver<TransferEvent>,
    /// Held for as long as this process runs the saved queue.
    lock: Option<QueueLock>,
    /// Another panfm runs the saved queue: this one keeps its queue in memory.
    unkept: bool,
}

/// The transfer engine, resuming the saved queue when this process can own it (its lock in
/// the state directory). The demo's drive is new every run, so its queue is not kept. (An
/// unreadable queue file is moved aside to `queue.corrupt` by the engine; if even that fails
/// the session runs with an in-memory queue.)
fn start_transfers(
    cloud: &super::cloud::Cloud,
    paths: &Paths,
    model: &mut Model,
    base: TransferConfig,
) -> Option<Engine> {
    let in_memory = |unkept| {
        let (scheduler, events) = Scheduler::new(cloud.client.clone(), base.clone()).ok()?;
        Some(Engine {
            scheduler,
            events,
            lock: None,
            unkept,
        })
    };
    if cloud.is_demo() {
        return in_memory(false);
    }
    let lock = match QueueLock::acquire(&paths.state.join("queue.lock")) {
        Ok(lock) => lock,
        Err(e) if e.kind == TransferErrorKind::Busy => return in_memory(true),
        Err(e) => {
            model.error(format!("The saved transfer queue cannot be used ({e}); this session keeps its queue in memory"));
            return in_memory(false);
        }
    };
    let cfg = TransferConfig {
        state_file: Some(paths.state.join("queue.json")),
        ..base.clone()
    };
    match Scheduler::new(cloud.client.clone(), cfg) {
        Ok((scheduler, events)) => Some(Engine {
            scheduler,
            events,
            lock: Some(lock),
            unkept: false,
        }),
        Err(e) => {
            model.error(format!("The saved transfer queue cannot be used ({e}); this session keeps its queue in memory"));
            in_memory(false)
        }
    }
}

/// Without a cloud account the engine runs local copies only, its queue in memory: a saved
/// queue holds cloud jobs that would fail here, and stays for a session that has the account.
fn local_transfers(base: TransferConfig) -> Option<Engine> {
    let (scheduler, events) = Scheduler::local_only(base).ok()?;
    Some(Engine {
        scheduler,
        events,
        lock: None,
        unkept: false,
    })
}

/// Runs the loop; the exit status is 0, or 128 + the signal that ended it (SIGTERM, SIGHUP).
async fn run_tui(
    mut model: Model,
    executor: impl FnOnce(tokio::sync::mpsc::UnboundedSender<Msg>) -> Executor,
    engine: Option<Engine>,
) -> Result<ExitCode, LaunchError> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut executor = executor(tx.clone());
    let mut queue_lock = None;
    if let Some(engine) = engine {
        model.transfers.enabled = true;
        model.transfers.in_memory = engine.lock.is_none();
        let _ = tx.send(Msg::Transfer(TransferMsg::Restored(
            engine.scheduler.snapshot(),
        )));
        if engine.unkept {
            let _ = tx.send(Msg::Transfer(TransferMsg::Unkept));
        }
        runtime::forward_transfers(engine.events, tx.clone());
        executor = executor.with_transfers(engine.scheduler);
        queue_lock = engine.lock;
    }
    let mut guard = TerminalGuard::enter(model.settings.mouse)
        .map_err(|e| LaunchError::user(format!("cannot take over the terminal: {e}")))?;
    let mut input = runtime::InputTask::start(tx.clone());
    let signalled = runtime::spawn_signals(tx);
    let result = runtime::run(
        &mut guard.terminal,
        &mut model,
        &mut executor,
        &mut rx,
        Some(&mut input),
    )
    .await;
    drop(guard);
    let stopped = match executor.transfers() {
        Some(s) => s.shutdown().await,
        None => Ok(()),
    };
    if let Err(e) = stopped {
        tracing::error!("saving the transfer queue: {e}");
    }
    // Only now, with the queue saved, may another panfm take it over.
    drop(queue_lock);
    tracing::info!("panfm exiting");
    result.wrap_err("terminal error")?;
    Ok(signalled
        .get()
        .map_or(ExitCode::SUCCESS, |&s| ExitCode::from(s)))
}

fn load_keymap(config_dir: &Path) -> Result<Keymap, LaunchError> {
    let file = config_dir.join("keymap.toml");
    let keymap = match std::fs::read_to_string(&file) {
        Ok(text) => Keymap::with_overrides(&text, &shown(&file)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Keymap::default_map(),
        Err(e) => {
            return Err(LaunchError::user(format!(
                "cannot read {}: {e}",
                shown(&file)
            )));
        }
    };
    keymap.map_err(|e| LaunchError::user(format!("invalid keymap: {e}")))
}

/// A pane's directory; a word that names none may be a mistyped subcommand.
fn local_dir(arg: Option<&Path>, cwd: &Path) -> Result<Location, LaunchError> {
    let path: PathBuf = arg.map_or_else(|| cwd.to_path_buf(), |p| cwd.join(p));
    let given = arg.map_or_else(|| shown(&path), shown);
    let path = match path.canonicalize() {
        Ok(path) => path,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let word = arg.map_or(path.as_os_str(), Path::as_os_str);
            return Err(LaunchError::user(super::typo::no_such_directory(word)));
        }
        Err(e) => return Err(LaunchError::user(format!("cannot open {given}: {e}"))),
    };
    if !path.is_dir() {
        return Err(LaunchError::user(format!("{given}: not a directory")));
    }
    Ok(Location::Local(path))
}

/// A path for a message: control characters and bytes that are not UTF-8 escaped.
fn shown(path: &Path) -> String {
    display_name(path.as_os_str())
}
