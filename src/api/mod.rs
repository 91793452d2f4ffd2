//! Typed client for the 123pan Open Platform API.
