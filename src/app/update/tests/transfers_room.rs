//! Transfers in update(): a session that doesn't own the saved queue says so, a batch that
//! won't fit in the cloud says how much, and a download whose files were already here says so.

use super::transfers::{event, model};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::transfer::*;

#[test]
fn a_session_without_the_saved_queue_says_its_transfers_are_not_kept() {
    let mut m = model();
    update(&mut m, Msg::Transfer(TransferMsg::Unkept));
    assert_eq!(
        status_text(&m),
        "another panfm is running the transfer queue; transfers here are not kept after exit"
    );
    assert!(m.transfers.unkept);
    press(&mut m, "<Space> <F5>");
    let effects = press(&mut m, "y");
    assert!(matches!(
        effects.as_slice(),
        [Effect::Transfer(TransferCmd::Submit { .. })]
    ));
    assert!(
        status_text(&m).starts_with("Queued, another panfm is running the transfer queue"),
        "{}",
        status_text(&m)
    );
}

#[test]
fn a_batch_that_wont_fit_says_how_much_up_front() {
    let mut m = model();
    let no_room = TransferEvent::NoRoom {
        batch: BatchId(1),
        files: 3,
        bytes: 4_509_715_660,
        free: 1_181_116_006,
    };
    event(&mut m, no_room);
    assert_eq!(
        status_text(&m),
        "3 files (4.2 GiB) won't fit in the cloud: 1.1 GiB free"
    );
}

#[test]
fn a_download_already_here_is_not_an_instant_upload() {
    let mut m = model();
    let planned = TransferEvent::Planned {
        batch: BatchId(2),
        direction: Direction::Download,
        files: 2,
        bytes: 2048,
    };
    event(&mut m, planned);
    let done = TransferEvent::BatchDone {
        batch: BatchId(2),
        ok: 2,
        failed: 0,
        skipped: 0,
        cancelled: 0,
        reused_bytes: 2048,
    };
    event(&mut m, done);
    assert_eq!(
        status_text(&m),
        "Download finished: 2 done, 0 failed, 0 skipped, 2.0 KiB already here"
    );
    assert_eq!(
        m.transfers.saved_bytes(),
        0,
        "nothing saved by instant upload"
    );
}
