//! The demo's image space and a few real images on the drive to copy into it: PNG, GIF, BMP
//! and SVG files made by `pictures`, in a couple of image folders.

use super::super::images::ImageKind;
use super::super::reply::ApiError;
use super::super::shared::Drive;
use super::super::tree::Duplicate;
use super::pictures::{Rgb, bmp, gif, png, svg};

fn gradient(w: u32, h: u32, from: Rgb, to: Rgb) -> Vec<u8> {
    png(w, h, |x, y| {
        let t = (x + y) as f32 / (w + h).max(1) as f32;
        let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t) as u8;
        [
            mix(from[0], to[0]),
            mix(from[1], to[1]),
            mix(from[2], to[2]),
        ]
    })
}

fn checker(size: u16, colors: [Rgb; 2]) -> Vec<u8> {
    gif(size, size, colors, |x, y| (x / 4 + y / 4) % 2 == 0)
}

/// `(image folder path, name, content)` of the demo's image space.
fn images() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    vec![
        (
            "/",
            "banner.png",
            gradient(96, 32, [30, 60, 160], [240, 120, 40]),
        ),
        (
            "/blog",
            "hello-world.png",
            gradient(64, 40, [250, 250, 250], [60, 160, 90]),
        ),
        ("/blog", "logo.svg", svg("panfm", "#3b5bdb")),
        (
            "/blog/2024",
            "spinner.gif",
            checker(16, [[20, 20, 20], [240, 200, 40]]),
        ),
        (
            "/blog/2024",
            "cover.png",
            gradient(80, 45, [10, 10, 40], [200, 80, 160]),
        ),
        (
            "/avatars",
            "cat.png",
            gradient(32, 32, [255, 200, 150], [120, 70, 40]),
        ),
        (
            "/avatars",
            "dog.bmp",
            bmp(24, 24, |x, y| [(x * 10) as u8, (y * 10) as u8, 128]),
        ),
    ]
}

pub(crate) fn build(drive: &mut Drive, now: i64) -> Result<(), ApiError> {
    let io = |_| ApiError::new(1, "内部错误");
    let mut clock = now;
    for (dir, name, bytes) in images() {
        clock += 1_237;
        let (etag, size) = drive.blobs.store(&bytes).map_err(io)?;
        let tree = &mut drive.images.tree;
        let mut parent = tree.root_id().to_owned();
        for part in dir.split('/').filter(|p| !p.is_empty()) {
            parent = match tree.child_named(&parent, part) {
                Some(n) => n.id.clone(),
                None => tree.add(&parent, part, ImageKind::Dir, clock),
            };
        }
        tree.place(&parent, name, (&etag, size), Duplicate::Refuse, clock)?;
    }
    drive_images(drive, clock)
}

/// Real images in the drive's `/照片/表情包`, for trying "copy to the image space".
fn drive_images(drive: &mut Drive, now: i64) -> Result<(), ApiError> {
    let io = |_| ApiError::new(1, "内部错误");
    let photos = drive
        .tree
        .resolve("/照片")
        .ok_or_else(ApiError::not_found)?;
    let dir = drive.tree.mkdir(photos, "表情包", now)?;
    let files = [
        ("微笑.png", gradient(48, 48, [255, 220, 0], [255, 140, 0])),
        ("挥手.gif", checker(24, [[250, 250, 250], [40, 120, 220]])),
        ("贴纸.svg", svg("赞 👍", "#e8590c")),
        (
            "说明.txt",
            "这些是可以复制到图床的真实图片。\n".as_bytes().to_vec(),
        ),
    ];
    for (name, bytes) in files {
        let content = drive.blobs.store(&bytes).map_err(io)?;
        drive
            .tree
            .place_file(dir, name, Duplicate::Refuse, content, now)?;
    }
    Ok(())
}
