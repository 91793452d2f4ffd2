//! Offline download bodies and `data` (离线下载): `POST api/v1/offline/download` and
//! `GET api/v1/offline/download/process?taskID=`. Field names as p123client documents them.

use serde::{Deserialize, Serialize};

use crate::api::lenient;
use crate::api::model::FileId;

#[derive(Debug, Serialize)]
pub(crate) struct OfflineBody<'a> {
    pub url: &'a str,
    #[serde(rename = "fileName", skip_serializing_if = "Option::is_none")]
    pub file_name: Option<&'a str>,
    #[serde(rename = "dirID", skip_serializing_if = "Option::is_none")]
    pub dir_id: Option<FileId>,
    #[serde(rename = "callBackUrl", skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<&'a str>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OfflineData {
    #[serde(rename = "taskID", alias = "taskId", deserialize_with = "lenient::int")]
    pub task_id: i64,
}

/// `process` is a float on the progress page. `failReason` is the callback's name for why a
/// task failed (its field table says `fileReason`, its example `failReason`: both are taken);
/// the progress page lists neither.
#[derive(Debug, Deserialize)]
pub(crate) struct OfflineProcessData {
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    #[serde(default, deserialize_with = "lenient::float")]
    pub process: f64,
    #[serde(
        default,
        rename = "failReason",
        alias = "fileReason",
        deserialize_with = "lenient::string"
    )]
    pub fail_reason: String,
}

#[cfg(test)]
mod tests {
    use reqwest::StatusCode;

    use super::*;
    use crate::api::endpoint::Endpoint;
    use crate::api::envelope::decode;

    /// The official examples (创建离线下载任务, 获取离线下载进度), and a failure as the mock
    /// answers it.
    #[test]
    fn documented_examples_decode() {
        let json = r#"{"code":0,"message":"ok","data":{"taskID":394756},"x-traceID":""}"#;
        let d: OfflineData = decode(Endpoint::OfflineDownload, StatusCode::OK, json.as_bytes())
            .unwrap_or_else(|f| panic!("{}", f.error));
        assert_eq!(d.task_id, 394_756);
        let json = r#"{"code":0,"message":"ok","data":{"process":100,"status":2},"x-traceID":""}"#;
        let d: OfflineProcessData =
            decode(Endpoint::OfflineProcess, StatusCode::OK, json.as_bytes())
                .unwrap_or_else(|f| panic!("{}", f.error));
        assert_eq!(
            (d.status, d.process, d.fail_reason.as_str()),
            (2, 100.0, "")
        );
        let json =
            r#"{"code":0,"message":"ok","data":{"process":0,"status":1,"fileReason":"404"}}"#;
        let d: OfflineProcessData =
            decode(Endpoint::OfflineProcess, StatusCode::OK, json.as_bytes())
                .unwrap_or_else(|f| panic!("{}", f.error));
        assert_eq!((d.status, d.fail_reason.as_str()), (1, "404"));
    }

    #[test]
    fn bodies_use_the_documented_names_and_leave_out_what_is_unset() {
        let body = OfflineBody {
            url: "https://h/a",
            file_name: Some("a.bin"),
            dir_id: Some(7),
            callback_url: None,
        };
        let v = serde_json::to_value(&body).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"url": "https://h/a", "fileName": "a.bin", "dirID": 7})
        );
    }
}
