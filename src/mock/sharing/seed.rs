//! The demo's shares and direct-link space: four shares of demo folders and files — one
//! current with an extraction code and guest downloads on, one permanent, one long expired,
//! one paid — and direct-link space on `/软件` with two entries in its log.

use super::super::clock;
use super::super::reply::ApiError;
use super::super::shared::Drive;
use super::super::tree::Tree;
use super::{LogEntry, Paid, Share, path_of};

struct Demo {
    name: &'static str,
    key: &'static str,
    paths: &'static [&'static str],
    days: i64,
    code: &'static str,
    traffic_switch: i64,
    /// Previews, downloads, saves.
    counts: [u64; 3],
    /// Unix seconds.
    created: i64,
    price: Option<i64>,
}

fn id(tree: &Tree, path: &str) -> Result<i64, ApiError> {
    tree.resolve(path)
        .ok_or_else(|| ApiError::new(1, format!("demo share: no {path}")))
}

fn shares(now: i64, start: i64) -> [Demo; 4] {
    [
        Demo {
            name: "2024 春节照片",
            key: "Xq3v-9TkP",
            paths: &["/照片/2024 春节"],
            days: 30,
            code: "fu24",
            traffic_switch: 2,
            counts: [128, 37, 9],
            created: now - 3 * 86_400,
            price: None,
        },
        Demo {
            name: "panfm 发布包",
            key: "Pm7f-Lr2d",
            paths: &["/软件/panfm-v0.1.0-x86_64-linux.tar.gz"],
            days: 0,
            code: "",
            traffic_switch: 4,
            counts: [56, 41, 3],
            created: start,
            price: None,
        },
        Demo {
            name: "工作总结",
            key: "Wd5k-Ys8b",
            paths: &["/文档/工作/2024 年度总结.docx", "/文档/工作/预算表 Q3.xlsx"],
            days: 7,
            code: "q3q3",
            traffic_switch: 1,
            counts: [4, 2, 0],
            created: start + 86_400,
            price: None,
        },
        Demo {
            name: "Rust 学习笔记",
            key: "Rn4c-Hs6z",
            paths: &["/文档/学习笔记"],
            days: 0,
            code: "",
            traffic_switch: 1,
            counts: [310, 0, 12],
            created: start + 2 * 86_400,
            price: Some(5),
        },
    ]
}

/// Adds the demo's shares (`start` dates the old ones) and direct-link space.
pub(crate) fn build(drive: &mut Drive, start: i64) -> Result<(), ApiError> {
    let now = clock::now_secs();
    for demo in shares(now, start) {
        let file_ids = demo
            .paths
            .iter()
            .map(|p| id(&drive.tree, p))
            .collect::<Result<Vec<_>, _>>()?;
        let sid = drive.sharing.alloc_share();
        let mut share = Share::new(
            sid,
            demo.key.into(),
            demo.name.into(),
            file_ids,
            demo.created,
        );
        share.expire_days = demo.days;
        share.pwd = demo.code.into();
        share.traffic_switch = demo.traffic_switch;
        [share.previews, share.downloads, share.saves] = demo.counts;
        share.bytes_charge = demo.counts[1] * 3_456_789;
        share.paid = demo.price.map(|amount| Paid {
            amount,
            reward: true,
            description: "Rust 所有权与异步编程的学习笔记".into(),
        });
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
            path: path.clone(),
            traffic: size * n,
            at: now - ago,
        });
    }
    Ok(())
}
