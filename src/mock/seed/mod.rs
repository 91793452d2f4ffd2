//! Initial drive content for a server without saved state: empty, or the demo drive with its
//! image space (`gallery`) and its shares (`sharing::seed`). The [`Builder`] adds folders and generated files with
//! deterministic timestamps.

mod builder;
pub(crate) mod demo;
mod fetched;
mod gallery;
mod pictures;

use super::config::Seed;
use super::content::Recipe;
use super::reply::ApiError;
use super::shared::Drive;

pub(crate) use builder::Builder;

/// MD5 of zero bytes: every drive "has" the empty file, so empty uploads are instant.
const EMPTY_MD5: &str = "d41d8cd98f00b204e9800998ecf8427e";
/// Seeded items are dated from 2024-01-01 00:00 Beijing time on.
const EPOCH: i64 = 1_704_038_400;

pub(crate) fn apply(seed: Seed, drive: &mut Drive) -> Result<(), ApiError> {
    drive
        .blobs
        .add_generated(EMPTY_MD5, 0, Recipe::Noise { seed: 0 });
    match seed {
        Seed::Empty => Ok(()),
        Seed::Demo => {
            let mut b = Builder::new(drive, EPOCH);
            demo::build(&mut b)?;
            fetched::build(&mut b)?;
            gallery::build(drive, EPOCH + 86_400 * 60)?;
            super::sharing::seed::build(drive, EPOCH + 86_400 * 90)
        }
    }
}
