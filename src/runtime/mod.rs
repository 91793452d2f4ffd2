//! The runtime: owns the terminal, the one message channel and the executor. It applies
//! messages to the model with `update`, runs the returned effects, and redraws only when
//! something changed — at most once per frame interval — so an idle panfm writes nothing.

mod clipboard;
mod cloud_ops;
mod compare;
mod count;
pub mod edit;
mod editor;
mod executor;
mod img_fetch;
mod img_ops;
mod input;
pub mod journal;
pub mod keep;
mod op_report;
mod open;
pub mod ops;
mod preview;
mod shares;
mod shell;
pub mod terminal;

pub use executor::Executor;
pub use input::InputTask;

use crate::app::{self, Effect, Model, Msg};
use crate::ui;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::time::Instant;

const FRAME: Duration = Duration::from_millis(16);
const TICK: Duration = Duration::from_millis(100);

/// Applies one message and runs its effects; returns those that need the terminal.
pub fn dispatch(model: &mut Model, executor: &mut Executor, msg: Msg) -> Vec<Effect> {
    if let Msg::Key(key) = &msg {
        tracing::trace!(?key, layer = ?model.layer(), "key");
    }
    app::update(model, msg)
        .into_iter()
        .filter_map(|e| executor.run(e))
        .collect()
}

/// Runs until the model asks to quit or the channel closes. `input` is the real terminal's
/// key reader (paused while an external program has the screen); `None` when headless.
pub async fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    executor: &mut Executor,
    rx: &mut UnboundedReceiver<Msg>,
    mut input: Option<&mut InputTask>,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    let resize = Msg::Resize {
        width: size.width,
        height: size.height,
    };
    let mut held = dispatch(model, executor, resize);
    held.extend(
        app::start(model)
            .into_iter()
            .filter_map(|e| executor.run(e)),
    );
    let mut dirty = true;
    let mut last_draw: Option<Instant> = None;
    let mut next_tick: Option<Instant> = None;
    loop {
        for effect in std::mem::take(&mut held) {
            if let Effect::EditNames { names } = effect {
                let editor = executor.editor().clone();
                let run = move || editor::edit_names(&names, &editor);
                let result = suspended(terminal, input.as_deref_mut(), run).await?;
                held.extend(dispatch(model, executor, Msg::Edited { result }));
                dirty = true;
            } else if let Effect::Edit(app::EditEffect::Open { id, path }) = effect {
                let (file, editor) = (path.clone(), executor.editor().clone());
                let run = move || Ok(edit::open(id, file, &editor));
                let msg = suspended(terminal, input.as_deref_mut(), run).await?;
                let msg = msg.unwrap_or_else(|why| edit::failed(id, path, why));
                held.extend(dispatch(model, executor, msg));
                dirty = true;
            } else if let Effect::Shell { dir } = effect {
                let run = move || shell::run(&dir);
                let result = suspended(terminal, input.as_deref_mut(), run).await?;
                held.extend(dispatch(model, executor, Msg::ShellExited { result }));
                dirty = true;
            } else if let Effect::Clipboard { text } = effect {
                // Only a real terminal takes it; a headless run has no clipboard.
                if input.is_some()
                    && let Err(e) = clipboard::copy(&mut std::io::stdout(), &text)
                {
                    tracing::warn!("cannot write to the terminal's clipboard: {e}");
                }
            }
        }
        let now = Instant::now();
        if dirty && last_draw.is_none_or(|t| now >= t + FRAME) {
            terminal.draw(|f| ui::view(f, model))?;
            dirty = false;
            last_draw = Some(now);
        }
        if model.quit {
            return Ok(());
        }
        next_tick = match (model.wants_tick(), next_tick) {
            (false, _) => None,
            (true, None) => Some(now + TICK),
            (true, t) => t,
        };
        let frame_due = dirty.then(|| last_draw.map_or(now, |t| t + FRAME));
        tokio::select! {
            msg = rx.recv() => {
                let Some(msg) = msg else { return Ok(()) };
                held.extend(dispatch(model, executor, msg));
                while let Ok(msg) = rx.try_recv() {
                    held.extend(dispatch(model, executor, msg));
                }
                dirty = true;
            }
            _ = sleep_until(frame_due), if frame_due.is_some() => {}
            _ = sleep_until(next_tick), if next_tick.is_some() => {
                held.extend(dispatch(model, executor, Msg::Tick));
                next_tick = next_tick.map(|t| t + TICK);
                dirty = true;
            }
        }
    }
}

/// Runs `program` (`$EDITOR`, a shell) with the screen and keyboard handed over, then takes
/// them back and forces a full redraw.
async fn suspended<B: Backend, T: Send + 'static>(
    terminal: &mut Terminal<B>,
    mut input: Option<&mut InputTask>,
    program: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<Result<T, String>, B::Error> {
    if let Some(i) = input.as_deref_mut() {
        i.pause().await;
        terminal::restore();
    }
    let result = tokio::task::spawn_blocking(program)
        .await
        .unwrap_or_else(|e| Err(format!("the program's task failed: {e}")));
    if let Some(i) = input {
        if let Err(e) = terminal::reenter() {
            tracing::error!("cannot take the terminal back: {e}");
        }
        i.resume();
    }
    let area = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, area.width, area.height))?;
    Ok(result)
}

async fn sleep_until(at: Option<Instant>) {
    if let Some(at) = at {
        tokio::time::sleep_until(at).await;
    }
}

/// Forwards transfer-engine events to the channel, stamped with their arrival time.
pub fn forward_transfers(
    mut events: UnboundedReceiver<crate::transfer::TransferEvent>,
    tx: UnboundedSender<Msg>,
) {
    tokio::spawn(async move {
        while let Some(event) = events.recv().await {
            let at = std::time::Instant::now();
            if tx
                .send(Msg::Transfer(app::TransferMsg::Event { at, event }))
                .is_err()
            {
                return;
            }
        }
    });
}

/// Turns SIGTERM and SIGHUP into `Msg::Terminate`, so the terminal is restored on the way out.
/// The returned cell then holds the exit status a shell reports for a process that signal
/// ended, as the command line's is: 143 (128 + SIGTERM) or 129 (128 + SIGHUP).
pub fn spawn_signals(tx: UnboundedSender<Msg>) -> Arc<OnceLock<u8>> {
    let signalled = Arc::new(OnceLock::new());
    #[cfg(unix)]
    tokio::spawn({
        let signalled = Arc::clone(&signalled);
        async move {
            use tokio::signal::unix::{SignalKind, signal};
            let (Ok(mut term), Ok(mut hup)) = (
                signal(SignalKind::terminate()),
                signal(SignalKind::hangup()),
            ) else {
                return;
            };
            let status = tokio::select! {
                _ = term.recv() => 128 + 15,
                _ = hup.recv() => 128 + 1,
            };
            let _ = signalled.set(status);
            let _ = tx.send(Msg::Terminate);
        }
    });
    #[cfg(not(unix))]
    drop(tx);
    signalled
}

#[cfg(test)]
mod theme_tests;
