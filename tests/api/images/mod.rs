//! The image-hosting client (图床) against the mock: folders and listings, uploads with
//! presigned PUTs, copy tasks and offline import.

mod browse;
mod support;
mod tasks;
mod upload;
