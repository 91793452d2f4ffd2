//! Credentials file round trips and the env → file resolution order.

use pretty_assertions::assert_eq;

use super::*;

fn paths() -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    (dir, paths)
}

fn env(token: Option<&str>, id: Option<&str>, secret: Option<&str>) -> AuthEnv {
    AuthEnv {
        access_token: token.map(Into::into),
        client_id: id.map(Into::into),
        client_secret: secret.map(Into::into),
    }
}

#[test]
fn save_load_delete_round_trip() {
    let (_dir, paths) = paths();
    assert_eq!(Credentials::load(&paths).unwrap(), None);
    let creds = Credentials::new("abc", "s3cret");
    creds.save(&paths).unwrap();
    assert_eq!(Credentials::load(&paths).unwrap(), Some(creds));
    assert!(Credentials::delete(&paths).unwrap());
    assert!(!Credentials::delete(&paths).unwrap());
    assert_eq!(Credentials::load(&paths).unwrap(), None);
}

#[cfg(unix)]
#[test]
fn saved_file_is_private_toml() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, paths) = paths();
    Credentials::new("abc", "s3cret").save(&paths).unwrap();
    let path = Credentials::file(&paths);
    assert_eq!(path, paths.config.join("credentials.toml"));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("client_id = \"abc\""), "{text}");
}

#[test]
fn broken_or_empty_files_are_reported() {
    let (_dir, paths) = paths();
    std::fs::create_dir_all(&paths.config).unwrap();
    std::fs::write(Credentials::file(&paths), "client_id = ").unwrap();
    assert!(matches!(
        Credentials::load(&paths),
        Err(CredentialsError::Invalid { .. })
    ));
    std::fs::write(
        Credentials::file(&paths),
        "client_id = \"a\"\nclient_secret = \"\"\n",
    )
    .unwrap();
    let err = Credentials::load(&paths).unwrap_err().to_string();
    assert!(err.contains("must not be empty"), "{err}");
}

#[test]
fn env_token_wins_over_everything() {
    let (_dir, paths) = paths();
    Credentials::new("stored", "x").save(&paths).unwrap();
    let (auth, source) = resolve_auth(&env(Some("tok"), Some("id"), Some("sec")), &paths)
        .unwrap()
        .unwrap();
    assert_eq!(auth, Auth::AccessToken("tok".into()));
    assert_eq!(source, AuthSource::EnvAccessToken);
}

#[test]
fn env_credentials_then_stored_file() {
    let (_dir, paths) = paths();
    Credentials::new("stored", "x").save(&paths).unwrap();
    let (auth, source) = resolve_auth(&env(Some("  "), Some("id"), Some("sec")), &paths)
        .unwrap()
        .unwrap();
    assert_eq!(auth, Auth::Credentials(Credentials::new("id", "sec")));
    assert_eq!(source, AuthSource::EnvCredentials);

    let (auth, source) = resolve_auth(&env(None, Some(""), None), &paths)
        .unwrap()
        .unwrap();
    assert_eq!(auth, Auth::Credentials(Credentials::new("stored", "x")));
    assert_eq!(source, AuthSource::StoredCredentials);
}

#[test]
fn half_set_env_is_an_error_and_nothing_is_none() {
    let (_dir, paths) = paths();
    let err = resolve_auth(&env(None, Some("id"), None), &paths).unwrap_err();
    assert!(err.to_string().contains("PANFM_CLIENT_SECRET"));
    assert!(resolve_auth(&env(None, None, Some("s")), &paths).is_err());
    assert_eq!(resolve_auth(&AuthEnv::default(), &paths).unwrap(), None);
}

#[test]
fn debug_output_hides_secrets() {
    let shown = format!("{:?}", Credentials::new("id", "hidden-secret"));
    assert!(!shown.contains("hidden-secret"));
    let shown = format!("{:?}", env(Some("tok-x"), Some("id"), Some("sec-y")));
    assert!(
        !shown.contains("tok-x") && !shown.contains("sec-y"),
        "{shown}"
    );
}
