//! The one place that writes the saved answers (house style: side effects at the edge, in
//! one place). It exists only once the saved state has been read and taken over, so
//! nothing is ever written over answers that were not read.

use leptos::prelude::*;

use cp_assessment::state::{SavedStateRef, STATE_FORMAT, STATE_VERSION};

use cp_assessment::vocabulary::Language;

use super::AppState;
use crate::route::Route;
use crate::storage::{self, Opened, StorageIssue};

/// Takes over what [`storage`]'s reader found — the answers, page, identity, kept
/// responses and device settings, or the storage problem — then installs the effect that
/// saves every change and follows other tabs' writes. Call in the app's reactive scope
/// (the effects belong to it).
///
/// Returns the language the saved state names (a state saved by an earlier version, before
/// the language had a key of its own, keeps it only there).
pub fn take_over(app: AppState, opened: Opened) -> Option<Language> {
    let Opened { read, store } = opened;
    let (saved, issue) = match read {
        Ok(saved) => (saved, None),
        Err(issue) => (None, Some(issue)),
    };
    let blocked = issue.as_ref().is_some_and(StorageIssue::blocks_saving);
    let saved = saved.unwrap_or_default();
    if let Some(identity) = saved.identity() {
        app.identity.set(identity);
    }
    // A page opened meanwhile (from the welcome page, before the state was read) is the
    // newer place to continue from.
    if app.last_page.with_untracked(Option::is_none) {
        app.last_page
            .set(saved.last_page.as_deref().and_then(Route::parse));
    }
    app.kept.set(saved.kept);
    app.device.set(saved.device);
    app.storage_issue.set(issue);
    // Answers given before the state was read (a first visit's pages do not wait for it)
    // are newer than any saved then, and are never lost to it.
    app.answers
        .update(|given| *given = std::mem::take(given).laid_over(saved.answers));
    // Likewise a register begun before the state was read is the newer one.
    app.register.update(|given| {
        if given.is_empty() {
            *given = saved.register;
        }
    });

    let AppState {
        answers,
        register,
        last_page,
        identity,
        kept,
        device,
        language,
        storage_issue,
        ..
    } = app;
    // The language's own key, written when the language changes (not on every answer).
    Effect::new(move |_| storage::save_language(language.get()));
    // The one place that writes the saved state: on every change of what it holds.
    Effect::new(move |_| {
        // Read in place (tracked), not cloned: this runs after every answer.
        let (answers, register, id) = (answers.read(), register.read(), identity.read());
        let (kept, device) = (kept.read(), device.read());
        let last_page = last_page.get().map(Route::path);
        let state = SavedStateRef {
            format: STATE_FORMAT,
            version: STATE_VERSION,
            answers: &answers,
            register: &register,
            last_page: last_page.as_deref(),
            language: Some(language.get()),
            response_id: &id.response_id,
            created: &id.created,
            updated: &id.updated,
            kept: &kept,
            device: &device,
        };
        if blocked {
            return;
        }
        match store.save(&state) {
            Ok(()) => {
                if storage_issue.get_untracked() == Some(StorageIssue::WriteFailed) {
                    storage_issue.set(None);
                }
            }
            Err(e) => {
                if storage_issue.get_untracked().as_ref() != Some(&e) {
                    storage_issue.set(Some(e));
                }
            }
        }
    });

    // Two tabs: each tab saves its whole state on every change, so the stored state is
    // always the newest. Taking another tab's answers as soon as it writes keeps this tab
    // from later overwriting them with a stale copy. Equal answers are skipped, which also
    // ends the echo of this tab's own re-save.
    store.on_other_tab_change(move |state| {
        let same_answers = answers.with_untracked(|a| *a == state.answers);
        if blocked || (same_answers && register.with_untracked(|r| *r == state.register)) {
            return;
        }
        if let Some(id) = state.identity() {
            identity.set(id);
        }
        register.set(state.register);
        if !same_answers {
            answers.set(state.answers);
        }
        app.synced_from_other_tab.set(true);
    });
    saved.language
}
