//! The pure domain core: questionnaire model, answers, assessment.
//!
//! Invariant: nothing under `domain` imports Leptos, web-sys, wasm-bindgen or gloo, so the
//! whole core compiles and is tested natively with `cargo test` (checked by
//! `tests/architecture.rs`).

pub mod answers;
pub mod assess;
pub mod bank;
pub mod benchmarks;
pub mod content;
pub mod cost;
pub mod exchange;
pub mod figures;
pub mod finance;
pub mod identity;
pub mod labels;
pub mod reach;
pub mod register;
pub mod regulation;
pub mod room_code;
pub mod room_record;
pub mod spread;
pub mod state;
pub mod templates;
pub mod uses;
pub mod vocabulary;
pub mod workshop;
