//! Runs a [`Command`] in the current layer. Browsing commands act on the focused pane; modal
//! layers (help, filter line) interpret the few commands they bind.

use super::{
    bookmarks, cloud, delete, dlink, images, marks, moves, nav, offline, ops, queue, rename, route,
    share_form, shares, transfers, undo, view,
};
use crate::app::{Effect, Modal, Model};
use crate::config::{Command, Layer};

pub fn run(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let effects = in_layer(model, cmd);
    marks::follow(model);
    effects
}

fn in_layer(model: &mut Model, cmd: Command) -> Vec<Effect> {
    match model.layer() {
        Layer::Help => {
            help(model, cmd);
            vec![]
        }
        Layer::Filter => filter(model, cmd),
        Layer::Input => route::input(model, cmd),
        Layer::Queue => queue::command(model, cmd),
        Layer::Confirm if matches!(model.modal, Some(Modal::TransferAsk(_))) => {
            transfers::question(model, cmd)
        }
        Layer::Confirm if matches!(model.modal, Some(Modal::DeleteAsk(_))) => {
            delete::question(model, cmd)
        }
        Layer::Confirm if matches!(model.modal, Some(Modal::DirectLinkAsk { .. })) => {
            dlink::answer(model, cmd)
        }
        Layer::Confirm if matches!(model.modal, Some(Modal::EditAsk(_))) => {
            super::edit::question(model, cmd)
        }
        Layer::Confirm if matches!(model.modal, Some(Modal::SyncAsk(_))) => {
            super::sync_ask::answer(model, cmd)
        }
        Layer::Confirm if matches!(model.modal, Some(Modal::QuitAsk { .. })) => {
            match cmd {
                Command::Accept | Command::Yes => model.quit = true,
                Command::Escape => model.modal = None,
                _ => {}
            }
            vec![]
        }
        Layer::Confirm => match cmd {
            Command::Accept => ops::confirm(model, true, true),
            Command::Yes => ops::confirm(model, true, false),
            Command::EditTarget => {
                moves::edit_destination(model);
                vec![]
            }
            Command::Escape => ops::confirm(model, false, false),
            _ => vec![],
        },
        Layer::Rename => rename::command(model, cmd),
        Layer::Offline => offline::command(model, cmd),
        Layer::Info => {
            match cmd {
                Command::Escape | Command::Details => model.modal = None,
                Command::CursorDown | Command::CursorUp => {
                    images::scroll_links(model, cmd);
                    dlink::scroll_log(model, cmd);
                }
                _ => {}
            }
            vec![]
        }
        Layer::Browse => browse(model, cmd),
        Layer::Share => share_form::command(model, cmd),
        Layer::Shares => shares::command(model, cmd),
        Layer::Viewer if cmd == Command::Palette => {
            super::palette::open(model);
            vec![]
        }
        Layer::Viewer => super::viewer::command(model, cmd),
        Layer::Palette => super::palette::command(model, cmd),
        Layer::Bookmarks => bookmarks::command(model, cmd),
    }
}

fn browse(model: &mut Model, cmd: Command) -> Vec<Effect> {
    use Command::*;
    let rows = model.viewport.list_rows();
    match cmd {
        CursorUp => nav::move_cursor(model, -1),
        CursorDown => nav::move_cursor(model, 1),
        PageUp => nav::move_cursor(model, -(rows as isize)),
        PageDown => nav::move_cursor(model, rows as isize),
        HalfPageUp => nav::move_cursor(model, -((rows / 2).max(1) as isize)),
        HalfPageDown => nav::move_cursor(model, (rows / 2).max(1) as isize),
        Top => nav::cursor_to(model, 0),
        Bottom => nav::cursor_to(model, usize::MAX),
        Enter => return route::enter(model),
        View => return super::viewer::open(model),
        Parent => return nav::parent(model),
        Home => return nav::home(model),
        Back => return nav::back(model),
        Forward => return nav::forward(model),
        Refresh => return vec![moves::reload(model, model.focus, true)],
        MirrorPane => return nav::mirror(model),
        SwitchPane => model.focus = model.focus.other(),
        SwitchBackend => return cloud::switch_backend(model),
        Search => cloud::search(model),
        GoTo => super::goto::open(model),
        Reveal => return nav::reveal(model),
        Details => return route::details(model),
        Mkdir => ops::mkdir(model),
        Rename | EditRename if images::in_images(model) => images::no_rename(model),
        Rename => route::rename(model),
        EditRename => return rename::edit(model),
        Copy => return route::transfer(model, true),
        Move => return route::transfer(model, false),
        Delete => return route::delete(model),
        ShowTrash => return super::trash::show(model),
        ScanTrash => return super::trash::scan(model),
        Undo => undo::undo(model),
        Redo => undo::redo(model),
        CopyPath => return super::paths::copy(model),
        Shell => return super::shell::open(model),
        Edit => return super::edit::open(model),
        ShowQueue => queue::show(model),
        ToggleHidden => view::toggle_hidden(model),
        SortName | SortSize | SortMtime | SortExtension | SortReverse => view::sort(model, cmd),
        Filter => view::start_filter(model),
        ToggleMark => marks::toggle(model),
        MarkAll => marks::mark_all(model),
        InvertMarks => marks::invert(model),
        ClearMarks => moves::clear(model),
        MarkPattern => super::pattern::ask(model, true),
        UnmarkPattern => super::pattern::ask(model, false),
        VisualMark => marks::visual(model),
        Escape if super::compare::running(model) => return super::compare::stop(model),
        Escape => view::escape(model),
        Help => model.modal = Some(Modal::Help { scroll: 0 }),
        CopyLinks if dlink::applies(model) => return dlink::copy(model, false),
        CopyMarkdownLinks if dlink::applies(model) => return dlink::copy(model, true),
        CopyLinks => return images::copy_links(model, false),
        CopyMarkdownLinks => return images::copy_links(model, true),
        Share => share_form::open(model),
        ShowShares => return shares::show(model),
        DirectLinkEnable => dlink::ask(model, true),
        DirectLinkDisable => dlink::ask(model, false),
        DirectLinkLog => return dlink::log(model),
        OfflineDownload => offline::open(model),
        TogglePreview => super::preview::toggle(model),
        Palette => super::palette::open(model),
        AddBookmark => bookmarks::open(model, true),
        JumpBookmark => bookmarks::open(model, false),
        CompareDirs => return super::compare::start(model),
        SyncDirs => return super::sync_ask::start(model),
        Quit => moves::quit(model),
        Accept | Yes | Noop | DeleteForGood | EditTarget | Complete | CyclePolicy | TogglePause
        | CancelJob | RetryJob | JobUp | JobDown | ResolveOverwrite | ResolveSkip | ResolveBoth
        | ResolveOverwriteAll | ResolveSkipAll | ResolveBothAll | ClearFinished | NextField
        | PrevField | ToggleRegex | ToggleIgnoreCase | CycleCase | CycleScope | AutoFix
        | ShareSettings | GenerateCode | ToggleWrap | ToggleLineNumbers | CycleEncoding
        | ToggleHex | SearchNext | SearchPrev | GotoLine | ScrollLeft | ScrollRight
        | ToggleDeletions => {}
    }
    vec![]
}

fn filter(model: &mut Model, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Accept => view::accept_filter(model),
        Command::Escape => view::clear_filter(model),
        Command::CursorUp => nav::move_cursor(model, -1),
        Command::CursorDown => nav::move_cursor(model, 1),
        Command::Quit => model.quit = true,
        _ => {}
    }
    vec![]
}

fn help(model: &mut Model, cmd: Command) {
    let page = model.viewport.help_rows();
    // The overlay shows `page` lines, so scrolling past this only adds blank space.
    let max = model.keymap.help_len().saturating_sub(page);
    let Some(Modal::Help { scroll }) = &mut model.modal else {
        return;
    };
    match cmd {
        Command::CursorDown => *scroll = (*scroll + 1).min(max),
        Command::CursorUp => *scroll = scroll.saturating_sub(1),
        Command::PageDown => *scroll = (*scroll + page).min(max),
        Command::PageUp => *scroll = scroll.saturating_sub(page),
        Command::HalfPageDown => *scroll = (*scroll + page / 2).min(max),
        Command::HalfPageUp => *scroll = scroll.saturating_sub(page / 2),
        Command::Top => *scroll = 0,
        Command::Bottom => *scroll = max,
        Command::Escape | Command::Help => model.modal = None,
        Command::Quit => model.quit = true,
        _ => {}
    }
}
