//! The offline-download dialog's state (`Modal::Offline`): the URLs typed or pasted (separated
//! by spaces or lines), an optional file name, and the cloud folder the drive will fetch into,
//! fixed when the dialog opened.

use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineField {
    Urls,
    Name,
}

#[derive(Debug, Clone)]
pub struct OfflineAsk {
    pub urls: Input,
    pub name: Input,
    pub focus: OfflineField,
    /// The folder; `None`: the drive's own "/来自:离线下载".
    pub dest: Option<i64>,
    /// Its cloud path (`/下载`).
    pub dest_path: String,
    /// Why the drive's own folder stands in for the pane's (the root is not accepted).
    pub dest_note: Option<String>,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl OfflineAsk {
    pub fn new(dest: Option<i64>, dest_path: String, dest_note: Option<String>) -> Self {
        Self {
            urls: Input::default(),
            name: Input::default(),
            focus: OfflineField::Urls,
            dest,
            dest_path,
            dest_note,
            error: None,
        }
    }

    /// Every URL typed, in order.
    pub fn url_list(&self) -> Vec<String> {
        self.urls
            .value()
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    pub fn field(&self) -> &Input {
        match self.focus {
            OfflineField::Urls => &self.urls,
            OfflineField::Name => &self.name,
        }
    }

    pub fn field_mut(&mut self) -> &mut Input {
        match self.focus {
            OfflineField::Urls => &mut self.urls,
            OfflineField::Name => &mut self.name,
        }
    }
}
