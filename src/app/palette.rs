//! The command palette's state and ranking (`:` / `C-p`). Its items are the commands bound in
//! the layer it opened over, each with its keys and description from the keymap (the help
//! overlay's source), plus whatever [`extra`] adds; a query ranks them by fuzzy score, then by
//! how recently each was picked, then in keymap order. A query that starts like a path (`/`,
//! `~`, `.`, `cloud:`, `images:`, `local:`) switches to path mode: the typed folder first, then
//! the bookmarks and recent folders that match.

use super::bookmarks::Bookmarks;
use super::recent::Recent;
use super::{Msg, Settings};
use crate::config::{Command, Keymap, Layer};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use tui_input::Input;

/// What picking an item does.
#[derive(Debug, Clone)]
pub enum Action {
    /// Runs the command as its key would.
    Run(Command),
    /// Goes to the folder written as panfm reads paths (`cloud:/…`).
    Go(String),
    /// Sends the message through `update` (an item that is no keymap command, such as one
    /// theme of a theme switcher).
    Send(Box<super::msg::Msg>),
}

#[derive(Debug, Clone)]
pub struct Item {
    pub desc: String,
    /// The command's keymap name, or the folder of a `Go`.
    pub name: String,
    pub keys: String,
    pub action: Action,
}

/// A ranked item and the char positions the query matched in its desc, name and keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hit {
    /// `None`: the path typed in path mode.
    pub item: Option<usize>,
    pub desc: Vec<usize>,
    pub name: Vec<usize>,
    pub keys: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct PaletteState {
    pub input: Input,
    /// The layer it opened over: its commands are the items, and run in it.
    pub from: Layer,
    pub items: Vec<Item>,
    /// Bookmarks and recent folders, for path mode.
    pub places: Vec<Item>,
    pub hits: Vec<Hit>,
    pub cursor: usize,
    pub error: Option<String>,
    /// Completion candidates in path mode.
    pub note: Option<String>,
}

impl PaletteState {
    pub fn new(keymap: &Keymap, from: Layer, extra: Vec<Item>, places: Vec<Item>) -> Self {
        let mut items: Vec<Item> = keymap
            .entries(from)
            .into_iter()
            .filter(|(cmd, ..)| !matches!(cmd, Command::Palette | Command::Noop))
            .map(|(cmd, keys, desc)| Item {
                desc: desc.to_owned(),
                name: cmd.name(),
                keys,
                action: Action::Run(cmd),
            })
            .collect();
        items.extend(extra);
        Self {
            input: Input::default(),
            from,
            items,
            places,
            hits: vec![],
            cursor: 0,
            error: None,
            note: None,
        }
    }

    /// Whether the query is a path to go to (only over the panes).
    pub fn path_mode(&self) -> bool {
        self.from == Layer::Browse && is_path(self.input.value())
    }

    /// Ranks again after the query changed; the cursor goes back to the best.
    pub fn refresh(&mut self, recent: &Recent) {
        let query = self.input.value();
        self.hits = match self.path_mode() {
            true => {
                let mut hits = vec![Hit::default()];
                hits.extend(rank(&self.places, query, recent));
                hits
            }
            false => rank(&self.items, query, recent),
        };
        self.cursor = 0;
    }

    /// Item `i` of the hits: a place in path mode, else a command.
    pub fn item(&self, i: usize) -> Option<&Item> {
        match self.path_mode() {
            true => self.places.get(i),
            false => self.items.get(i),
        }
    }

    pub fn selected(&self) -> Option<&Hit> {
        self.hits.get(self.cursor)
    }
}

pub fn is_path(text: &str) -> bool {
    text.starts_with(['/', '~', '.'])
        || ["cloud:", "images:", "local:"]
            .iter()
            .any(|p| text.starts_with(p))
}

/// Bookmarks, then the recent folders not bookmarked, as palette items.
pub fn place_items(bookmarks: &Bookmarks, recent: &Recent) -> Vec<Item> {
    let marked = bookmarks.marks.iter().map(|(k, path)| Item {
        desc: format!("Bookmark '{k}"),
        name: path.clone(),
        keys: format!("' {k}"),
        action: Action::Go(path.clone()),
    });
    let unmarked = recent
        .places
        .iter()
        .filter(|p| !bookmarks.marks.values().any(|m| m == *p))
        .map(|path| Item {
            desc: "Recent".to_owned(),
            name: path.clone(),
            keys: String::new(),
            action: Action::Go(path.clone()),
        });
    marked.chain(unmarked).collect()
}

/// Items beyond the layer's commands: the bookmarks, and the theme switcher (one `Item` per
/// theme, whose action sends the message that sets it; the current one says so).
pub fn extra(from: Layer, bookmarks: &Bookmarks, settings: &Settings) -> Vec<Item> {
    if from != Layer::Browse {
        return vec![];
    }
    let marks = bookmarks.marks.iter().map(|(k, path)| Item {
        desc: format!("Go to bookmark '{k}"),
        name: path.clone(),
        keys: format!("' {k}"),
        action: Action::Go(path.clone()),
    });
    let themes = settings.themes.iter().map(|name| Item {
        desc: match *name == settings.theme {
            true => format!("Theme: {name} (current)"),
            false => format!("Theme: {name}"),
        },
        name: format!("theme {name}"),
        keys: String::new(),
        action: Action::Send(Box::new(Msg::SetTheme(name.clone()))),
    });
    marks.chain(themes).collect()
}

/// `items` that match `query`, best first; all of them for an empty query, the recently
/// picked first.
pub fn rank(items: &[Item], query: &str, recent: &Recent) -> Vec<Hit> {
    let recency = |item: &Item| match item.action {
        Action::Run(cmd) => recent.rank_of(cmd).unwrap_or(usize::MAX),
        Action::Go(_) | Action::Send(_) => usize::MAX,
    };
    // Best score first, then the recently picked, then the shorter (as fzf breaks ties).
    let mut scored: Vec<(u32, usize, usize, Hit)> = Vec::new();
    if query.trim().is_empty() {
        for (i, item) in items.iter().enumerate() {
            let hit = Hit {
                item: Some(i),
                ..Hit::default()
            };
            scored.push((0, recency(item), 0, hit));
        }
    } else {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let (mut buf, mut indices) = (Vec::new(), Vec::new());
        for (i, item) in items.iter().enumerate() {
            let hay = format!("{} {} {}", item.desc, item.name, item.keys);
            indices.clear();
            let Some(score) =
                pattern.indices(Utf32Str::new(&hay, &mut buf), &mut matcher, &mut indices)
            else {
                continue;
            };
            // Lit in the description when the whole query matches there.
            let mut in_desc = Vec::new();
            let desc = Utf32Str::new(&item.desc, &mut buf);
            if pattern.indices(desc, &mut matcher, &mut in_desc).is_some() {
                indices = in_desc;
            }
            indices.sort_unstable();
            indices.dedup();
            // Paths keep their order (bookmarks, then the most recent) on ties.
            let len = match item.action {
                Action::Go(_) => 0,
                _ => hay.chars().count(),
            };
            scored.push((score, recency(item), len, split(i, item, &indices)));
        }
    }
    // Stable: full ties keep keymap order.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(.., hit)| hit).collect()
}

/// Positions in `desc name keys` (one space between) as positions in each part.
fn split(i: usize, item: &Item, indices: &[u32]) -> Hit {
    let d = item.desc.chars().count();
    let n = item.name.chars().count();
    let mut hit = Hit {
        item: Some(i),
        ..Hit::default()
    };
    for &at in indices {
        let at = at as usize;
        if at < d {
            hit.desc.push(at);
        } else if at > d && at <= d + n {
            hit.name.push(at - d - 1);
        } else if at > d + n + 1 {
            hit.keys.push(at - d - n - 2);
        }
    }
    hit
}

#[cfg(test)]
#[path = "palette_tests.rs"]
mod tests;
