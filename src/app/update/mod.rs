//! Pure state transitions: `update(&mut Model, Msg) -> Vec<Effect>`. Never performs I/O, never
//! spawns, never sleeps; each domain lives in its own file and this one only dispatches.

mod bookmarks;
mod cloud;
mod command;
mod compare;
mod delete;
mod destination;
mod dlink;
mod edit;
mod edit_done;
mod goto;
mod images;
mod input;
mod keys;
mod listing;
mod marks;
mod mouse;
mod moves;
mod nav;
mod offline;
mod op_done;
mod open;
mod ops;
mod palette;
mod paths;
mod pattern;
mod preview;
mod queue;
mod rename;
mod route;
mod share_form;
mod shares;
mod shell;
mod sync_ask;
mod theme;
mod transfers;
mod trash;
mod undo;
mod view;
mod viewer;

#[cfg(test)]
mod tests;

use super::{CloudMsg, Effect, ListingMsg, Model, Msg, OpMsg, Side};

/// Effects to run when the app starts: list both panes (or find the folders named on the
/// command line first).
pub fn start(model: &mut Model) -> Vec<Effect> {
    let mut effects: Vec<Effect> = [Side::Left, Side::Right]
        .into_iter()
        .map(|side| open::open_or_list(model, side))
        .collect();
    effects.extend(cloud::start(model));
    effects
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let mut effects = handle(model, msg);
    effects.extend(preview::follow(model));
    effects
}

fn handle(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => keys::handle(model, key),
        Msg::Paste(text) => route::paste(model, &text),
        Msg::Resize { width, height } => {
            view::resize(model, width, height);
            viewer::resized(model)
        }
        Msg::Tick => {
            model.transfers.throughput.tick();
            keys::tick(model)
        }
        Msg::Mouse { at, event } => match mouse::handle(model, at, event) {
            Some(cmd) => command::run(model, cmd),
            None => {
                marks::follow(model);
                vec![]
            }
        },
        Msg::Command(cmd) => command::run(model, cmd),
        Msg::Cloud(m @ CloudMsg::Destination { .. }) => {
            destination::resolved(model, m);
            vec![]
        }
        Msg::Cloud(CloudMsg::Opened {
            side,
            ticket,
            path,
            typed,
            result,
        }) => open::opened(model, (side, ticket, typed), &path, result),
        Msg::Cloud(m) => cloud::update(model, m),
        Msg::Completed { text, names } => {
            destination::completed(model, &text, names);
            vec![]
        }
        Msg::Op(m) => {
            let ended = match &m {
                OpMsg::Finished { op, .. } => Some(*op),
                OpMsg::Progress { .. } => None,
            };
            let mut effects = op_done::update(model, m);
            // A sync waits for its deletions to end before its transfer starts.
            effects.extend(ended.map_or(vec![], |op| sync_ask::op_ended(model, op)));
            effects
        }
        Msg::Transfer(m) => transfers::update(model, m, edit_done::finished),
        Msg::Edited { result } => {
            rename::edited(model, result);
            vec![]
        }
        Msg::Listing(m) => {
            let done = match &m {
                ListingMsg::Done { side, .. } => Some(*side),
                _ => None,
            };
            listing::update(model, m, trash::partial);
            done.map_or(vec![], |side| bookmarks::visited(model, side))
        }
        Msg::ShellExited { result } => shell::returned(model, result),
        Msg::Patched(p) => moves::apply(model, &p, None),
        Msg::Terminate => {
            model.quit = true;
            vec![]
        }
        Msg::Images(m) => images::update(model, m),
        Msg::Delete(m) => {
            delete::update(model, m);
            vec![]
        }
        Msg::Shares(m) => route::shares(model, m),
        Msg::Edit(m) => edit_done::update(model, m),
        Msg::Compare(m) => compare::update(model, m),
        Msg::Read {
            ticket,
            span,
            result,
        } => viewer::read(model, ticket, span, result),
        Msg::SetTheme(name) => vec![super::Effect::LoadTheme { name }],
        Msg::ThemeLoaded { name, result } => {
            theme::loaded(model, name, result);
            vec![]
        }
        Msg::Preview(m) => preview::update(model, m),
    }
}
