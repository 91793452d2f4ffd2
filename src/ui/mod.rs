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
mod overlays;
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

use crate::app::{MIN_HEIGHT, MIN_WIDTH, Model, Side};
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
        overlays::draw(frame, model, area, area);
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
    overlays::draw(frame, model, area, panes);
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
