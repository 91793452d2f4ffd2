//! The view: a pure function of `&Model` that draws two panes, the status line and the hint
//! bar, then any overlay. Widgets borrow just the model slice they show; no state lives here.

mod ask;
mod columns;
mod compare;
mod confirm;
mod delete;
mod edit;
mod format;
mod help;
mod input_line;
mod job_details;
mod links;
mod offline;
mod palette;
mod pane;
mod popup;
mod preview;
mod queue;
mod rename;
mod share;
mod shares;
mod sparkline;
mod status;
mod viewer;
mod wrap;

pub use format::{size as format_size, truncate};
pub use pane::PaneView;

use crate::app::{MIN_HEIGHT, MIN_WIDTH, Modal, Model, Side};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn view(frame: &mut Frame, model: &Model) {
    let area = frame.area();
    if model.viewport.too_small() || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    if let Some(v) = &model.viewer {
        frame.render_widget(viewer::ViewerView { viewer: v, model }, area);
        overlays(frame, model, area, area);
        return;
    }
    let screen = crate::app::layout::screen(area.width, area.height);
    let [panes, status, hints, left, right] = [
        screen.panes,
        screen.status,
        screen.hints,
        screen.left,
        screen.right,
    ]
    .map(rect);
    let previews = model.preview.shows(area.width, area.height);
    for (side, rect) in [(Side::Left, left), (Side::Right, right)] {
        if previews && side != model.focus {
            let (panel, styles) = (&model.preview, &model.styles);
            let utc_offset = model.utc_offset;
            let view = preview::PreviewView {
                panel,
                styles,
                utc_offset,
                formats: &model.settings.formats,
            };
            frame.render_widget(view, rect);
            continue;
        }
        let view = PaneView {
            pane: model.pane(side),
            focused: model.focus == side,
            styles: &model.styles,
            formats: &model.settings.formats,
            spinner: model.spinner,
            utc_offset: model.utc_offset,
            account: model.account.as_ref(),
        };
        let cursor = if model.focus == side {
            view.filter_cursor(rect)
        } else {
            None
        };
        frame.render_widget(view, rect);
        if let (Some(pos), None) = (cursor, &model.modal) {
            frame.set_cursor_position(pos);
        }
    }
    frame.render_widget(status::StatusView { model }, status);
    frame.render_widget(status::HintsView { model }, hints);
    overlays(frame, model, area, panes);
}

/// The modal on top, in `area` (the transfer queue in `panes`).
fn overlays(frame: &mut Frame, model: &Model, area: Rect, panes: Rect) {
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

/// The view's rectangle for one of the app's layout areas.
pub(crate) fn rect(a: crate::app::layout::Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}×{} — panfm needs at least {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
        Line::from("Enlarge the window, or press q to quit"),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let rect = Rect::new(
        area.x,
        area.y + y,
        area.width,
        area.height.saturating_sub(y),
    );
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        rect,
    );
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_compare;
#[cfg(test)]
mod tests_glance;
#[cfg(test)]
mod tests_images;
#[cfg(test)]
mod tests_inputs;
#[cfg(test)]
mod tests_local;
#[cfg(test)]
mod tests_offline;
#[cfg(test)]
mod tests_palette;
#[cfg(test)]
mod tests_panes;
#[cfg(test)]
mod tests_preview;
#[cfg(test)]
mod tests_queue;
#[cfg(test)]
mod tests_select;
#[cfg(test)]
mod tests_settings;
#[cfg(test)]
mod tests_shares;
#[cfg(test)]
mod tests_viewer;
