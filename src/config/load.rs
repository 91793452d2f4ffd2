//! Reading `config.toml`: a missing file means the defaults; any mistake is one line naming the
//! file, line, column and key, from the span `toml` gives its errors.

use super::settings::Config;
use std::path::Path;

pub const CONFIG_FILE: &str = "config.toml";

impl Config {
    /// `text` read from `origin` (the name errors start with).
    pub fn parse(text: &str, origin: &str) -> Result<Self, String> {
        toml::from_str(text)
            .map_err(|e| toml_error(text, origin, &e, "`panfm config show` lists every key"))
    }

    /// The config of the directory `dir` and whether its file exists.
    pub fn load(dir: &Path) -> Result<(Self, bool), String> {
        let file = dir.join(CONFIG_FILE);
        let origin = crate::fs::local::display_name(file.as_os_str());
        match std::fs::read_to_string(&file) {
            Ok(text) => Self::parse(&text, &origin).map(|c| (c, true)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Self::default(), false)),
            Err(e) => Err(format!("cannot read {origin}: {e}")),
        }
    }
}

/// `FILE:LINE:COLUMN: key `KEY`: what`, on one line; lists of every allowed key are cut.
pub fn toml_error(text: &str, origin: &str, e: &toml::de::Error, hint: &str) -> String {
    let at = e.span().map_or(0, |s| s.start.min(text.len()));
    let (line, column) = line_col(text, at);
    let mut message = e.message().trim().replace('\n', " ");
    if let Some((head, _)) = message.split_once(", expected one of")
        && head.starts_with("unknown field")
    {
        message = format!("{head} ({hint})");
    }
    match key_on_line(text, line) {
        Some(key) if !message.contains(&format!("`{key}`")) => {
            format!("{origin}:{line}:{column}: key `{key}`: {message}")
        }
        _ => format!("{origin}:{line}:{column}: {message}"),
    }
}

/// 1-based line and column (in characters) of byte `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The key assigned on 1-based `line`, if that line is `key = …`.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let (key, _) = text.lines().nth(line.checked_sub(1)?)?.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('#')).then(|| key.to_owned())
}

/// Where `key` is set at the top level of `text`: 1-based line and column of its value.
pub fn value_position(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let (k, v) = l.split_once('=')?;
        (k.trim().trim_matches('"') == key).then(|| {
            let col = k.chars().count() + 1 + (v.chars().count() - v.trim_start().chars().count());
            (i + 1, col + 1)
        })
    })
}
