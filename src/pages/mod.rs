//! One page per file.

pub mod facilitator;
// The facilitator's guide lives beside the facilitator page's sections but is declared
// here, so that the page's own module need not change for it.
#[path = "facilitator/guide.rs"]
pub mod facilitator_guide;
pub mod not_found;
pub mod part;
pub mod results;
pub mod review;
pub mod welcome;
