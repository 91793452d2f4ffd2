//! Access tokens: minting JWT-shaped tokens, the 3-live-tokens-per-client_id cap with
//! eviction of the oldest, and checking a bearer token.
//!
//! developer-notes.zh.md: "同一时刻只允许 client_id 下最多 3 个 token 正在使用。多次颁发会存在
//! 将 Token 踢下线的情况". An evicted token is answered `401 "tokens number has exceeded the
//! limit"` (the FAQ's message); an unknown or expired one `401 "access_token无效"`.

use std::collections::{HashMap, VecDeque};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use super::reply::ApiError;

const LIVE_CAP: usize = 3;
/// How many evicted tokens are remembered to give them the specific message.
const EVICTED_MEMORY: usize = 256;

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Token {
    value: String,
    /// Unix seconds.
    expires: i64,
}

#[derive(Clone, Default, Serialize, Deserialize)]
pub(crate) struct Tokens {
    /// client_id → live tokens, oldest first.
    live: HashMap<String, VecDeque<Token>>,
    evicted: VecDeque<String>,
}

/// The outcome of minting: the token and its expiry (Unix seconds).
pub(crate) struct Minted {
    pub token: String,
    pub expires: i64,
}

impl Tokens {
    pub fn mint(&mut self, client_id: &str, uid: i64, now: i64, ttl_secs: i64) -> Minted {
        let expires = now.saturating_add(ttl_secs);
        let token = jwt_shaped(uid, expires);
        let live = self.live.entry(client_id.to_owned()).or_default();
        live.retain(|t| t.expires > now);
        while live.len() >= LIVE_CAP {
            if let Some(old) = live.pop_front() {
                self.evicted.push_back(old.value);
            }
        }
        while self.evicted.len() > EVICTED_MEMORY {
            self.evicted.pop_front();
        }
        live.push_back(Token {
            value: token.clone(),
            expires,
        });
        Minted { token, expires }
    }

    /// Checks the token from `Authorization: Bearer <token>`.
    pub fn check(&self, token: &str, now: i64) -> Result<(), ApiError> {
        let live = self.live.values().flatten().find(|t| t.value == token);
        match live {
            Some(t) if t.expires > now => Ok(()),
            Some(_) => Err(ApiError::unauthorized()),
            None if self.evicted.iter().any(|t| t == token) => Err(ApiError::evicted()),
            None => Err(ApiError::unauthorized()),
        }
    }

    pub fn live_count(&self, now: i64) -> usize {
        self.live
            .values()
            .flatten()
            .filter(|t| t.expires > now)
            .count()
    }
}

/// `header.payload.signature`, base64url without padding, HS256 header as in the documents'
/// example; the payload carries `id` (uid) and `exp` as p123client reads them. The signature
/// is random: the mock looks tokens up instead of verifying them.
fn jwt_shaped(uid: i64, exp: i64) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let nonce: u64 = rand::random();
    let payload = serde_json::json!({
        "exp": exp, "id": uid, "iss": "panfm-mock", "jti": format!("{nonce:016x}"),
    });
    let payload = URL_SAFE_NO_PAD.encode(payload.to_string());
    let sig: [u8; 32] = rand::random();
    format!("{header}.{payload}.{}", URL_SAFE_NO_PAD.encode(sig))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fourth_token_evicts_the_oldest() {
        let mut t = Tokens::default();
        let minted: Vec<_> = (0..4).map(|_| t.mint("c", 1, 100, 1000).token).collect();
        assert_eq!(t.check(&minted[0], 100), Err(ApiError::evicted()));
        for tok in &minted[1..] {
            assert_eq!(t.check(tok, 100), Ok(()));
        }
        assert_eq!(t.live_count(100), 3);
        assert_eq!(t.check("nonsense", 100), Err(ApiError::unauthorized()));
    }

    #[test]
    fn expired_tokens_are_invalid_and_free_their_slot() {
        let mut t = Tokens::default();
        let a = t.mint("c", 1, 100, 10).token;
        assert_eq!(t.check(&a, 110), Err(ApiError::unauthorized()));
        for _ in 0..3 {
            t.mint("c", 1, 200, 10);
        }
        assert_eq!(
            t.check(&a, 200),
            Err(ApiError::unauthorized()),
            "expired, not evicted"
        );
    }

    #[test]
    fn token_is_jwt_shaped_with_id_and_exp() {
        let tok = jwt_shaped(42, 1234);
        let parts: Vec<_> = tok.split('.').collect();
        assert_eq!(parts[0], "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
        let payload: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(payload["id"], 42);
        assert_eq!(payload["exp"], 1234);
    }
}
