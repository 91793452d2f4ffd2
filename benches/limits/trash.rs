//! Item 5, the trash without walking the drive: opening the trash of the demo drive
//! (`PanFs::list_trash`: the recycle bin's own listing, then the index), opening it again soon
//! after, and the full scan that walks every live folder (`PanFs::scan_trash`, what opening it
//! used to cost), each on the free tier: calls made and time.

use crate::env::Env;
use crate::{count, figure};
use panfm::api::{Auth, Client, ClientConfig, Credentials};
use panfm::fs::pan::PanFs;
use panfm::fs::{Entry, FsError, TrashListing};
use panfm::mock::{Seed, Stats};
use std::future::Future;
use std::time::{Duration, Instant};

const TOKEN: &str = "/api/v1/access_token";

/// Calls of every kind but token requests, and lists (legacy, v2).
fn calls(s: &Stats) -> (u64, u64, u64) {
    let all = s
        .calls
        .iter()
        .filter(|(p, _)| *p != TOKEN)
        .map(|e| e.1)
        .sum();
    (
        all,
        s.calls_to("/api/v1/file/list"),
        s.calls_to("/api/v2/file/list"),
    )
}

struct Opened {
    names: Vec<String>,
    complete: bool,
    calls: (u64, u64, u64),
    took: Duration,
}

/// Runs one trash listing, counting what it found and the calls it made.
async fn open<F>(env: &Env, listing: impl FnOnce(Box<dyn FnMut(Vec<Entry>) -> bool>) -> F) -> Opened
where
    F: Future<Output = Result<TrashListing, FsError>>,
{
    let (tx, rx) = std::sync::mpsc::channel();
    let before = calls(&env.stats());
    let started = Instant::now();
    let result = listing(Box::new(move |batch| {
        batch.into_iter().for_each(|e| tx.send(e.name).unwrap());
        true
    }))
    .await;
    let took = started.elapsed();
    let after = calls(&env.stats());
    let mut names: Vec<String> = rx.try_iter().collect();
    names.sort();
    Opened {
        names,
        complete: matches!(result, Ok(TrashListing::Complete)),
        calls: (after.0 - before.0, after.1 - before.1, after.2 - before.2),
        took,
    }
}

fn show(label: &str, o: &Opened, bound: Option<(&str, bool)>) {
    let (all, legacy, v2) = o.calls;
    figure(
        label,
        format!(
            "{} ({legacy} recycle-bin, {v2} v2), {:.2?}",
            count(all, "call"),
            o.took
        ),
        bound,
    );
}

pub fn run() {
    crate::heading("5. trash: the demo drive's trash, opened vs the full scan (free tier)");
    let env = Env::free_tier(Seed::Demo, |_| {});
    let creds = Credentials::new(env.mock.client_id(), env.mock.client_secret());
    let mut cfg = ClientConfig::new(Auth::Credentials(creds));
    cfg.base_url = env.mock.base_url().to_owned();
    let client = Client::new(cfg).unwrap();
    env.rt.block_on(async {
        // The token and the tier first, so that neither figure includes them.
        client.user_info().await.unwrap();
        let fs = PanFs::new(client.clone());
        let first = open(&env, |sink| fs.list_trash(true, sink)).await;
        let again = open(&env, |sink| fs.list_trash(false, sink)).await;
        let walker = PanFs::new(client.clone());
        let scan = open(&env, |sink| walker.scan_trash(sink)).await;
        let (all, legacy, v2) = first.calls;
        show(
            "trash: open",
            &first,
            Some((
                "1 recycle-bin page, no folder listed",
                first.complete && legacy == 1 && v2 == 0 && all <= 3,
            )),
        );
        show(
            "trash: open again soon after",
            &again,
            Some(("0 calls", again.calls.0 == 0)),
        );
        show("trash: full scan (the old way)", &scan, None);
        let same = first.names == scan.names && again.names == scan.names;
        figure(
            "trash: items found (open = scan)",
            format!("{} ({})", first.names.len(), first.names.join(", ")),
            Some(("the scan's items", same)),
        );
    });
}
