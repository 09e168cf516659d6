//! Exchange formats: how a response leaves the app and comes back. All pure (no browser
//! code); the app supplies ids and times and does the downloading.
//!
//! - [`response`]: the JSON export of one response (`cp-self-assessment/response`, v1)
//!   and its strict import, which also migrates the local-storage state format.
//! - [`csv`](self::csv): the results as Excel-safe CSV.
//! - [`share`]: share-link payloads for the URL fragment (deflate + base64url).
//! - [`Outbox`]: a shared device's finished responses, in one file.
//!
//! Import and share-link decoding return the same [`ImportError`], whose
//! [`ImportError::code`] picks a translated message.

pub mod csv;
pub mod response;
pub mod share;

pub use self::csv::{neutralize, register_csv, results_csv, CSV_HEADER, REGISTER_CSV_HEADER};
pub use self::response::{
    import, import_many, new_response, to_json, ImportError, ImportSource, Outbox, ResponseFile,
    MAX_DEPTH, MAX_IMPORT_BYTES, MAX_OUTBOX_BYTES, OUTBOX_FORMAT, OUTBOX_VERSION, RESPONSE_FORMAT,
    RESPONSE_VERSION,
};
pub use self::share::{
    decode_share, encode_share, SharedResponse, MAX_SHARE_CHARS, MAX_SHARE_JSON_BYTES,
    SHARE_PREFIX, SHARE_PREFIX_V1,
};
