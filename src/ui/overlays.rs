//! The modal on top of the panes: each dialog, popup and panel the model has open, drawn by
//! its own view; `view` calls this after the panes.

use super::{
    ask, compare, confirm, delete, edit, help, links, offline, palette, popup, queue, rename,
    share, shares,
};
use crate::app::{Modal, Model};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The modal on top, in `area` (the transfer queue in `panes`).
pub(super) fn draw(frame: &mut Frame, model: &Model, area: Rect, panes: Rect) {
    match &model.modal {
        Some(Modal::Help { scroll }) => {
            frame.render_widget(
                help::HelpView {
                    model,
                    scroll: *scroll,
                },
                area,
            );
        }
        Some(Modal::Input(state)) => {
            let view = popup::InputView {
                state,
                styles: &model.styles,
            };
            frame.set_cursor_position(view.cursor(area));
            frame.render_widget(view, area);
        }
        Some(Modal::Details(state)) => {
            let offset = model.utc_offset;
            let view = popup::DetailsView {
                state,
                styles: &model.styles,
                formats: &model.settings.formats,
                utc_offset: offset,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::Confirm(state)) => {
            frame.render_widget(confirm::ConfirmView::of(state, &model.styles), area);
        }
        Some(Modal::DeleteAsk(ask)) => {
            let for_good = model
                .keymap
                .key_for(
                    crate::config::Layer::Confirm,
                    crate::config::Command::DeleteForGood,
                )
                .unwrap_or_else(|| "(no key)".to_owned());
            let view = delete::DeleteView {
                ask,
                styles: &model.styles,
                units: model.settings.formats.units,
                for_good,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::Report {
            title,
            lines,
            scroll,
        }) => {
            let view = confirm::ReportView {
                title,
                lines,
                scroll: *scroll,
                styles: &model.styles,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::Links {
            title,
            lines,
            failed,
            scroll,
        }) => {
            let view = links::LinksView {
                title,
                lines,
                failed,
                scroll: *scroll,
                styles: &model.styles,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::Rename(state)) => {
            let view = rename::RenameView {
                state,
                styles: &model.styles,
            };
            if let Some(pos) = view.cursor(area) {
                frame.set_cursor_position(pos);
            }
            frame.render_widget(view, area);
        }
        Some(Modal::Offline(ask)) => {
            let view = offline::OfflineView {
                ask,
                styles: &model.styles,
            };
            frame.set_cursor_position(view.cursor(area));
            frame.render_widget(view, area);
        }
        Some(Modal::TransferAsk(ask)) => {
            let view = ask::AskView {
                ask,
                styles: &model.styles,
                units: model.settings.formats.units,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::QuitAsk { unfinished }) => {
            let title = match unfinished {
                1 => "1 transfer is not finished. Quit anyway?".to_owned(),
                n => format!("{n} transfers are not finished. Quit anyway?"),
            };
            let line = match model.transfers.in_memory {
                true => "They stop here: this session's queue is not saved.",
                false => "They continue from where they stopped when panfm starts again.",
            };
            let lines = vec![line.to_owned()];
            let view = confirm::ConfirmView {
                title: &title,
                lines: &lines,
                danger: false,
                styles: &model.styles,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::Queue {
            cursor, details, ..
        }) => {
            let view = queue::QueueView {
                model,
                cursor: *cursor,
                details: *details,
            };
            frame.render_widget(view, panes);
        }
        Some(Modal::Share(form)) => {
            let view = share::ShareView {
                form,
                styles: &model.styles,
            };
            if let Some(pos) = view.cursor(area) {
                frame.set_cursor_position(pos);
            }
            frame.render_widget(view, area);
        }
        Some(Modal::Shares(view)) => {
            let panel = shares::SharesPanel {
                view,
                styles: &model.styles,
                units: model.settings.formats.units,
                utc_offset: model.utc_offset,
            };
            frame.render_widget(panel, panes);
        }
        Some(Modal::DirectLinkAsk { path, on, .. }) => {
            let (title, lines) = crate::app::direct_link_question(path, *on);
            let view = confirm::ConfirmView {
                title: &title,
                lines: &lines,
                danger: false,
                styles: &model.styles,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::DirectLinkLog { lines, scroll }) => {
            let view = shares::DirectLinkLogView {
                lines,
                scroll: *scroll,
                styles: &model.styles,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::EditAsk(ask)) => {
            let key = |cmd| {
                let layer = crate::config::Layer::Confirm;
                model
                    .keymap
                    .key_for(layer, cmd)
                    .unwrap_or_else(|| "(no key)".to_owned())
            };
            let keys = (
                key(crate::config::Command::ResolveOverwrite),
                key(crate::config::Command::ResolveBoth),
            );
            let styles = &model.styles;
            frame.render_widget(edit::EditAskView { ask, styles, keys }, area);
        }
        Some(Modal::Palette(state)) => {
            let view = palette::PaletteView {
                state,
                styles: &model.styles,
            };
            frame.set_cursor_position(view.cursor(area));
            frame.render_widget(view, area);
        }
        Some(Modal::Bookmarks { add, cursor }) => {
            let view = palette::BookmarksView {
                model,
                add: *add,
                cursor: *cursor,
            };
            frame.render_widget(view, area);
        }
        Some(Modal::SyncAsk(ask)) => {
            let toggle = model
                .keymap
                .key_for(
                    crate::config::Layer::Confirm,
                    crate::config::Command::ToggleDeletions,
                )
                .unwrap_or_else(|| "(no key)".to_owned());
            let view = compare::SyncAskView {
                ask,
                styles: &model.styles,
                toggle,
                units: model.settings.formats.units,
            };
            frame.render_widget(view, area);
        }
        None => {}
    }
}
