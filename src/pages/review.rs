//! The review page: every visible question with its answer, unanswered ones marked, and a
//! link back to each part.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::heading::PageHeading;
use crate::components::progress::ProgressBar;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;
use crate::state::use_app;
use cp_assessment::bank::PartId;

/// Route `/review`.
#[component]
pub fn Review() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let progress = Signal::derive(move || app.progress().unwrap_or_default());
    let not_answered = move || t_string!(i18n, review.not_answered).to_string();
    let parts = move || {
        app.with_content(|c| {
            app.answers.with(|answers| {
                PartId::ALL
                    .iter()
                    .filter_map(|&pid| c.bank.part(pid).map(|p| (pid, p)))
                    .map(|(pid, p)| {
                        let rows = c
                            .bank
                            .visible_questions(pid, answers)
                            .map(|q| {
                                let answer = answers
                                    .counted(&c.bank, &q.id)
                                    .map(|a| c.bank.describe(q, a));
                                let missing = answer.is_none() && !q.optional;
                                let shown = answer.unwrap_or_else(|| {
                                    if q.optional { "—".to_owned() } else { not_answered() }
                                });
                                view! {
                                    <dt>{q.text.clone()}</dt>
                                    <dd class:missing=missing>{shown}</dd>
                                }
                            })
                            .collect_view();
                        let n = pid.number();
                        let heading = t_string!(i18n, review.part_heading, n = n, title = p.title.clone()).to_string();
                        let change = t_string!(i18n, review.change_part, n = n).to_string();
                        view! {
                            <section class="review-part" aria-labelledby=format!("review-{n}")>
                                <h2 id=format!("review-{n}")>{heading}</h2>
                                <dl>{rows}</dl>
                                <A href=Route::Part(pid).href() attr:class="button secondary">{change}</A>
                            </section>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let heading = Signal::derive(move || t_string!(i18n, review.title).to_string());
    view! {
        <PageHeading text=heading />
        <ProgressBar
            id="progress-total"
            label=Signal::derive(move || t_string!(i18n, part.progress_total).to_string())
            progress=progress
        />
        <Show when=move || { let p = progress.get(); p.answered < p.visible }>
            <p class="notice-inline">{t!(i18n, review.incomplete)}</p>
        </Show>
        {parts}
        <nav class="step-nav" aria-label=move || t_string!(i18n, nav_label).to_string()>
            <A href=Route::Part(PartId::ALL[PartId::ALL.len() - 1]).href() attr:class="button secondary">{t!(i18n, review.previous)}</A>
            <A href=Route::Results.href() attr:class="button primary">{t!(i18n, review.see_results)}</A>
        </nav>
    }
}
