//! The one place that touches the browser's local storage (through gloo-storage), with
//! `crate::room_store`, which keeps the facilitator's rooms through [`local_storage`].
//!
//! Everything is kept under [`STORAGE_KEY`] as a [`SavedState`], the language chosen on
//! this device also under [`LANGUAGE_KEY`], and a shared device's outbox under
//! [`OUTBOX_KEY`]. A stored text that cannot be read is copied to
//! [`BACKUP_KEY`] before anything overwrites it, and a state written by a newer version of
//! the app is never overwritten.
//!
//! The saved state's reader and writer (serde_json and the answers' checks) are split off
//! like a page, into the module that `crate::boot` fetches when the saved answers are
//! first needed: [`Opened::read_now`] is called only from there. The first page needs only
//! the language, a plain string under [`LANGUAGE_KEY`], so it renders before they arrive.

use gloo_storage::{LocalStorage, Storage};

use cp_assessment::exchange::{Outbox, ResponseFile};
use cp_assessment::state::{parse_state, SavedState, SavedStateRef, StateError};
use cp_assessment::vocabulary::Language;

/// The local-storage key of the saved state.
pub const STORAGE_KEY: &str = "cp-self-assessment";
/// Where an unreadable stored text is kept, so nothing the user had is lost.
pub const BACKUP_KEY: &str = "cp-self-assessment.unreadable-backup";
/// The language chosen on this device, as its id ("en" or "zh-CN"). Also in the saved
/// state; kept apart so the first page can be shown in it before [`open`] has fetched the
/// state's reader.
pub const LANGUAGE_KEY: &str = "cp-self-assessment.language";

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
    /// A finished response could not be put into the shared device's outbox (storage full
    /// or unavailable): it stays on the screen, to be downloaded.
    OutboxFailed,
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

pub(crate) fn local_storage() -> Option<web_sys::Storage> {
    // Accessing localStorage throws a SecurityError where the browser forbids it; gloo's
    // accessor would panic then, so check first.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Loads the saved state. `Ok(None)` on a first visit.
///
/// # Errors
/// A [`StorageIssue`]; for [`StorageIssue::Unreadable`] the text has been copied to
/// [`BACKUP_KEY`] first.
fn load() -> Result<Option<SavedState>, StorageIssue> {
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
fn save(state: &SavedStateRef) -> Result<(), StorageIssue> {
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

/// The stored text of another tab's write, parsed; `None` for a text that cannot be read
/// (the next load reports it).
fn parse_other_tab(raw: &str) -> Option<SavedState> {
    parse_state(raw).ok()
}

/// What [`open`] found in storage, and the functions that write the saved state.
#[derive(Clone)]
pub struct Opened {
    /// The saved state: `Ok(None)` on a first visit; for [`StorageIssue::Unreadable`] the
    /// text has been copied to [`BACKUP_KEY`] first.
    pub read: Result<Option<SavedState>, StorageIssue>,
    /// Writes the saved state and follows other tabs' writes.
    pub store: Store,
}

/// The saved state's writer and the reader of other tabs' writes, as plain function
/// pointers into the split-off module: once [`open`] has returned them they are called
/// without waiting (a save runs after every answer).
#[derive(Clone, Copy)]
pub struct Store {
    save: fn(&SavedStateRef) -> Result<(), StorageIssue>,
    parse: fn(&str) -> Option<SavedState>,
}

impl Store {
    /// Saves the state.
    ///
    /// # Errors
    /// [`StorageIssue::Unavailable`] or [`StorageIssue::WriteFailed`].
    pub fn save(&self, state: &SavedStateRef) -> Result<(), StorageIssue> {
        (self.save)(state)
    }

    /// Calls `on_change` with the new saved state whenever another tab of this app writes
    /// it (the browser's `storage` event, which never fires for this tab's own writes).
    /// Texts that cannot be read are ignored here; the next load reports them.
    pub fn on_other_tab_change(&self, on_change: impl Fn(SavedState) + 'static) {
        let parse = self.parse;
        let listener =
            gloo_events::EventListener::new(&gloo_utils::window(), "storage", move |event| {
                use wasm_bindgen::JsCast;
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(STORAGE_KEY) {
                    return;
                }
                if let Some(state) = event.new_value().and_then(|raw| parse(&raw)) {
                    on_change(state);
                }
            });
        // The listener lives as long as the page.
        listener.forget();
    }
}

impl Opened {
    /// Reads the saved state now, with the writer that goes with it. Called only from the
    /// saved answers' split-off module (`crate::boot`), which so carries the reader and
    /// the writer. Reading twice is harmless: nothing is written before the state has been
    /// read and taken over (`crate::state::saving`).
    pub fn read_now() -> Opened {
        Opened {
            read: load(),
            store: Store {
                save,
                parse: parse_other_tab,
            },
        }
    }
}

/// Whether there may be saved answers to show: `false` only when storage can be reached and
/// holds nothing under [`STORAGE_KEY`] (a first visit), so that the welcome page has
/// nothing to read yet. Storage that cannot be reached counts as `true`: reading it is
/// what reports the problem.
pub fn may_hold_answers() -> bool {
    local_storage().is_none_or(|s| !matches!(s.get_item(STORAGE_KEY), Ok(None)))
}

/// The language chosen on this device ([`LANGUAGE_KEY`]); `None` when none was saved, it
/// is not one of ours, or storage cannot be reached.
pub fn saved_language() -> Option<Language> {
    let id = local_storage()?.get_item(LANGUAGE_KEY).ok().flatten()?;
    Language::from_id(&id)
}

/// Keeps the language chosen on this device. A failure is left unreported: the next save
/// of the state reports a storage that refuses writes.
pub fn save_language(language: Language) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANGUAGE_KEY, language.as_str());
    }
}

/// Removes the unreadable backup, so nothing of an earlier participant stays behind.
pub fn clear_backup() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(BACKUP_KEY);
    }
}

/// A shared device's outbox: the responses finished with "Next participant", as an
/// outbox file (`cp-self-assessment/outbox`), under a key of its own so that saving an
/// answer never rewrites it. Read only by the facilitator page.
pub const OUTBOX_KEY: &str = "cp-self-assessment.outbox";
/// Where an outbox that could not be read is kept before a new one is started.
pub const OUTBOX_BACKUP_KEY: &str = "cp-self-assessment.outbox.unreadable-backup";

/// The outbox's text as stored and what it reads as (`None`: not an outbox this version
/// reads); `Ok(None)` when there is no outbox.
fn stored_outbox(
    storage: &web_sys::Storage,
) -> Result<Option<(String, Option<Outbox>)>, StorageIssue> {
    let raw = storage
        .get_item(OUTBOX_KEY)
        .map_err(|_| StorageIssue::Unavailable)?;
    Ok(raw.map(|raw| {
        let outbox = Outbox::parse(&raw);
        (raw, outbox)
    }))
}

/// Puts a finished response into this device's outbox (a newer copy of the same response
/// replaces the older) and returns how many the outbox holds.
///
/// # Errors
/// [`StorageIssue::Unavailable`] or [`StorageIssue::WriteFailed`] (storage full): the
/// response was not put in, and the caller keeps it. An outbox that cannot be read is
/// moved to [`OUTBOX_BACKUP_KEY`] first, unless a backup is already there
/// ([`StorageIssue::UnreadableKept`]: nothing is overwritten).
pub fn put_in_outbox(response: ResponseFile) -> Result<usize, StorageIssue> {
    let storage = local_storage().ok_or(StorageIssue::Unavailable)?;
    let mut outbox = match stored_outbox(&storage)? {
        Some((_, Some(outbox))) => outbox,
        None => Outbox::new(),
        Some((raw, None)) => {
            let backup_free = matches!(storage.get_item(OUTBOX_BACKUP_KEY), Ok(None));
            if !backup_free || storage.set_item(OUTBOX_BACKUP_KEY, &raw).is_err() {
                return Err(StorageIssue::UnreadableKept);
            }
            Outbox::new()
        }
    };
    outbox.put(response);
    storage
        .set_item(OUTBOX_KEY, &outbox.to_json())
        .map_err(|_| StorageIssue::WriteFailed)?;
    Ok(outbox.responses.len())
}

/// The outbox's text and how many responses it holds; `None` when it is empty or absent.
///
/// # Errors
/// [`StorageIssue::Unavailable`], or [`StorageIssue::Unreadable`] for a text this
/// version cannot read (left as it is).
pub fn outbox() -> Result<Option<(String, usize)>, StorageIssue> {
    let storage = local_storage().ok_or(StorageIssue::Unavailable)?;
    match stored_outbox(&storage)? {
        None => Ok(None),
        Some((_, None)) => Err(StorageIssue::Unreadable),
        Some((raw, Some(o))) => Ok((!o.responses.is_empty()).then_some((raw, o.responses.len()))),
    }
}

/// Empties the outbox (the facilitator has added it to a room or downloaded it).
///
/// # Errors
/// [`StorageIssue::Unavailable`].
pub fn empty_outbox() -> Result<(), StorageIssue> {
    let storage = local_storage().ok_or(StorageIssue::Unavailable)?;
    storage
        .remove_item(OUTBOX_KEY)
        .map_err(|_| StorageIssue::Unavailable)
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
