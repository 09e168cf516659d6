//! One page per file.

pub mod facilitator;
pub mod not_found;
pub mod part;
pub mod register;
pub mod results;
pub mod review;
pub mod welcome;
