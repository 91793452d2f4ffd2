//! Checking a slice and extending the running whole-file hash in one pass. When a received
//! slice is the one the running hash of its upload needs next, its request claims that hash,
//! feeds the slice's bytes once to both its own MD5 and a copy of the running hash
//! (`md5_lanes::update_all`, about the cost of one MD5); the copy replaces the running hash
//! only if the slice is then accepted with exactly the promised length. A request that ends
//! early (dropped connection, wrong MD5) leaves the running hash as it was. A slice that
//! arrives before the running hash reaches it waits for it (slices are received faster than
//! MD5 runs, so this is the usual case and costs no time overall); only when the running hash
//! stops moving is the slice checked alone, to be taken in later by `assemble`.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use md5_lanes::{Md5, update_all};
use tokio::sync::OwnedMutexGuard;

use super::super::shared::{Shared, lock};
use super::assemble::{Assembly, Prefix, catch_up};
use super::{Phase, Session};

/// The running hash of one upload, held for slice `no` while that slice is checked.
pub(crate) struct Claim {
    assembly: Arc<Assembly>,
    prefix: OwnedMutexGuard<Prefix>,
    session: Session,
    no: u64,
    taken: bool,
}

/// How long a slice waits for the running hash to reach it while the hash doesn't move: the
/// slices before it are normally in flight beside it, but a client may send them much later.
const PATIENCE: Duration = Duration::from_millis(250);

/// Claims the running hash of upload `id` for slice `no`, waiting while the running hash
/// still moves towards it; `None` when it never gets there (the slice is then checked alone).
pub(crate) async fn claim(st: &Arc<Shared>, id: &str, no: u64) -> Option<Claim> {
    let (assembly, session) = {
        let mut d = lock(&st.drive);
        let session = d.uploads.get(id).ok()?.clone();
        if session.phase != Phase::Receiving || !(1..=session.slice_count()).contains(&no) {
            return None;
        }
        (d.uploads.assembly(id), session)
    };
    let usable =
        |a: &Assembly| !a.broken.load(Ordering::Acquire) && a.claimed.load(Ordering::Acquire) < no;
    loop {
        let moved = assembly.moved.notified();
        tokio::pin!(moved);
        moved.as_mut().enable();
        let next = assembly.next.load(Ordering::Acquire);
        if !usable(&assembly) || next > no {
            return None;
        }
        if next == no {
            break;
        }
        tokio::time::timeout(PATIENCE, moved).await.ok()?;
    }
    let prefix = Arc::clone(&assembly.prefix).lock_owned().await;
    if prefix.next != no || !usable(&assembly) {
        return None;
    }
    assembly.claimed.store(no, Ordering::Release);
    Some(Claim {
        assembly,
        prefix,
        session,
        no,
        taken: false,
    })
}

impl Claim {
    /// A copy of the running hash, to be fed the slice.
    pub fn running(&self) -> Md5 {
        self.prefix.hasher.clone()
    }

    /// The slice was stored; `whole` is the running hash with its bytes taken in. Takes in,
    /// in the background, any later slices that arrived meanwhile.
    pub fn take(mut self, st: &Arc<Shared>, whole: Md5) {
        let len = whole.bytes() - self.prefix.hasher.bytes();
        if len != self.session.promise().slice_len(self.no) {
            return self.assembly.break_off();
        }
        self.prefix.hasher = whole;
        self.prefix.next = self.no + 1;
        self.assembly.next.store(self.no + 1, Ordering::Release);
        self.assembly.moved.notify_waiters();
        self.taken = true;
        st.stats().slices_hashed_in_one_pass += 1;
        let (assembly, session) = (Arc::clone(&self.assembly), self.session.clone());
        drop(self);
        catch_up(st, assembly, session);
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        if !self.taken {
            let _ = self.assembly.claimed.compare_exchange(
                self.no,
                self.no - 1,
                Ordering::AcqRel,
                Ordering::Acquire,
            );
        }
    }
}

/// The MD5 of `chunks` and, when given, `running` with the same bytes taken in.
pub(crate) fn hash_chunks(chunks: &[Bytes], mut running: Option<Md5>) -> (Md5, Option<Md5>) {
    let mut own = Md5::new();
    for chunk in chunks {
        match running.as_mut() {
            Some(whole) => update_all(&mut [&mut own, whole], chunk),
            None => own.update(chunk),
        }
    }
    (own, running)
}
