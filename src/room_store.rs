//! The facilitator's rooms kept on this device, in IndexedDB (through indexed_db_futures).
//! A room of 500 responses is about 2 MB of JSON: local storage's few megabytes, which also
//! hold the participant's answers, would not keep several (docs/reliability.md).
//!
//! Two object stores keyed by room code: `rooms` holds each [`RoomRecord`]'s JSON and
//! `room_index` its small [`RoomSummary`], so that listing the rooms reads no responses.
//! The code of the room last open is kept in local storage under [`OPEN_ROOM_KEY`].

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

use cp_assessment::room_code::RoomCode;
use cp_assessment::workshop::{RoomRecord, RoomSummary};

const DB_NAME: &str = "cp-self-assessment";
const DB_VERSION: u8 = 1;
const ROOMS: &str = "rooms";
const INDEX: &str = "room_index";
/// The local-storage key of the room open on the facilitator page.
pub const OPEN_ROOM_KEY: &str = "cp-self-assessment.open-room";

/// Why rooms cannot be kept; the room then stays in the tab only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomStoreError {
    /// The browser gives this page no IndexedDB (some private modes, blocked storage).
    Unavailable,
    /// Writing failed: storage full, or the browser refused.
    WriteFailed,
}

async fn open() -> Result<Database, RoomStoreError> {
    Database::open(DB_NAME)
        .with_version(DB_VERSION)
        .with_on_upgrade_needed(|_event, db| {
            for store in [ROOMS, INDEX] {
                if !db.object_store_names().any(|n| n == store) {
                    db.create_object_store(store).build()?;
                }
            }
            Ok(())
        })
        .await
        .map_err(|_| RoomStoreError::Unavailable)
}

/// Keeps `record` (replacing the copy with the same code) and its summary, together.
///
/// # Errors
/// [`RoomStoreError`].
pub async fn save(record: &RoomRecord) -> Result<(), RoomStoreError> {
    let db = open().await?;
    let write = async {
        let tx = db
            .transaction([ROOMS, INDEX])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let code = record.code.as_str().to_owned();
        tx.object_store(ROOMS)?
            .put(record.to_json())
            .with_key(code.clone())
            .primitive()?;
        tx.object_store(INDEX)?
            .put(record.summary().to_json())
            .with_key(code)
            .primitive()?;
        tx.commit().await
    };
    write
        .await
        .map_err(|_: indexed_db_futures::error::Error| RoomStoreError::WriteFailed)
}

/// The room kept under `code`; `Ok(None)` when there is none or it cannot be read.
///
/// # Errors
/// [`RoomStoreError::Unavailable`].
pub async fn load(code: &RoomCode) -> Result<Option<RoomRecord>, RoomStoreError> {
    let db = open().await?;
    let read = async {
        let tx = db.transaction(ROOMS).build()?;
        let text: Option<String> = tx
            .object_store(ROOMS)?
            .get(code.as_str().to_owned())
            .primitive()?
            .await?;
        Ok::<_, indexed_db_futures::error::Error>(text)
    };
    let text = read.await.map_err(|_| RoomStoreError::Unavailable)?;
    Ok(text.as_deref().and_then(RoomRecord::parse))
}

/// The summaries of every room kept, most recently changed first.
///
/// # Errors
/// [`RoomStoreError::Unavailable`].
pub async fn list() -> Result<Vec<RoomSummary>, RoomStoreError> {
    let db = open().await?;
    let read = async {
        let tx = db.transaction(INDEX).build()?;
        let texts: Vec<String> = tx
            .object_store(INDEX)?
            .get_all()
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        Ok::<_, indexed_db_futures::error::Error>(texts)
    };
    let texts = read.await.map_err(|_| RoomStoreError::Unavailable)?;
    let mut rooms: Vec<RoomSummary> = texts.iter().filter_map(|t| RoomSummary::parse(t)).collect();
    rooms.sort_by(|a, b| b.updated.cmp(&a.updated));
    Ok(rooms)
}

/// Removes the room kept under `code`.
///
/// # Errors
/// [`RoomStoreError`].
pub async fn delete(code: &RoomCode) -> Result<(), RoomStoreError> {
    let db = open().await?;
    let write = async {
        let tx = db
            .transaction([ROOMS, INDEX])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let key = code.as_str().to_owned();
        tx.object_store(ROOMS)?.delete(key.clone()).primitive()?;
        tx.object_store(INDEX)?.delete(key).primitive()?;
        tx.commit().await
    };
    write
        .await
        .map_err(|_: indexed_db_futures::error::Error| RoomStoreError::WriteFailed)
}
