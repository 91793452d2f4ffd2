//! The runtime: owns the terminal, the one message channel and the executor. It applies
//! messages to the model with `update`, runs the returned effects, and redraws only when
//! something changed — at most once per frame interval — so an idle panfm writes nothing.

mod executor;
pub mod terminal;

pub use executor::Executor;

use crate::app::{self, Model, Msg};
use crate::ui;
use crossterm::event::{Event, EventStream};
use futures::StreamExt;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::time::Instant;

const FRAME: Duration = Duration::from_millis(16);
const TICK: Duration = Duration::from_millis(100);

/// Applies one message and runs its effects.
pub fn dispatch(model: &mut Model, executor: &mut Executor, msg: Msg) {
    for effect in app::update(model, msg) {
        executor.run(effect);
    }
}

/// Runs until the model asks to quit or the channel closes.
pub async fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    executor: &mut Executor,
    rx: &mut UnboundedReceiver<Msg>,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    dispatch(
        model,
        executor,
        Msg::Resize {
            width: size.width,
            height: size.height,
        },
    );
    for effect in app::start(model) {
        executor.run(effect);
    }
    let mut dirty = true;
    let mut last_draw: Option<Instant> = None;
    let mut next_tick: Option<Instant> = None;
    loop {
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
                dispatch(model, executor, msg);
                while let Ok(msg) = rx.try_recv() {
                    dispatch(model, executor, msg);
                }
                dirty = true;
            }
            _ = sleep_until(frame_due), if frame_due.is_some() => {}
            _ = sleep_until(next_tick), if next_tick.is_some() => {
                dispatch(model, executor, Msg::Tick);
                next_tick = next_tick.map(|t| t + TICK);
                dirty = true;
            }
        }
    }
}

async fn sleep_until(at: Option<Instant>) {
    if let Some(at) = at {
        tokio::time::sleep_until(at).await;
    }
}

/// Forwards terminal input to the channel until the stream ends or the app quits.
pub fn spawn_input(tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let mut events = EventStream::new();
        while let Some(Ok(event)) = events.next().await {
            let msg = match event {
                Event::Key(key) => Msg::Key(key),
                Event::Paste(text) => Msg::Paste(text),
                Event::Resize(width, height) => Msg::Resize { width, height },
                _ => continue,
            };
            if tx.send(msg).is_err() {
                return;
            }
        }
    });
}

/// Turns SIGTERM and SIGHUP into `Msg::Terminate`, so the terminal is restored on the way out.
pub fn spawn_signals(tx: UnboundedSender<Msg>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
        ) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = hup.recv() => {}
        }
        let _ = tx.send(Msg::Terminate);
    });
}
