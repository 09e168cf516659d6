//! One questionnaire part (`/part/1` … `/part/5`): its questions, progress, back and next.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::heading::PageHeading;
use crate::components::progress::ProgressBar;
use crate::components::question::QuestionField;
use crate::domain::bank::PartId;
use crate::pages::not_found::NotFound;
use crate::use_app;

/// Route `/part/:n`.
#[component]
pub fn QuestionnairePart() -> impl IntoView {
    let params = use_params_map();
    let part = Memo::new(move |_| {
        params
            .read()
            .get("n")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(PartId::from_number)
    });
    // Rebuilt only when the part changes, not on every answer.
    move || match part.get() {
        Some(p) => part_view(p).into_any(),
        None => NotFound().into_any(),
    }
}

fn part_view(part: PartId) -> impl IntoView {
    let app = use_app();
    let n = part.number();
    let count = PartId::ALL.len();
    let (title, intro, questions) = app.content.with_value(|c| {
        c.bank
            .part(part)
            .map(|p| (p.title.clone(), p.intro.clone(), p.questions.clone()))
            .unwrap_or_default()
    });
    let heading = format!("Part {n} of {count}: {title}");
    let part_progress =
        Signal::derive(move || app.content.with_value(|c| app.answers.with(|a| a.part_progress(&c.bank, part))));
    let total_progress = Signal::derive(move || app.assessment.with(|a| a.progress));
    let back = if n > 1 { format!("/part/{}", n - 1) } else { "/".to_owned() };
    let (next, next_label) = if n < count {
        (format!("/part/{}", n + 1), "Next part")
    } else {
        ("/review".to_owned(), "Review your answers")
    };
    view! {
        <PageHeading text=heading />
        <p class="lead">{intro}</p>
        <ProgressBar label="This part" progress=part_progress />
        <ProgressBar label="Whole questionnaire" progress=total_progress />
        <form class="questions" on:submit=|ev| ev.prevent_default()>
            {questions
                .into_iter()
                .map(|q| view! { <QuestionField question=q /> })
                .collect_view()}
        </form>
        <nav class="step-nav" aria-label="Questionnaire">
            <A href=back attr:class="button secondary">{if n > 1 { "Previous part" } else { "Back to start" }}</A>
            <A href=next attr:class="button primary">{next_label}</A>
        </nav>
    }
}
