//! The queue at a glance: bytes moved per second over the last minute (for the sparkline in
//! the queue panel's title), the overall ETA, and the jobs of the running batches done so far.
//! Time comes from the stamps the runtime puts on transfer events, carried forward by ticks
//! (100 ms each) while nothing arrives; `update` never reads a clock.

use super::transfers::Transfers;
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Seconds the sparkline covers, one bucket each.
pub const WINDOW_SECS: usize = 60;
const SECOND: Duration = Duration::from_secs(1);
/// How far a tick moves the clock.
const TICK: Duration = Duration::from_millis(100);

#[derive(Debug, Clone, Default)]
pub struct Throughput {
    /// Bytes moved in each second, oldest first; the last bucket is the current second.
    buckets: VecDeque<u64>,
    /// When the current second began.
    start: Option<Instant>,
    /// The latest time seen (an event's stamp, or the ticks since).
    now: Option<Instant>,
}

impl Throughput {
    /// `bytes` moved at `at`. A stamp older than the current second counts in its own second
    /// while that is still in the window.
    pub fn add(&mut self, at: Instant, bytes: u64) {
        self.advance(at);
        let Some(start) = self.start else { return };
        let back = match start.checked_duration_since(at) {
            None => 0,
            Some(d) => d.as_secs_f64().ceil() as usize,
        };
        let len = self.buckets.len();
        if back < len
            && let Some(b) = self.buckets.get_mut(len - 1 - back)
        {
            *b += bytes;
        }
    }

    /// Moves the clock to `now` (never back), opening a bucket for each second begun.
    pub fn advance(&mut self, now: Instant) {
        let Some(start) = self.start else {
            (self.start, self.now) = (Some(now), Some(now));
            self.buckets.push_back(0);
            return;
        };
        if self.now.is_some_and(|n| now <= n) {
            return;
        }
        self.now = Some(now);
        let secs = now.duration_since(start).as_secs();
        if secs == 0 {
            return;
        }
        self.start = Some(start + SECOND * u32::try_from(secs).unwrap_or(u32::MAX));
        let fresh = usize::try_from(secs).unwrap_or(usize::MAX).min(WINDOW_SECS);
        self.buckets.extend(std::iter::repeat_n(0, fresh));
        while self.buckets.len() > WINDOW_SECS {
            self.buckets.pop_front();
        }
    }

    /// A tick passed: time moves on although no bytes arrived.
    pub fn tick(&mut self) {
        if let Some(now) = self.now {
            self.advance(now + TICK);
        }
    }

    /// Something moved within the window: the sparkline still has to age.
    pub fn recent(&self) -> bool {
        self.buckets.iter().any(|b| *b > 0)
    }

    /// Bytes per second for each second of the last minute, oldest first, the current
    /// (unfinished) second last; seconds before the first transfer count as nothing moved.
    pub fn buckets(&self) -> Vec<u64> {
        let pad = WINDOW_SECS.saturating_sub(self.buckets.len());
        std::iter::repeat_n(0, pad)
            .chain(self.buckets.iter().copied())
            .collect()
    }
}

/// How long `bytes_left` take at `speed` bytes per second; `None` while nothing moves.
pub fn eta(bytes_left: u64, speed: f64) -> Option<Duration> {
    (speed >= 1.0 && speed.is_finite()).then(|| Duration::from_secs_f64(bytes_left as f64 / speed))
}

/// The jobs of the batches still running: how many are finished and how many there are.
pub fn batch_progress(t: &Transfers) -> (usize, usize) {
    let running: std::collections::HashSet<_> = t
        .jobs
        .iter()
        .filter(|j| !j.info.state.is_finished())
        .map(|j| j.info.batch)
        .collect();
    let jobs = t.jobs.iter().filter(|j| running.contains(&j.info.batch));
    jobs.fold((0, 0), |(done, all), j| {
        (done + usize::from(j.info.state.is_finished()), all + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn last(t: &Throughput, n: usize) -> Vec<u64> {
        t.buckets()[WINDOW_SECS - n..].to_vec()
    }

    #[test]
    fn bytes_go_to_the_second_they_were_moved_in() {
        let (mut t, t0) = (Throughput::default(), Instant::now());
        t.add(t0, 100);
        t.add(t0 + ms(900), 50);
        t.add(t0 + ms(1000), 7);
        t.add(t0 + ms(3500), 9);
        assert_eq!(last(&t, 4), [150, 7, 0, 9]);
        assert_eq!(t.buckets().len(), WINDOW_SECS);
        // A late stamp from two seconds back lands in its own second.
        t.add(t0 + ms(1200), 1);
        assert_eq!(last(&t, 4), [150, 8, 0, 9]);
    }

    #[test]
    fn ticks_move_time_on_and_old_seconds_leave_the_window() {
        let (mut t, t0) = (Throughput::default(), Instant::now());
        t.add(t0, 10);
        for _ in 0..10 {
            t.tick();
        }
        assert_eq!(last(&t, 2), [10, 0]);
        t.add(t0 + Duration::from_secs(59), 5);
        assert_eq!(t.buckets()[0], 10);
        t.add(t0 + Duration::from_secs(60), 6);
        assert_eq!(t.buckets()[0], 0);
        assert_eq!(last(&t, 2), [5, 6]);
        // Long idle: the whole window empties, and a stamp older than it is dropped.
        t.advance(t0 + Duration::from_secs(3600));
        t.add(t0, 99);
        assert!(t.buckets().iter().all(|&b| b == 0));
    }

    #[test]
    fn eta_is_bytes_left_over_speed_and_unknown_while_still() {
        assert_eq!(
            eta(10 << 20, 1024.0 * 1024.0),
            Some(Duration::from_secs(10))
        );
        assert_eq!(eta(0, 5.0), Some(Duration::ZERO));
        assert_eq!(eta(1000, 0.0), None);
        assert_eq!(eta(1000, f64::NAN), None);
    }
}
