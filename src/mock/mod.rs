//! A faithful in-process 123pan Open API server, written from the API documents
//! (`shared/api/*.zh.md` and the `API.md` digest) rather than from the client's types, so a
//! client mistake fails a test instead of being mirrored. It ships in the binary
//! (`panfm --demo`, `panfm mock-server`) and backs every client test.
//!
//! It depends on nothing else in this crate. Layout: `server` starts and stops it, `router`
//! lists the endpoints, `gate` checks headers, tokens and QPS (`limiter`) for every request,
//! `handlers` speak the wire format (`reply` is the envelope, `body` the lenient JSON reader,
//! `names` how field names match),
//! `tree` is the folder tree, `blobs` the `(md5, size)` content store on disk (`content` produces
//! seeded content), `upload` the v2 sessions, `images` the image-hosting space (图床), `offline`
//! the drive's offline downloads (离线下载, fetched by `fetch`, shared with the image space's
//! import), `seed` the demo drive, `persist` the state directory, `faults` the dropped
//! connections, `sharing` the share links and direct-link space.

mod blobs;
mod body;
mod clock;
mod config;
mod content;
mod faults;
mod fetch;
mod gate;
mod handlers;
mod images;
mod inspect;
mod limiter;
mod names;
mod offline;
mod persist;
mod reply;
mod router;
mod seed;
mod server;
mod shared;
mod sharing;
mod stats;
mod tokens;
mod tree;
mod upload;

pub use config::{Knobs, MockConfig, Seed};
pub use images::MockImage;
pub use inspect::MockEntry;
pub use server::MockServer;
pub use stats::Stats;
