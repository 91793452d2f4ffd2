//! `POST api/v1/access_token` [S000][DOC:获取access_token.md].

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Serialize)]
pub(crate) struct TokenRequest<'a> {
    #[serde(rename = "clientID")]
    pub client_id: &'a str,
    #[serde(rename = "clientSecret")]
    pub client_secret: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TokenData {
    pub access_token: String,
    /// RFC 3339 with `+08:00`; validity is decided from this field [S000].
    #[serde(default)]
    pub expired_at: String,
}

impl fmt::Debug for TokenData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenData")
            .field("access_token", &"<redacted>")
            .field("expired_at", &self.expired_at)
            .finish()
    }
}
