//! The review page: every visible question with its answer, unanswered ones marked, and a
//! link back to each part.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::heading::PageHeading;
use crate::components::progress::ProgressBar;
use crate::domain::bank::PartId;
use crate::use_app;

/// Route `/review`.
#[component]
pub fn Review() -> impl IntoView {
    let app = use_app();
    let progress = Signal::derive(move || app.assessment.with(|a| a.progress));
    let parts = move || {
        app.content.with_value(|c| {
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
                                    .map(|a| q.describe(a));
                                let missing = answer.is_none() && !q.optional;
                                let shown = answer.unwrap_or_else(|| {
                                    if q.optional { "—".to_owned() } else { "Not answered yet".to_owned() }
                                });
                                view! {
                                    <dt>{q.text.clone()}</dt>
                                    <dd class:missing=missing>{shown}</dd>
                                }
                            })
                            .collect_view();
                        let n = pid.number();
                        view! {
                            <section class="review-part" aria-labelledby=format!("review-{n}")>
                                <h2 id=format!("review-{n}")>{format!("Part {n}: {}", p.title)}</h2>
                                <dl>{rows}</dl>
                                <A href=format!("/part/{n}") attr:class="button secondary">
                                    {format!("Change answers in part {n}")}
                                </A>
                            </section>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <PageHeading text="Review your answers" />
        <ProgressBar label="Whole questionnaire" progress=progress />
        <Show when=move || { let p = progress.get(); p.answered < p.visible }>
            <p class="notice-inline">
                "Some questions are not answered yet. You can still see your results; they will be less complete."
            </p>
        </Show>
        {parts}
        <nav class="step-nav" aria-label="Questionnaire">
            <A href="/part/5" attr:class="button secondary">"Previous part"</A>
            <A href="/results" attr:class="button primary">"See your results"</A>
        </nav>
    }
}
