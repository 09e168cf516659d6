//! The page's contents list, the register's options on the results (the printed report's
//! second page), and the fold every section puts its detail in.

use leptos::prelude::*;

use cp_assessment::assess::GlanceTexts;

use super::input::Input;
use crate::i18n::t_string;
use crate::pages::register::{currency, table_view};
use crate::route::Route;
use crate::state::AppState;
use crate::I18n;

/// A section's detail, folded under its one-line conclusion; printed as the report's
/// appendix (style/main.css moves it there), under the section's name.
pub fn detail(texts: &GlanceTexts, section: String, body: impl IntoView) -> impl IntoView {
    view! {
        <details class="detail">
            <summary>
                <span class="print-only">{format!("{section} — ")}</span>
                {texts.get("details", &[])}
            </summary>
            {body}
        </details>
    }
}

/// The in-page contents: a link to each section's heading.
pub fn contents(i18n: I18n, input: &Input, has_register: bool) -> impl IntoView {
    let texts = input.glance_texts;
    let mut entries: Vec<(&'static str, String)> = Vec::new();
    if has_register {
        entries.push(("register-h", texts.get("register_heading", &[])));
    }
    if let Some(t) = input.figure_texts {
        entries.push(("figures-h", t.get("heading", &[])));
    }
    entries.push((
        "measures-h",
        t_string!(i18n, results.measures_heading).to_string(),
    ));
    entries.push((
        "plan-h",
        t_string!(i18n, results.action_heading).to_string(),
    ));
    if input.rules.is_some() {
        entries.push(("duty-h", t_string!(i18n, results.duty_heading).to_string()));
    }
    entries.push((
        "stage-h",
        t_string!(i18n, results.stage_heading).to_string(),
    ));
    entries.push((
        "readiness-h",
        t_string!(i18n, results.readiness_heading).to_string(),
    ));
    entries.push((
        "motivation-h",
        t_string!(i18n, results.motivation_heading).to_string(),
    ));
    entries.push(("help-h", t_string!(i18n, results.help_heading).to_string()));
    let items = entries
        .into_iter()
        .map(|(id, label)| {
            // The browser scrolls to its own fragment; the router is left out of it.
            let href = format!("{}#{id}", Route::Results.href());
            view! { <li><a href=href rel="external">{label}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="contents no-print" aria-labelledby="contents-h" data-testid="contents">
            <h2 id="contents-h">{texts.get("contents", &[])}</h2>
            <ul>{items}</ul>
        </nav>
    }
}

/// The register's options, when it has any, folded on screen and printed whole.
pub fn register_section(i18n: I18n, app: AppState, texts: &GlanceTexts) -> impl IntoView {
    if app.register.with(|r| r.options.is_empty()) {
        return None;
    }
    let shown = Memo::new(move |_| currency(app));
    Some(view! {
        <section aria-labelledby="register-h" class="register-summary" data-testid="results-register">
            <h2 id="register-h">{texts.get("register_heading", &[])}</h2>
            <p class="conclusion">{texts.get("register_intro", &[])}</p>
            <details class="register-fold">
                <summary>{texts.get("details", &[])}</summary>
                {table_view(i18n, app, shown)}
            </details>
        </section>
    })
}
