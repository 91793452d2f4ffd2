//! Per-endpoint request-rate limits.
//!
//! Table: the newer developer table (B) of developer-notes.zh.md (更新 2025-10-28), free column,
//! or the VIP column when the `vip` knob is on. Endpoints absent from (B) take their value from
//! table (C) (授权须知, third-party mount apps, one column) where it lists them: `file/trash` 5,
//! `file/infos` 10, `file/download_info` 5. Every other endpoint is unlimited.
//!
//! Semantics: a limit of `q` requests per second allows at most `N` admitted requests in any
//! sliding window of `W` seconds, where `W = max(1, 1/q)` and `N = round(q * W)`. So 5 QPS is 5
//! requests in any 1 s window, and 0.2 QPS is 1 request in any 5 s window. A request is
//! admitted when fewer than `N` admitted requests lie in the window `(now - W, now]`; rejected
//! requests (answered `{"code":429,"message":"请求太频繁"}`), and requests already refused for
//! their `Platform` header or token, do not count. There is one window per endpoint: the mock
//! serves a single account and client_id. Time is tokio's clock, so paused-time tests work.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use tokio::time::Instant;

/// `(path, free QPS, VIP QPS)`; paths are the request paths the mock serves.
const TABLE: &[(&str, f64, f64)] = &[
    // Table (B), developer-notes.zh.md.
    ("/api/v1/user/info", 10.0, 10.0),
    ("/api/v1/file/move", 3.0, 10.0),
    ("/api/v1/file/delete", 1.0, 10.0),
    ("/api/v1/file/list", 0.2, 10.0),
    ("/api/v2/file/list", 5.0, 10.0),
    ("/upload/v1/file/mkdir", 5.0, 20.0),
    ("/api/v1/access_token", 8.0, 10.0),
    // Table (C), 授权须知: same value for both columns.
    ("/api/v1/file/trash", 5.0, 5.0),
    ("/api/v1/file/infos", 10.0, 10.0),
    ("/api/v1/file/download_info", 5.0, 5.0),
];

/// The documented QPS of `path` for a free (`vip == false`) or VIP account.
pub(crate) fn qps(path: &str, vip: bool) -> Option<f64> {
    TABLE
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|&(_, free, paid)| if vip { paid } else { free })
}

/// `(N, W)`: at most `N` requests in any window of length `W`.
fn window(qps: f64) -> (usize, Duration) {
    let secs = if qps >= 1.0 { 1.0 } else { 1.0 / qps };
    let n = (qps * secs).round().max(1.0) as usize;
    (n, Duration::from_secs_f64(secs))
}

#[derive(Default)]
pub(crate) struct Limiter {
    admitted: HashMap<String, VecDeque<Instant>>,
}

impl Limiter {
    /// Whether a request to `path` at `now` is admitted; records it when it is.
    pub fn admit(&mut self, path: &str, vip: bool, now: Instant) -> bool {
        let Some(q) = qps(path, vip).filter(|q| *q > 0.0) else {
            return true;
        };
        let (n, w) = window(q);
        let log = self.admitted.entry(path.to_owned()).or_default();
        while log.front().is_some_and(|t| now.duration_since(*t) >= w) {
            log.pop_front();
        }
        if log.len() >= n {
            return false;
        }
        log.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "/api/v2/file/list";

    #[test]
    fn at_most_n_in_any_sliding_second() {
        let mut l = Limiter::default();
        let t0 = Instant::now();
        for i in 0..5 {
            assert!(
                l.admit(LIST, false, t0 + Duration::from_millis(i * 100)),
                "request {i}"
            );
        }
        assert!(!l.admit(LIST, false, t0 + Duration::from_millis(500)));
        assert!(!l.admit(LIST, false, t0 + Duration::from_millis(999)));
        // The first admitted request (t0) leaves the window at t0 + 1 s.
        assert!(l.admit(LIST, false, t0 + Duration::from_millis(1000)));
        assert!(!l.admit(LIST, false, t0 + Duration::from_millis(1050)));
        assert!(l.admit(LIST, false, t0 + Duration::from_millis(1100)));
    }

    #[test]
    fn fractional_qps_means_one_per_longer_window() {
        let mut l = Limiter::default();
        let t0 = Instant::now();
        let v1 = "/api/v1/file/list";
        assert!(l.admit(v1, false, t0));
        assert!(!l.admit(v1, false, t0 + Duration::from_millis(4999)));
        assert!(l.admit(v1, false, t0 + Duration::from_secs(5)));
        assert!(
            l.admit(v1, true, t0 + Duration::from_millis(5001)),
            "VIP: 10 QPS"
        );
    }

    #[test]
    fn vip_column_and_unlisted_paths() {
        let mut l = Limiter::default();
        let t0 = Instant::now();
        for _ in 0..10 {
            assert!(l.admit(LIST, true, t0));
        }
        assert!(!l.admit(LIST, true, t0));
        for _ in 0..1000 {
            assert!(l.admit("/api/v1/file/name", false, t0));
        }
        assert_eq!(qps("/api/v1/file/trash", false), Some(5.0));
        assert_eq!(qps("/api/v1/file/move", false), Some(3.0));
        assert_eq!(qps("/api/v1/file/move", true), Some(10.0));
        assert_eq!(qps("/upload/v1/file/mkdir", true), Some(20.0));
        assert_eq!(qps("/api/v1/file/download_info", true), Some(5.0));
        assert_eq!(qps("/upload/v2/file/create", false), None);
    }
}
