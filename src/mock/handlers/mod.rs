//! HTTP handlers, one module per group of endpoints. Each writes the documented JSON shape of
//! its endpoint itself (field casing differs per endpoint) and leaves headers, tokens and QPS
//! to `gate`.

pub(crate) mod account;
pub(crate) mod copy;
pub(crate) mod dlink;
pub(crate) mod download;
mod form;
pub(crate) mod images;
pub(crate) mod legacy_list;
pub(crate) mod listing;
pub(crate) mod mutate;
pub(crate) mod offline;
mod params;
pub(crate) mod shares;
pub(crate) mod slices;
pub(crate) mod trash;
pub(crate) mod upload;

pub(crate) use params::{Params, RawQuery, batch_ids};
