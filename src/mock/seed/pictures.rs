//! Small but valid image files made in code for the demo seed: PNG (stored deflate, real CRCs
//! and Adler-32), GIF (LZW with a clear code every two pixels, so codes stay 3 bits), 24-bit
//! BMP and SVG.

/// An RGB colour.
pub(crate) type Rgb = [u8; 3];

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A `w`×`h` RGB PNG whose pixel `(x, y)` is `pixel(x, y)`.
pub(crate) fn png(w: u32, h: u32, pixel: impl Fn(u32, u32) -> Rgb) -> Vec<u8> {
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0);
        for x in 0..w {
            raw.extend_from_slice(&pixel(x, y));
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A `w`×`h` two-colour GIF; `pick(x, y)` chooses `colors[1]` when true.
pub(crate) fn gif(w: u16, h: u16, colors: [Rgb; 2], pick: impl Fn(u16, u16) -> bool) -> Vec<u8> {
    const CLEAR: u16 = 4;
    const END: u16 = 5;
    let mut out = b"GIF89a".to_vec();
    out.extend_from_slice(&w.to_le_bytes());
    out.extend_from_slice(&h.to_le_bytes());
    // A global colour table of 2^(1+1) = 4 entries (the two colours, then black twice), as
    // an LZW minimum code size of 2 expects.
    out.extend_from_slice(&[0x81, 0, 0]);
    out.extend_from_slice(&colors[0]);
    out.extend_from_slice(&colors[1]);
    out.extend_from_slice(&[0; 6]);
    out.extend_from_slice(&[0x2C, 0, 0, 0, 0]);
    out.extend_from_slice(&w.to_le_bytes());
    out.extend_from_slice(&h.to_le_bytes());
    out.extend_from_slice(&[0, 2]);
    let pixels: Vec<u16> = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| u16::from(pick(x, y)))
        .collect();
    let mut codes = Vec::new();
    for pair in pixels.chunks(2) {
        codes.push(CLEAR);
        codes.extend_from_slice(pair);
    }
    codes.push(END);
    let (mut packed, mut acc, mut bits) = (Vec::new(), 0u32, 0u32);
    for code in codes {
        acc |= u32::from(code) << bits;
        bits += 3;
        while bits >= 8 {
            packed.push(acc as u8);
            acc >>= 8;
            bits -= 8;
        }
    }
    if bits > 0 {
        packed.push(acc as u8);
    }
    for block in packed.chunks(255) {
        out.push(block.len() as u8);
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&[0, 0x3B]);
    out
}

/// A `w`×`h` 24-bit BMP.
pub(crate) fn bmp(w: u32, h: u32, pixel: impl Fn(u32, u32) -> Rgb) -> Vec<u8> {
    let row = (w * 3).div_ceil(4) * 4;
    let size = 54 + row * h;
    let mut out = b"BM".to_vec();
    for v in [size, 0, 54, 40, w, h] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&24u16.to_le_bytes());
    for v in [0, row * h, 2835, 2835, 0, 0] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for y in (0..h).rev() {
        let start = out.len();
        for x in 0..w {
            let [r, g, b] = pixel(x, y);
            out.extend_from_slice(&[b, g, r]);
        }
        out.resize(start + row as usize, 0);
    }
    out
}

/// An SVG badge with `text` on a rounded rectangle of `fill` (a CSS colour).
pub(crate) fn svg(text: &str, fill: &str) -> Vec<u8> {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\" viewBox=\"0 0 120 40\">\n  <rect width=\"120\" height=\"40\" rx=\"8\" fill=\"{fill}\"/>\n  <text x=\"60\" y=\"26\" font-size=\"16\" text-anchor=\"middle\" fill=\"#fff\">{text}</text>\n</svg>\n"
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_chunks_carry_valid_crcs() {
        let img = png(3, 2, |x, y| [x as u8 * 80, y as u8 * 120, 200]);
        assert_eq!(&img[..8], b"\x89PNG\r\n\x1a\n");
        let mut at = 8;
        let mut kinds = Vec::new();
        while at < img.len() {
            let len = u32::from_be_bytes(img[at..at + 4].try_into().unwrap()) as usize;
            let body = &img[at + 4..at + 8 + len];
            let crc = u32::from_be_bytes(img[at + 8 + len..at + 12 + len].try_into().unwrap());
            assert_eq!(crc32(body), crc);
            kinds.push(String::from_utf8(body[..4].to_vec()).unwrap());
            at += 12 + len;
        }
        assert_eq!(kinds, ["IHDR", "IDAT", "IEND"]);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn gif_and_bmp_have_their_headers_and_sizes() {
        let g = gif(4, 3, [[0, 0, 0], [255, 255, 255]], |x, y| (x + y) % 2 == 0);
        assert!(g.starts_with(b"GIF89a") && g.ends_with(&[0, 0x3B]));
        let b = bmp(3, 2, |_, _| [1, 2, 3]);
        assert_eq!(&b[..2], b"BM");
        assert_eq!(b.len(), 54 + 12 * 2);
        assert_eq!(
            u32::from_le_bytes(b[2..6].try_into().unwrap()) as usize,
            b.len()
        );
        assert!(
            String::from_utf8(svg("hi", "#333"))
                .unwrap()
                .starts_with("<svg")
        );
    }
}
