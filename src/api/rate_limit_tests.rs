//! Limiter semantics under paused tokio time: window never exceeded, no oversleeping, FIFO,
//! fractional QPS, VIP switch.

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
