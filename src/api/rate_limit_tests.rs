//! Limiter semantics under paused tokio time: window never exceeded, no oversleeping, FIFO,
//! fractional QPS, VIP switch.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use super::*;

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

/// Asserts that no window of `window` contains more than `n` of the sorted `times`.
fn assert_at_most_n_per_window(times: &[Instant], n: usize, window: Duration) {
    for pair in times.windows(n + 1) {
        let span = pair[n] - pair[0];
        assert!(
            span >= window,
            "{} grants within {span:?} (< {window:?})",
            n + 1
        );
    }
}

#[test]
fn budgets_from_qps() {
    assert_eq!(
        Budget::from_qps(5.0),
        Budget {
            count: 5,
            window: secs(1.1)
        }
    );
    let slow = Budget::from_qps(0.2);
    assert_eq!(slow.count, 1);
    assert!((slow.window.as_secs_f64() - 5.5).abs() < 1e-9);
    let odd = Budget::from_qps(2.5);
    assert_eq!(odd.count, 2);
    assert!((odd.window.as_secs_f64() - 0.88).abs() < 1e-9);
}

#[tokio::test(start_paused = true)]
async fn thousand_acquisitions_from_twenty_tasks_never_exceed_the_window() {
    let limiter = Arc::new(RateLimiter::new());
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let limiter = limiter.clone();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            for _ in 0..50 {
                limiter.acquire(Endpoint::ListV2).await;
                times.push(Instant::now());
            }
            times
        }));
    }
    let mut times = Vec::new();
    for t in tasks {
        times.extend(t.await.unwrap());
    }
    times.sort();
    assert_eq!(times.len(), 1000);
    // The mock's rule: at most 5 (free v2 list) in any 1 s window; we keep 1.1 s.
    assert_at_most_n_per_window(&times, 5, secs(1.0));
    assert_at_most_n_per_window(&times, 5, secs(1.1));
    // ...and no slower than needed: 200 windows of 5, the first at t = 0.
    let elapsed = times[999] - start;
    assert!(elapsed <= secs(199.0 * 1.1 + 0.01), "{elapsed:?}");
}

#[tokio::test(start_paused = true)]
async fn fractional_qps_spaces_requests() {
    let limiter = RateLimiter::from_limits([(
        Endpoint::Detail,
        Qps {
            free: 0.2,
            vip: 10.0,
        },
    )]);
    let start = Instant::now();
    let mut times = Vec::new();
    for _ in 0..4 {
        limiter.acquire(Endpoint::Detail).await;
        times.push(Instant::now() - start);
    }
    assert_eq!(times, vec![secs(0.0), secs(5.5), secs(11.0), secs(16.5)]);
}

#[tokio::test(start_paused = true)]
async fn vip_switch_uses_the_vip_column() {
    let limiter = RateLimiter::new();
    let start = Instant::now();
    limiter.acquire(Endpoint::Delete).await;
    limiter.acquire(Endpoint::Delete).await;
    assert_eq!(Instant::now() - start, secs(1.1), "free delete is 1 QPS");

    limiter.set_vip(true);
    assert_eq!(limiter.budget(Endpoint::Delete).unwrap().count, 10);
    let before = Instant::now();
    let mut times = Vec::new();
    for _ in 0..30 {
        limiter.acquire(Endpoint::Delete).await;
        times.push(Instant::now());
    }
    assert_at_most_n_per_window(&times, 10, secs(1.1));
    // The two free grants stay in the window; then 10 per 1.1 s.
    assert!(
        Instant::now() - before <= secs(3.0 * 1.1),
        "{:?}",
        Instant::now() - before
    );
}

#[tokio::test(start_paused = true)]
async fn waiters_are_served_in_call_order() {
    let limiter = Arc::new(RateLimiter::new());
    let order = Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (limiter, order) = (limiter.clone(), order.clone());
        tasks.push(tokio::spawn(async move {
            limiter.acquire(Endpoint::Delete).await;
            order.lock().unwrap().push(i);
        }));
        // Let task `i` reach `acquire` before task `i + 1` is spawned.
        tokio::task::yield_now().await;
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(*order.lock().unwrap(), (0..8).collect::<Vec<_>>());
}

#[tokio::test(start_paused = true)]
async fn endpoints_do_not_share_budgets_and_slices_are_unlimited() {
    let limiter = RateLimiter::new();
    let start = Instant::now();
    limiter.acquire(Endpoint::Delete).await;
    limiter.acquire(Endpoint::Move).await;
    for _ in 0..100 {
        limiter.acquire(Endpoint::UploadSlice).await;
    }
    assert_eq!(Instant::now(), start);
}

#[tokio::test(start_paused = true)]
async fn an_idle_lane_grants_immediately() {
    let limiter = RateLimiter::new();
    limiter.acquire(Endpoint::Delete).await;
    tokio::time::sleep(secs(10.0)).await;
    let before = Instant::now();
    limiter.acquire(Endpoint::Delete).await;
    assert_eq!(Instant::now(), before);
}

#[test]
fn next_slot_comes_after_everyone_and_keeps_the_window() {
    let t0 = Instant::now();
    let at = |s: f64| t0 + secs(s);
    let five = Budget::from_qps(5.0);
    let own: VecDeque<Instant> = [0.0, 0.1].map(at).into();
    assert_eq!(next_slot(&own, &[], five, at(0.2)), at(0.2));
    // Three more elsewhere make five in the window: the sixth waits for the first to leave it.
    let others = [0.05, 0.15, 0.3].map(at);
    assert_eq!(next_slot(&own, &others, five, at(0.2)), at(1.1));
    // A grant another process holds in the future is waited for, FIFO.
    assert_eq!(next_slot(&own, &[at(4.0)], five, at(0.2)), at(4.0));
    // Old grants no longer count.
    assert_eq!(next_slot(&own, &others, five, at(3.0)), at(3.0));
}

/// Two limiters of one account in one directory, as two processes would be: real clocks, since
/// the file holds wall-clock times. Slots are compared, nothing is timed.
#[tokio::test]
async fn limiters_sharing_a_file_pace_each_other_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let shared = || Some(SharedGrants::new(dir.path(), "account"));
    let a = RateLimiter::new().sharing(shared());
    let b = RateLimiter::new().sharing(shared());
    let budget = a.budget(Endpoint::Delete).unwrap();
    let reserve = |l: &RateLimiter| {
        let lane = &l.lanes[&Endpoint::Delete];
        let shared = l.shared.as_ref().map(|s| (s, l.horizon));
        lane.reserve(Endpoint::Delete, budget, Instant::now(), shared)
    };
    let first = reserve(&a);
    let second = reserve(&b);
    let third = reserve(&a);
    // Each comes a window after the one before it (less the rounding of the clocks' readings).
    let slack = Duration::from_millis(2);
    assert!(
        second + slack >= first + budget.window,
        "{first:?} {second:?}"
    );
    assert!(
        third + slack >= second + budget.window,
        "{second:?} {third:?}"
    );
    // An unrelated account is not held up.
    let c = RateLimiter::new().sharing(Some(SharedGrants::new(dir.path(), "other")));
    let now = Instant::now();
    assert_eq!(
        c.lanes[&Endpoint::Delete].reserve(
            Endpoint::Delete,
            budget,
            now,
            Some((c.shared().unwrap(), c.horizon))
        ),
        now
    );
}
