//! What the first bytes of a file say it is: an image (PNG, JPEG, GIF, WebP, BMP, with its
//! pixel dimensions when the header bytes hold them, via `imagesize`), binary (NUL bytes or
//! many control bytes), or text in an encoding (valid UTF-8, else `chardetng`'s guess; GBK
//! and GB18030 are common on the drive). And decoding a piece of text in such an encoding.

use std::borrow::Cow;

pub use encoding_rs::Encoding;

/// How much of the start [`sniff`] looks at.
pub const SAMPLE: usize = 64 << 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text(&'static Encoding),
    Binary,
    Image(ImageInfo),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// `PNG`, `JPEG`, `GIF`, `WebP`, `BMP`.
    pub format: &'static str,
    /// `(width, height)` in pixels, when the bytes given held them.
    pub pixels: Option<(usize, usize)>,
}

/// Classifies a file from its first bytes `head`; `whole` when `head` is the entire file.
pub fn sniff(head: &[u8], whole: bool) -> Kind {
    let head = &head[..head.len().min(SAMPLE)];
    let whole = whole && head.len() < SAMPLE;
    if let Some(info) = image(head) {
        return Kind::Image(info);
    }
    if head.starts_with(b"\xef\xbb\xbf") {
        return Kind::Text(encoding_rs::UTF_8);
    }
    // UTF-16 text is not split into lines by its 0x0A bytes; it shows as binary.
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") || binary(head) {
        return Kind::Binary;
    }
    if utf8(head, whole) {
        return Kind::Text(encoding_rs::UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(head, whole);
    Kind::Text(detector.guess(None, chardetng::Utf8Detection::Allow))
}

/// An image's format and dimensions, from its header bytes only.
pub fn image(head: &[u8]) -> Option<ImageInfo> {
    use imagesize::ImageType;
    let format = match imagesize::image_type(head).ok()? {
        ImageType::Png => "PNG",
        ImageType::Jpeg => "JPEG",
        ImageType::Gif => "GIF",
        ImageType::Webp => "WebP",
        ImageType::Bmp => "BMP",
        _ => return None,
    };
    let pixels = imagesize::blob_size(head)
        .ok()
        .map(|s| (s.width, s.height))
        .filter(|&(w, h)| w > 0 && h > 0);
    // "BM" also starts ordinary text: a BMP must have a readable header.
    if format == "BMP" && pixels.is_none() {
        return None;
    }
    Some(ImageInfo { format, pixels })
}

/// NUL bytes, or more than one byte in ten a control other than tab, newlines, form feed,
/// backspace or escape (coloured logs).
fn binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x08 | 0x1b))
        .count();
    controls * 10 > head.len()
}

/// Valid UTF-8, allowing a sequence cut off at the end when `head` is only the start.
fn utf8(head: &[u8], whole: bool) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => !whole && e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    }
}

/// `bytes` as text in `encoding` (malformed sequences become U+FFFD; a BOM is kept as text).
pub fn decode<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Cow<'a, str> {
    encoding.decode_without_bom_handling(bytes).0
}

/// The name shown for an encoding: `UTF-8`, `GBK`, `gb18030`, `Shift_JIS`, …
pub fn name(encoding: &'static Encoding) -> &'static str {
    encoding.name()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    #[test]
    fn text_in_its_encoding() {
        assert_eq!(
            sniff("春眠不觉晓\n".as_bytes(), true),
            Kind::Text(encoding_rs::UTF_8)
        );
        assert_eq!(
            sniff(b"plain ascii\n", true),
            Kind::Text(encoding_rs::UTF_8)
        );
        let sample =
            gbk("会议纪要：讨论季度预算与项目进度，下次会议定于周五。\n春眠不觉晓，处处闻啼鸟。\n");
        assert_eq!(sniff(&sample, true), Kind::Text(encoding_rs::GBK));
        assert_eq!(
            decode(encoding_rs::GBK, &sample).lines().next(),
            Some("会议纪要：讨论季度预算与项目进度，下次会议定于周五。")
        );
        // A UTF-8 sequence cut by the end of the sample is still UTF-8.
        let cut = &"晓".as_bytes()[..2];
        assert_eq!(sniff(cut, false), Kind::Text(encoding_rs::UTF_8));
    }

    #[test]
    fn binary_and_images() {
        assert_eq!(sniff(b"\x00\x01\x02abc", false), Kind::Binary);
        assert_eq!(sniff(&[0x01; 40], false), Kind::Binary);
        assert_eq!(sniff(b"\xff\xfeh\x00i\x00", true), Kind::Binary);
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&160u32.to_be_bytes());
        png.extend_from_slice(&120u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0]);
        let info = ImageInfo {
            format: "PNG",
            pixels: Some((160, 120)),
        };
        assert_eq!(sniff(&png, false), Kind::Image(info));
        let cut = image(&png[..12]).unwrap();
        assert_eq!((cut.format, cut.pixels), ("PNG", None));
        assert_eq!(
            sniff(b"BMW and BMX bikes\n", true),
            Kind::Text(encoding_rs::UTF_8)
        );
    }
}
