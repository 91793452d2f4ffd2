use md5::Digest;
use proptest::prelude::*;

use super::{Md5, update_all};

fn reference(data: &[u8]) -> [u8; 16] {
    md5::Md5::digest(data).into()
}

#[test]
fn known_digests() {
    assert_eq!(Md5::new().hex(), "d41d8cd98f00b204e9800998ecf8427e");
    let mut abc = Md5::new();
    abc.update(b"abc");
    assert_eq!(abc.hex(), "900150983cd24fb0d6963f7d28e17f72");
    let digits =
        b"12345678901234567890123456789012345678901234567890123456789012345678901234567890";
    assert_eq!(
        Md5::digest(digits),
        reference(digits),
        "80 bytes: the length goes into a second padding block"
    );
}

#[test]
fn every_length_around_the_padding_boundaries() {
    let data: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
    for n in 0..data.len() {
        assert_eq!(Md5::digest(&data[..n]), reference(&data[..n]), "length {n}");
    }
}

proptest! {
    #[test]
    fn pieces_in_any_sizes_give_the_same_digest(
        data in proptest::collection::vec(any::<u8>(), 0..2000),
        cuts in proptest::collection::vec(0usize..2000, 0..8),
    ) {
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(data.len())).collect();
        cuts.sort_unstable();
        let mut hasher = Md5::new();
        let mut start = 0;
        for cut in cuts.into_iter().chain([data.len()]) {
            hasher.update(&data[start..cut]);
            start = cut;
        }
        prop_assert_eq!(hasher.bytes(), data.len() as u64);
        prop_assert_eq!(hasher.finalize(), reference(&data));
    }

    /// Each hasher first takes its own prefix (so some are in step and some are not), then
    /// all take the shared pieces together.
    #[test]
    fn hashers_fed_together_match_each_fed_alone(
        prefixes in proptest::collection::vec(
            proptest::collection::vec(any::<u8>(), 0..200), 1..6),
        shared in proptest::collection::vec(any::<u8>(), 0..3000),
        cut in 0usize..3000,
    ) {
        let mut hashers: Vec<Md5> = prefixes
            .iter()
            .map(|p| {
                let mut h = Md5::new();
                h.update(p);
                h
            })
            .collect();
        let cut = cut.min(shared.len());
        for piece in [&shared[..cut], &shared[cut..]] {
            let mut refs: Vec<&mut Md5> = hashers.iter_mut().collect();
            update_all(&mut refs, piece);
        }
        for (prefix, hasher) in prefixes.iter().zip(hashers) {
            let whole = [prefix.as_slice(), &shared].concat();
            prop_assert_eq!(hasher.finalize(), reference(&whole));
        }
    }
}
