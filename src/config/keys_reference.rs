//! The key reference (`docs/keys.md`), generated from the default keymap
//! (`assets/keymap.toml`) layer by layer under the help overlay's titles; a test fails when
//! the file drifts from the keymap.

use super::keymap::{Keymap, Layer};

/// The reference of `map` in Markdown: a table per layer, key sequences → description →
/// command name.
pub fn keys_reference(map: &Keymap) -> String {
    let mut out = String::from(
        "# Key reference\n\n\
         <!-- Generated from assets/keymap.toml by src/config/keys_reference.rs; \
         `PANFM_UPDATE_DOCS=1 cargo test --lib config::keys_reference` rewrites it. -->\n\n\
         These are the default keys; `?` (or F1) inside panfm shows the same list with your \
         changes. To change a key, put the binding in `keymap.toml` in the config directory \
         (`panfm keymap` prints the whole default file to copy from): a binding replaces any \
         default on the same keys of its layer, and `run = \"noop\"` removes one. The \
         command column is the `run` name.\n\n\
         ```toml\n[browse]\nkeymap = [\n  { on = \"<C-n>\", run = \"cursor_down\", \
         desc = \"Next entry\" },\n  { on = [\"g\", \"d\"], run = \"go_to\", desc = \"Go to\" },\n  \
         { on = \"q\", run = \"noop\" },\n]\n```\n\n\
         Keys are written as in the help: `C-` Ctrl, `A-` Alt, `S-` Shift, `Bksp`, `Del`, `Ins`, \
         `PgUp`, `PgDn`; a space separates the keys of a chord (`g g`). In `keymap.toml` a key is \
         one character or `<Name>` (`<C-d>`, `<A-Left>`, `<Enter>`, `<Space>`, `<F5>`, `<lt>` \
         for `<`), and a list is a chord. Terminals without F-keys: Esc then a digit \
         (Esc 1 = F1 … Esc 0 = F10).\n",
    );
    for layer in Layer::ALL {
        let rows = map.grouped(layer);
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {} (`[{}]`)\n\n| Keys | What it does | Command |\n|---|---|---|\n",
            layer.title(),
            layer_name(layer)
        ));
        for (run, keys, desc) in rows {
            let keys: Vec<String> = keys.iter().map(|k| code(k)).collect();
            out.push_str(&format!(
                "| {} | {} | `{}` |\n",
                keys.join(" "),
                text(desc),
                run.name()
            ));
        }
    }
    out
}

/// The layer's section name in `keymap.toml`.
fn layer_name(layer: Layer) -> String {
    format!("{layer:?}").to_lowercase()
}

/// A key sequence as an inline code span that survives a table cell.
fn code(keys: &str) -> String {
    let keys = keys.replace('|', "\\|");
    if keys.contains('`') {
        format!("`` {keys} ``")
    } else {
        format!("`{keys}`")
    }
}

/// Description text with Markdown's table and emphasis characters escaped.
fn text(desc: &str) -> String {
    let mut out = String::with_capacity(desc.len());
    for c in desc.chars() {
        if matches!(c, '|' | '*' | '_' | '<' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Command;

    #[test]
    fn every_binding_of_every_layer_is_listed() {
        let map = Keymap::default_map().unwrap();
        let doc = keys_reference(&map);
        for layer in Layer::ALL {
            assert!(
                doc.contains(&format!("## {} (", layer.title())),
                "{layer:?}"
            );
        }
        assert!(
            doc.contains("| `g g` `Home` | First entry | `top` |"),
            "{doc}"
        );
        assert!(doc.contains("| `C-x d` | Compare directories"), "{doc}");
        let rows = doc.lines().filter(|l| l.starts_with("| `")).count();
        let expected: usize = Layer::ALL.iter().map(|l| map.grouped(*l).len()).sum();
        assert_eq!(rows, expected);
    }

    #[test]
    fn the_example_keymap_loads() {
        let doc = keys_reference(&Keymap::default_map().unwrap());
        let example = doc.split("```toml\n").nth(1).unwrap();
        let example = example.split("```").next().unwrap();
        let map = Keymap::with_overrides(example, "example").unwrap();
        assert_eq!(
            map.lookup(Layer::Browse, &[crate::config::Key::char('q')]),
            crate::config::Lookup::Unbound
        );
    }

    #[test]
    fn a_user_binding_changes_the_reference() {
        let user = "[browse]\nkeymap = [{ on = \"|\", run = \"quit\", desc = \"Leave *now*\" }]";
        let map = Keymap::with_overrides(user, "u.toml").unwrap();
        let doc = keys_reference(&map);
        assert!(
            doc.contains("| `\\|` | Leave \\*now\\* | `quit` |"),
            "{doc}"
        );
        assert_eq!(Command::Quit.name(), "quit");
    }

    #[test]
    fn docs_keys_md_matches_the_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
        let generated = keys_reference(&Keymap::default_map().unwrap());
        if std::env::var_os("PANFM_UPDATE_DOCS").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == generated,
            "docs/keys.md is out of date: run `PANFM_UPDATE_DOCS=1 cargo test --lib \
             config::keys_reference` and commit it"
        );
    }
}
