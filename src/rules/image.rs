//! What the image space accepts, checked before anything is sent: a supported format, by the
//! name's extension and, when the first bytes are at hand, by their signature; and at most
//! 100 MiB. p123client (创建复制任务) lists "png, gif, jpeg, tiff, webp,jpg,tif,svg,bmp" and
//! "图片大小限制：100M"; "100M" is taken as 100 MiB, the `sliceSize` of the create example.

use std::fmt;

/// The largest image the image space takes, in bytes.
pub const MAX_IMAGE_SIZE: u64 = 100 << 20;

/// The accepted extensions, as the document lists them.
pub const IMAGE_EXTENSIONS: [&str; 9] = [
    "png", "gif", "jpeg", "tiff", "webp", "jpg", "tif", "svg", "bmp",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Png,
    Gif,
    Jpeg,
    Tiff,
    Webp,
    Svg,
    Bmp,
}

impl ImageFormat {
    /// `jpg`/`jpeg` and `tif`/`tiff` are one format each; case is ignored.
    pub fn from_extension(ext: &str) -> Option<Self> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "png" => Self::Png,
            "gif" => Self::Gif,
            "jpg" | "jpeg" => Self::Jpeg,
            "tif" | "tiff" => Self::Tiff,
            "webp" => Self::Webp,
            "svg" => Self::Svg,
            "bmp" => Self::Bmp,
            _ => return None,
        })
    }

    /// The format a file name claims (`None` without a supported extension).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => Self::from_extension(ext),
            _ => None,
        }
    }

    /// The format the first bytes of a file show, from its signature. SVG, being text, is
    /// recognised by an opening `<` (after an optional BOM and whitespace).
    pub fn sniff(head: &[u8]) -> Option<Self> {
        const SIGNATURES: [(&[u8], ImageFormat); 7] = [
            (b"\x89PNG\r\n\x1a\n", ImageFormat::Png),
            (b"GIF87a", ImageFormat::Gif),
            (b"GIF89a", ImageFormat::Gif),
            (b"\xff\xd8\xff", ImageFormat::Jpeg),
            (b"II*\0", ImageFormat::Tiff),
            (b"MM\0*", ImageFormat::Tiff),
            (b"BM", ImageFormat::Bmp),
        ];
        if let Some(&(_, format)) = SIGNATURES.iter().find(|(sig, _)| head.starts_with(sig)) {
            return Some(format);
        }
        if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
            return Some(Self::Webp);
        }
        let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let text = text.trim_ascii_start();
        text.starts_with(b"<").then_some(Self::Svg)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Png => "PNG",
            Self::Gif => "GIF",
            Self::Jpeg => "JPEG",
            Self::Tiff => "TIFF",
            Self::Webp => "WebP",
            Self::Svg => "SVG",
            Self::Bmp => "BMP",
        }
    }
}

/// Why a file cannot go to the image space. `Display` is a sentence for users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageRefusal {
    UnsupportedName {
        name: String,
    },
    TooLarge {
        size: u64,
    },
    /// The name says one format, the bytes show another one or none.
    ContentMismatch {
        claimed: ImageFormat,
        found: Option<ImageFormat>,
    },
}

impl fmt::Display for ImageRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnsupportedName { name } => write!(
                f,
                "{name:?} is not a supported image name; the image space takes {}",
                IMAGE_EXTENSIONS.join(", ")
            ),
            Self::TooLarge { size } => write!(
                f,
                "{size} bytes is more than the image space's limit of {MAX_IMAGE_SIZE} bytes (100 MiB)"
            ),
            Self::ContentMismatch { claimed, found } => match found {
                Some(found) => write!(
                    f,
                    "named as {} but the content is {}",
                    claimed.name(),
                    found.name()
                ),
                None => write!(
                    f,
                    "named as {} but the content is not an image",
                    claimed.name()
                ),
            },
        }
    }
}

impl std::error::Error for ImageRefusal {}

/// Checks a file for the image space: its name, its size and, when `head` (the first bytes;
/// 16 are enough) is given, that the content matches the name's format.
pub fn check_image(
    name: &str,
    size: u64,
    head: Option<&[u8]>,
) -> Result<ImageFormat, ImageRefusal> {
    let claimed = ImageFormat::from_name(name).ok_or_else(|| ImageRefusal::UnsupportedName {
        name: name.to_owned(),
    })?;
    if size > MAX_IMAGE_SIZE {
        return Err(ImageRefusal::TooLarge { size });
    }
    if let Some(head) = head {
        let found = ImageFormat::sniff(head);
        if found != Some(claimed) {
            return Err(ImageRefusal::ContentMismatch { claimed, found });
        }
    }
    Ok(claimed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn every_listed_extension_is_accepted_in_any_case() {
        for ext in IMAGE_EXTENSIONS {
            assert!(
                ImageFormat::from_name(&format!("a.{ext}")).is_some(),
                "{ext}"
            );
            let upper = format!("照片.{}", ext.to_uppercase());
            assert!(ImageFormat::from_name(&upper).is_some(), "{upper}");
        }
        for bad in ["a.heic", "a.txt", "png", ".png", "a.png.zip", "a."] {
            assert_eq!(ImageFormat::from_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn signatures() {
        let cases: [(&[u8], ImageFormat); 9] = [
            (PNG, ImageFormat::Png),
            (b"GIF89a\x01\0", ImageFormat::Gif),
            (b"GIF87a", ImageFormat::Gif),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", ImageFormat::Jpeg),
            (b"II*\0\x08\0\0\0", ImageFormat::Tiff),
            (b"MM\0*\0\0\0\x08", ImageFormat::Tiff),
            (b"RIFF\x24\0\0\0WEBPVP8 ", ImageFormat::Webp),
            (b"BM\x36\0\0\0", ImageFormat::Bmp),
            (
                b"\xef\xbb\xbf  <?xml version=\"1.0\"?><svg",
                ImageFormat::Svg,
            ),
        ];
        for (head, format) in cases {
            assert_eq!(ImageFormat::sniff(head), Some(format), "{format:?}");
        }
        assert_eq!(ImageFormat::sniff(b"RIFF\0\0\0\0WAVE"), None);
        assert_eq!(ImageFormat::sniff(b"hello"), None);
        assert_eq!(ImageFormat::sniff(b""), None);
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(check_image("a.png", 10, Some(PNG)), Ok(ImageFormat::Png));
        assert_eq!(check_image("a.JPG", 10, None), Ok(ImageFormat::Jpeg));
        assert_eq!(
            check_image("max.png", MAX_IMAGE_SIZE, None),
            Ok(ImageFormat::Png)
        );
        let e = check_image("notes.txt", 10, None).unwrap_err();
        assert!(e.to_string().contains("png, gif, jpeg"), "{e}");
        let e = check_image("big.png", MAX_IMAGE_SIZE + 1, None).unwrap_err();
        assert_eq!(
            e,
            ImageRefusal::TooLarge {
                size: MAX_IMAGE_SIZE + 1
            }
        );
        assert!(e.to_string().contains("100 MiB"));
        let e = check_image("fake.png", 10, Some(b"GIF89a")).unwrap_err();
        assert_eq!(e.to_string(), "named as PNG but the content is GIF");
        let e = check_image("fake.gif", 10, Some(b"just text")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "named as GIF but the content is not an image"
        );
    }
}
