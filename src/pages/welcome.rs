//! The welcome page: what the self-assessment is, how long it takes, where answers stay,
//! and a way in — or back to where the respondent left off.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use cp_assessment::content::QUESTIONS_AT_START;

use crate::components::heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;
use crate::state::{use_app, Startup};

/// Route `/`.
#[component]
pub fn Welcome() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // What a first-time respondent sees: visible, non-optional questions before any answer
    // (a constant, so the page needs no content to say it).
    let total = QUESTIONS_AT_START;
    let started = move || app.answers.with(|a| !a.is_empty());
    let resume = move || app.last_page.get().unwrap_or_else(Route::first_part).href();
    // Counted against the question bank, so shown once the content is there (a moment
    // after the page; the paragraph keeps its place meanwhile).
    let answered = move || {
        app.progress().map(|p| {
            t_string!(
                i18n,
                welcome.answered_so_far,
                answered = p.answered,
                visible = p.visible
            )
            .to_string()
        })
    };
    let tools_view = move || {
        app.startup
            .with(Startup::saved_views)
            .map(|v| (v.welcome_tools)())
    };
    // On a first visit the content and then the saved state's module are fetched only
    // when this lower part comes into view (or a page that needs them opens): a first
    // visitor who starts at once never waits for them here, and one who has left the page
    // meanwhile does not wait for the tools either.
    let tools = NodeRef::<leptos::html::Div>::new();
    // The router's address changes as soon as a link is followed, before the next page
    // has arrived and while this one still shows.
    let pathname = use_location().pathname;
    let here = pathname.get_untracked();
    tools.on_load(move |element| {
        leptos::task::spawn_local(async move {
            crate::browser::scrolled_into_view(&element).await;
            let still_here = move || pathname.try_get_untracked().as_ref() == Some(&here);
            if app.loaded().await.is_ok() && still_here() {
                app.open_saved_after_paint();
            }
        });
    });
    let heading = Signal::derive(move || t_string!(i18n, app_title).to_string());
    view! {
        <PageHeading text=heading />
        <p class="lead">{t!(i18n, welcome.lead)}</p>
        // The way in comes before the longer explanation, so that it shows without scrolling
        // on a phone.
        <Show
            when=started
            fallback=move || view! { <A href=Route::first_part().href() attr:class="button primary">{t!(i18n, welcome.start)}</A> }
        >
            <p class="answered-so-far">{answered}</p>
            <A href=resume attr:class="button primary">{t!(i18n, welcome.resume)}</A>
        </Show>
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
        <div class="welcome-tools" data-testid="welcome-tools" node_ref=tools>
            {tools_view}
        </div>
    }
}

/// The responses kept on this device, the file import and the workshop settings, below the
/// welcome page's fold. They read responses against the question bank and act on the
/// saved answers, so they come in the saved answers' module (`crate::boot`).
pub fn tools() -> AnyView {
    use crate::components::import::ImportPanel;
    use crate::components::workshop::{KeptResponses, WorkshopSettings};
    view! {
        <KeptResponses />
        <ImportPanel />
        <WorkshopSettings />
    }
    .into_any()
}
