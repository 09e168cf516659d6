//! What changes the register: adding an option, committing an edit of one, and the
//! currency its amounts are shown in.

use cp_assessment::register::{CpOption, RegisterError};
use cp_assessment::vocabulary::{Currency, MeasureCategory};

use leptos::prelude::*;

use crate::browser;
use crate::state::AppState;

/// The currency of the register's amounts: the one chosen for the register, else the one
/// the figures' part names, else the plant's default.
pub fn currency(app: AppState) -> Currency {
    let (answered, location) = app
        .with_content(|c| {
            app.answers.with(|a| {
                (
                    a.choice(&c.bank, "currency").and_then(Currency::from_id),
                    a.choice(&c.bank, "plant_location").map(str::to_owned),
                )
            })
        })
        .unwrap_or_default();
    let default =
        answered.unwrap_or_else(|| Currency::default_for(location.as_deref(), app.language.get()));
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
    let mut added = Err(RegisterError::BadRegister);
    app.register.update(|r| {
        added = r.add(title, category, "");
        if added.is_ok() && r.currency.is_none() {
            r.currency = Some(shown);
        }
    });
    if added.is_ok() {
        app.identity.update(|i| i.updated = browser::now_rfc3339());
    }
    added
}

/// Applies `change` to option `id` and stores the result if the register accepts it;
/// otherwise nothing is stored and the error says why.
pub fn commit(
    app: AppState,
    id: u32,
    change: impl FnOnce(&mut CpOption),
) -> Result<(), RegisterError> {
    let Some(mut option) = app.register.with_untracked(|r| r.option(id).cloned()) else {
        return Ok(());
    };
    change(&mut option);
    option.check()?;
    app.register.update(|r| {
        // Checked just above, so the register takes it.
        let _ = r.replace(option);
    });
    app.identity.update(|i| i.updated = browser::now_rfc3339());
    Ok(())
}
