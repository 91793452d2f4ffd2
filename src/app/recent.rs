//! What was used lately, kept in `recent.json` in the state directory: the palette's recent
//! picks (ranked first) and the last folders each pane backend showed (listed in the bookmarks
//! popup and the palette's path mode), newest first. Folders are written as panfm reads paths
//! back (`/home/u`, `cloud:/…`, `images:/…`).

use crate::config::Command;
use serde::{Deserialize, Serialize};

/// Recent palette picks kept.
pub const COMMANDS: usize = 20;
/// Recent folders kept per backend (local, cloud drive, image space).
pub const PLACES: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Recent {
    #[serde(default)]
    pub commands: Vec<Command>,
    #[serde(default)]
    pub places: Vec<String>,
}

impl Recent {
    /// Puts `cmd` first; whether anything changed.
    pub fn pick(&mut self, cmd: Command) -> bool {
        if self.commands.first() == Some(&cmd) {
            return false;
        }
        self.commands.retain(|c| *c != cmd);
        self.commands.insert(0, cmd);
        self.commands.truncate(COMMANDS);
        true
    }

    /// Puts folder `place` first, dropping the oldest of its backend past [`PLACES`];
    /// whether anything changed.
    pub fn visit(&mut self, place: &str) -> bool {
        if self.places.first().is_some_and(|p| p == place) {
            return false;
        }
        self.places.retain(|p| p != place);
        self.places.insert(0, place.to_owned());
        let kind = backend(place);
        let mut seen = 0;
        self.places.retain(|p| {
            if backend(p) != kind {
                return true;
            }
            seen += 1;
            seen <= PLACES
        });
        true
    }

    /// How recently `cmd` was picked (0 = last), for ranking.
    pub fn rank_of(&self, cmd: Command) -> Option<usize> {
        self.commands.iter().position(|c| *c == cmd)
    }

    pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
        serde_json::from_slice(bytes).map_err(|e| e.to_string())
    }
}

fn backend(place: &str) -> &'static str {
    if place.starts_with("cloud:") {
        "cloud"
    } else if place.starts_with("images:") {
        "images"
    } else {
        "local"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_and_places_go_first_without_duplicates_and_are_capped() {
        let mut r = Recent::default();
        assert!(r.pick(Command::Copy));
        assert!(r.pick(Command::Move));
        assert!(!r.pick(Command::Move), "already first");
        assert!(r.pick(Command::Copy));
        assert_eq!(r.commands, [Command::Copy, Command::Move]);
        assert_eq!(r.rank_of(Command::Move), Some(1));

        assert!(r.visit("cloud:/a"));
        for i in 0..PLACES + 3 {
            r.visit(&format!("/local/{i}"));
        }
        assert!(!r.visit(&format!("/local/{}", PLACES + 2)));
        let local = r.places.iter().filter(|p| p.starts_with('/')).count();
        assert_eq!(local, PLACES, "{:?}", r.places);
        assert!(
            r.places.contains(&"cloud:/a".to_owned()),
            "other backends stay"
        );
        r.visit("cloud:/a");
        assert_eq!(r.places[0], "cloud:/a");
        assert_eq!(r.places.iter().filter(|p| *p == "cloud:/a").count(), 1);

        let json = serde_json::to_vec(&r).unwrap();
        assert_eq!(Recent::from_json(&json).unwrap(), r);
        assert!(Recent::from_json(b"{ nope").is_err());
    }
}
