//! Reusable pieces the pages are built from.

pub mod chart;
pub mod confirm;
pub mod export;
pub mod file_drop;
pub mod heading;
pub mod import;
pub mod layout;
pub mod print;
pub mod progress;
pub mod qr;
pub mod question;
pub mod workshop;
