//! How often and how patiently a failed call is repeated.
//!
//! 429 ("请求太频繁") and transient failures (5xx, non-JSON bodies, connection errors) are
//! retried with exponential backoff and jitter; everything else fails at once, and so does a
//! call that timed out (a silent server would hold it for every attempt). Whether a transient
//! failure may be retried also depends on the endpoint (see `Endpoint::idempotent`).

use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in total (first try included) while the server answers 429.
    pub rate_limited_attempts: u32,
    /// Attempts in total while the failure is transient.
    pub transient_attempts: u32,
    /// The first backoff; each later one doubles, up to `max_delay`.
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            rate_limited_attempts: 6,
            transient_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// The delay before retry number `retry` (0-based): half the capped exponential delay plus a
    /// random share of the other half, so that tasks rejected together do not return together.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(retry.min(16)));
        let capped = exp.min(self.max_delay);
        let half = capped / 2;
        half + half.mul_f64(rand::random_range(0.0..=1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let p = RetryPolicy::default();
        for _ in 0..200 {
            let d0 = p.backoff(0);
            assert!(d0 >= Duration::from_millis(250) && d0 <= Duration::from_millis(500));
            let d2 = p.backoff(2);
            assert!(d2 >= Duration::from_secs(1) && d2 <= Duration::from_secs(2));
            let d30 = p.backoff(30);
            assert!(d30 >= Duration::from_secs(4) && d30 <= Duration::from_secs(8));
        }
    }

    #[test]
    fn jitter_varies() {
        let p = RetryPolicy::default();
        let samples: Vec<_> = (0..50).map(|_| p.backoff(3)).collect();
        assert!(samples.iter().any(|d| *d != samples[0]));
    }
}
