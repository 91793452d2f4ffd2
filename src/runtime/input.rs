//! Terminal input: a task forwarding crossterm events to the message channel, which can be
//! stopped and restarted around an external program (`$EDITOR`) that needs the keyboard.

use crate::app::Msg;
use crossterm::event::{Event, EventStream, MouseEventKind};
use futures::StreamExt;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

pub struct InputTask {
    tx: UnboundedSender<Msg>,
    task: Option<JoinHandle<()>>,
}

impl InputTask {
    pub fn start(tx: UnboundedSender<Msg>) -> Self {
        let mut me = Self { tx, task: None };
        me.resume();
        me
    }

    /// Stops reading the terminal (the event stream is dropped with its reader).
    pub async fn pause(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    pub fn resume(&mut self) {
        if self.task.is_some() {
            return;
        }
        let tx = self.tx.clone();
        self.task = Some(tokio::spawn(async move {
            let mut events = EventStream::new();
            while let Some(Ok(event)) = events.next().await {
                let msg = match event {
                    Event::Key(key) => Msg::Key(key),
                    Event::Paste(text) => Msg::Paste(text),
                    Event::Resize(width, height) => Msg::Resize { width, height },
                    Event::Mouse(event) if clicks_or_wheel(event.kind) => Msg::Mouse {
                        at: std::time::Instant::now(),
                        event,
                    },
                    _ => continue,
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        }));
    }
}

/// The mouse events `update` uses: a release, a drag or a motion means nothing there.
fn clicks_or_wheel(kind: MouseEventKind) -> bool {
    matches!(
        kind,
        MouseEventKind::Down(_) | MouseEventKind::ScrollUp | MouseEventKind::ScrollDown
    )
}
