//! Counters a test can read back through `MockServer::stats`.

use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests received per path (`/dl/<token>` counted as `/dl`, likewise `/oss-put` and
    /// `/oss-img`), refused ones included.
    pub calls: BTreeMap<String, u64>,
    pub tokens_minted: u64,
    /// Requests answered with code 429.
    pub throttled: u64,
    /// Requests answered with an injected HTML 5xx.
    pub injected_errors: u64,
    /// Connections dropped mid-body on purpose.
    pub dropped: u64,
    /// Replies dropped after their request took effect (`lost_replies` knob).
    pub lost_replies: u64,
    /// Downloads refused with the CDN's JSON code 1010 (`cdn_refusals` knob).
    pub cdn_refusals: u64,
    /// Upload slices whose check also extended the running whole-file hash (one pass).
    pub slices_hashed_in_one_pass: u64,
    /// Bytes of file content received in full by slice and single-step uploads, accepted or
    /// not.
    pub upload_bytes: u64,
    /// Slice requests let past the `slice_hold` gate (every one while it is off).
    pub slices_admitted: u64,
    /// Slices checked and stored.
    pub slices_accepted: u64,
    /// Bytes of file content served by `/dl`: each range exactly; a cut-off body what was
    /// handed to the connection before the cut.
    pub download_bytes: u64,
    /// `/dl` answers with 206 (a range served), and those of them for a suffix range
    /// (`bytes=-N`).
    pub partial_downloads: u64,
    pub suffix_downloads: u64,
    /// `/dl` bodies sent with a byte flipped (`corrupt_downloads` knob).
    pub corrupted: u64,
}

impl Stats {
    /// Requests received for `path`.
    pub fn calls_to(&self, path: &str) -> u64 {
        self.calls.get(path).copied().unwrap_or(0)
    }

    pub(crate) fn record_call(&mut self, path: &str) {
        let key = ["/dl", "/oss-put", "/oss-img"]
            .into_iter()
            .find(|p| {
                path.strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with('/'))
            })
            .unwrap_or(path);
        *self.calls.entry(key.to_owned()).or_default() += 1;
    }
}
