//! `panfm config path|show|edit` and `panfm theme ls`: the settings file and the themes, no
//! cloud needed. `show` prints TOML that could be pasted back, each value commented with
//! where it came from.

use super::LaunchError;
use super::settings::Settings;
use crate::cli::{Cli, ConfigCmd, ThemeCmd};
use crate::config::{CONFIG_FILE, Config, Paths, Styles, Themes};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

pub fn config(cli: &Cli, cmd: ConfigCmd) -> Result<ExitCode, LaunchError> {
    let paths = super::paths(cli.config_dir.as_deref())?;
    match cmd {
        ConfigCmd::Path => println!("{}", paths.config.join(CONFIG_FILE).display()),
        ConfigCmd::Show => print!("{}", show(cli, &paths)?),
        ConfigCmd::Edit => return edit(&paths),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn theme(cli: &Cli, cmd: ThemeCmd) -> Result<ExitCode, LaunchError> {
    let paths = super::paths(cli.config_dir.as_deref())?;
    let ThemeCmd::Ls(args) = cmd;
    let active = Settings::load(&paths)?.config.theme;
    let themes = Themes::new(&paths.config);
    let mut out = String::new();
    for t in themes.list() {
        let mark = if t.name == active { '*' } else { ' ' };
        let what = match (t.builtin, themes.load(&t.name, false)) {
            (true, _) => "built-in".to_owned(),
            (false, Ok(_)) => format!("user (themes/{}.toml)", t.name),
            (false, Err(why)) => format!("user, broken: {why}"),
        };
        out.push_str(&format!("{mark} {:<16} {what}\n", t.name));
    }
    if args.styles {
        out.push_str("\nStyles a theme may set:\n");
        for (name, what) in Styles::NAMES {
            out.push_str(&format!("  {name:<18} {what}\n"));
        }
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// The effective settings as TOML, each line commented with its source.
fn show(cli: &Cli, paths: &Paths) -> Result<String, LaunchError> {
    let settings = Settings::load(paths)?;
    let in_file: toml::Table = settings
        .text
        .as_deref()
        .and_then(|t| t.parse().ok())
        .unwrap_or_default();
    let values = toml::Table::try_from(&settings.config).unwrap_or_default();
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let dir_from = match (&cli.config_dir, env("PANFM_CONFIG_DIR")) {
        (None, _) => "default",
        (Some(d), Some(e)) if d.as_os_str() == e.as_str() => "env PANFM_CONFIG_DIR",
        (Some(_), _) => "flag --config-dir",
    };
    let file = settings.file.display();
    let exists = if settings.text.is_some() {
        ""
    } else {
        " (no file: defaults)"
    };
    let mut rows = vec![(
        format!("# {file}{exists}"),
        format!("directory: {dir_from}"),
    )];
    for key in crate::config::reference_keys() {
        let mut value = values.get(key).map(ToString::to_string);
        let mut from = match in_file.contains_key(key) {
            true => "file".to_owned(),
            false => "default".to_owned(),
        };
        match key {
            "editor" if value.is_none() => {
                let var = ["EDITOR", "VISUAL"]
                    .into_iter()
                    .find_map(|v| Some((v, env(v)?)));
                (value, from) = match var {
                    Some((name, cmd)) => (
                        Some(toml::Value::from(cmd).to_string()),
                        format!("env {name}"),
                    ),
                    None => (Some("\"vi\"".to_owned()), "default".to_owned()),
                };
            }
            "log_level" => {
                if let Some(filter) = env("PANFM_LOG") {
                    value = Some(toml::Value::from(filter).to_string());
                    from = "env PANFM_LOG".to_owned();
                }
            }
            "theme" if env("NO_COLOR").is_some() => {
                from.push_str("; NO_COLOR (env) makes it monochrome")
            }
            _ => {}
        }
        rows.push((format!("{key} = {}", value.unwrap_or_default()), from));
    }
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    Ok(rows
        .into_iter()
        .map(|(line, from)| format!("{line:<width$}  # {from}\n"))
        .collect())
}

/// Opens the file in the editor until it reads cleanly, the user gives up, or there is no one
/// to ask (stdin not a terminal): then the mistake is reported and the file kept as saved.
fn edit(paths: &Paths) -> Result<ExitCode, LaunchError> {
    let file = paths.config.join(CONFIG_FILE);
    if !file.exists() {
        crate::config::write_private(&file, template().as_bytes())
            .map_err(|e| LaunchError::user(format!("cannot create {}: {e}", file.display())))?;
    }
    loop {
        // A broken file cannot name its editor: then the environment's.
        let editor =
            Settings::load(paths).map_or_else(|_| crate::edit::Editor::from_env(), |s| s.editor());
        editor.open(&file).map_err(LaunchError::user)?;
        let checked = Settings::load(paths).and_then(|s| s.styles(paths, false).map(|_| ()));
        let Err(LaunchError::User(why)) = checked else {
            return checked.map(|()| ExitCode::SUCCESS);
        };
        eprintln!("panfm: {why}");
        if !std::io::stdin().is_terminal() || !ask("Edit it again? [Y/n] ") {
            eprintln!("panfm: kept as saved; panfm will not start until it is fixed");
            return Ok(ExitCode::FAILURE);
        }
    }
}

fn ask(question: &str) -> bool {
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    match std::io::stdin().lock().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        Ok(_) => !answer.trim().to_lowercase().starts_with('n'),
    }
}

/// A new config.toml: every key commented out at its default.
fn template() -> String {
    let values = toml::Table::try_from(Config::default()).unwrap_or_default();
    let mut out =
        String::from("# panfm settings: uncomment a line to change it (see docs/config.md).\n");
    for key in crate::config::reference_keys() {
        match values.get(key) {
            Some(v) => out.push_str(&format!("# {key} = {v}\n")),
            None => out.push_str(&format!("# {key} = \"vi\"\n")),
        }
    }
    out
}
