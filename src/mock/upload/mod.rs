//! Upload v2 state: sessions and the whole-file verification that `upload_complete` starts.

mod session;
mod verify;

pub(crate) use session::{Phase, Session, Uploads, UploadsSnapshot, slice_dir};
pub(crate) use verify::{Md5Sink, Promise, concat_slices, start as start_verification};
