//! Checking an upload while its slices still arrive. Each accepted slice wakes a background
//! step that feeds the contiguous run of slices from the start to a running whole-file MD5, so
//! that when `upload_complete` starts the verification most of the work is done. Only the
//! timing changes: the outcome is exactly that of the full check in `verify`, which still
//! runs whenever the running hash can't be trusted — a slice already taken in was sent again,
//! a slice had the wrong size, or the server restarted (running hashes are not persisted).
//! The slice the running hash needs next is usually taken in by its own request, in the same
//! pass that checks its MD5 (see `claim`); this step catches up with the others.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use md5_lanes::Md5;
use tokio::sync::{Mutex, Notify, OwnedMutexGuard};

use super::super::shared::{Shared, lock};
use super::{Phase, Session, slice_dir};

pub(crate) struct Assembly {
    pub(super) prefix: Arc<Mutex<Prefix>>,
    /// The highest slice number taken into the prefix (or being taken); 0 for none.
    pub(super) claimed: AtomicU64,
    /// `prefix.next`, readable without waiting for the lock.
    pub(super) next: AtomicU64,
    /// Woken whenever `next` moves or the assembly closes.
    pub(super) moved: Notify,
    pub(super) broken: AtomicBool,
}

pub(super) struct Prefix {
    pub hasher: Md5,
    /// The next slice number to take.
    pub next: u64,
}

impl Assembly {
    pub fn new() -> Self {
        Self {
            prefix: Arc::new(Mutex::new(Prefix {
                hasher: Md5::new(),
                next: 1,
            })),
            claimed: AtomicU64::new(0),
            next: AtomicU64::new(1),
            moved: Notify::new(),
            broken: AtomicBool::new(false),
        }
    }

    /// The running hash can't be trusted any more; slices waiting for it stop waiting.
    pub(super) fn break_off(&self) {
        self.broken.store(true, Ordering::Release);
        self.moved.notify_waiters();
    }
}

/// Slice `no` of upload `id` was just stored: extend the running hash in the background.
pub(crate) fn slice_arrived(st: &Arc<Shared>, id: &str, no: u64) {
    let (assembly, session) = {
        let mut d = lock(&st.drive);
        let session = match d.uploads.get(id) {
            Ok(s) if s.phase == Phase::Receiving => s.clone(),
            _ => return,
        };
        (d.uploads.assembly(id), session)
    };
    if no <= assembly.claimed.load(Ordering::Acquire) {
        // A slice already taken in was replaced: only the full check can tell now.
        return assembly.break_off();
    }
    catch_up(st, assembly, session);
}

/// Takes in, in the background, every stored slice the running hash of `assembly` can use.
pub(super) fn catch_up(st: &Arc<Shared>, assembly: Arc<Assembly>, session: Session) {
    let dir = slice_dir(&st.uploads_dir, session.dir);
    tokio::spawn(async move {
        let mut prefix = Arc::clone(&assembly.prefix).lock_owned().await;
        let _ =
            tokio::task::spawn_blocking(move || advance(&assembly, &mut prefix, &session, &dir))
                .await;
    });
}

/// Takes in every further slice already stored, in order.
fn advance(a: &Assembly, p: &mut OwnedMutexGuard<Prefix>, s: &Session, dir: &Path) {
    while p.next <= s.slice_count() && !a.broken.load(Ordering::Acquire) {
        let no = p.next;
        let path = dir.join(no.to_string());
        match std::fs::metadata(&path) {
            Ok(meta) if meta.len() == s.promise().slice_len(no) => {}
            Ok(_) => return a.break_off(),
            Err(_) => return,
        }
        a.claimed.store(no, Ordering::Release);
        if take_in(p, &path).is_err() {
            return a.break_off();
        }
        p.next = no + 1;
        a.next.store(no + 1, Ordering::Release);
        a.moved.notify_waiters();
    }
}

fn take_in(p: &mut Prefix, slice: &Path) -> std::io::Result<()> {
    let mut file = File::open(slice)?;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        p.hasher.update(&buf[..n]);
    }
}

/// At `upload_complete`: whether the stored slices form the promised file, or `None` when
/// the full check must decide.
pub(crate) async fn finish(st: &Arc<Shared>, s: &Session) -> Option<bool> {
    let assembly = lock(&st.drive).uploads.take_assembly(&s.id)?;
    let mut prefix = Arc::clone(&assembly.prefix).lock_owned().await;
    let (session, dir) = (s.clone(), slice_dir(&st.uploads_dir, s.dir));
    tokio::task::spawn_blocking(move || {
        advance(&assembly, &mut prefix, &session, &dir);
        let usable =
            !assembly.broken.load(Ordering::Acquire) && prefix.next > session.slice_count();
        let md5 = prefix.hasher.clone().hex();
        // Closed for good: a step woken by a late slice must not count any more.
        assembly.break_off();
        usable.then_some(prefix.hasher.bytes() == session.size && md5 == session.etag)
    })
    .await
    .ok()?
}
