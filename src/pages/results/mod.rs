//! The results page: everything `assess` returns, in plain language — the measures that
//! suit the plant (ranked, with reasons, examples, cost class and first step), where the
//! enterprise stands on the seed study's path, readiness along the audit steps, the
//! motivation profile, and where to get help.

mod charts;
mod contents;
mod duty;
mod figures;
mod input;
mod measures;
mod standing;
mod summary;

use leptos::prelude::*;
use leptos_router::components::A;

use cp_assessment::answers::Answers;
use cp_assessment::assess::GlanceTexts;
use cp_assessment::figures::FigureTexts;
use cp_assessment::regulation::Regulation;

use self::contents::{contents, register_section};
use self::input::Input;
use crate::components::export::ExportPanel;
use crate::components::heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;
use crate::state::{use_app, AppState};
use crate::I18n;

/// The results' parts, top to bottom (closed set; see [`Results`] for how they appear).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Section {
    /// The summary that fits one phone screen, with the one next step.
    Glance,
    /// Date, profile line, print button, the notice that the results are provisional,
    /// and the page's contents.
    ReportHeader,
    /// The options of the register, when it has any: the report's second page.
    Register,
    /// What waste costs the plant and where it stands against its sector's levels.
    Figures,
    /// The eight option categories ranked, with reasons, examples, cost class, first step.
    Measures,
    /// "Do now" and "needs a feasibility study".
    ActionPlan,
    /// "Must we audit?": China's rules for a mandatory audit checked against the answers.
    Duty,
    /// Where the enterprise stands between a report written only to comply and CP built
    /// into decisions.
    Engagement,
    /// Readiness along the seven audit steps.
    Readiness,
    /// The motivation profile (economic, environmental-policy, social drivers).
    Motivation,
    /// Where to get help.
    Help,
    /// Downloads and share link.
    Export,
}

/// Every section, in page order.
const SECTIONS: [Section; 12] = [
    Section::Glance,
    Section::ReportHeader,
    Section::Register,
    Section::Figures,
    Section::Measures,
    Section::ActionPlan,
    Section::Duty,
    Section::Engagement,
    Section::Readiness,
    Section::Motivation,
    Section::Help,
    Section::Export,
];

/// How many sections render with the page, before its first paint: what a phone's screen
/// shows first (the summary, then the header and the contents).
const FIRST_PAINT_SECTIONS: usize = 2;

/// Route `/results`.
///
/// The sections appear one by one: the first [`FIRST_PAINT_SECTIONS`] with the page, then,
/// after its first paint, each further one in a task of its own, so that a phone can paint
/// and respond in between (docs/performance.md). The sections' wrapper carries
/// `aria-busy="true"` until the last one is there; printing shows them all at once
/// (`beforeprint`).
#[component]
pub fn Results() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let assessment = app.assessment_memo();
    // China's audit rules, parsed here rather than with the content: only this page reads
    // them. `None` if they could not be read, and the sections that need them are left out.
    let rules = Memo::new(move |_| {
        app.with_content(|c| Regulation::load(&c.bank).ok())
            .flatten()
    });
    // The figures' words, likewise only this page's.
    let figure_texts = Memo::new(move |_| FigureTexts::load(app.language.get()).ok());
    let glance_texts = Memo::new(move |_| GlanceTexts::load(app.language.get()).ok());
    let answered = Memo::new(move |_| !app.answers.with(Answers::is_empty));
    let shown = RwSignal::new(FIRST_PAINT_SECTIONS);
    leptos::task::spawn_local(async move {
        crate::browser::after_next_paint().await;
        // Stops when the page is gone (the signal disposed) or every section is shown.
        while shown
            .try_update(|n| {
                let more = *n < SECTIONS.len();
                if more {
                    *n += 1;
                }
                more
            })
            .unwrap_or(false)
        {
            crate::browser::next_task().await;
        }
    });
    // Printing (the Print button or the browser's own) shows every section at once, even
    // in the moment before the later ones have appeared.
    let print_all = window_event_listener_untyped("beforeprint", move |_| {
        shown.try_set(SECTIONS.len());
    });
    on_cleanup(move || print_all.remove());
    let section = move |s: Section| {
        move || {
            assessment.with(|a| {
                let a = a.as_ref()?;
                rules.with(|rules| {
                    figure_texts.with(|figure_texts| {
                        glance_texts.with(|glance_texts| {
                            app.answers.with(|answers| {
                                app.with_content(|c| {
                                    let input = Input {
                                        c,
                                        rules: rules.as_ref(),
                                        figure_texts: figure_texts.as_ref(),
                                        glance_texts: glance_texts.as_ref()?,
                                        a,
                                        answers,
                                        language: app.language.get(),
                                    };
                                    Some(section_view(i18n, app, &input, s))
                                })
                                .flatten()
                            })
                        })
                    })
                })
            })
        }
    };
    let body = move || {
        // Nothing answered: no ranking to show (it would only restate the defaults), but
        // the way in.
        if !answered.get() {
            let start = t_string!(i18n, welcome.start).to_string();
            return view! {
                <p data-testid="no-answers">{t!(i18n, results.no_answers)}</p>
                <A href=Route::first_part().href() attr:class="button primary">{start}</A>
            }
            .into_any();
        }
        view! {
            <div class="results" data-testid="results" aria-busy=move || (shown.get() < SECTIONS.len()).to_string()>
                <For each=move || SECTIONS[..shown.get().min(SECTIONS.len())].to_vec() key=|s| *s let:s>
                    {section(s)}
                </For>
            </div>
        }
        .into_any()
    };
    let heading = Signal::derive(move || t_string!(i18n, results.title).to_string());
    view! {
        <PageHeading text=heading />
        {body}
        <nav class="step-nav" aria-label=move || t_string!(i18n, nav_label).to_string()>
            <A href=Route::Review.href() attr:class="button secondary">
                {move || t_string!(i18n, results.review_link).to_string()}
            </A>
            <A href=Route::Register.href() attr:class="button secondary">
                {move || t_string!(i18n, register.title).to_string()}
            </A>
        </nav>
    }
}

/// One section of the results.
fn section_view(i18n: I18n, app: AppState, input: &Input, section: Section) -> AnyView {
    let Input {
        c,
        rules,
        a,
        answers,
        ..
    } = *input;
    match section {
        Section::ReportHeader => {
            let p = a.progress;
            let provisional = (p.answered < p.visible).then(|| {
                // Read here, in the view's reactive scope: `<A>` renders its children
                // untracked.
                let see_missing = t_string!(i18n, results.see_missing).to_string();
                view! {
                    <p class="notice-inline" data-testid="provisional">
                        {t_string!(i18n, results.provisional, answered = p.answered, visible = p.visible).to_string()}
                        <A href=Route::Review.href()>{see_missing}</A>
                    </p>
                }
            });
            view! {
                {summary::report_header(i18n, c, answers)}
                {provisional}
                {contents(i18n, input, app.register.with(|r| !r.options.is_empty()))}
            }
            .into_any()
        }
        Section::Glance => app
            .register
            .with(|r| summary::at_a_glance(input, input.glance_texts, r))
            .into_any(),
        Section::Register => register_section(i18n, app, input.glance_texts).into_any(),
        Section::Figures => input
            .figure_texts
            .map(|t| figures::figures_section(c, t, a, input.language, input.glance_texts))
            .into_any(),
        Section::Measures => measures::measures_section(
            i18n,
            c,
            a,
            summary::measures_conclusion(i18n, c, a, answers, input.glance_texts),
            &input.glance_texts.get("reasons", &[]),
        )
        .into_any(),
        Section::ActionPlan => measures::action_plan_section(i18n, c, a).into_any(),
        Section::Engagement => {
            standing::engagement_section(i18n, c, a, input.glance_texts).into_any()
        }
        Section::Duty => rules
            .map(|r| duty::duty_section(i18n, c, r, answers, input.glance_texts))
            .into_any(),
        Section::Readiness => view! {
            {standing::readiness_section(i18n, c, a, input.glance_texts)}
            {rules.map(|r| duty::chapters_view(i18n, c, r, answers, input.glance_texts))}
        }
        .into_any(),
        Section::Motivation => {
            standing::motivation_section(i18n, c, a, input.glance_texts).into_any()
        }
        Section::Help => view! {
            <section aria-labelledby="help-h">
                <h2 id="help-h">{t_string!(i18n, results.help_heading).to_string()}</h2>
                <p>{c.texts.help.clone()}</p>
                {rules.and_then(|r| cp_assessment::assess::local_help(c, r, answers)).map(|h| view! { <p data-testid="help-china">{h.to_owned()}</p> })}
            </section>
        }
        .into_any(),
        Section::Export => view! {
            <ExportPanel />
            <h2 class="appendix-heading print-only">{input.glance_texts.get("appendix", &[])}</h2>
        }
        .into_any(),
    }
}
