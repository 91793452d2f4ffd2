//! The two bottom rows. The status line shows, in order of precedence, the pending chord's
//! continuations, a running operation, the transfer queue's summary while it runs and no
//! message shows (jobs of the running batches finished, speed, ETA), the latest message, or the
//! focused pane's totals. The hint bar shows the keys of the current layer's main commands (in
//! the trash view, its own), taken from the keymap.

use super::format;
use crate::app::{Level, Modal, Model, TrashCheck};
use crate::config::{Command, Key, Layer};
use crate::fs::Location;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct StatusView<'a> {
    pub model: &'a Model,
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let s = &m.styles;
        let u = m.settings.formats.units;
        let width = usize::from(area.width);
        let line = if !m.pending_keys.is_empty() {
            chord_line(m)
        } else if let Some(op) = m.ops.first() {
            let more = if m.ops.len() > 1 {
                format!(" (+{} more)", m.ops.len() - 1)
            } else {
                String::new()
            };
            let text = format!(
                "{}… {}/{}{more}",
                op.label,
                format::count(op.done),
                format::count(op.total)
            );
            Line::from(Span::styled(format::truncate(&text, width), s.info))
        } else if m.status.is_none() && m.transfers.unfinished() > 0 {
            let t = m.transfers.totals();
            let mut text = format!("Transfers ↑{} ↓{}", t.uploads, t.downloads);
            if t.copies > 0 {
                text.push_str(&format!(" →{}", t.copies));
            }
            if t.fetches > 0 {
                text.push_str(&format!(" ⇣{} (the drive fetches)", t.fetches));
            }
            let (done, all) = crate::app::throughput::batch_progress(&m.transfers);
            text.push_str(&format!(" · {done} of {all}"));
            if let Some(eta) = crate::app::throughput::eta(t.bytes_left, t.speed) {
                let speed = format::size(t.speed as u64, u);
                text.push_str(&format!(" · {speed}/s · ETA {}", crate::fmt::duration(eta)));
            }
            if m.transfers.conflicts() > 0 {
                text.push_str(&format!(" · {} to answer", m.transfers.conflicts()));
            }
            text.push_str(" · t: queue");
            Line::from(Span::styled(format::truncate(&text, width), s.info))
        } else if let Some(msg) = &m.status {
            let style = if msg.level == Level::Error {
                s.error
            } else {
                s.info
            };
            Line::from(Span::styled(format::truncate(&msg.text, width), style))
        } else {
            let p = m.focused();
            let st = p.listing.stats();
            let mut text = format!(
                "{}, {}, {}",
                format::counted(st.dirs, "dir"),
                format::counted(st.files, "file"),
                format::size(st.bytes, u)
            );
            if p.show_hidden {
                text.push_str(" · hidden shown");
            }
            if let Some(e) = p.current() {
                text.push_str(&format!(" · {}", e.name));
            }
            Line::from(Span::styled(format::truncate(&text, width), s.status))
        };
        line.render(area, buf);
    }
}

fn chord_line(m: &Model) -> Line<'static> {
    let s = &m.styles;
    let prefix: String = m
        .pending_keys
        .iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let mut spans = vec![
        Span::styled(format!("{prefix} "), s.hint_key),
        Span::raw(" "),
    ];
    if m.pending_keys.len() == 1 && m.pending_keys[0].code == crossterm::event::KeyCode::Esc {
        spans.push(Span::styled("1…9 0 = F1…F10", s.hint_desc));
        return Line::from(spans);
    }
    for b in m.keymap.continuations(m.layer(), &m.pending_keys) {
        let rest: Vec<String> = b.on[m.pending_keys.len()..]
            .iter()
            .map(Key::to_string)
            .collect();
        spans.push(Span::styled(rest.join(" "), s.hint_key));
        spans.push(Span::styled(format!(" {}  ", b.desc), s.hint_desc));
    }
    Line::from(spans)
}

/// The question before a local delete, with no system trash to offer.
fn no_trash(m: &Model) -> bool {
    matches!(&m.modal, Some(Modal::DeleteAsk(a)) if matches!(a.trash, TrashCheck::Unavailable(_)))
}

pub struct HintsView<'a> {
    pub model: &'a Model,
}

impl Widget for HintsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let layer = m.layer();
        let in_trash = m.focused().location == Location::Trash;
        let in_search = matches!(m.focused().location, Location::Search(_));
        let commands: &[(Command, &str)] = match layer {
            Layer::Browse if in_trash => &[
                (Command::Help, "help"),
                (Command::Rename, "restore"),
                (Command::Delete, "delete for good"),
                (Command::Parent, "leave"),
                (Command::ToggleMark, "mark"),
                (Command::Refresh, "reload"),
                (Command::ScanTrash, "full scan (slow)"),
                (Command::Quit, "quit"),
            ],
            Layer::Browse if in_search => &[
                (Command::Help, "help"),
                (Command::Enter, "open"),
                (Command::Reveal, "its folder"),
                (Command::Parent, "leave"),
                (Command::ToggleMark, "mark"),
                (Command::Filter, "filter"),
                (Command::SortName, "sort"),
                (Command::Quit, "quit"),
            ],
            Layer::Browse => &[
                (Command::Help, "help"),
                (Command::Enter, "open"),
                (Command::Parent, "up"),
                (Command::SwitchPane, "pane"),
                (Command::ToggleMark, "mark"),
                (Command::Filter, "filter"),
                (Command::SortName, "sort"),
                (Command::ToggleHidden, "hidden"),
                (Command::Quit, "quit"),
            ],
            Layer::Filter => &[
                (Command::Accept, "keep"),
                (Command::Escape, "clear"),
                (Command::CursorDown, "next"),
                (Command::CursorUp, "prev"),
            ],
            Layer::Input => &[(Command::Accept, "ok"), (Command::Escape, "cancel")],
            Layer::Palette => &[
                (Command::Accept, "run"),
                (Command::CursorDown, "next"),
                (Command::CursorUp, "prev"),
                (Command::Complete, "complete a path"),
                (Command::Escape, "close"),
            ],
            Layer::Bookmarks if matches!(m.modal, Some(Modal::Bookmarks { add: true, .. })) => {
                &[(Command::Escape, "cancel")]
            }
            Layer::Bookmarks => &[
                (Command::Accept, "go"),
                (Command::CursorDown, "next"),
                (Command::Delete, "remove"),
                (Command::Escape, "close"),
            ],
            Layer::Info => &[(Command::Escape, "close")],
            Layer::Confirm if no_trash(m) => &[
                (Command::DeleteForGood, "for good"),
                (Command::Escape, "cancel"),
            ],
            Layer::Confirm if matches!(m.modal, Some(Modal::DeleteAsk(_))) => &[
                (Command::Yes, "to the trash"),
                (Command::DeleteForGood, "for good"),
                (Command::Escape, "cancel"),
            ],
            Layer::Confirm => &[(Command::Yes, "yes"), (Command::Escape, "no")],
            Layer::Queue => &[
                (Command::Details, "details"),
                (Command::TogglePause, "pause"),
                (Command::CancelJob, "cancel"),
                (Command::RetryJob, "retry"),
                (Command::ClearFinished, "clear done"),
                (Command::Escape, "close"),
            ],
            Layer::Rename if editor_names(m) => &[
                (Command::Accept, "rename"),
                (Command::AutoFix, "number dups"),
                (Command::CursorDown, "scroll"),
                (Command::Escape, "cancel"),
            ],
            Layer::Rename => &[
                (Command::Accept, "rename"),
                (Command::NextField, "field"),
                (Command::ToggleRegex, "regex"),
                (Command::CycleCase, "case"),
                (Command::CycleScope, "scope"),
                (Command::AutoFix, "number dups"),
                (Command::Escape, "cancel"),
            ],
            Layer::Help => &[(Command::Escape, "close"), (Command::CursorDown, "scroll")],
            Layer::Share if settings_form(m) => &[
                (Command::Accept, "apply"),
                (Command::NextField, "field"),
                (Command::Escape, "back"),
            ],
            Layer::Share => &[
                (Command::Accept, "ok"),
                (Command::NextField, "field"),
                (Command::GenerateCode, "new code"),
                (Command::Escape, "cancel"),
            ],
            Layer::Shares => &[
                (Command::CopyLinks, "copy link"),
                (Command::ShareSettings, "guest access"),
                (Command::ToggleMark, "mark"),
                (Command::Refresh, "reload"),
                (Command::Escape, "close"),
            ],
            Layer::Offline => &[
                (Command::Accept, "fetch"),
                (Command::NextField, "field"),
                (Command::Escape, "cancel"),
            ],
            Layer::Viewer => &[
                (Command::Escape, "close"),
                (Command::Search, "find"),
                (Command::GotoLine, "line"),
                (Command::ToggleWrap, "wrap"),
                (Command::ToggleHex, "hex"),
                (Command::CycleEncoding, "encoding"),
            ],
        };
        let mut spans = vec![];
        for (cmd, label) in commands {
            let Some(key) = m.keymap.key_for(layer, *cmd) else {
                continue;
            };
            let key = if *cmd == Command::SortName {
                key.split(' ').next().unwrap_or("").to_owned()
            } else {
                key
            };
            spans.push(Span::styled(key, m.styles.hint_key));
            spans.push(Span::styled(format!(" {label}  "), m.styles.hint_desc));
        }
        Line::from(spans).render(area, buf);
    }
}

/// The batch rename shows names typed in `$EDITOR`: the pattern form's keys do nothing there.
fn editor_names(m: &Model) -> bool {
    matches!(&m.modal, Some(crate::app::Modal::Rename(st)) if st.edited.is_some())
}

/// The share dialog changes existing shares: no name, expiry or code to set.
fn settings_form(m: &Model) -> bool {
    matches!(&m.modal, Some(crate::app::Modal::Share(f))
        if matches!(f.mode, crate::app::ShareFormMode::Edit { .. }))
}
