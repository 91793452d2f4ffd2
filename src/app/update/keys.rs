//! The only place a key becomes a [`Command`]: looks the key (and any pending chord) up in the
//! keymap for the current layer. Text typed into the filter line bypasses the keymap except for
//! the keys its layer binds. `Esc` followed by a digit stands in for F1–F10 (F10 = `Esc 0`) on
//! terminals that lack function keys; a lone `Esc` acts after the chord timeout or the next key.

use super::{bookmarks, command, input, offline, palette, rename, share_form, view};
use crate::app::{CHORD_TIMEOUT_TICKS, Effect, Model};
use crate::config::{Key, Layer, Lookup};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A lone `Esc` waits this many ticks for a digit before acting.
const ESC_TIMEOUT_TICKS: u8 = 4;

pub fn handle(model: &mut Model, ev: KeyEvent) -> Vec<Effect> {
    if ev.kind == KeyEventKind::Release {
        return vec![];
    }
    model.status = None;
    let key = Key::from(ev);
    let layer = model.layer();
    if matches!(
        layer,
        Layer::Filter
            | Layer::Input
            | Layer::Rename
            | Layer::Share
            | Layer::Offline
            | Layer::Palette
            | Layer::Bookmarks
    ) {
        return match model.keymap.lookup(layer, &[key]) {
            Lookup::Run(cmd) => command::run(model, cmd),
            _ if layer == Layer::Filter => {
                view::edit_filter(model, ev);
                vec![]
            }
            _ if layer == Layer::Rename => {
                rename::type_key(model, ev);
                vec![]
            }
            _ if layer == Layer::Share => {
                share_form::type_key(model, ev);
                vec![]
            }
            _ if layer == Layer::Offline => {
                offline::type_key(model, ev);
                vec![]
            }
            _ if layer == Layer::Palette => {
                palette::type_key(model, ev);
                vec![]
            }
            _ if layer == Layer::Bookmarks => bookmarks::type_key(model, ev),
            _ => {
                input::edit(model, ev);
                vec![]
            }
        };
    }
    let mut effects = vec![];
    let mut key = key;
    if model.pending_keys == [esc()] {
        model.pending_keys.clear();
        match digit_as_f_key(key, KeyModifiers::NONE) {
            Some(f) => key = f,
            None => effects.extend(run_keys(model, layer, &[esc()])),
        }
    } else if let Some(f) = digit_as_f_key(key, KeyModifiers::ALT) {
        // Terminals deliver a quick Esc-then-digit as Alt+digit.
        key = f;
    } else if key == esc() && layer == Layer::Browse && model.pending_keys.is_empty() {
        model.pending_keys.push(key);
        model.pending_ticks = 0;
        return effects;
    }
    let layer = model.layer();
    let mut seq = std::mem::take(&mut model.pending_keys);
    seq.push(key);
    match model.keymap.lookup(layer, &seq) {
        Lookup::Run(cmd) => effects.extend(command::run(model, cmd)),
        Lookup::Pending => {
            model.pending_keys = seq;
            model.pending_ticks = 0;
        }
        Lookup::Unbound if seq.len() > 1 => model.error(format!("{} is not bound", describe(&seq))),
        Lookup::Unbound => {}
    }
    effects
}

fn run_keys(model: &mut Model, layer: Layer, seq: &[Key]) -> Vec<Effect> {
    match model.keymap.lookup(layer, seq) {
        Lookup::Run(cmd) => command::run(model, cmd),
        _ => vec![],
    }
}

/// Advances timers: drops a stale chord (running a lone `Esc`), animates the spinner.
pub fn tick(model: &mut Model) -> Vec<Effect> {
    model.spinner = model.spinner.wrapping_add(1);
    if model.pending_keys.is_empty() {
        return vec![];
    }
    model.pending_ticks += 1;
    let lone_esc = model.pending_keys == [esc()];
    let limit = if lone_esc {
        ESC_TIMEOUT_TICKS
    } else {
        CHORD_TIMEOUT_TICKS
    };
    if model.pending_ticks < limit {
        return vec![];
    }
    let pending = std::mem::take(&mut model.pending_keys);
    if lone_esc {
        let layer = model.layer();
        return run_keys(model, layer, &pending);
    }
    vec![]
}

fn digit_as_f_key(key: Key, mods: KeyModifiers) -> Option<Key> {
    match key.code {
        KeyCode::Char(d @ '0'..='9') if key.mods == mods => {
            let n = d
                .to_digit(10)
                .map_or(10, |n| if n == 0 { 10 } else { n as u8 });
            Some(Key::new(KeyCode::F(n), KeyModifiers::NONE))
        }
        _ => None,
    }
}

fn esc() -> Key {
    Key::new(KeyCode::Esc, KeyModifiers::NONE)
}

fn describe(seq: &[Key]) -> String {
    seq.iter().map(Key::to_string).collect::<Vec<_>>().join(" ")
}
