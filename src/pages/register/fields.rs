//! The register's form fields: a labelled input or select that commits its value when it
//! changes and, when the register refuses it, says why next to it and stores nothing.

use leptos::prelude::*;

use cp_assessment::answers::parse_amount;
use cp_assessment::register::{FeasibilityError, RegisterError};
use cp_assessment::vocabulary::MeasureCategory;

use crate::i18n::t_string;
use crate::state::AppState;
use crate::I18n;

/// The eight measure categories as a select offers them: (id, name in the page's
/// language).
pub fn category_choices(app: AppState) -> Signal<Vec<(&'static str, String)>> {
    Signal::derive(move || {
        app.with_content(|c| {
            MeasureCategory::ALL
                .iter()
                .map(|&m| (m.as_str(), c.category_name(m).to_owned()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    })
}

/// What kind of value an input takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A date (the browser's date picker; YYYY-MM-DD).
    Date,
    /// An amount or figure: typed, with the decimal keypad on phones.
    Number,
}

/// The message for a refused change, in the page's language.
pub fn refusal(i18n: I18n, error: &RegisterError) -> String {
    match error {
        RegisterError::BadTitle => t_string!(i18n, register.title_missing).to_string(),
        RegisterError::TextTooLong => t_string!(i18n, register.bad_text).to_string(),
        RegisterError::BadDeadline => t_string!(i18n, register.bad_deadline).to_string(),
        RegisterError::Feasibility(FeasibilityError::BadAmount) => {
            t_string!(i18n, register.bad_amount).to_string()
        }
        RegisterError::Feasibility(FeasibilityError::BadLife) => {
            t_string!(i18n, register.bad_life).to_string()
        }
        RegisterError::Feasibility(FeasibilityError::BadRate) => {
            t_string!(i18n, register.bad_rate).to_string()
        }
        RegisterError::Feasibility(FeasibilityError::OneOffAboveInvestment) => {
            t_string!(i18n, register.bad_one_off).to_string()
        }
        RegisterError::BadMeasured => t_string!(i18n, register.bad_number, value = "").to_string(),
        RegisterError::BadRegister => t_string!(i18n, register.full).to_string(),
    }
}

/// Reads a typed amount (full-width digits, grouping or decimal commas accepted); the
/// message for one that is not a number. Empty text reads as `None`.
pub fn amount(i18n: I18n, typed: &str) -> Result<Option<f64>, String> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    parse_amount(typed)
        .map(Some)
        .map_err(|_| t_string!(i18n, register.bad_number, value = typed.trim()).to_string())
}

/// A labelled input showing `value` that calls `commit` with the text typed when it
/// changes; an `Err` from `commit` is shown under it (and announced), and the typed text
/// stays for correcting.
pub fn input(
    id: String,
    label: Signal<String>,
    kind: Kind,
    value: Signal<String>,
    commit: impl Fn(String) -> Result<(), String> + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let (input_type, mode) = match kind {
        Kind::Text => ("text", None),
        Kind::Date => ("date", None),
        Kind::Number => ("text", Some("decimal")),
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=input_type
                inputmode=mode
                prop:value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_id.clone()
                on:change=move |ev| error.set(commit(event_target_value(&ev)).err())
            />
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A labelled select of `choices` (value, text), `selected` the value chosen, calling
/// `commit` with the value picked.
pub fn select(
    id: String,
    label: Signal<String>,
    choices: Signal<Vec<(&'static str, String)>>,
    selected: Signal<&'static str>,
    commit: impl Fn(String) + 'static,
) -> impl IntoView {
    let options = move || {
        choices
            .get()
            .into_iter()
            .map(|(value, text)| {
                view! { <option value=value selected=move || selected.get() == value>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id prop:value=move || selected.get() on:change=move |ev| commit(event_target_value(&ev))>
                {options}
            </select>
        </div>
    }
}
