//! Client-side per-endpoint rate limiter, shared by every clone of a `Client`.
//!
//! The server counts requests per endpoint in a sliding one-second window at arrival [S001]; a
//! fractional QPS `q < 1` means one request per `1/q` seconds. Each endpoint therefore gets a
//! budget of `n = max(1, floor(q))` requests in any window of `margin · n / q` seconds, where the
//! margin (1.1) absorbs jitter between our send time and the server's arrival time.
//!
//! `acquire` reserves the earliest slot that keeps the budget, under a short synchronous lock, and
//! then sleeps until it. Slots are handed out in call order and never decrease, so waiting is
//! FIFO and nobody sleeps past their own slot. A caller that is cancelled while waiting leaves its
//! slot unused: the limiter then errs on the slow side, never the fast one.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use super::endpoint::{Endpoint, Qps};

/// Safety factor on every window.
pub(crate) const WINDOW_MARGIN: f64 = 1.1;

#[derive(Debug)]
pub(crate) struct RateLimiter {
    vip: AtomicBool,
    lanes: HashMap<Endpoint, Lane>,
}

#[derive(Debug)]
struct Lane {
    free: Budget,
    vip: Budget,
    /// Recent grant times, oldest first; at most `max(free.count, vip.count)` are kept.
    grants: Mutex<VecDeque<Instant>>,
}

/// At most `count` grants in any window of `window`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Budget {
    pub count: usize,
    pub window: Duration,
}

impl Budget {
    pub(crate) fn from_qps(qps: f64) -> Self {
        let qps = if qps.is_finite() && qps > 0.0 {
            qps
        } else {
            1.0
        };
        let count = qps.floor().max(1.0);
        Self {
            // `count` is at least 1 and QPS tables are small numbers.
            count: count as usize,
            window: Duration::from_secs_f64(WINDOW_MARGIN * count / qps),
        }
    }
}

impl Lane {
    fn new(qps: Qps) -> Self {
        Self {
            free: Budget::from_qps(qps.free),
            vip: Budget::from_qps(qps.vip),
            grants: Mutex::new(VecDeque::new()),
        }
    }

    /// Reserves and returns the earliest slot at or after `now` that keeps `budget`.
    fn reserve(&self, budget: Budget, now: Instant) -> Instant {
        let keep = self.free.count.max(self.vip.count);
        let mut grants = match self.grants.lock() {
            Ok(guard) => guard,
            // The critical section cannot panic; recover the data if it somehow did.
            Err(poisoned) => poisoned.into_inner(),
        };
        let slot = match grants.len().checked_sub(budget.count) {
            Some(i) => grants.get(i).map_or(now, |&t| (t + budget.window).max(now)),
            None => now,
        };
        grants.push_back(slot);
        while grants.len() > keep {
            grants.pop_front();
        }
        slot
    }
}

impl RateLimiter {
    /// The limiter for the endpoint table in [`Endpoint::qps`], free column first.
    pub(crate) fn new() -> Self {
        Self::from_limits(
            Endpoint::ALL
                .iter()
                .filter_map(|&e| e.qps().map(|q| (e, q))),
        )
    }

    pub(crate) fn from_limits(limits: impl IntoIterator<Item = (Endpoint, Qps)>) -> Self {
        Self {
            vip: AtomicBool::new(false),
            lanes: limits.into_iter().map(|(e, q)| (e, Lane::new(q))).collect(),
        }
    }

    pub(crate) fn set_vip(&self, vip: bool) {
        self.vip.store(vip, Ordering::Relaxed);
    }

    pub(crate) fn is_vip(&self) -> bool {
        self.vip.load(Ordering::Relaxed)
    }

    /// The budget currently applied to `endpoint`; `None` when it is unlimited.
    pub(crate) fn budget(&self, endpoint: Endpoint) -> Option<Budget> {
        let lane = self.lanes.get(&endpoint)?;
        Some(if self.is_vip() { lane.vip } else { lane.free })
    }

    /// Waits until a request to `endpoint` may be sent. Send right after it returns.
    pub(crate) async fn acquire(&self, endpoint: Endpoint) {
        let (Some(lane), Some(budget)) = (self.lanes.get(&endpoint), self.budget(endpoint)) else {
            return;
        };
        let now = Instant::now();
        let slot = lane.reserve(budget, now);
        if slot > now {
            tracing::trace!(
                endpoint = endpoint.path(),
                wait_ms = (slot - now).as_millis() as u64,
                "rate limit wait"
            );
            tokio::time::sleep_until(slot).await;
        }
    }
}

#[cfg(test)]
#[path = "rate_limit_tests.rs"]
mod tests;
