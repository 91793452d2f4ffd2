//! The demo's shares and direct-link space: four shares of demo folders and files — one
//! current with an extraction code and guest downloads on, one permanent, one long expired,
//! one paid — and direct-link space on `/软件` with two entries in its log.

use super::super::clock;
use super::super::reply::ApiError;
use super::super::shared::Drive;
use super::super::tree::Tree;
use super::{LogEntry, Paid, Share, path_of};

fn id(tree: &Tree, path: &str) -> Result<i64, ApiError> {
    tree.resolve(path)
        .ok_or_else(|| ApiError::new(1, format!("demo share: no {path}")))
}

/// `(name, key, paths, days, code, guest switch, counts)`; `start` dates the old ones.
pub(crate) fn build(drive: &mut Drive, start: i64) -> Result<(), ApiError> {
    let now = clock::now_secs();
    let shares: [(&str, &str, &[&str], i64, &str, i64, [u64; 3], i64); 4] = [
        (
            "2024 春节照片",
            "Xq3v-9TkP",
            &["/照片/2024 春节"],
            30,
            "fu24",
            2,
            [128, 37, 9],
            now - 3 * 86_400,
        ),
        (
            "panfm 发布包",
            "Pm7f-Lr2d",
            &["/软件/panfm-v0.1.0-x86_64-linux.tar.gz"],
            0,
            "",
            4,
            [56, 41, 3],
            start,
        ),
        (
            "工作总结",
            "Wd5k-Ys8b",
            &["/文档/工作/2024 年度总结.docx", "/文档/工作/预算表 Q3.xlsx"],
            7,
            "q3q3",
            1,
            [4, 2, 0],
            start + 86_400,
        ),
        (
            "Rust 学习笔记",
            "Rn4c-Hs6z",
            &["/文档/学习笔记"],
            0,
            "",
            1,
            [310, 0, 12],
            start + 2 * 86_400,
        ),
    ];
    for (i, (name, key, paths, days, code, switch, counts, created)) in
        shares.into_iter().enumerate()
    {
        let file_ids = paths
            .iter()
            .map(|p| id(&drive.tree, p))
            .collect::<Result<Vec<_>, _>>()?;
        let sid = drive.sharing.alloc_share();
        let mut share = Share::new(sid, key.into(), name.into(), file_ids, created);
        share.expire_days = days;
        share.pwd = code.into();
        share.traffic_switch = switch;
        [share.previews, share.downloads, share.saves] = counts;
        share.bytes_charge = counts[1] * 3_456_789;
        if i == 3 {
            share.paid = Some(Paid {
                amount: 5,
                reward: true,
                description: "Rust 所有权与异步编程的学习笔记".into(),
            });
        }
        drive.sharing.shares.insert(sid, share);
    }
    let software = id(&drive.tree, "/软件")?;
    drive.sharing.dlink_dirs.insert(software);
    let package = id(&drive.tree, "/软件/panfm-v0.1.0-x86_64-linux.tar.gz")?;
    let path = path_of(&drive.tree, package).unwrap_or_default();
    let size = drive.tree.get(package).map_or(0, |n| n.size());
    for (n, ago) in [(1u64, 7_200), (2, 600)] {
        drive.sharing.dlink_log.push(LogEntry {
            id: format!("{:032x}", 0xd11c_u128 + u128::from(n)),
            name: "panfm-v0.1.0-x86_64-linux.tar.gz".into(),
            size,
            // The host is the mock's own, known only once it listens: the path stands in.
            url: format!("/dlink/{path}"),
            path: path.clone(),
            traffic: size * n,
            at: now - ago,
        });
    }
    Ok(())
}
