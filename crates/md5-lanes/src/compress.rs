//! The MD5 block function (RFC 1321) run for `N` states in lockstep. One MD5 state is a chain
//! of dependent steps that leaves most of a core's execution units idle; stepping two or
//! three independent states side by side fills them, so on current x86-64 cores `N` = 2
//! takes about as long per block as `N` = 1. The states share the block, read once.

#[rustfmt::skip]
const T: [u32; 64] = [
    0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
    0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
    0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
    0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
    0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
    0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
    0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
    0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
];

pub(crate) const IV: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];

#[inline(always)]
fn f(b: u32, c: u32, d: u32) -> u32 {
    d ^ (b & (c ^ d))
}

#[inline(always)]
fn g(b: u32, c: u32, d: u32) -> u32 {
    (b & d).wrapping_add(c & !d)
}

#[inline(always)]
fn h(b: u32, c: u32, d: u32) -> u32 {
    b ^ c ^ d
}

#[inline(always)]
fn i(b: u32, c: u32, d: u32) -> u32 {
    c ^ (b | !d)
}

/// Runs the block function on every state in `states` with the same `block`.
#[inline(always)]
pub(crate) fn compress<const N: usize>(states: &mut [[u32; 4]; N], block: &[u8; 64]) {
    let mut m = [0u32; 16];
    for (word, bytes) in m.iter_mut().zip(block.chunks_exact(4)) {
        *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    // One state: hidden from the optimiser, the constants can't be moved into the last
    // addition of each step, where they would lengthen the chain of dependent operations by
    // one (a quarter faster here). Several states: the plain constants leave more execution
    // units free for the other chains, which matters more.
    let t = match N {
        1 => std::hint::black_box(&T),
        _ => &T,
    };
    let [mut a, mut b, mut c, mut d] = [[0u32; N]; 4];
    for l in 0..N {
        [a[l], b[l], c[l], d[l]] = states[l];
    }
    macro_rules! step {
        ($fun:ident, $a:ident, $b:ident, $c:ident, $d:ident, $k:expr, $w:expr, $s:expr) => {
            for l in 0..N {
                let sum = match N {
                    1 => $a[l]
                        .wrapping_add(t[$k].wrapping_add(m[$w]))
                        .wrapping_add($fun($b[l], $c[l], $d[l])),
                    _ => $a[l]
                        .wrapping_add($fun($b[l], $c[l], $d[l]))
                        .wrapping_add(t[$k])
                        .wrapping_add(m[$w]),
                };
                $a[l] = $b[l].wrapping_add(sum.rotate_left($s));
            }
        };
    }
    macro_rules! four {
        ($fun:ident, $k:expr, $word:expr, $s:expr) => {
            step!($fun, a, b, c, d, $k, $word($k), $s[0]);
            step!($fun, d, a, b, c, $k + 1, $word($k + 1), $s[1]);
            step!($fun, c, d, a, b, $k + 2, $word($k + 2), $s[2]);
            step!($fun, b, c, d, a, $k + 3, $word($k + 3), $s[3]);
        };
    }
    const fn w1(k: usize) -> usize {
        k
    }
    const fn w2(k: usize) -> usize {
        (5 * k + 1) % 16
    }
    const fn w3(k: usize) -> usize {
        (3 * k + 5) % 16
    }
    const fn w4(k: usize) -> usize {
        (7 * k) % 16
    }
    const S1: [u32; 4] = [7, 12, 17, 22];
    const S2: [u32; 4] = [5, 9, 14, 20];
    const S3: [u32; 4] = [4, 11, 16, 23];
    const S4: [u32; 4] = [6, 10, 15, 21];
    four!(f, 0, w1, S1);
    four!(f, 4, w1, S1);
    four!(f, 8, w1, S1);
    four!(f, 12, w1, S1);
    four!(g, 16, w2, S2);
    four!(g, 20, w2, S2);
    four!(g, 24, w2, S2);
    four!(g, 28, w2, S2);
    four!(h, 32, w3, S3);
    four!(h, 36, w3, S3);
    four!(h, 40, w3, S3);
    four!(h, 44, w3, S3);
    four!(i, 48, w4, S4);
    four!(i, 52, w4, S4);
    four!(i, 56, w4, S4);
    four!(i, 60, w4, S4);
    for l in 0..N {
        let s = &mut states[l];
        s[0] = s[0].wrapping_add(a[l]);
        s[1] = s[1].wrapping_add(b[l]);
        s[2] = s[2].wrapping_add(c[l]);
        s[3] = s[3].wrapping_add(d[l]);
    }
}
