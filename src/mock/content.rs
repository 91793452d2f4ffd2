//! Deterministic generated content for seeded files, so the demo drive has real bytes without
//! writing hundreds of megabytes at startup. Any byte range can be produced on its own:
//! text repeats a seed-chosen block of lines; noise repeats a seed-derived 64 KiB block with
//! each block's first 8 bytes XOR-ed with its index, so blocks differ.

use md5_lanes::Md5;
use serde::{Deserialize, Serialize};

const NOISE_BLOCK: usize = 64 << 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Recipe {
    Text { seed: u64 },
    Noise { seed: u64 },
}

const LINES: &[&str] = &[
    "panfm 演示文件：这里的内容是按种子生成的，可以下载、重命名、移动和删除。\n",
    "The quick brown fox jumps over the lazy dog.\n",
    "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n",
    "2024-02-10 08:00:00,sensor-7,temperature=21.5,humidity=40\n",
    "- [x] 上传 2024 春节照片\n- [ ] 整理音乐文件夹 🎵\n",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n",
    "fn main() { println!(\"你好, 123云盘\"); }\n",
    "会议纪要：讨论季度预算与项目进度，下次会议定于周五。\n",
];

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Recipe {
    /// The repeating unit of this content.
    fn pattern(&self) -> Vec<u8> {
        match *self {
            Recipe::Text { seed } => {
                let mut state = seed;
                let mut out = format!("# panfm demo · {seed}\n").into_bytes();
                for _ in 0..(4 + seed % 12) {
                    let i = (splitmix(&mut state) % LINES.len() as u64) as usize;
                    out.extend_from_slice(LINES[i].as_bytes());
                }
                out
            }
            Recipe::Noise { seed } => {
                let mut state = seed;
                let mut out = Vec::with_capacity(NOISE_BLOCK);
                while out.len() < NOISE_BLOCK {
                    out.extend_from_slice(&splitmix(&mut state).to_le_bytes());
                }
                out
            }
        }
    }

    /// Length of one text pattern; text files are sized in whole patterns so UTF-8 stays intact.
    pub fn text_unit(seed: u64) -> u64 {
        Recipe::Text { seed }.pattern().len() as u64
    }

    /// A reader over `[start, start + len)` of this content.
    pub fn reader(&self, start: u64, len: u64) -> GenReader {
        GenReader {
            recipe: *self,
            pattern: self.pattern(),
            pos: start,
            end: start + len,
        }
    }

    pub fn md5(&self, size: u64) -> String {
        let mut hasher = Md5::new();
        let mut reader = self.reader(0, size);
        let mut buf = vec![0u8; size.min(1 << 20) as usize];
        loop {
            let n = reader.fill(&mut buf);
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        hex(&hasher.finalize())
    }
}

pub(crate) struct GenReader {
    recipe: Recipe,
    pattern: Vec<u8>,
    pos: u64,
    end: u64,
}

impl GenReader {
    /// Fills `buf` with the next bytes; returns how many (0 at the end).
    pub fn fill(&mut self, buf: &mut [u8]) -> usize {
        let mut n = 0;
        let plen = self.pattern.len() as u64;
        while n < buf.len() && self.pos < self.end {
            let off = (self.pos % plen) as usize;
            let take = (self.pattern.len() - off)
                .min(buf.len() - n)
                .min((self.end - self.pos) as usize);
            buf[n..n + take].copy_from_slice(&self.pattern[off..off + take]);
            if matches!(self.recipe, Recipe::Noise { .. }) && off < 8 {
                let index = (self.pos / plen).to_le_bytes();
                for k in 0..take.min(8 - off) {
                    buf[n + k] ^= index[off + k];
                }
            }
            n += take;
            self.pos += take as u64;
        }
        n
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(recipe: Recipe, size: u64) -> Vec<u8> {
        let mut out = vec![0; size as usize];
        let n = recipe.reader(0, size).fill(&mut out);
        assert_eq!(n as u64, size);
        out
    }

    #[test]
    fn ranges_match_the_whole() {
        for recipe in [Recipe::Noise { seed: 3 }, Recipe::Text { seed: 9 }] {
            let size = 3 * NOISE_BLOCK as u64 + 123;
            let whole = all(recipe, size);
            for (start, len) in [(0, 10), (5, 70_000), (65_530, 20), (size - 7, 7)] {
                let mut part = vec![0; len as usize];
                recipe.reader(start, len).fill(&mut part);
                assert_eq!(part, whole[start as usize..(start + len) as usize]);
            }
            assert_eq!(recipe.md5(size), hex(&Md5::digest(&whole)));
        }
    }

    #[test]
    fn noise_blocks_differ_and_text_is_utf8() {
        let noise = all(Recipe::Noise { seed: 1 }, 2 * NOISE_BLOCK as u64);
        assert_ne!(noise[..NOISE_BLOCK], noise[NOISE_BLOCK..]);
        let unit = Recipe::text_unit(5);
        let text = all(Recipe::Text { seed: 5 }, unit * 3);
        assert!(String::from_utf8(text).is_ok());
    }
}
