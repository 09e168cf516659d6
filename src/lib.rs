//! Cleaner Production self-assessment: a client-side Leptos app over a pure domain core.
//!
//! - [`domain`]: questionnaire model, answers and assessment (no browser code).
//! - `storage`, `pages`, `components`: the browser app.

pub mod domain;

#[allow(non_snake_case)]
pub fn App() -> impl leptos::IntoView {
    "loading"
}
