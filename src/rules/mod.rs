//! What the 123pan drive accepts, as pure checks of names, sizes and bytes: no I/O, no
//! client. The API client checks before it sends; the app checks before it asks, so a refusal
//! is said before anything is queued.

mod image;

pub use image::{IMAGE_EXTENSIONS, ImageFormat, ImageRefusal, MAX_IMAGE_SIZE, check_image};
