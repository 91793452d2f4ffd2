//! Item 3, free space checked before sending: a 2 MiB file for a drive of 1 MiB (the mock's
//! `quota` knob). The figures are the bytes the mock received and the message the user gets.

use crate::env::{Env, messages};
use crate::{MIB, content, figure};
use panfm::mock::Seed;

pub fn run() {
    crate::heading("3. quota: a 2 MiB upload to a drive with 1 MiB free");
    let env = Env::free_tier(Seed::Empty, |k| {
        k.quota = MIB;
        k.complete_pending_polls = 0;
    });
    env.mock.put_dir(0, "up").unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("big.bin"), content(2 * MIB, 3)).unwrap();
    let out = env.run(work.path(), &["upload", "big.bin", "/up"]);
    let s = env.stats();
    let lines = messages(&out);
    let said = lines
        .iter()
        .any(|l| l.contains("2.00 MiB to upload, 1.00 MiB free"));
    figure(
        "quota: bytes received",
        s.upload_bytes,
        Some(("0", s.upload_bytes == 0)),
    );
    let creates =
        s.calls_to("/upload/v2/file/create") + s.calls_to("/upload/v2/file/single/create");
    figure("quota: create calls", creates, Some(("0", creates == 0)));
    figure(
        "quota: exit status",
        out.status.code().unwrap_or(-1),
        Some(("1", out.status.code() == Some(1))),
    );
    figure(
        "quota: message names size and free",
        said,
        Some(("true", said)),
    );
    for line in lines {
        println!("  {line}");
    }
}
