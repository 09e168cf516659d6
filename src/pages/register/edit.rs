//! What changes the register: adding an option, committing an edit of one, and the
//! currency its amounts are shown in.

use cp_assessment::figures::answered_currency;
use cp_assessment::register::{CpOption, Register, RegisterError};
use cp_assessment::vocabulary::{Currency, MeasureCategory};

use leptos::prelude::*;

use crate::browser;
use crate::state::AppState;

/// The currency of the register's amounts: the one chosen for the register, else the one
/// the figures' part names, else the plant's default.
pub fn currency(app: AppState) -> Currency {
    let language = app.language.get();
    let default = app
        .with_content(|c| {
            app.answers
                .with(|a| answered_currency(&c.bank, a, language))
        })
        .unwrap_or_else(|| Currency::default_for(None, language));
    app.register.with(|r| r.currency_or(default))
}

/// Adds an option to the register (fixing its currency, if none was chosen yet, to the one
/// shown); returns its id.
///
/// # Errors
/// What the register refuses; nothing is added then.
pub fn add_option(
    app: AppState,
    title: &str,
    category: MeasureCategory,
) -> Result<u32, RegisterError> {
    let shown = currency(app);
    change(app, |r| {
        let id = r.add(title, category, "")?;
        r.currency.get_or_insert(shown);
        Ok(id)
    })
}

/// Applies `f` to the register; when it succeeds the change is shown and saved, and the
/// response marked as changed now. `f` must leave the register as it was when it fails,
/// as [`Register`]'s own methods do, so that a refused edit redraws and saves nothing.
pub fn change<T>(
    app: AppState,
    f: impl FnOnce(&mut Register) -> Result<T, RegisterError>,
) -> Result<T, RegisterError> {
    let done = app
        .register
        .try_update_untracked(f)
        .unwrap_or(Err(RegisterError::BadRegister))?;
    app.register.notify();
    app.identity.update(|i| i.updated = browser::now_rfc3339());
    Ok(done)
}

/// Applies `edit` to option `id` and stores the result if the register accepts it;
/// otherwise nothing is stored and the error says why.
pub fn commit(
    app: AppState,
    id: u32,
    edit: impl FnOnce(&mut CpOption),
) -> Result<(), RegisterError> {
    let Some(mut option) = app.register.with_untracked(|r| r.option(id).cloned()) else {
        return Ok(());
    };
    edit(&mut option);
    change(app, |r| r.replace(option))
}
