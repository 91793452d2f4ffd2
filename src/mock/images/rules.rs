//! The image rules the documents state, and image ids.
//!
//! p123client (创建复制任务): "图片格式：png, gif, jpeg, tiff, webp,jpg,tif,svg,bmp，图片大小限制：
//! 100M，文件夹层级限制：15层"; the offline-import text repeats the format list. The upload pages
//! (创建文件) name no format or size rule; the mock applies these to uploads too, because an image
//! host that accepted any file under any size would make the rules untestable. "100M" is read as
//! 100 MiB, which is also the `sliceSize` of the create example (104857600).

use super::super::reply::ApiError;

pub(crate) const FORMATS: [&str; 9] = [
    "png", "gif", "jpeg", "tiff", "webp", "jpg", "tif", "svg", "bmp",
];
pub(crate) const MAX_IMAGE: u64 = 100 << 20;
/// Folder levels a copy task descends into.
pub(crate) const MAX_DEPTH: usize = 15;

/// The lowercase extension of `name`, `""` when it has none.
pub(crate) fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

pub(crate) fn is_image_name(name: &str) -> bool {
    FORMATS.contains(&extension(name).as_str())
}

/// Format and size of an image about to be stored.
pub(crate) fn check(name: &str, size: u64) -> Result<(), ApiError> {
    if !is_image_name(name) {
        return Err(ApiError::new(
            1,
            "图片格式不支持，支持格式：png, gif, jpeg, tiff, webp, jpg, tif, svg, bmp",
        ));
    }
    if size > MAX_IMAGE {
        return Err(ApiError::new(1, "图片大小限制：100M"));
    }
    Ok(())
}

/// A new image or folder id: opaque and long like the documents' examples
/// (`yk6baz03t0l000d7w33fbyq51l4izkneDIYPAIDOBIY0DcxvDwFO`).
pub(crate) fn new_id() -> String {
    const LOWER: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    const MIXED: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let pick = |set: &[u8]| set[rand::random_range(0..set.len())] as char;
    let head: String = (0..32).map(|_| pick(LOWER)).collect();
    let tail: String = (0..20).map(|_| pick(MIXED)).collect();
    head + &tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_size() {
        for ok in ["a.PNG", "b.jpeg", "c.tif", "d.svg", "照片.webp"] {
            assert!(check(ok, 10).is_ok(), "{ok}");
        }
        for bad in ["a.heic", "b.txt", "png", ".png", "c."] {
            assert!(check(bad, 10).is_err(), "{bad}");
        }
        assert!(check("big.png", MAX_IMAGE).is_ok());
        assert!(check("big.png", MAX_IMAGE + 1).is_err());
    }

    #[test]
    fn ids_are_long_and_distinct() {
        let (a, b) = (new_id(), new_id());
        assert_eq!(a.len(), 52);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
