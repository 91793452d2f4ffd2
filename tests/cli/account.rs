//! login, logout, the token cache shared by every run, completions, secrets kept out of output.

use crate::common::Env;

#[test]
fn ten_commands_mint_one_token() {
    let env = Env::new();
    env.file("/a/f.txt", b"f");
    let commands: [&[&str]; 10] = [
        &["ls"],
        &["ls", "-l", "/a"],
        &["stat", "/a/f.txt"],
        &["tree"],
        &["info"],
        &["mkdir", "/b"],
        &["mv", "/a/f.txt", "/b"],
        &["rename", "/b/f.txt", "g.txt"],
        &["rm", "/b/g.txt"],
        &["trash", "ls"],
    ];
    for args in commands {
        env.run(args).ok();
    }
    assert_eq!(env.stats().tokens_minted, 1);
    assert_eq!(env.mock.live_tokens(), 1);
}

#[test]
fn login_from_stdin_saves_checked_credentials_and_logout_forgets_them() {
    let env = Env::new();
    let id = env.mock.client_id().to_owned();
    let secret = env.mock.client_secret().to_owned();
    let cred_file = env.cfg.path().join("credentials.toml");
    let without_env = |args: &[&str], input: &str| {
        let mut cmd = assert_cmd::Command::from_std(env.command());
        cmd.env_remove("PANFM_CLIENT_ID")
            .env_remove("PANFM_CLIENT_SECRET");
        cmd.args(args).write_stdin(input.to_owned());
        crate::common::Run::from(cmd.output().unwrap())
    };

    let rejected = without_env(&["login"], &format!("{id}\nwrong-secret\n"));
    assert_eq!(rejected.code, 3, "{rejected:?}");
    assert!(rejected.stderr.contains("rejected"), "{rejected:?}");
    assert!(!cred_file.exists());
    assert!(!rejected.stderr.contains("wrong-secret"));

    let not_logged_in = without_env(&["ls"], "");
    assert_eq!(not_logged_in.code, 3);
    assert!(not_logged_in.stderr.contains("panfm login"));

    let ok = without_env(&["login"], &format!("{id}\n{secret}\n"));
    assert_eq!(ok.code, 0, "{ok:?}");
    assert!(ok.stderr.contains("logged in as"), "{ok:?}");
    assert!(!ok.stderr.contains(&secret) && !ok.stdout.contains(&secret));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&cred_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let minted = env.stats().tokens_minted;
    without_env(&["ls"], "").ok();
    assert_eq!(env.stats().tokens_minted, minted, "login's token is reused");

    let out = without_env(&["logout"], "").ok();
    assert!(
        out.stderr.contains("credentials and cached token removed"),
        "{out:?}"
    );
    assert!(!cred_file.exists());
    assert_eq!(without_env(&["ls"], "").code, 3);

    let empty = without_env(&["login"], "\n\n");
    assert_eq!(empty.code, 2);
}

#[test]
fn secrets_never_show_even_with_debug_logging() {
    let env = Env::new();
    let first = env.run(&["-vv", "info"]).ok();
    let run = env.run(&["-vv", "ls"]).ok();
    let cache = env.cfg.path().join("cache");
    let files: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let named = |prefix: &str| {
        files
            .iter()
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix}* in {files:?}"))
    };
    let cached: serde_json::Value =
        serde_json::from_slice(&std::fs::read(named("token-")).unwrap()).unwrap();
    let token = cached["accessToken"].as_str().unwrap();
    assert!(!token.is_empty());
    let secret = env.mock.client_secret();
    // The rate limiter's shared state names neither.
    let shared = std::fs::read_to_string(named("ratelimit-")).unwrap();
    for text in [
        &first.stdout,
        &first.stderr,
        &run.stdout,
        &run.stderr,
        &shared,
    ] {
        assert!(!text.contains(token), "{first:?} {run:?}");
        assert!(!text.contains(secret), "{first:?} {run:?}");
    }
    assert!(first.stderr.contains("minting"), "-vv logs: {first:?}");
    assert!(run.stderr.contains("DEBUG"), "-vv logs: {run:?}");
}

#[test]
fn completions_for_each_shell() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = env.run(&["completions", shell]).ok();
        assert!(run.stdout.contains("trash"), "{shell}");
    }
    assert_eq!(env.run(&["completions", "nosh"]).code, 2);
    assert_eq!(env.stats().tokens_minted, 0, "no account needed");
}
