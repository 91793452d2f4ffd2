//! MD5 speed on 256 MiB in memory: `md-5`, then one, two and three `md5-lanes` hashers fed
//! the same bytes at once (prints figures; `cargo bench -p md5-lanes`).

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use md5::Digest;
use md5_lanes::{Md5, update_all};

fn main() {
    let mut data = vec![0u8; 256 << 20];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for word in data.chunks_exact_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        word.copy_from_slice(&x.to_le_bytes());
    }
    let mb_s = |start: Instant| data.len() as f64 / 1e6 / start.elapsed().as_secs_f64();
    for _ in 0..3 {
        let start = Instant::now();
        let reference = md5::Md5::digest(&data);
        let mut line = format!("md-5 {:.0} MB/s", mb_s(start));
        for lanes in 1..=3 {
            let mut hashers = vec![Md5::new(); lanes];
            let start = Instant::now();
            for chunk in data.chunks(1 << 20) {
                let mut refs: Vec<&mut Md5> = hashers.iter_mut().collect();
                update_all(&mut refs, chunk);
            }
            line += &format!(", {lanes} at once {:.0} MB/s", mb_s(start));
            assert!(hashers.into_iter().all(|h| h.finalize() == reference[..]));
        }
        println!("{line}");
    }
}
