//! The `panfm --demo` drive: nested folders several levels deep, CJK and emoji names, mixed
//! file types and sizes, a folder of exactly 5,000 files, four large files (30–290 MB), a
//! file rejected by review, and a trashed file and folder.
//!
//! Content is generated (see `content`), except the photos, which are small real images (see
//! `pictures`, under 1 MB in all) so that they can go on to the image space. Small files are
//! hashed at startup (about 10 MB in all); the large files' MD5s are constants below, checked by
//! a test that regenerates them, so startup never waits for hundreds of megabytes of hashing.

use super::super::reply::ApiError;
use super::super::tree::{ROOT, STATUS_REJECTED};
use super::Builder;
use super::pictures::{bmp, png};

/// Name of the folder holding exactly 5,000 files, under `/数据集`.
pub(crate) const BIG_DIR: &str = "传感器日志 5000";
pub(crate) const BIG_DIR_FILES: u32 = 5000;

/// `(folder, name, noise seed, size, md5)`.
pub(crate) const LARGE: &[(&str, &str, u64, u64, &str)] = &[
    (
        "视频",
        "2024 春节家庭聚会.mp4",
        1001,
        268_447_801,
        "85e0ad2987199ef21a427f63a2043f07",
    ),
    (
        "视频",
        "猫咪日常 🐱.mov",
        1002,
        54_526_729,
        "bd1f84786cc4144afc6b0f6fde8a5815",
    ),
    (
        "软件",
        "ubuntu-24.04-desktop-amd64.iso",
        1003,
        299_999_999,
        "2f64fc1e8126c4f05f6306a600409f05",
    ),
    (
        "音乐 🎵",
        "周杰伦 - 晴天.flac",
        1004,
        31_461_601,
        "735338b127f383adaad94a503738a041",
    ),
];

pub(crate) fn build(b: &mut Builder<'_>) -> Result<(), ApiError> {
    b.text(ROOT, "欢迎使用 panfm.md", 1, 3)?;
    b.text(ROOT, "README.txt", 2, 1)?;
    documents(b)?;
    photos(b)?;
    let music = b.dir(ROOT, "音乐 🎵")?;
    for (i, name) in ["稻香.mp3", "夜曲.mp3", "Bohemian Rhapsody.mp3"]
        .iter()
        .enumerate()
    {
        b.noise(music, name, 300 + i as u64, 1_400_000 + 97_531 * i as u64)?;
    }
    b.text(music, "歌单.m3u", 310, 1)?;
    let video = b.dir(ROOT, "视频")?;
    let review = b.dir(video, "待审核")?;
    let rejected = b.noise(review, "被驳回的视频.mp4", 400, 1_234_567)?;
    b.set_status(rejected, STATUS_REJECTED);
    let software = b.dir(ROOT, "软件")?;
    b.noise(software, "panfm-v0.1.0-x86_64-linux.tar.gz", 500, 3_456_789)?;
    for &(dir, name, seed, size, etag) in LARGE {
        let parent = b.resolve(dir)?;
        b.large(parent, name, seed, size, etag)?;
    }
    data_sets(b)?;
    projects(b)?;
    b.dir(ROOT, "空文件夹")?;
    trash(b)
}

fn documents(b: &mut Builder<'_>) -> Result<(), ApiError> {
    let docs = b.dir(ROOT, "文档")?;
    let work = b.dir(docs, "工作")?;
    b.noise(work, "2024 年度总结.docx", 100, 183_402)?;
    b.noise(work, "预算表 Q3.xlsx", 101, 48_213)?;
    b.text(work, "会议纪要 2024-03-15.md", 102, 2)?;
    let notes = b.dir(docs, "学习笔记")?;
    b.text(notes, "Rust 所有权.md", 103, 4)?;
    b.text(notes, "Tokio 异步编程.md", 104, 3)?;
    let archive = b.dir(notes, "归档")?;
    let old = b.dir(archive, "2019")?;
    b.text(old, "旧笔记.txt", 105, 1)?;
    b.noise(docs, "简历 Resume.pdf", 106, 241_337)?;
    Ok(())
}

fn photos(b: &mut Builder<'_>) -> Result<(), ApiError> {
    let photos = b.dir(ROOT, "照片")?;
    let spring = b.dir(photos, "2024 春节")?;
    for i in 1..=12u32 {
        // Lanterns red to gold, one shade per photo.
        let photo = png(160, 120, |x, y| {
            let glow = 255 - ((x as i32 - 80).abs() + (y as i32 - 60).abs()).min(140) as u8;
            [glow, (glow / 3).saturating_add(12 * i as u8), 20]
        });
        b.bytes(spring, &format!("IMG_{i:04}.png"), &photo)?;
    }
    let trip = b.dir(photos, "2023 旅行 🌴")?;
    let sanya = b.dir(trip, "三亚")?;
    let day1 = b.dir(sanya, "第一天")?;
    let beach = b.dir(day1, "海边 🌊")?;
    b.noise(beach, "日落.heic", 230, 412_345)?;
    let palm = png(120, 160, |x, y| match y > 120 {
        true => [230, 200, 140],
        false => [40, 140 + (x % 40) as u8, 180 - (y / 2) as u8],
    });
    b.bytes(beach, "椰子树.png", &palm)?;
    let hotel = bmp(96, 64, |x, y| {
        [200 - (y * 2) as u8, 180, 120 + (x % 64) as u8]
    });
    b.bytes(day1, "酒店.bmp", &hotel)?;
    let shots = b.dir(photos, "截图")?;
    let screen = png(200, 125, |x, y| match (y < 12, x < 50) {
        (true, _) => [60, 60, 70],
        (false, true) => [235, 235, 240],
        (false, false) => [255, 255, 255],
    });
    b.bytes(shots, "Screenshot 2024-05-01 at 10.00.00.png", &screen)?;
    Ok(())
}

fn data_sets(b: &mut Builder<'_>) -> Result<(), ApiError> {
    let data = b.dir(ROOT, "数据集")?;
    let logs = b.dir(data, BIG_DIR)?;
    for i in 1..=BIG_DIR_FILES {
        let seed = 10_000 + u64::from(i);
        b.text(logs, &format!("sensor-{i:05}.csv"), seed, 1 + seed % 3)?;
    }
    b.noise(data, "样本.json.gz", 600, 654_321)?;
    Ok(())
}

fn projects(b: &mut Builder<'_>) -> Result<(), ApiError> {
    let root = b.dir(ROOT, "项目")?;
    let panfm = b.dir(root, "panfm")?;
    b.text(panfm, "Cargo.toml", 700, 1)?;
    let src = b.dir(panfm, "src")?;
    b.text(src, "main.rs", 701, 2)?;
    let mock = b.dir(src, "mock")?;
    b.text(mock, "mod.rs", 702, 2)?;
    let deep = b.dir(mock, "handlers")?;
    b.text(deep, "upload.rs", 703, 5)?;
    Ok(())
}

fn trash(b: &mut Builder<'_>) -> Result<(), ApiError> {
    let old_cv = b.noise(ROOT, "旧简历.pdf", 800, 201_234)?;
    let tmp = b.dir(ROOT, "临时文件")?;
    b.text(tmp, "草稿.txt", 801, 1)?;
    b.noise(tmp, "下载缓存.bin", 802, 65_536)?;
    b.trash(&[old_cv, tmp])
}

#[cfg(test)]
mod tests {
    use super::super::super::content::Recipe;
    use super::*;

    /// The constants in `LARGE` are the MD5s of the content the generator produces.
    #[test]
    fn large_file_etags_match_their_content() {
        let computed: Vec<String> = LARGE
            .iter()
            .map(|&(_, _, seed, size, _)| Recipe::Noise { seed }.md5(size))
            .collect();
        let expected: Vec<&str> = LARGE.iter().map(|l| l.4).collect();
        assert_eq!(computed, expected);
    }
}
