//! `--help` of every subcommand, as the binary prints it: every argument described, and every
//! description printed as written (clap reads `{n}` in help text as a line break, which once
//! turned `--to`'s "`{n}` inserts a counter" into two broken lines).

use clap::CommandFactory;
use panfm::cli::Cli;

/// Every command's path of names below `panfm`, the root first.
fn commands(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
    out.push((path.clone(), cmd.clone()));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut below = path.clone();
        below.push(sub.get_name().to_owned());
        commands(sub, below, out);
    }
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_argument_of_every_subcommand_is_described_and_printed_as_written() {
    let mut all = Vec::new();
    commands(&Cli::command(), Vec::new(), &mut all);
    assert!(all.len() > 25, "{} commands", all.len());
    let mut problems = Vec::new();
    for (path, cmd) in &all {
        let shown = path.join(" ");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_panfm"))
            .args(path)
            .arg("--help")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "panfm {shown} --help: {out:?}");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(!help.contains('\x1b'), "colours on a pipe: {help}");
        let printed = squeeze(&help);
        if !path.is_empty() && cmd.get_about().is_none() {
            problems.push(format!("panfm {shown}: no description"));
        }
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id().as_str();
            let text = arg
                .get_long_help()
                .or(arg.get_help())
                .map(ToString::to_string);
            match text {
                None => problems.push(format!("panfm {shown}: `{id}` has no description")),
                Some(text) if !printed.contains(&squeeze(&text)) => {
                    problems.push(format!("panfm {shown}: `{id}` is printed as\n{help}"))
                }
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rename_help_shows_the_counter_placeholder() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_panfm"))
        .args(["rename", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for line in [
        "The replacement; `{n}` inserts a counter",
        "First value of `{n}`",
        "Zero-pad `{n}` to this many digits",
    ] {
        assert!(help.contains(line), "{line:?} missing from\n{help}");
    }
}
