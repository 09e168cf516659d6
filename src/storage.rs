//! The one place that touches the browser's local storage (through gloo-storage).
//!
//! Everything is kept under [`STORAGE_KEY`] as a [`SavedState`]. A stored text that cannot
//! be read is copied to [`BACKUP_KEY`] before anything overwrites it, and a state written by
//! a newer version of the app is never overwritten.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::state::{parse_state, SavedState, SavedStateRef, StateError};

/// The local-storage key of the saved state.
pub const STORAGE_KEY: &str = "cp-self-assessment";
/// Where an unreadable stored text is kept, so nothing the user had is lost.
pub const BACKUP_KEY: &str = "cp-self-assessment.unreadable-backup";

/// A storage problem, with a message a manager understands.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageIssue {
    /// The browser does not allow this page to store data (private mode, blocked cookies).
    Unavailable,
    /// Storage is full or the browser refused to write.
    WriteFailed,
    /// Saved data could not be read; it was kept under the backup key.
    Unreadable,
    /// Saved data could not be read, nor copied aside; left untouched.
    UnreadableKept,
    /// Data saved by a newer version of this tool; left untouched.
    NewerVersion,
}

impl StorageIssue {
    /// Whether saving must stop so that data already stored is never overwritten.
    pub fn blocks_saving(&self) -> bool {
        matches!(
            self,
            StorageIssue::UnreadableKept | StorageIssue::NewerVersion
        )
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    // Accessing localStorage throws a SecurityError where the browser forbids it; gloo's
    // accessor would panic then, so check first.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Loads the saved state. `Ok(None)` on a first visit.
///
/// # Errors
/// A [`StorageIssue`]; for [`StorageIssue::Unreadable`] the text has been copied to
/// [`BACKUP_KEY`] first.
pub fn load() -> Result<Option<SavedState>, StorageIssue> {
    let storage = local_storage().ok_or(StorageIssue::Unavailable)?;
    let raw = match storage.get_item(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Ok(None),
        Err(_) => return Err(StorageIssue::Unavailable),
    };
    match parse_state(&raw) {
        Ok(state) => Ok(Some(state)),
        Err(StateError::NewerVersion(_)) => Err(StorageIssue::NewerVersion),
        Err(StateError::Corrupt(_) | StateError::NotOurs) => {
            // Keep the unreadable text; if even that fails, stop saving so the app does not
            // overwrite the only copy.
            match storage.set_item(BACKUP_KEY, &raw) {
                Ok(()) => Err(StorageIssue::Unreadable),
                Err(_) => Err(StorageIssue::UnreadableKept),
            }
        }
    }
}

/// Saves the state.
///
/// # Errors
/// [`StorageIssue::Unavailable`] or [`StorageIssue::WriteFailed`].
pub fn save(state: &SavedStateRef) -> Result<(), StorageIssue> {
    // One lookup of `localStorage` and one write: this runs after every answer.
    let storage = local_storage().ok_or(StorageIssue::Unavailable)?;
    let json = state.to_json().map_err(|_| StorageIssue::WriteFailed)?;
    storage
        .set_item(STORAGE_KEY, &json)
        .map_err(|_| StorageIssue::WriteFailed)
}

/// The unreadable text kept aside by [`load`], if any (offered for download).
pub fn unreadable_backup() -> Option<String> {
    local_storage()?.get_item(BACKUP_KEY).ok().flatten()
}

/// Calls `on_change` with the new saved state whenever another tab of this app writes it
/// (the browser's `storage` event, which never fires for this tab's own writes). Texts
/// that cannot be read are ignored here; the next load reports them.
pub fn on_other_tab_change(on_change: impl Fn(SavedState) + 'static) {
    let listener =
        gloo_events::EventListener::new(&gloo_utils::window(), "storage", move |event| {
            use wasm_bindgen::JsCast;
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if event.key().as_deref() != Some(STORAGE_KEY) {
                return;
            }
            if let Some(state) = event.new_value().and_then(|raw| parse_state(&raw).ok()) {
                on_change(state);
            }
        });
    // The listener lives as long as the page.
    listener.forget();
}

/// Removes the unreadable backup, so nothing of an earlier participant stays behind.
pub fn clear_backup() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(BACKUP_KEY);
    }
}

/// Removes the saved state ("Start over").
///
/// # Errors
/// [`StorageIssue::Unavailable`] when storage cannot be reached.
pub fn clear() -> Result<(), StorageIssue> {
    local_storage().ok_or(StorageIssue::Unavailable)?;
    LocalStorage::delete(STORAGE_KEY);
    Ok(())
}
