//! The welcome page: what the self-assessment is, how long it takes, where answers stay,
//! and a way in — or back to where the respondent left off.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::heading::PageHeading;
use crate::use_app;

/// Route `/`.
#[component]
pub fn Welcome() -> impl IntoView {
    let app = use_app();
    let total = app.content.with_value(|c| c.bank.questions().count());
    let started = move || app.answers.with(|a| !a.is_empty());
    let resume = move || app.last_page.get().unwrap_or_else(|| "/part/1".to_owned());
    let progress = move || app.assessment.with(|a| a.progress);
    view! {
        <PageHeading text="Cleaner Production self-assessment" />
        <p class="lead">
            "For factory directors and environment or production managers: find out how ready your plant is for a Cleaner Production (CP) audit, what really moves your enterprise, and which CP measures suit it."
        </p>
        <h2>"What you will learn"</h2>
        <ul>
            <li>"Your readiness along the seven steps of a CP audit, and the next step to take."</li>
            <li>"What motivates you: economic, environmental-policy or social reasons."</li>
            <li>"Where you stand between a report written only to comply and CP built into your decisions."</li>
            <li>"Which of the eight kinds of CP measures suit your plant, why, with examples for your sector, their cost class and a first step."</li>
        </ul>
        <h2>"Before you start"</h2>
        <ul>
            <li>{format!("{total} questions in five parts; about 20 minutes.")}</li>
            <li>"Where you do not know a figure, choose \u{201c}I don't know\u{201d}: it is counted as unknown, never as zero."</li>
            <li>"Your answers are saved in this browser as you go. They never leave this device. You can close the tab and come back later."</li>
        </ul>
        <Show
            when=started
            fallback=|| view! { <A href="/part/1" attr:class="button primary">"Start the self-assessment"</A> }
        >
            <p>
                {move || {
                    let p = progress();
                    format!("You have answered {} of {} questions.", p.answered, p.visible)
                }}
            </p>
            <A href=resume attr:class="button primary">"Continue where you left off"</A>
        </Show>
    }
}
