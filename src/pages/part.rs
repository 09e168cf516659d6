//! One questionnaire part (`/part/1` … `/part/5`): its questions, progress, back and next.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::heading::PageHeading;
use crate::components::progress::ProgressBar;
use crate::components::question::QuestionField;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::use_app;
use cp_assessment::bank::PartId;

/// Route `/part/:n`.
#[component]
pub fn QuestionnairePart() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let part = Memo::new(move |_| {
        params
            .read()
            .get("n")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(PartId::from_number)
    });
    // Rebuilt when the part or the language changes, never on an answer.
    move || {
        app.language.track();
        match part.get() {
            Some(p) => part_view(p).into_any(),
            None => NotFound().into_any(),
        }
    }
}

fn part_view(part: PartId) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let n = part.number();
    let count = PartId::ALL.len();
    let (title, intro, questions) = app
        .with_content_untracked(|c| {
            c.bank
                .part(part)
                .map(|p| (p.title.clone(), p.intro.clone(), p.questions.clone()))
        })
        .flatten()
        .unwrap_or_default();
    let heading = Signal::derive(move || {
        t_string!(
            i18n,
            part.heading,
            n = n,
            count = count,
            title = title.clone()
        )
        .to_string()
    });
    // Memos: each progress bar reads its figures three times (text, max, value), and an
    // answer should count them once.
    let part_progress = Memo::new(move |_| {
        app.with_content_untracked(|c| app.answers.with(|a| a.part_progress(&c.bank, part)))
            .unwrap_or_default()
    });
    let total_progress = Memo::new(move |_| app.progress().unwrap_or_default());
    show_where_left_off(part);
    let back = Route::before(part).href();
    let next = Route::after(part).href();
    view! {
        <PageHeading text=heading />
        <p class="lead">{intro}</p>
        // A part whose questions are all optional (last year's figures) has nothing to count.
        {move || (part_progress.get().visible > 0).then(|| view! {
            <ProgressBar
                id="progress-part"
                label=Signal::derive(move || t_string!(i18n, part.progress_part).to_string())
                progress=part_progress
            />
        })}
        <ProgressBar
            id="progress-total"
            label=Signal::derive(move || t_string!(i18n, part.progress_total).to_string())
            progress=total_progress
        />
        <form class="questions" on:submit=|ev| ev.prevent_default()>
            {questions
                .into_iter()
                .map(|q| view! { <QuestionField question=q /> })
                .collect_view()}
        </form>
        // Follow-ups appear as answers are given and are easy to pass by: a part begun says
        // what is still open before the way on.
        {move || {
            let p = part_progress.get();
            (p.answered > 0 && p.answered < p.visible).then(|| {
                let first = app
                    .with_content(|c| app.answers.with(|a| a.resume_question(&c.bank, part).map(|q| q.text.clone())))
                    .flatten()
                    .unwrap_or_default();
                view! {
                    <p class="hint" data-testid="part-open">
                        {t_string!(i18n, part.open, count = p.visible - p.answered, question = first).to_string()}
                    </p>
                }
            })
        }}
        <nav class="step-nav" aria-label=move || t_string!(i18n, nav_label).to_string()>
            <A href=back attr:class="button secondary">
                {if n > 1 { t!(i18n, part.previous).into_any() } else { t!(i18n, part.back_to_start).into_any() }}
            </A>
            <A href=next attr:class="button primary">
                {if n < count { t!(i18n, part.next).into_any() } else { t!(i18n, part.to_review).into_any() }}
            </A>
        </nav>
    }
}

/// Back in a part already begun ("Continue" on the welcome page, a reload), the view moves to
/// the first question still open instead of the top; a part not begun or complete keeps its
/// top. The heading keeps its focus, so a screen reader still announces the page; the view
/// moves after the first paint, once the heading has taken focus and scrolled to the top.
fn show_where_left_off(part: PartId) {
    let app = use_app();
    let target = app
        .with_content_untracked(|c| {
            app.answers.with_untracked(|a| {
                a.resume_question(&c.bank, part)
                    .map(|q| format!("q-{}", q.id))
            })
        })
        .flatten();
    let Some(id) = target else {
        return;
    };
    leptos::task::spawn_local(async move {
        crate::browser::after_next_paint().await;
        let question = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        if let Some(q) = question {
            q.scroll_into_view();
        }
    });
}
