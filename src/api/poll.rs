//! Waiting for work the server does in the background (an upload's check, a copy task, an
//! import): ask, wait `every`, ask again — but never forever. Each wait has a deadline, and a
//! status the documents don't name ends it sooner, each with a message that says what was
//! being waited for and what the server last said.

use std::time::Duration;

use tokio::time::Instant;

use super::endpoint::Endpoint;
use super::error::{ApiError, ApiErrorKind};

/// Answers with a status the documents don't list that are taken as "not yet" before giving up.
const UNKNOWN_ANSWERS: u32 = 10;

/// How often to ask about background work, and for how long at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Patience {
    pub every: Duration,
    pub limit: Duration,
}

impl Patience {
    pub const fn new(every: Duration, limit: Duration) -> Self {
        Self { every, limit }
    }

    /// An upload's check: "请至少1秒后发起轮询", for up to 5 minutes.
    pub const UPLOAD_CHECK: Self = Self::new(Duration::from_secs(1), Duration::from_secs(300));
    /// A copy or import task: once a second, for up to 30 minutes.
    pub const TASK: Self = Self::new(Duration::from_secs(1), Duration::from_secs(1800));
}

/// One wait in progress.
pub(crate) struct Waiting {
    patience: Patience,
    deadline: Instant,
    endpoint: Endpoint,
    unknown: u32,
}

impl Waiting {
    pub(crate) fn start(patience: Patience, endpoint: Endpoint) -> Self {
        Self {
            patience,
            deadline: Instant::now() + patience.limit,
            endpoint,
            unknown: 0,
        }
    }

    /// After a documented "not yet": waits `every`, or fails once the deadline has passed.
    /// `what` names the work and the server's last answer, e.g. "copy task 7 (running)".
    pub(crate) async fn not_yet(&mut self, what: impl FnOnce() -> String) -> Result<(), ApiError> {
        self.unknown = 0;
        self.pause(what).await
    }

    /// After a status the documents don't list: like [`Waiting::not_yet`], but only a few
    /// times in a row.
    pub(crate) async fn unknown(
        &mut self,
        status: i64,
        what: impl FnOnce() -> String,
    ) -> Result<(), ApiError> {
        self.unknown += 1;
        if self.unknown >= UNKNOWN_ANSWERS {
            let message = format!(
                "{}: the server keeps answering status {status}, which the documents don't \
                 describe; stopped waiting",
                what()
            );
            return Err(ApiError::new(
                ApiErrorKind::Fatal,
                self.endpoint.path(),
                message,
            ));
        }
        self.pause(what).await
    }

    async fn pause(&mut self, what: impl FnOnce() -> String) -> Result<(), ApiError> {
        if Instant::now() >= self.deadline {
            let message = format!(
                "{} had not finished after {}; it may still finish on the server: look before \
                 trying again",
                what(),
                shown(self.patience.limit)
            );
            return Err(ApiError::new(
                ApiErrorKind::Fatal,
                self.endpoint.path(),
                message,
            ));
        }
        tokio::time::sleep(self.patience.every).await;
        Ok(())
    }
}

fn shown(d: Duration) -> String {
    match d.as_secs() {
        s if s >= 120 => format!("{} minutes", s / 60),
        s if s >= 1 => format!("{s} s"),
        _ => format!("{} ms", d.as_millis()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_wait_ends_at_its_deadline() {
        let patience = Patience::new(Duration::from_secs(1), Duration::from_secs(5));
        let mut w = Waiting::start(patience, Endpoint::AsyncCopyProcess);
        let started = Instant::now();
        let mut asked = 0;
        let err = loop {
            asked += 1;
            if let Err(e) = w.not_yet(|| "copy task 7 (running)".to_owned()).await {
                break e;
            }
        };
        assert_eq!(asked, 6, "asked at 0..=5 s");
        assert_eq!(Instant::now() - started, Duration::from_secs(5));
        assert_eq!(err.kind, ApiErrorKind::Fatal);
        assert!(
            err.message
                .contains("copy task 7 (running) had not finished after 5 s"),
            "{err}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn unknown_statuses_end_the_wait_sooner() {
        let mut w = Waiting::start(Patience::TASK, Endpoint::ImageCopyProcess);
        let mut asked = 1;
        let err = loop {
            match w.unknown(9, || "copy task x".to_owned()).await {
                Ok(()) => asked += 1,
                Err(e) => break e,
            }
        };
        assert_eq!(asked, UNKNOWN_ANSWERS);
        assert!(err.message.contains("status 9"), "{err}");
        // A documented answer in between starts the count again.
        let mut w = Waiting::start(Patience::TASK, Endpoint::ImageCopyProcess);
        for _ in 0..UNKNOWN_ANSWERS - 1 {
            w.unknown(9, String::new).await.unwrap();
        }
        w.not_yet(String::new).await.unwrap();
        w.unknown(9, String::new).await.unwrap();
    }
}
