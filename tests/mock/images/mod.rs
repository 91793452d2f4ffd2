//! The image-hosting space (图床) over raw HTTP: folders and listings, the upload protocol with
//! presigned PUTs, copy tasks from the drive and offline import.

mod copy;
mod files;
mod space;
mod support;
mod upload;
