//! Pacing of what a job reports and sends: [`Throttle`] keeps per-job events to one per
//! interval (the last value wins, and is sent when the job ends), and [`Pacer`] enforces the
//! optional overall byte-rate cap shared by all jobs.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Coalesces a stream of absolute values into at most one per `interval`.
#[derive(Debug)]
pub(crate) struct Throttle {
    interval: Duration,
    last_sent: Option<Instant>,
    pending: Option<u64>,
}

impl Throttle {
    pub fn new(interval: Duration) -> Self {
        Self {
            interval,
            last_sent: None,
            pending: None,
        }
    }

    /// The value to send now, if the interval since the last one has passed; otherwise `value`
    /// is kept for later.
    pub fn offer(&mut self, value: u64, now: Instant) -> Option<u64> {
        let due = self
            .last_sent
            .is_none_or(|t| now.duration_since(t) >= self.interval);
        if due {
            self.last_sent = Some(now);
            self.pending = None;
            Some(value)
        } else {
            self.pending = Some(value);
            None
        }
    }

    /// The value held back, if any, to send when the job ends.
    pub fn flush(&mut self) -> Option<u64> {
        self.pending.take()
    }

    /// Sends `value` now whatever the interval (a reset or the final value).
    pub fn force(&mut self, now: Instant) {
        self.last_sent = Some(now);
        self.pending = None;
    }
}

/// A shared byte-rate cap: each caller reserves the time its bytes take at the cap after the
/// previous reservation, and sleeps until then. Idle time is not saved up (no bursts).
#[derive(Debug)]
pub(crate) struct Pacer {
    bytes_per_sec: u64,
    next: Mutex<Option<Instant>>,
}

impl Pacer {
    pub fn new(bytes_per_sec: u64) -> Self {
        Self {
            bytes_per_sec: bytes_per_sec.max(1),
            next: Mutex::new(None),
        }
    }

    /// How long to wait before sending `bytes` at `now`; reserves the slot.
    fn reserve(&self, bytes: u64, now: Instant) -> Duration {
        let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
        let start = next.map_or(now, |t| t.max(now));
        let cost = Duration::from_secs_f64(bytes as f64 / self.bytes_per_sec as f64);
        *next = Some(start + cost);
        start - now
    }

    pub async fn take(&self, bytes: u64) {
        let wait = self.reserve(bytes, Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttle_sends_at_most_one_per_interval_and_keeps_the_last() {
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        let mut t = Throttle::new(ms(100));
        assert_eq!(t.offer(1, t0), Some(1));
        assert_eq!(t.offer(2, t0 + ms(50)), None);
        assert_eq!(t.offer(3, t0 + ms(99)), None);
        assert_eq!(t.offer(4, t0 + ms(100)), Some(4));
        assert_eq!(t.flush(), None);
        assert_eq!(t.offer(5, t0 + ms(120)), None);
        assert_eq!(t.flush(), Some(5));
        assert_eq!(t.flush(), None);
    }

    #[test]
    fn pacer_spaces_reservations_by_their_cost() {
        let p = Pacer::new(1000);
        let t0 = Instant::now();
        assert_eq!(p.reserve(500, t0), Duration::ZERO);
        assert_eq!(p.reserve(500, t0), Duration::from_millis(500));
        // Idle time is not banked: after a long pause the next send starts now.
        let later = t0 + Duration::from_secs(10);
        assert_eq!(p.reserve(1000, later), Duration::ZERO);
    }
}
