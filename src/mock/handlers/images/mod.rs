//! Handlers of the image-hosting space (图床): folders and listings (`files`), the upload
//! protocol (`upload`), the presigned PUT and the image URLs that play the storage host and CDN
//! (`storage`), copy tasks from the drive (`copy`) and offline import (`offline`). Each writes
//! its endpoint's documented JSON itself.

pub(crate) mod copy;
pub(crate) mod files;
pub(crate) mod offline;
mod params;
pub(crate) mod storage;
pub(crate) mod upload;

pub(crate) use params::{batch, fixed_type, opt_query_or_body, query_or_body};
