//! The route table: every endpoint the mock serves, behind the `gate` middleware. JSON bodies
//! keep axum's default 2 MB limit; the multipart upload routes and the image space's presigned
//! PUT have no framework limit and enforce their own caps while streaming to disk (axum's `DefaultBodyLimit` also applies to
//! `Multipart`, which would otherwise cut slices off at 2 MB).

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};

use super::gate::{TOKEN_PATH, gate};
use super::handlers::images::{
    copy as image_copy, files, offline, storage, upload as image_upload,
};
use super::handlers::{
    account, copy, dlink, download, legacy_list, listing, mutate, offline as fetch, shares, slices,
    trash, upload,
};
use super::reply::envelope;
use super::shared::Shared;

pub(crate) fn build(st: Arc<Shared>) -> Router {
    let uploads = Router::new()
        .route("/upload/v2/file/slice", post(slices::slice))
        .route("/upload/v2/file/single/create", post(slices::single_create))
        .route("/oss-put/{token}", put(storage::put))
        .layer(DefaultBodyLimit::disable());
    let images = Router::new()
        .route("/upload/v1/oss/file/mkdir", post(files::mkdir))
        .route("/upload/v1/oss/file/create", post(image_upload::create))
        .route(
            "/upload/v1/oss/file/get_upload_url",
            post(image_upload::upload_url),
        )
        .route(
            "/upload/v1/oss/file/list_upload_parts",
            post(image_upload::parts),
        )
        .route(
            "/upload/v1/oss/file/upload_complete",
            post(image_upload::complete),
        )
        .route(
            "/upload/v1/oss/file/upload_async_result",
            post(image_upload::async_result),
        )
        .route("/api/v1/oss/file/list", post(files::list))
        .route("/api/v1/oss/file/detail", get(files::detail))
        .route("/api/v1/oss/file/move", post(files::move_items))
        .route("/api/v1/oss/file/delete", post(files::delete))
        .route("/api/v1/oss/source/copy", post(image_copy::create))
        .route("/api/v1/oss/source/copy/process", get(image_copy::process))
        .route("/api/v1/oss/source/copy/fail", get(image_copy::failures))
        .route("/api/v1/oss/offline/download", post(offline::create))
        .route(
            "/api/v1/oss/offline/download/process",
            get(offline::process),
        )
        .route("/oss-img/{uid}/{file}", get(storage::image));
    Router::new()
        .route(TOKEN_PATH, post(account::access_token))
        .route("/api/v1/user/info", get(account::user_info))
        .route("/api/v2/file/list", get(listing::list))
        .route("/api/v1/file/list", get(legacy_list::list))
        .route("/api/v1/file/detail", get(listing::detail))
        .route("/api/v1/file/infos", post(listing::infos))
        .route("/upload/v1/file/mkdir", post(mutate::mkdir))
        .route("/api/v1/file/name", put(mutate::rename_one))
        .route("/api/v1/file/rename", post(mutate::rename_batch))
        .route("/api/v1/file/move", post(mutate::move_items))
        .route("/api/v1/file/trash", post(trash::trash))
        .route("/api/v1/file/recover", post(trash::recover))
        .route("/api/v1/file/recover/by_path", post(trash::recover_by_path))
        .route("/api/v1/file/delete", post(trash::delete))
        .route("/api/v1/file/copy", post(copy::copy_one))
        .route("/api/v1/file/async/copy", post(copy::copy_async))
        .route("/api/v1/file/async/copy/process", get(copy::copy_process))
        .route("/api/v1/file/download_info", get(download::download_info))
        .route("/dl/{token}", get(download::fetch))
        .route("/upload/v2/file/domain", get(upload::domain))
        .route("/upload/v2/file/create", post(upload::create))
        .route("/upload/v2/file/upload_complete", post(upload::complete))
        .route("/api/v1/offline/download", post(fetch::create))
        .route("/api/v1/offline/download/process", get(fetch::process))
        .merge(uploads)
        .merge(images)
        .merge(sharing())
        .fallback(no_route)
        .method_not_allowed_fallback(no_route)
        .layer(middleware::from_fn_with_state(Arc::clone(&st), gate))
        .with_state(st)
}

/// Share links and direct links (issue 14); `/dlink/…` plays the direct-link host.
fn sharing() -> Router<Arc<Shared>> {
    Router::new()
        .route("/api/v1/share/create", post(shares::create))
        .route("/api/v1/share/list", get(shares::list))
        .route("/api/v1/share/list/info", put(shares::edit))
        .route(
            "/api/v1/share/content-payment/create",
            post(shares::create_paid),
        )
        .route("/api/v1/share/payment/list", get(shares::list_paid))
        .route("/api/v1/share/list/payment/info", put(shares::edit_paid))
        .route("/api/v1/direct-link/url", get(dlink::url))
        .route("/api/v1/direct-link/enable", post(dlink::enable))
        .route("/api/v1/direct-link/disable", post(dlink::disable))
        .route("/api/v1/direct-link/log", get(dlink::log))
        .route("/dlink/{uid}/{*path}", get(dlink::fetch))
}

/// Kong's answer for an unknown path or method, in the envelope.
pub(crate) async fn no_route() -> Response {
    let mut response = envelope(
        404,
        "no Route matched with those values",
        &serde_json::Value::Null,
    );
    *response.status_mut() = StatusCode::NOT_FOUND;
    response.into_response()
}
