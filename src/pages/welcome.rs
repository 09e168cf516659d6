//! The welcome page: what the self-assessment is, how long it takes, where answers stay,
//! and a way in — or back to where the respondent left off.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::route_href;
use crate::components::exchange::ImportPanel;
use crate::components::heading::PageHeading;
use crate::components::workshop::{KeptResponses, WorkshopSettings};
use crate::i18n::{t, t_string, use_i18n};
use crate::use_app;

/// Route `/`.
#[component]
pub fn Welcome() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // What a first-time respondent sees: visible, non-optional questions before any answer.
    let total = app.with_content_untracked(|c| {
        crate::domain::answers::Answers::new()
            .progress(&c.bank)
            .visible
    });
    let started = move || app.answers.with(|a| !a.is_empty());
    let resume = move || route_href(&app.last_page.get().unwrap_or_else(|| "/part/1".to_owned()));
    let answered = move || {
        let p = app.progress();
        t_string!(
            i18n,
            welcome.answered_so_far,
            answered = p.answered,
            visible = p.visible
        )
        .to_string()
    };
    let heading = Signal::derive(move || t_string!(i18n, app_title).to_string());
    view! {
        <PageHeading text=heading />
        <p class="lead">{t!(i18n, welcome.lead)}</p>
        <h2>{t!(i18n, welcome.learn_heading)}</h2>
        <ul>
            <li>{t!(i18n, welcome.learn_readiness)}</li>
            <li>{t!(i18n, welcome.learn_motivation)}</li>
            <li>{t!(i18n, welcome.learn_stage)}</li>
            <li>{t!(i18n, welcome.learn_measures)}</li>
        </ul>
        <h2>{t!(i18n, welcome.before_heading)}</h2>
        <ul>
            <li>{move || t_string!(i18n, welcome.before_questions, count = total).to_string()}</li>
            <li>{t!(i18n, welcome.before_unknown)}</li>
            <li>{t!(i18n, welcome.before_saved)}</li>
        </ul>
        <Show
            when=started
            fallback=move || view! { <A href=route_href("/part/1") attr:class="button primary">{t!(i18n, welcome.start)}</A> }
        >
            <p>{answered}</p>
            <A href=resume attr:class="button primary">{t!(i18n, welcome.resume)}</A>
        </Show>
        <KeptResponses />
        <ImportPanel />
        <WorkshopSettings />
    }
}
