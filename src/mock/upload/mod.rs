//! Upload v2 state: sessions, the whole-file verification that `upload_complete` starts, and
//! the assembly that does most of that work while slices still arrive.

mod assemble;
mod book;
mod claim;
mod session;
mod verify;

pub(crate) use assemble::slice_arrived;
pub(crate) use book::{Book, BookSnapshot, Upload};
pub(crate) use claim::{Claim, claim, hash_chunks};
pub(crate) use session::{Phase, Session, Uploads, UploadsSnapshot, slice_dir};
pub(crate) use verify::{Promise, check_slices, start as start_verification};
