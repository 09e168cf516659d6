//! The facilitator's rooms kept on this device, in local storage beside the participant's
//! answers. A room is stored compressed ([`RoomRecord::to_stored`]): a room of 500 responses
//! takes a few hundred kilobytes instead of its 1.4 MB of JSON, so several fit in local
//! storage's 5 MB with room to spare (docs/reliability.md says why not IndexedDB).
//!
//! Each room under `cp-self-assessment.room.<code>`; the list of rooms ([`RoomSummary`]s)
//! under [`ROOM_LIST_KEY`], so that listing reads no responses; the code of the room open on
//! the facilitator page under [`OPEN_ROOM_KEY`].

use cp_assessment::room_code::RoomCode;
use cp_assessment::room_record::{RoomRecord, RoomSummary};

use crate::storage::local_storage;

/// The list of rooms kept.
pub const ROOM_LIST_KEY: &str = "cp-self-assessment.rooms";
/// The code of the room open on the facilitator page.
pub const OPEN_ROOM_KEY: &str = "cp-self-assessment.open-room";

/// Why rooms cannot be kept; the room then stays in the tab only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomStoreError {
    /// The browser gives this page no storage (some private modes, blocked site data).
    Unavailable,
    /// Writing failed: storage full, or the browser refused.
    WriteFailed,
}

fn room_key(code: &RoomCode) -> String {
    format!("cp-self-assessment.room.{code}")
}

fn storage() -> Result<web_sys::Storage, RoomStoreError> {
    local_storage().ok_or(RoomStoreError::Unavailable)
}

/// The list of rooms as stored; an unreadable list reads as empty (the rooms themselves
/// stay, and the next save lists the open one again).
fn stored_list(storage: &web_sys::Storage) -> Vec<RoomSummary> {
    storage
        .get_item(ROOM_LIST_KEY)
        .ok()
        .flatten()
        .map(|text| RoomSummary::parse_list(&text))
        .unwrap_or_default()
}

/// Writes the list of rooms.
fn store_list(storage: &web_sys::Storage, list: &[RoomSummary]) -> Result<(), RoomStoreError> {
    storage
        .set_item(ROOM_LIST_KEY, &RoomSummary::list_to_json(list))
        .map_err(|_| RoomStoreError::WriteFailed)
}

/// Keeps `record` (replacing the copy with the same code), then lists it.
///
/// # Errors
/// [`RoomStoreError`]: the copy kept before, if any, is untouched.
pub fn save(record: &RoomRecord) -> Result<(), RoomStoreError> {
    let storage = storage()?;
    storage
        .set_item(&room_key(&record.code), &record.to_stored())
        .map_err(|_| RoomStoreError::WriteFailed)?;
    let mut list = stored_list(&storage);
    list.retain(|r| r.code != record.code);
    list.push(record.summary());
    store_list(&storage, &list)
}

/// The room kept under `code`; `Ok(None)` when there is none or it cannot be read (then
/// it is left as it is).
///
/// # Errors
/// [`RoomStoreError::Unavailable`].
pub fn load(code: &RoomCode) -> Result<Option<RoomRecord>, RoomStoreError> {
    let text = storage()?
        .get_item(&room_key(code))
        .map_err(|_| RoomStoreError::Unavailable)?;
    Ok(text.as_deref().and_then(RoomRecord::parse))
}

/// The rooms kept, most recently changed first.
///
/// # Errors
/// [`RoomStoreError::Unavailable`].
pub fn list() -> Result<Vec<RoomSummary>, RoomStoreError> {
    let mut rooms = stored_list(&storage()?);
    rooms.sort_by(|a, b| b.updated.cmp(&a.updated));
    Ok(rooms)
}

/// Removes the room kept under `code`, and from the list.
///
/// # Errors
/// [`RoomStoreError`].
pub fn delete(code: &RoomCode) -> Result<(), RoomStoreError> {
    let storage = storage()?;
    storage
        .remove_item(&room_key(code))
        .map_err(|_| RoomStoreError::WriteFailed)?;
    let mut list = stored_list(&storage);
    list.retain(|r| &r.code != code);
    store_list(&storage, &list)
}

/// The code of the room open on the facilitator page, if any.
pub fn open_room() -> Option<RoomCode> {
    let code = local_storage()?.get_item(OPEN_ROOM_KEY).ok().flatten()?;
    RoomCode::parse(&code)
}

/// Remembers the room open on the facilitator page. Best effort: the list of rooms finds
/// it again.
pub fn set_open_room(code: &RoomCode) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(OPEN_ROOM_KEY, code.as_str());
    }
}
