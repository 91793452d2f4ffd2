//! `panfm config path|show|edit` and `panfm theme ls`, and a bad config.toml stopping any
//! command with the file, line and key.

use crate::common::Run;
use std::fs;
use std::path::Path;

/// `panfm ARGS` with its config in `cfg`, `env` set, stdin not a terminal, no account.
fn panfm(cfg: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_panfm"));
    cmd.env("PANFM_CONFIG_DIR", cfg)
        .env_remove("PANFM_LOG")
        .env_remove("NO_COLOR")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env_remove("PANFM_CLIENT_ID")
        .env_remove("PANFM_CLIENT_SECRET")
        .env_remove("PANFM_ACCESS_TOKEN")
        .args(args)
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap().into()
}

#[test]
fn path_and_show_give_the_file_and_each_value_with_its_source() {
    let cfg = tempfile::tempdir().unwrap();
    let run = panfm(cfg.path(), &["config", "path"], &[]).ok();
    assert_eq!(
        run.stdout,
        format!("{}\n", cfg.path().join("config.toml").display())
    );

    let run = panfm(cfg.path(), &["config", "show"], &[]).ok();
    assert!(run.stdout.contains("(no file: defaults)"), "{}", run.stdout);
    assert!(
        run.stdout.contains("directory: env PANFM_CONFIG_DIR"),
        "{}",
        run.stdout
    );
    let row = |out: &str, key: &str| {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap();
        line.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert_eq!(row(&run.stdout, "concurrency"), "concurrency = 3 # default");
    assert_eq!(row(&run.stdout, "editor"), "editor = \"vi\" # default");

    fs::write(
        cfg.path().join("config.toml"),
        "concurrency = 6\nsize_units = \"decimal\"\n",
    )
    .unwrap();
    let env = [("EDITOR", "nano"), ("PANFM_LOG", "panfm=trace")];
    let out = panfm(cfg.path(), &["config", "show"], &env).ok().stdout;
    assert_eq!(row(&out, "concurrency"), "concurrency = 6 # file");
    assert_eq!(row(&out, "size_units"), "size_units = \"decimal\" # file");
    assert_eq!(row(&out, "sort"), "sort = \"name\" # default");
    assert_eq!(row(&out, "editor"), "editor = \"nano\" # env EDITOR");
    assert_eq!(
        row(&out, "log_level"),
        "log_level = \"panfm=trace\" # env PANFM_LOG"
    );
    assert_eq!(
        out.lines().filter(|l| l.contains(" = ")).count(),
        13,
        "every key: {out}"
    );
}

#[test]
fn a_bad_config_stops_any_command_with_file_line_and_key() {
    let cfg = tempfile::tempdir().unwrap();
    fs::write(
        cfg.path().join("config.toml"),
        "mouse = true\nconflict = \"maybe\"\n",
    )
    .unwrap();
    let file = cfg.path().join("config.toml");
    let expected = format!(
        "panfm: {}:2:12: key `conflict`: unknown variant `maybe`",
        file.display()
    );
    for args in [
        &["config", "show"][..],
        &["--demo", "ls", "/"],
        &["theme", "ls"],
        &[],
    ] {
        let run = panfm(cfg.path(), args, &[]);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(
            run.stderr.starts_with(&expected),
            "{args:?}: {}",
            run.stderr
        );
    }
    // `path` still answers: that is where to go to fix it.
    panfm(cfg.path(), &["config", "path"], &[]).ok();
}

#[test]
fn edit_checks_the_saved_file_and_keeps_a_broken_one_when_no_one_can_be_asked() {
    let cfg = tempfile::tempdir().unwrap();
    let file = cfg.path().join("config.toml");
    // A new file starts as the commented defaults; the editor uncomments one line.
    let fix = "sed -i s/^#.concurrency.=.3/concurrency\\ =\\ 7/";
    let run = panfm(cfg.path(), &["config", "edit"], &[("EDITOR", fix)]);
    assert_eq!(run.code, 0, "{run:?}");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("\nconcurrency = 7\n") && text.contains("# theme = \"default\""),
        "{text}"
    );

    let (break_it, line) = ("sed -i s/^concurrency.*/concurrency\\ =\\ 0/", 2);
    let run = panfm(cfg.path(), &["config", "edit"], &[("EDITOR", break_it)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains(&format!(
            "config.toml:{line}:15: key `concurrency`: 0 is out of range"
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kept as saved"), "{}", run.stderr);
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("\nconcurrency = 0\n")
    );

    // The `editor` setting wins over $EDITOR.
    fs::write(
        &file,
        "editor = \"sed -i 2s/16-colour/high-contrast/\"\ntheme = \"16-colour\"\n",
    )
    .unwrap();
    panfm(cfg.path(), &["config", "edit"], &[("EDITOR", "false")]).ok();
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .ends_with("\ntheme = \"high-contrast\"\n")
    );
}

#[test]
fn theme_ls_marks_the_active_theme_and_names_a_broken_one() {
    let cfg = tempfile::tempdir().unwrap();
    let themes = cfg.path().join("themes");
    fs::create_dir(&themes).unwrap();
    fs::write(themes.join("paper.toml"), "dir = { fg = \"green\" }\n").unwrap();
    fs::write(themes.join("odd.toml"), "dir = { fg = \"greenish\" }\n").unwrap();
    fs::write(cfg.path().join("config.toml"), "theme = \"paper\"\n").unwrap();
    let out = panfm(cfg.path(), &["theme", "ls", "--styles"], &[])
        .ok()
        .stdout;
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["default", "built-in"]
    );
    assert!(lines[1].starts_with("  high-contrast") && lines[2].starts_with("  16-colour"));
    assert!(
        lines[3].starts_with("  odd ")
            && lines[3].contains("broken: ")
            && lines[3].contains("greenish"),
        "{out}"
    );
    assert_eq!(
        lines[4].split_whitespace().collect::<Vec<_>>(),
        ["*", "paper", "user", "(themes/paper.toml)"]
    );
    assert!(
        out.contains("\n  cursor_unfocused   The cursor row in the other pane\n"),
        "{out}"
    );
}
