//! The viewer's domain (F3, Enter on a file): opening the cursor file, the viewer's keys, the
//! search and go-to prompts, and the windows coming back. After each of them [`fetch`] asks
//! for what the screen (or the task under way) needs that is neither held nor on its way: the
//! first window to tell what the file is, the screen's windows and one ahead, and a task's
//! next window one at a time. The last window is read with a suffix range.

use crate::app::viewer::{Charset, Geometry, IN_FLIGHT, Task, Viewer};
use crate::app::{Effect, InputPurpose, Modal, Model, Ticket};
use crate::config::Command;
use crate::fs::read::{Chunk, Kind, Source, Span, WINDOW, Windows, sniff};
use crate::fs::{EntryKey, FsError, Location};

/// Columns `h`/`l` move a cut line by.
const SIDE_STEP: usize = 8;

pub fn open(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    let Some(entry) = pane.current() else {
        return vec![];
    };
    if entry.is_dir() {
        return vec![];
    }
    if entry.blocked {
        model.error(format!(
            "{} was rejected by review and cannot be read",
            entry.name
        ));
        return vec![];
    }
    let source = match (&pane.location, &entry.key) {
        (Location::Local(dir), EntryKey::Local(name)) => Source::Local(dir.join(name)),
        (Location::Cloud(_) | Location::Search(_), EntryKey::Cloud(id)) => Source::Cloud(*id),
        (Location::Images(_), EntryKey::Image(id)) => Source::Image(id.clone()),
        (Location::Trash, _) => {
            model.error("Files in the trash cannot be read; restore them first");
            return vec![];
        }
        _ => return vec![],
    };
    let (name, size) = (entry.name.clone(), entry.size);
    let ticket = model.take_ticket();
    model.viewer = Some(Box::new(Viewer::new(ticket, name, source, size)));
    fetch(model)
}

fn geometry(model: &Model, v: &Viewer) -> Geometry {
    v.geometry(model.viewport.width, model.viewport.height)
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(mut v) = model.viewer.take() else {
        return vec![];
    };
    let geo = geometry(model, &v);
    // Moving, switching what is shown or closing drops a search or jump under way; the
    // number and wrap toggles and help leave it running.
    let keeps = matches!(
        cmd,
        Command::ToggleLineNumbers | Command::ToggleWrap | Command::Help
    );
    let stopped = if keeps { None } else { v.task.take() };
    v.error = None;
    let page = geo.rows as isize;
    let mut close = false;
    match cmd {
        Command::CursorDown => drop(v.scroll(1, geo)),
        Command::CursorUp => drop(v.scroll(-1, geo)),
        Command::PageDown => drop(v.scroll(page, geo)),
        Command::PageUp => drop(v.scroll(-page, geo)),
        Command::HalfPageDown => drop(v.scroll((page / 2).max(1), geo)),
        Command::HalfPageUp => drop(v.scroll(-(page / 2).max(1), geo)),
        Command::Top => v.to_top(),
        Command::Bottom => v.task = Some(Task::Bottom),
        Command::ScrollRight if !v.wrap => v.left += SIDE_STEP,
        Command::ScrollLeft => v.left = v.left.saturating_sub(SIDE_STEP),
        Command::ToggleWrap => {
            v.wrap = !v.wrap;
            (v.top.row, v.left) = (0, 0);
        }
        Command::ToggleLineNumbers => v.numbers = !v.numbers,
        Command::CycleEncoding => {
            v.charset = match v.charset {
                Charset::Auto => Charset::Utf8,
                Charset::Utf8 => Charset::Gbk,
                Charset::Gbk => Charset::Auto,
            };
            switch_hex(&mut v, false, geo);
        }
        Command::ToggleHex => {
            let hex = !v.hex;
            switch_hex(&mut v, hex, geo);
        }
        Command::Search => {
            model.modal = Some(Modal::Input(crate::app::InputState::new(
                InputPurpose::ViewerSearch,
                model.focus,
                "",
            )));
        }
        Command::GotoLine => {
            model.modal = Some(Modal::Input(crate::app::InputState::new(
                InputPurpose::ViewerGoto,
                model.focus,
                "",
            )));
        }
        Command::SearchNext | Command::SearchPrev => match v.query.clone() {
            Some(q) => v.start_search(q, cmd == Command::SearchPrev),
            None => v.note = Some("No search yet: / searches".into()),
        },
        Command::Help => model.modal = Some(Modal::Help { scroll: 0 }),
        Command::Escape | Command::View | Command::Quit if stopped.is_some() => {
            v.note = Some("Stopped".into());
        }
        Command::Escape | Command::View | Command::Quit => close = true,
        _ => {}
    }
    if close {
        return vec![];
    }
    model.viewer = Some(v);
    fetch(model)
}

fn switch_hex(v: &mut Viewer, hex: bool, geo: Geometry) {
    v.hex = hex;
    v.hit = None;
    let at = v.top.at;
    if v.realign(geo).is_err() {
        v.task = Some(Task::Byte(at));
    }
}

/// The search prompt's text.
pub fn search(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    if text.is_empty() {
        return Err("Type something to search for".into());
    }
    model.modal = None;
    if let Some(v) = &mut model.viewer {
        v.hit = None;
        v.start_search(text.to_owned(), false);
    }
    Ok(fetch(model))
}

/// The go-to prompt's text: a line number, or a position like `50%`.
pub fn go_to(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let text = text.trim().trim_start_matches(':');
    let task = match text.strip_suffix('%') {
        Some(pct) => {
            let pct: u64 = pct.trim().parse().map_err(|_| bad(text))?;
            let size = model.viewer.as_ref().map_or(0, |v| v.size());
            Task::Byte((u128::from(size) * u128::from(pct.min(100)) / 100) as u64)
        }
        None => Task::Line(text.parse().map_err(|_| bad(text))?),
    };
    model.modal = None;
    if let Some(v) = &mut model.viewer {
        v.task = Some(task);
    }
    Ok(fetch(model))
}

fn bad(text: &str) -> String {
    format!("{text:?} is not a line number or a percentage (like 120 or 50%)")
}

/// A window (or the tail) arrived, or its read failed.
pub fn read(
    model: &mut Model,
    ticket: Ticket,
    span: Span,
    result: Result<Chunk, FsError>,
) -> Vec<Effect> {
    let Some(v) = model.viewer.as_mut().filter(|v| v.ticket == ticket) else {
        return vec![];
    };
    v.pending.remove(&window_of(&v.windows, span));
    match result {
        Ok(chunk) => arrived(v, &chunk),
        Err(e) => {
            v.error = Some(format!("Reading failed: {e} (any key tries again)"));
            v.task = None;
        }
    }
    fetch(model)
}

fn arrived(v: &mut Viewer, chunk: &Chunk) {
    v.fetched += chunk.bytes.len() as u64;
    if let Some(total) = chunk.total.filter(|&t| t != v.size()) {
        v.windows.resize(total);
        v.index = crate::app::viewer::LineIndex::new();
        v.pending.clear();
        v.top = Default::default();
        v.note = Some(format!("The file is {total} bytes now; showing it afresh"));
    }
    for index in v.windows.insert(chunk.start, &chunk.bytes) {
        if let Some(bytes) = v.windows.get(index).cloned() {
            v.index.add(index, &bytes);
        }
    }
    if v.kind.is_none()
        && let Some(first) = v.windows.get(0)
    {
        let kind = sniff::sniff(first, v.size() <= WINDOW);
        v.hex = !matches!(kind, Kind::Text(_));
        v.kind = Some(kind);
    }
}

fn window_of(w: &Windows, span: Span) -> u64 {
    match span {
        Span::At { start, .. } => start / WINDOW,
        Span::Tail { .. } => w.count().saturating_sub(1),
    }
}

/// The screen size changed.
pub fn resized(model: &mut Model) -> Vec<Effect> {
    let Some(v) = model.viewer.as_mut() else {
        return vec![];
    };
    let geo = v.geometry(model.viewport.width, model.viewport.height);
    let _ = v.realign(geo);
    fetch(model)
}

/// Reads what the screen or the task needs (see the module doc).
pub fn fetch(model: &mut Model) -> Vec<Effect> {
    let Some(v) = model.viewer.as_mut() else {
        return vec![];
    };
    let geo = v.geometry(model.viewport.width, model.viewport.height);
    if v.error.is_some() {
        return vec![];
    }
    let mut want = Vec::new();
    if !v.ready() {
        want.push(0);
    } else if let Some(w) = v.run_task(geo) {
        want.push(w);
    } else {
        let screen = v.screen(geo);
        for i in screen.first..=screen.last {
            v.windows.touch(i);
        }
        want.extend(screen.missing);
        if !screen.end && screen.last + 1 < v.windows.count() {
            want.push(screen.last + 1);
        }
        if screen.first > 0 && v.top.at - screen.first * WINDOW < WINDOW / 4 {
            want.push(screen.first - 1);
        }
    }
    let mut effects = Vec::new();
    for index in want {
        let (start, len) = v.windows.span(index);
        if len == 0 || v.windows.has(index) || v.pending.contains(&index) {
            continue;
        }
        if v.pending.len() >= IN_FLIGHT {
            break;
        }
        let last = index + 1 == v.windows.count();
        let span = match last && index > 0 {
            true => Span::Tail { len },
            false => Span::At { start, len },
        };
        v.pending.insert(index);
        effects.push(Effect::Read {
            ticket: v.ticket,
            source: v.source.clone(),
            span,
        });
    }
    effects
}
