//! The official response examples, copied verbatim (from the zh documents beside API.md where
//! they carry one, else from the official examples quoted in API.md), decoded through the real
//! envelope decoder and converted into model types.

use chrono::{TimeZone, Utc};
use pretty_assertions::assert_eq;
use reqwest::StatusCode;
use serde::de::{DeserializeOwned, IgnoredAny};

use super::auth::TokenData;
use super::file::{InfosData, ListData};
use super::ops::{DownloadInfoData, MkdirData, RenameBatchData};
use super::upload::{CompleteData, CreateData};
use super::user::UserData;
use crate::api::endpoint::Endpoint;
use crate::api::envelope::decode;
use crate::api::model::{Category, CreateOutcome, FileEntry, FileKind, UserInfo};

fn data<T: DeserializeOwned>(endpoint: Endpoint, json: &str) -> T {
    match decode(endpoint, StatusCode::OK, json.as_bytes()) {
        Ok(v) => v,
        Err(f) => panic!("{}", f.error),
    }
}

fn beijing(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap() - chrono::Duration::hours(8)
}

#[test]
fn access_token() {
    // open-platform-guide-and-image-hosting.zh.md, 获取access_token 响应示例.
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyxxxxx...(过长已省略)",
    "expiredAt": "2025-03-23T15:48:37+08:00"
  },
  "x-traceID": "16f60c4d-f022-42d3-b3df-85d1fe2a3ac5_kong-db-5898fdd8c6-wgsts"
}"#;
    let t: TokenData = data(Endpoint::AccessToken, json);
    assert!(t.access_token.starts_with("eyJhbGciOiJIUzI1NiIs"));
    assert_eq!(
        crate::api::lenient::parse_time(&t.expired_at),
        Some(beijing(2025, 3, 23, 15, 48, 37))
    );
}

#[test]
fn v2_file_list() {
    // API.md §3.1, 获取文件列表（推荐）official example (trimmed to two items there).
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "lastFileId": -1,
    "fileList": [
      {
        "fileId": 5373646,
        "filename": "download.mp4",
        "parentFileId": 14663228,
        "type": 0,
        "etag": "af..(过长省略)",
        "size": 518564433,
        "category": 2,
        "status": 2,
        "punishFlag": 0,
        "s3KeyFlag": "x-0",
        "storageNode": "m16",
        "trashed": 0,
        "createAt": "2024-04-30 11:58:36",
        "updateAt": "2025-02-24 17:56:45"
      },
      {
        "fileId": 14710240,
        "filename": "测试二级目录",
        "parentFileId": 14663228,
        "type": 1,
        "etag": "",
        "size": 0,
        "category": 0,
        "status": 0,
        "punishFlag": 0,
        "s3KeyFlag": "x-0",
        "storageNode": "m0",
        "trashed": 0,
        "createAt": "2025-02-24 17:57:01",
        "updateAt": "2025-02-24 17:57:01"
      }
    ]
  },
  "x-traceID": "4d1623f9-5fd1-4169-b3d2-55c81b7a71d8_kong-db-5898fdd8c6-wnv6h"
}"#;
    let page: ListData = data(Endpoint::ListV2, json);
    assert_eq!(page.last_file_id, -1);
    let entries: Vec<FileEntry> = page.file_list.into_iter().map(Into::into).collect();
    assert_eq!(
        entries[0],
        FileEntry {
            id: 5373646,
            name: "download.mp4".into(),
            parent_id: 14663228,
            kind: FileKind::File,
            size: 518564433,
            etag: "af..(过长省略)".into(),
            category: Category::Video,
            status: 2,
            punished: false,
            trashed: false,
            created_at: Some(beijing(2024, 4, 30, 11, 58, 36)),
            updated_at: Some(beijing(2025, 2, 24, 17, 56, 45)),
        }
    );
    assert_eq!(entries[1].kind, FileKind::Dir);
    assert_eq!(entries[1].name, "测试二级目录");
    assert_eq!(entries[1].etag, "");
}

#[test]
fn file_detail() {
    // API.md §3.3, 获取单个文件详情 official example.
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "fileID": 14749954,
    "filename": "Keyshot_win64_2024.exe",
    "type": 0,
    "size": 1163176272,
    "etag": "ab6dd0cfca2da20f84f55d2ed73a8c3d",
    "status": 2,
    "parentFileID": 14749926,
    "createAt": "2025-02-28 09:25:54",
    "trashed": 0
  },
  "x-traceID": "4391f785-4395-41f9-a299-ac1ddc8dc45d_kong-db-5898fdd8c6-t5pvc"
}"#;
    let e: FileEntry = data::<super::file::WireFile>(Endpoint::Detail, json).into();
    assert_eq!(e.id, 14749954);
    assert_eq!(e.parent_id, 14749926);
    assert_eq!(e.size, 1163176272);
    assert_eq!(e.etag, "ab6dd0cfca2da20f84f55d2ed73a8c3d");
    assert_eq!(e.created_at, Some(beijing(2025, 2, 28, 9, 25, 54)));
    assert_eq!(e.updated_at, None);
    assert_eq!(e.category, Category::Unknown);
}

#[test]
fn file_infos_with_list_key() {
    // API.md §3.4, 获取多个文件详情 official example ("list", not the table's "fileList").
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "list": [
      {
        "fileId": 144851864, "filename": "work", "parentFileId": 0, "type": 1,
        "etag": "", "size": 0, "category": 0, "status": 0, "punishFlag": 0,
        "s3KeyFlag": "1814435920-0", "storageNode": "m0", "trashed": 0,
        "createAt": "2024-11-08 16:33:50", "updateAt": "2024-11-08 16:33:50"
      }
    ]
  },
  "x-traceID": ""
}"#;
    let infos: InfosData = data(Endpoint::Infos, json);
    let e: FileEntry = infos.file_list.into_iter().next().unwrap().into();
    assert_eq!((e.id, e.kind, e.parent_id), (144851864, FileKind::Dir, 0));
    let alt = json.replace("\"list\"", "\"fileList\"");
    assert_eq!(data::<InfosData>(Endpoint::Infos, &alt).file_list.len(), 1);
}

#[test]
fn user_info() {
    // API.md §3.5, 获取用户信息 official example.
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "uid": 1814442530,
    "nickname": "志中测试专属号003",
    "headImage": "https://download-cdn.123295.com/123-pics/head-pic/1814442530.jpg?v=1&t=4905124782&s=0a71629d4361a5e9a95316d6997c5c67&bzc=0&bzs=",
    "passport": "15184637593",
    "mail": "",
    "spaceUsed": 459894954684,
    "spacePermanent": 6894212784062464,
    "spaceTemp": 0,
    "spaceTempExpr": 0,
    "vip": true,
    "directTraffic": 276046404229020,
    "isHideUID": false,
    "httpsCount": 9999998,
    "vipInfo": [
      {"vipLevel": 1, "vipLabel": "VIP", "startTime": "2025-07-06 11:12:53", "endTime": "2026-05-14 14:13:05"},
      {"vipLevel": 3, "vipLabel": "长期VIP", "startTime": "2025-04-27 11:18:49", "endTime": "9999-12-31 23:59:59"}
    ],
    "developerInfo": {"startTime": "2025-07-16 17:27:53", "endTime": "2026-07-16 17:27:52"}
  },
  "x-traceID": ""
}"#;
    let u: UserInfo = data::<UserData>(Endpoint::UserInfo, json).into();
    assert_eq!(u.uid, 1814442530);
    assert!(u.vip);
    assert_eq!(u.space_used, 459894954684);
    assert_eq!(u.space_total(), 6894212784062464);
    assert_eq!(u.space_temp_expires, None);
    assert_eq!(u.vip_grants.len(), 2);
    assert_eq!(u.vip_grants[1].label, "长期VIP");
    assert_eq!(
        u.vip_grants[0].period.start,
        Some(beijing(2025, 7, 6, 11, 12, 53))
    );
    assert!(u.developer.unwrap().end.is_some());

    let free = json.replace("\"vipInfo\": [", "\"vipInfo\": null, \"unused\": [");
    let u: UserInfo = data::<UserData>(Endpoint::UserInfo, &free).into();
    assert!(u.vip_grants.is_empty());
    let expr = json.replace(
        "\"spaceTempExpr\": 0",
        "\"spaceTempExpr\": \"2025-08-01 00:00:00\"",
    );
    let u: UserInfo = data::<UserData>(Endpoint::UserInfo, &expr).into();
    assert_eq!(u.space_temp_expires, Some(beijing(2025, 8, 1, 0, 0, 0)));
}

#[test]
fn mkdir() {
    // API.md §4.1, 创建目录 official example.
    let json = r#"{"code":0,"message":"ok","data":{"dirID":14663228},"x-traceID":"f2956737-e3a7-4d18-b165-10c347ca6a5e_kong-db-5898fdd8c6-t5pvc"}"#;
    assert_eq!(data::<MkdirData>(Endpoint::Mkdir, json).dir_id, 14663228);
}

#[test]
fn batch_rename_null_or_lists() {
    let null = r#"{"code":0,"message":"ok","data":null,"x-traceID":""}"#;
    assert!(data::<Option<RenameBatchData>>(Endpoint::RenameBatch, null).is_none());
    // The table's shape [DOC:批量文件重命名.md].
    let lists = r#"{"code":0,"message":"ok","data":{"successList":[{"fileID":14705301,"updateAt":"2025-02-24 17:57:01"}],"failList":[{"fileID":14705306,"message":"当前目录有重名文件"}]},"x-traceID":""}"#;
    let d: Option<RenameBatchData> = data(Endpoint::RenameBatch, lists);
    let fail = &d.unwrap().fail_list[0];
    assert_eq!(
        (fail.file_id, fail.message.as_str()),
        (14705306, "当前目录有重名文件")
    );
}

#[test]
fn download_info() {
    // API.md §6.1, 下载 official example.
    let json = r#"{"code":0,"message":"ok","data":{"downloadUrl":"https://download-cdn.cjjd19.com/123-61/ab6dd0cf/18...(过长省略)"},"x-traceID":"68a2d07c-72d3-4fc6-a0a7-965dfea99dc0_kong-db-5898fdd8c6-wnv6h"}"#;
    let d: DownloadInfoData = data(Endpoint::DownloadInfo, json);
    assert!(
        d.download_url
            .starts_with("https://download-cdn.cjjd19.com/")
    );
}

#[test]
fn upload_create() {
    // upload-v2.zh.md, 创建文件 响应示例.
    let json = r#"{
  "code": 0,
  "message": "ok",
  "data": {
    "fileID": 0,
    "reuse": false,
    "preuploadID": "WvjyUgonimrlBq2PVJ3bSyjPVJYP4IGeSxGdSly...(过长省略)",
    "sliceSize": 16777216,
    "servers": [
      "http://openapi-upload.123242.com"
    ]
  },
  "x-traceID": "2f41bbb4-93ab-459b-8dab-2204d3b3ff66_kong-db-5898fdd8c6-wnv6h"
}"#;
    let outcome = data::<CreateData>(Endpoint::UploadCreate, json)
        .into_outcome()
        .unwrap();
    assert_eq!(
        outcome,
        CreateOutcome::Upload {
            preupload_id: "WvjyUgonimrlBq2PVJ3bSyjPVJYP4IGeSxGdSly...(过长省略)".into(),
            slice_size: 16777216,
            servers: vec!["http://openapi-upload.123242.com".into()],
        }
    );
    let reuse =
        r#"{"code":0,"message":"ok","data":{"fileID":"11522654","reuse":true},"x-traceID":""}"#;
    let outcome = data::<CreateData>(Endpoint::UploadCreate, reuse)
        .into_outcome()
        .unwrap();
    assert_eq!(
        outcome,
        CreateOutcome::Reused {
            file_id: Some(11522654)
        }
    );
    let reuse0 = r#"{"code":0,"message":"ok","data":{"fileID":0,"reuse":true},"x-traceID":""}"#;
    let outcome = data::<CreateData>(Endpoint::UploadCreate, reuse0)
        .into_outcome()
        .unwrap();
    assert_eq!(outcome, CreateOutcome::Reused { file_id: None });
}

#[test]
fn upload_slice_complete_domain_single() {
    // upload-v2.zh.md, 上传分片 / 上传完毕 / 获取上传域名 / 单步上传 响应示例.
    let slice =
        "{\n\t\"code\": 0,\n\t\"message\": \"ok\",\n\t\"data\": null,\n\t\"x-traceID\": \"\"\n}";
    data::<IgnoredAny>(Endpoint::UploadSlice, slice);

    let complete = "{\n\t\"code\": 0,\n\t\"message\": \"ok\",\n\t\"data\": {\n\t\t\"completed\": true,\n\t\t\"fileID\": 11522654\n\t},\n\t\"x-traceID\": \"65562117-5c67-4d69-98cb-0f65201f83d3_test-kong-7787db5b5-wggzb\"\n}";
    assert_eq!(
        data::<CompleteData>(Endpoint::UploadComplete, complete).file_id(),
        Some(11522654)
    );

    let domain = "{\n\t\"code\": 0,\n\t\"message\": \"ok\",\n\t\"data\": [\n\t\t\"https://openapi-upload.123pan.com\"\n\t],\n\t\"x-traceID\": \"\"\n}";
    let hosts: Vec<String> = data(Endpoint::UploadDomain, domain);
    assert_eq!(hosts, vec!["https://openapi-upload.123pan.com".to_owned()]);

    let single = "{\n\t\"code\": 0,\n\t\"message\": \"ok\",\n\t\"data\": {\n\t\t\"fileID\": 11522653,\n\t\t\"completed\": true\n\t},\n\t\"x-traceID\": \"\"\n}";
    assert_eq!(
        data::<CompleteData>(Endpoint::SingleCreate, single).file_id(),
        Some(11522653)
    );

    let pending =
        r#"{"code":0,"message":"ok","data":{"completed":false,"fileID":0},"x-traceID":""}"#;
    assert_eq!(
        data::<CompleteData>(Endpoint::UploadComplete, pending).file_id(),
        None
    );
}
