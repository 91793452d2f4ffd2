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
//!
//! With [`SharedGrants`], other processes of the same account count too: each reservation also
//! looks at their recent grants (under a brief file lock, inside the same synchronous section)
//! and comes after the latest of them, so processes queue up FIFO as tasks do.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use super::endpoint::Endpoint;
use super::qps::Qps;
use super::shared_grants::SharedGrants;

/// Safety factor on every window.
pub(crate) const WINDOW_MARGIN: f64 = 1.1;

#[derive(Debug)]
pub(crate) struct RateLimiter {
    vip: AtomicBool,
    lanes: HashMap<Endpoint, Lane>,
    shared: Option<SharedGrants>,
    /// The longest window of any lane: older grants no longer matter.
    horizon: Duration,
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

    /// Reserves and returns the earliest slot at or after `now` that keeps `budget`, counting
    /// the grants of other processes when `shared` is given.
    fn reserve(
        &self,
        endpoint: Endpoint,
        budget: Budget,
        now: Instant,
        shared: Option<(&SharedGrants, Duration)>,
    ) -> Instant {
        let keep = self.free.count.max(self.vip.count);
        let mut grants = match self.grants.lock() {
            Ok(guard) => guard,
            // The critical section cannot panic; recover the data if it somehow did.
            Err(poisoned) => poisoned.into_inner(),
        };
        let decide = |others: &[Instant]| next_slot(&grants, others, budget, now);
        let slot = shared
            .and_then(|(shared, horizon)| {
                shared.reserve(endpoint.path(), keep, horizon, now, decide)
            })
            .unwrap_or_else(|| decide(&[]));
        grants.push_back(slot);
        while grants.len() > keep {
            grants.pop_front();
        }
        slot
    }
}

/// The earliest slot at or after `now` and after every grant so far (this process's `own`,
/// oldest first, and `others`) that leaves at most `budget.count` grants in any window.
fn next_slot(own: &VecDeque<Instant>, others: &[Instant], budget: Budget, now: Instant) -> Instant {
    let mut all: Vec<Instant> = own.iter().chain(others).copied().collect();
    if !others.is_empty() {
        all.sort_unstable();
    }
    let spaced = match all.len().checked_sub(budget.count) {
        Some(i) => all.get(i).map_or(now, |&t| t + budget.window),
        None => now,
    };
    all.last().map_or(now, |&last| last.max(now)).max(spaced)
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
        let lanes: HashMap<Endpoint, Lane> =
            limits.into_iter().map(|(e, q)| (e, Lane::new(q))).collect();
        let horizon = lanes
            .values()
            .map(|lane| lane.free.window.max(lane.vip.window))
            .max()
            .unwrap_or_default();
        Self {
            vip: AtomicBool::new(false),
            lanes,
            shared: None,
            horizon,
        }
    }

    /// Also paces by (and records into) the grants other processes share through `shared`.
    pub(crate) fn sharing(mut self, shared: Option<SharedGrants>) -> Self {
        self.shared = shared;
        self
    }

    #[cfg(test)]
    pub(crate) fn shared(&self) -> Option<&SharedGrants> {
        self.shared.as_ref()
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
        let shared = self.shared.as_ref().map(|s| (s, self.horizon));
        let slot = lane.reserve(endpoint, budget, now, shared);
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
