//! The configuration reference (`docs/config.md`), generated from [`Config`]'s defaults and
//! [`Styles::NAMES`]; a test fails when the file drifts from the code.

use super::settings::Config;
use super::theme::{BUILTIN_THEMES, Styles};

/// Every key of `config.toml`: name, accepted values, what it controls.
const KEYS: &[(&str, &str, &str)] = &[
    (
        "concurrency",
        "1 to 16",
        "Transfer jobs running at once in the two-pane view (the command line has `--jobs`).",
    ),
    (
        "conflict",
        "`ask`, `skip`, `overwrite`, `keep-both`",
        "What a transfer or copy started in the two-pane view does when a name is taken \
         (the command line has `--on-conflict`).",
    ),
    (
        "show_hidden",
        "`true`, `false`",
        "Show dot files when panfm starts.",
    ),
    (
        "sort",
        "`name`, `size`, `mtime`, `extension`",
        "The panes' sort order at start (folders always come first).",
    ),
    ("sort_reverse", "`true`, `false`", "Reverse the sort order."),
    (
        "date_format",
        "a strftime pattern",
        "How dates are printed in the panes and the details.",
    ),
    (
        "size_units",
        "`binary`, `decimal`",
        "Sizes in KiB/MiB (powers of 1024) or kB/MB (powers of 1000).",
    ),
    (
        "api_tier",
        "`auto`, `free`, `vip`",
        "Which column of 123pan's QPS table paces requests; `auto` follows the account.",
    ),
    (
        "editor",
        "a command line",
        "The editor for F4 and batch rename; unset: `$EDITOR`, then `$VISUAL`, then `vi`.",
    ),
    (
        "theme",
        "a built-in or user theme",
        "The colours; `NO_COLOR` in the environment still wins.",
    ),
    (
        "mouse",
        "`true`, `false`",
        "Click to focus and select, double-click to open, wheel to scroll; `--mouse`: one run.",
    ),
    (
        "preview",
        "`true`, `false`",
        "Show the preview panel (`z`) at start.",
    ),
    (
        "log_level",
        "`off`, `error`, `warn`, `info`, `debug`, `trace`",
        "Detail of the log in the state directory; `PANFM_LOG` overrides it.",
    ),
];

/// The keys [`KEYS`] documents, for the drift test and `config show`.
pub fn reference_keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter().map(|(k, _, _)| *k)
}

/// The default of `key` as TOML, or `(unset)`.
pub fn default_value(key: &str) -> String {
    let table = toml::Table::try_from(Config::default()).unwrap_or_default();
    table
        .get(key)
        .map_or_else(|| "(unset)".to_owned(), |v| v.to_string())
}

/// The reference in Markdown.
pub fn reference() -> String {
    let mut out = String::from(
        "# Configuration reference\n\n\
         <!-- Generated from src/config (settings.rs, theme.rs, reference.rs); \
         `PANFM_UPDATE_DOCS=1 cargo test --lib config::reference` rewrites it. -->\n\n\
         panfm reads `config.toml` from its config directory (`panfm config path` prints it; \
         `--config-dir` or `PANFM_CONFIG_DIR` moves it). Every key is optional; a missing file \
         means the defaults. An unknown key or a bad value stops panfm with the file, line, \
         column and key. `panfm config show` prints the effective values and where each came \
         from; `panfm config edit` opens the file in your editor and checks it when you save.\n\n\
         | Key | Default | Values | What it does |\n|---|---|---|---|\n",
    );
    for (key, values, what) in KEYS {
        let default = default_value(key).replace('|', "\\|");
        out.push_str(&format!("| `{key}` | `{default}` | {values} | {what} |\n"));
    }
    out.push_str(
        "\n## Themes\n\n\
         `theme` names a built-in theme or a user theme `themes/NAME.toml` in the config \
         directory; `panfm theme ls` lists them and marks the active one. Built in: ",
    );
    let builtin: Vec<String> = BUILTIN_THEMES.iter().map(|t| format!("`{t}`")).collect();
    out.push_str(&builtin.join(", "));
    out.push_str(
        ".\n\nA user theme sets any of the styles below over the theme it inherits \
         (`default` unless `inherits` says otherwise). Each style takes `fg`, `bg` (a colour \
         name such as `blue` or `light-red`, `#rrggbb`, `0`–`255`, or `default`) and \
         `modifiers` (a list of `bold`, `dim`, `italic`, `underlined`, `reversed`, \
         `crossed-out`, `slow-blink`; it replaces the inherited ones):\n\n\
         ```toml\ninherits = \"16-colour\"\ncursor = { fg = \"black\", bg = \"yellow\", \
         modifiers = [\"bold\"] }\ndir = { fg = \"green\" }\n```\n\n\
         | Style | What it colours |\n|---|---|\n",
    );
    for (name, what) in Styles::NAMES {
        out.push_str(&format!("| `{name}` | {what} |\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_struct_is_documented_once() {
        let table = toml::Table::try_from(Config::default()).unwrap();
        let mut from_struct: Vec<&str> = table.keys().map(String::as_str).collect();
        // Keys without a default are left out of the serialised defaults.
        from_struct.push("editor");
        from_struct.sort();
        let mut documented: Vec<&str> = reference_keys().collect();
        documented.sort();
        assert_eq!(from_struct, documented);
        // And each documented key is one the parser accepts.
        for key in documented {
            let text = format!(
                "{key} = {}",
                default_value(key).replace("(unset)", "\"vi\"")
            );
            Config::parse(&text, "t").unwrap_or_else(|e| panic!("{key}: {e}"));
        }
    }

    #[test]
    fn docs_config_md_matches_the_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/config.md");
        let generated = reference();
        if std::env::var_os("PANFM_UPDATE_DOCS").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == generated,
            "docs/config.md is out of date: run `PANFM_UPDATE_DOCS=1 cargo test --lib \
             config::reference` and commit it"
        );
    }
}
