//! `config.toml` and theme fixtures (tests/fixtures/config): the values read, and the error
//! text of each kind of mistake.

use super::*;
use ratatui::style::{Color, Modifier};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config")
}

fn parse(name: &str) -> Result<Config, String> {
    let text = std::fs::read_to_string(fixtures().join(name)).unwrap();
    Config::parse(&text, name)
}

#[test]
fn a_missing_file_means_the_defaults_and_every_key_is_read() {
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        Config::load(empty.path()).unwrap(),
        (Config::default(), false)
    );
    let c = parse("valid.toml").unwrap();
    let expected = Config {
        concurrency: Concurrency(5),
        conflict: Conflict::KeepBoth,
        show_hidden: true,
        sort: SortBy::Mtime,
        sort_reverse: true,
        date_format: DateFormat("%d.%m.%Y".into()),
        size_units: SizeUnits::Decimal,
        api_tier: ApiTier::Vip,
        editor: Some("nano -w".into()),
        theme: "16-colour".into(),
        mouse: true,
        preview: true,
        log_level: LogLevel::Debug,
    };
    assert_eq!(c, expected);
}

#[test]
fn mistakes_name_the_file_line_column_and_key_on_one_line() {
    let cases = [
        (
            "unknown_key.toml",
            "unknown_key.toml:2:1: unknown field `colour` (`panfm config show` lists every key)",
        ),
        (
            "bad_value.toml",
            "bad_value.toml:3:12: key `conflict`: unknown variant `maybe`, expected one of \
             `ask`, `skip`, `overwrite`, `keep-both`",
        ),
        (
            "out_of_range.toml",
            "out_of_range.toml:1:15: key `concurrency`: 99 is out of range: 1 to 16 jobs at once",
        ),
        (
            "bad_date.toml",
            "bad_date.toml:1:15: key `date_format`: \"%Y-%Q\" is not a date pattern",
        ),
        (
            "wrong_type.toml",
            "wrong_type.toml:1:9: key `mouse`: invalid type: string \"yes\", expected a boolean",
        ),
    ];
    for (file, expected) in cases {
        let err = parse(file).unwrap_err();
        assert!(err.starts_with(expected), "{file}: {err}");
        assert!(!err.contains('\n'), "{err}");
    }
}

#[test]
fn load_reports_an_unreadable_file_and_value_position_finds_a_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(CONFIG_FILE)).unwrap();
    let err = Config::load(dir.path()).unwrap_err();
    assert!(
        err.starts_with("cannot read ") && err.contains("config.toml"),
        "{err}"
    );
    let text = "mouse = true\n  theme =  \"x\"\n";
    assert_eq!(value_position(text, "theme"), Some((2, 12)));
    assert_eq!(value_position(text, "sort"), None);
}

#[test]
fn a_user_theme_sets_a_subset_over_the_theme_it_inherits() {
    let themes = Themes::new(&fixtures());
    let paper = themes.load("paper", false).unwrap();
    let base = Styles::sixteen();
    assert_eq!(paper.cursor.fg, Some(Color::Black));
    assert_eq!(paper.cursor.bg, Some(Color::Yellow));
    assert_eq!(paper.cursor.add_modifier, Modifier::BOLD);
    assert_eq!(paper.dir.fg, Some(Color::Green));
    assert_eq!(
        paper.dir.add_modifier, base.dir.add_modifier,
        "modifiers kept"
    );
    for (name, style) in paper.all() {
        if !matches!(name, "cursor" | "dir") {
            assert_eq!(Some(style), base.clone().named_mut(name).copied(), "{name}");
        }
    }
    assert_eq!(
        themes.load("paper", true).unwrap(),
        Styles::monochrome(),
        "NO_COLOR wins"
    );
    assert_eq!(
        themes.load("high-contrast", false).unwrap(),
        Styles::high_contrast()
    );
}

#[test]
fn theme_mistakes_are_named() {
    let themes = Themes::new(&fixtures());
    let err = themes.load("bad_colour", false).unwrap_err();
    assert!(
        err.ends_with(
            "bad_colour.toml:2:17: key `cursor`: unknown colour \"pinkish\": use a name \
             (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, …, \
             white, default), #rrggbb or 0-255"
        ),
        "{err}"
    );
    let err = themes.load("bad_style", false).unwrap_err();
    assert!(
        err.ends_with(
            "bad_style.toml:1:1: unknown field `curser` (`panfm theme ls --styles` lists them)"
        ),
        "{err}"
    );
    let err = themes.load("../config/themes/paper", false).unwrap_err();
    assert!(
        err.starts_with("bad theme name \"../config/themes/paper\""),
        "{err}"
    );
    let err = themes.load("loop_a", false).unwrap_err();
    assert!(err.contains("`inherits` goes round in a circle"), "{err}");
    let err = themes.load("nope", true).unwrap_err();
    assert!(
        err.starts_with(
            "unknown theme \"nope\": one of default, high-contrast, 16-colour, bad_colour"
        ),
        "{err}"
    );
}

#[test]
fn theme_list_has_the_builtins_then_the_users() {
    let names: Vec<(String, bool)> = Themes::new(&fixtures())
        .list()
        .into_iter()
        .map(|t| (t.name, t.builtin))
        .collect();
    assert_eq!(
        names[..3],
        [
            ("default".into(), true),
            ("high-contrast".into(), true),
            ("16-colour".into(), true)
        ]
    );
    assert!(names.contains(&("paper".into(), false)));
    assert_eq!(Themes::new(Path::new("/nonexistent")).list().len(), 3);
}
