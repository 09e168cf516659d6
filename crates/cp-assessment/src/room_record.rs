//! A facilitator's room as the device keeps it ([`RoomRecord`]): its name, code and dates
//! and the responses collected, stored compressed (many rooms of hundreds of responses fit
//! in local storage), and the small [`RoomSummary`] the list of rooms shows.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde::{Deserialize, Serialize};

use crate::room_code::RoomCode;
use crate::workshop::Room;

/// Starts a stored room: deflated JSON, version 1 of the stored form.
pub const STORED_PREFIX: &str = "z1.";
/// Largest room JSON read back (64 MB: some 30,000 responses), so a damaged text cannot
/// inflate without end.
pub const MAX_ROOM_JSON_BYTES: usize = 64 * 1024 * 1024;

/// Format name of a room kept on the facilitator's device.
pub const ROOM_FORMAT: &str = "cp-self-assessment/room";
/// Current version of the kept room's format.
pub const ROOM_VERSION: u32 = 1;

/// A facilitator's room as the device keeps it: its name, code and date, and the
/// responses collected (docs/format.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomRecord {
    /// Always [`ROOM_FORMAT`].
    pub format: String,
    /// The format version it was written with.
    pub version: u32,
    /// The room's code, which also keys it on the device.
    pub code: RoomCode,
    /// The name the facilitator gave it.
    pub name: String,
    /// When it was started (RFC 3339).
    pub created: String,
    /// When a response was last added or removed (RFC 3339).
    pub updated: String,
    /// The responses collected.
    pub room: Room,
}

impl RoomRecord {
    /// A new, empty room.
    pub fn new(code: RoomCode, name: &str, now: &str) -> Self {
        RoomRecord {
            format: ROOM_FORMAT.to_owned(),
            version: ROOM_VERSION,
            code,
            name: name.trim().chars().take(MAX_ROOM_NAME_CHARS).collect(),
            created: now.to_owned(),
            updated: now.to_owned(),
            room: Room::new(),
        }
    }

    /// The room as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The room as the device stores it: [`STORED_PREFIX`], then its JSON deflated (level
    /// 6) and encoded as URL-safe base64. Responses repeat the same question ids and
    /// shapes, so a room of 500 takes about a tenth of its JSON (docs/reliability.md).
    pub fn to_stored(&self) -> String {
        let packed = compress_to_vec(self.to_json().as_bytes(), 6);
        format!("{STORED_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
    }

    /// Reads a stored room (as [`RoomRecord::to_stored`] writes it, or plain JSON); `None`
    /// when the text is not a room of a version this app reads (the device's copy is then
    /// left as it is).
    pub fn parse(text: &str) -> Option<RoomRecord> {
        let json = match text.strip_prefix(STORED_PREFIX) {
            Some(packed) => {
                let bytes = URL_SAFE_NO_PAD.decode(packed).ok()?;
                let json = decompress_to_vec_with_limit(&bytes, MAX_ROOM_JSON_BYTES).ok()?;
                String::from_utf8(json).ok()?
            }
            None => text.to_owned(),
        };
        let record: RoomRecord = serde_json::from_str(&json).ok()?;
        (record.format == ROOM_FORMAT && (1..=ROOM_VERSION).contains(&record.version))
            .then_some(record)
    }
}

impl RoomRecord {
    /// What the list of kept rooms shows of it.
    pub fn summary(&self) -> RoomSummary {
        RoomSummary {
            code: self.code.clone(),
            name: self.name.clone(),
            created: self.created.clone(),
            updated: self.updated.clone(),
            participants: self.room.participants.len(),
        }
    }
}

/// A kept room as the list of rooms shows it, stored beside the room so that listing
/// reads no responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomSummary {
    /// The room's code.
    pub code: RoomCode,
    /// Its name.
    pub name: String,
    /// When it was started (RFC 3339).
    pub created: String,
    /// When it last changed (RFC 3339).
    pub updated: String,
    /// How many participants it holds.
    pub participants: usize,
}

impl RoomSummary {
    /// The stored text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored summary; `None` when it cannot be.
    pub fn parse(text: &str) -> Option<RoomSummary> {
        serde_json::from_str(text).ok()
    }

    /// The list of rooms as stored.
    pub fn list_to_json(list: &[RoomSummary]) -> String {
        serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Reads a stored list of rooms; entries that cannot be read are left out.
    pub fn parse_list(text: &str) -> Vec<RoomSummary> {
        let entries: Vec<serde_json::Value> = serde_json::from_str(text).unwrap_or_default();
        entries
            .into_iter()
            .filter_map(|e| serde_json::from_value(e).ok())
            .collect()
    }
}

/// Longest room name kept, in characters.
pub const MAX_ROOM_NAME_CHARS: usize = 80;
