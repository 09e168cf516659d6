//! The measures that suit the plant: the eight categories ranked with their reasons,
//! examples, cost class and first step; and the action plan that splits them as audits do.

use leptos::prelude::*;

use cp_assessment::assess::{Assessment, MeasureFit, Reason, ACTION_PLAN_MIN_FIT};
use cp_assessment::content::Content;
use cp_assessment::labels::Joiner;
use cp_assessment::vocabulary::{CostClass, MeasureCategory};
use leptos_router::components::A;

use super::charts::measures_chart;
use crate::i18n::t_string;
use crate::pages::register::add_option;
use crate::route::Route;
use crate::state::use_app;
use crate::I18n;

/// How many measure categories are shown open; the rest are folded.
const OPEN_MEASURES: usize = 3;

/// The ranked categories, their chart and each one's reasons and examples.
pub fn measures_section(
    i18n: I18n,
    c: &Content,
    a: &Assessment,
    conclusion: impl IntoView,
    reasons_label: &str,
) -> impl IntoView {
    let sector = a.sector.and_then(|s| c.sector_name(s)).map_or_else(
        || t_string!(i18n, results.any_factory).to_string(),
        str::to_owned,
    );
    let items = a
        .measures
        .iter()
        .map(|m| {
            let body = measure_body(i18n, c, m, reasons_label);
            let title = c.category_name(m.category).to_owned();
            let summary = t_string!(i18n, results.fit_summary, rank = m.rank, name = title, score = m.score).to_string();
            let inner = if m.rank <= OPEN_MEASURES {
                view! { <h3>{summary}</h3> {body} }.into_any()
            } else {
                view! { <details><summary><h3 class="inline">{summary}</h3></summary>{body}</details> }.into_any()
            };
            view! {
                <li class="measure" data-testid=format!("measure-rank-{}", m.rank) data-category=m.category.as_str()>
                    {inner}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="measures-h">
            <h2 id="measures-h">{t_string!(i18n, results.measures_heading).to_string()}</h2>
            {conclusion}
            <p>
                {t_string!(i18n, results.measures_intro).to_string()}
                {t_string!(i18n, results.examples_for, sector = sector).to_string()}
            </p>
            {measures_chart(i18n, c, a)}
            <ol class="measures">{items}</ol>
        </section>
    }
}

fn cost_text(i18n: I18n, class: CostClass) -> String {
    match class {
        CostClass::NoLow => t_string!(i18n, results.cost_no_low).to_string(),
        CostClass::MediumHigh => t_string!(i18n, results.cost_medium_high).to_string(),
    }
}

fn reasons_list(i18n: I18n, c: &Content, reasons: &[Reason]) -> impl IntoView {
    reasons
        .iter()
        .map(|r| {
            let evidence = c.evidence_text(&r.evidence);
            view! {
                <li>
                    {r.text.clone()}
                    <span class="evidence">{t_string!(i18n, results.you_answered, evidence = evidence).to_string()}</span>
                </li>
            }
        })
        .collect_view()
}

fn measure_body(i18n: I18n, c: &Content, m: &MeasureFit, reasons_label: &str) -> impl IntoView {
    let info = c.category(m.category);
    let definition = info.map(|i| i.definition.clone()).unwrap_or_default();
    let payback = info.map(|i| i.payback.clone()).unwrap_or_default();
    let examples = m
        .examples
        .iter()
        .map(|e| example_item(i18n, e, m.category))
        .collect_view();
    let raised = (!m.raised_by.is_empty()).then(|| {
        view! {
            <h4>{t_string!(i18n, results.why_it_suits).to_string()}</h4>
            <ul class="reasons raised">{reasons_list(i18n, c, &m.raised_by)}</ul>
        }
    });
    let lowered = (!m.lowered_by.is_empty()).then(|| {
        view! {
            <h4>{t_string!(i18n, results.speaks_against).to_string()}</h4>
            <ul class="reasons lowered">{reasons_list(i18n, c, &m.lowered_by)}</ul>
        }
    });
    let open = (!m.open_questions.is_empty()).then(|| {
        let quoted: Vec<String> = m
            .open_questions
            .iter()
            .map(|q| Content::quoted(q))
            .collect();
        let list = c.join(&quoted, Joiner::Clauses);
        let text = t_string!(i18n, results.would_change, list = list).to_string();
        view! { <p class="open-questions">{text}</p> }
    });
    view! {
        <div class="fit-bar" aria-hidden="true"><span style:width=format!("{}%", m.score)></span></div>
        <p class="cost">
            <strong>{cost_text(i18n, m.cost_class)}</strong>
            {t_string!(i18n, results.payback, payback = payback).to_string()}
        </p>
        <p>{definition}</p>
        // The reasons are the longest part of a card: folded, so that a phone shows the
        // examples and the first step without scrolling past them (printed open).
        <details class="reasons-fold">
            <summary>{reasons_label.to_owned()}</summary>
            {raised}
            {lowered}
            {open}
        </details>
        <h4>{t_string!(i18n, results.examples_heading).to_string()}</h4>
        <ul>{examples}</ul>
        <p class="first-step">
            <strong>{t_string!(i18n, results.first_step).to_string()}</strong>
            {m.first_step.clone()}
        </p>
    }
}

/// A sector example with the button that puts it in the option register (once: when it is
/// there, the button says so and does nothing more).
fn example_item(i18n: I18n, example: &str, category: MeasureCategory) -> impl IntoView {
    let app = use_app();
    let title = example.to_owned();
    // A memo: every example's button reads it, and only a change of its own answer
    // should redraw it.
    let inside = {
        let title = title.clone();
        Memo::new(move |_| app.register.with(|r| r.has_title(&title)))
    };
    let add = move |_| {
        if !inside.get_untracked() {
            // A full register is said on the register page; here the button stays.
            let _ = add_option(app, &title, category);
        }
    };
    let text = move || {
        if inside.get() {
            format!("✓ {}", t_string!(i18n, register.added))
        } else {
            t_string!(i18n, register.add_example).to_string()
        }
    };
    view! {
        <li class="example">
            {example.to_owned()}
            " "
            <button type="button" class="secondary no-print" data-testid="add-example" aria-disabled=move || inside.get().then_some("true") on:click=add>
                {text}
                <span class="visually-hidden">{format!(": {example}")}</span>
            </button>
        </li>
    }
}

/// The link to the option register, with how many options it holds.
pub fn register_link(i18n: I18n) -> impl IntoView {
    let app = use_app();
    let count = move || app.register.with(|r| r.options.len());
    view! {
        <p class="no-print">
            {t_string!(i18n, register.open_intro).to_string()}
            " "
            <A href=Route::Register.href() attr:data-testid="register-link">
                {move || t_string!(i18n, register.open_link, count = count()).to_string()}
            </A>
        </p>
    }
}

/// "Do now" and "needs a feasibility study", as CP audits split the options.
pub fn action_plan_section(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let (now, study) = a.action_plan();
    let list = |items: Vec<&MeasureFit>| {
        if items.is_empty() {
            return view! { <p>{t_string!(i18n, results.action_empty).to_string()}</p> }.into_any();
        }
        let rows = items
            .into_iter()
            .map(|m| {
                let name = c.category_name(m.category).to_owned();
                view! {
                    <li>
                        <strong>{name}</strong>
                        {t_string!(i18n, results.score_paren, score = m.score).to_string()}
                        {m.first_step.clone()}
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{rows}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="plan-h" class="action-plan" data-testid="action-plan">
            <h2 id="plan-h">{t_string!(i18n, results.action_heading).to_string()}</h2>
            <p>{t_string!(i18n, results.action_intro, min = ACTION_PLAN_MIN_FIT).to_string()}</p>
            <h3>{t_string!(i18n, results.action_now).to_string()}</h3>
            {list(now)}
            <h3>{t_string!(i18n, results.action_study).to_string()}</h3>
            {list(study)}
            {register_link(i18n)}
        </section>
    }
}
