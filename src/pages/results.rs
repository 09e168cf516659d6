//! The results page: everything `assess` returns, in plain language — the measures that
//! suit the plant (ranked, with reasons, examples, cost class and first step), where the
//! enterprise stands on the seed study's path, readiness along the audit steps, the
//! motivation profile, and where to get help.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::heading::PageHeading;
use crate::domain::assess::{Assessment, MeasureFit, Reason};
use crate::domain::assess::readiness::MATURE_THRESHOLD;
use crate::domain::content::Content;
use crate::domain::vocabulary::{CostClass, Driver};
use crate::use_app;

/// How many measure categories are shown open; the rest are folded.
const OPEN_MEASURES: usize = 3;

/// Route `/results`.
#[component]
pub fn Results() -> impl IntoView {
    let app = use_app();
    let body = move || {
        app.assessment.with(|a| app.content.with_value(|c| results_view(c, a)))
    };
    view! {
        <PageHeading text="Your results" />
        {body}
        <nav class="step-nav" aria-label="Questionnaire">
            <A href="/review" attr:class="button secondary">"Review your answers"</A>
        </nav>
    }
}

fn results_view(c: &Content, a: &Assessment) -> impl IntoView {
    let p = a.progress;
    let provisional = (p.answered < p.visible).then(|| {
        view! {
            <p class="notice-inline" data-testid="provisional">
                {format!(
                    "Provisional: you have answered {} of {} questions. Unanswered questions are left out, so the results are less certain. ",
                    p.answered, p.visible,
                )}
                <A href="/review">"See what is missing"</A>
            </p>
        }
    });
    view! {
        {provisional}
        {measures_section(c, a)}
        {engagement_section(c, a)}
        {readiness_section(c, a)}
        {motivation_section(a)}
        <section aria-labelledby="help-h">
            <h2 id="help-h">"Where to get help"</h2>
            <p>{c.texts.help.clone()}</p>
        </section>
    }
}

fn measures_section(c: &Content, a: &Assessment) -> impl IntoView {
    let sector = a
        .sector
        .and_then(|s| c.bank.question("sector").and_then(|q| q.option(s.as_str())))
        .map_or_else(|| "any factory (sector not given)".to_owned(), |o| o.label.clone());
    let items = a
        .measures
        .iter()
        .map(|m| {
            let body = measure_body(c, m);
            let title = c.category(m.category).map(|i| i.name.clone()).unwrap_or_default();
            let summary = format!("{}. {title} — fit {} of 100", m.rank, m.score);
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
            <h2 id="measures-h">"Measures that suit your plant"</h2>
            <p>
                "The eight kinds of Cleaner Production measures (UNEP/UNIDO), ranked by how well they fit your answers. Fit runs from 0 to 100. "
                {format!("Examples are for: {sector}.")}
            </p>
            <ol class="measures">{items}</ol>
        </section>
    }
}

fn cost_text(class: CostClass) -> &'static str {
    match class {
        CostClass::NoLow => "No/low cost: do now",
        CostClass::MediumHigh => "Medium/high cost: needs a feasibility study",
    }
}

fn reasons_list(reasons: &[Reason]) -> impl IntoView {
    reasons
        .iter()
        .map(|r| {
            let evidence = r
                .evidence
                .iter()
                .map(|e| format!("\u{201c}{}\u{201d} — {}", e.question, e.answer))
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <li>
                    {r.text.clone()}
                    <span class="evidence">{format!(" You answered: {evidence}.")}</span>
                </li>
            }
        })
        .collect_view()
}

fn measure_body(c: &Content, m: &MeasureFit) -> impl IntoView {
    let info = c.category(m.category);
    let definition = info.map(|i| i.definition.clone()).unwrap_or_default();
    let payback = info.map(|i| i.payback.clone()).unwrap_or_default();
    let examples = m
        .examples
        .iter()
        .map(|e| view! { <li>{e.clone()}</li> })
        .collect_view();
    let raised = (!m.raised_by.is_empty()).then(|| {
        view! {
            <h4>"Why it suits you"</h4>
            <ul class="reasons raised">{reasons_list(&m.raised_by)}</ul>
        }
    });
    let lowered = (!m.lowered_by.is_empty()).then(|| {
        view! {
            <h4>"What speaks against it"</h4>
            <ul class="reasons lowered">{reasons_list(&m.lowered_by)}</ul>
        }
    });
    view! {
        <div class="fit-bar" aria-hidden="true"><span style=format!("width:{}%", m.score)></span></div>
        <p class="cost">
            <strong>{cost_text(m.cost_class)}</strong>
            {format!(" · typical payback {payback}")}
        </p>
        <p>{definition}</p>
        {raised}
        {lowered}
        <h4>"Examples for your sector"</h4>
        <ul>{examples}</ul>
        <p class="first-step"><strong>"First step: "</strong>{m.first_step.clone()}</p>
    }
}

fn engagement_section(c: &Content, a: &Assessment) -> impl IntoView {
    let stage = c.stage(a.engagement).cloned();
    view! {
        <section aria-labelledby="stage-h">
            <h2 id="stage-h">"Where you stand"</h2>
            {stage.map(|s| view! {
                <p class="stage" data-testid="engagement-stage">
                    <strong>{format!("{} — {}", s.code, s.title)}</strong>
                </p>
                <p>{s.description}</p>
                <p><strong>"Your next move: "</strong>{s.next_move}</p>
            })}
            <p class="source">
                "The path — A: a report without an audit; B2: an audit without measures; B1-a: measures, then CP fades to a vague idea; B1-b: CP built into decisions — is what a study of enterprises in Jiangsu found when agencies required CP audits."
            </p>
        </section>
    }
}

fn readiness_label(score: Option<u8>) -> String {
    match score {
        None => "Not known".to_owned(),
        Some(s) if s >= MATURE_THRESHOLD => format!("{s} of 100 — in place"),
        Some(0) => "0 of 100 — not started".to_owned(),
        Some(s) => format!("{s} of 100 — partly in place"),
    }
}

fn readiness_section(c: &Content, a: &Assessment) -> impl IntoView {
    let r = &a.readiness;
    let rows = r
        .steps
        .iter()
        .map(|s| {
            let current = s.step == r.current_step;
            view! {
                <tr class:current=current>
                    <th scope="row">{format!("{}. {}", s.step.number(), s.step.name())}</th>
                    <td>
                        <div class="fit-bar small" aria-hidden="true">
                            <span style=format!("width:{}%", s.score.unwrap_or(0))></span>
                        </div>
                        {readiness_label(s.score)}
                        {current.then_some(" (your current step)")}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let overall = r
        .overall
        .map_or_else(|| "not known yet".to_owned(), |o| format!("{o} of 100"));
    let current = r.current_step;
    let advice = c.step_advice(current).unwrap_or_default().to_owned();
    let next = r.next_step.map(|n| {
        view! { <p>{format!("After that: step {}, {}.", n.number(), n.name())}</p> }
    });
    view! {
        <section aria-labelledby="readiness-h">
            <h2 id="readiness-h">"Readiness for a CP audit"</h2>
            <p data-testid="readiness-overall">{format!("Overall readiness: {overall}.")}</p>
            <p data-testid="current-step">
                <strong>{format!("Your current step: {}. {}", current.number(), current.name())}</strong>
                {format!(" — {advice}")}
            </p>
            {next}
            <table class="readiness">
                <caption>"Readiness per audit step (0 = not started, 100 = in place)"</caption>
                <thead><tr><th scope="col">"Audit step"</th><th scope="col">"Readiness"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

fn motivation_section(a: &Assessment) -> impl IntoView {
    let m = &a.motivation;
    let lead = m.leading_family.map(|f| {
        view! {
            <p data-testid="leading-family">
                {format!("What moves you most: {} reasons.", f.name().to_lowercase())}
                " The enterprises in the seed study were also moved mainly by economic reasons, with environmental protection a secondary benefit."
            </p>
        }
    });
    let families = m
        .families
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{f.family.name()}</th>
                    <td>{f.score.map_or_else(|| "Not rated".to_owned(), |s| format!("{s} of 100"))}</td>
                </tr>
            }
        })
        .collect_view();
    let drivers = m
        .drivers
        .iter()
        .map(|d| {
            let cited = d
                .driver
                .seed_citations()
                .map_or_else(|| "named, not counted".to_owned(), |n| n.to_string());
            view! {
                <tr>
                    <th scope="row">{d.driver.name()}</th>
                    <td>{d.driver.family().name()}</td>
                    <td>{d.importance.map_or_else(|| "Not rated".to_owned(), |v| format!("{v} of 5"))}</td>
                    <td>{cited}</td>
                </tr>
            }
        })
        .collect_view();
    let strong: Vec<&str> = m.strong_drivers.iter().map(|d: &Driver| d.name()).collect();
    view! {
        <section aria-labelledby="motivation-h">
            <h2 id="motivation-h">"What moves you"</h2>
            {lead}
            {(!strong.is_empty()).then(|| view! { <p>{format!("Your strongest reasons: {}.", strong.join(", "))}</p> })}
            <table>
                <caption>"Importance per family of reasons (0–100)"</caption>
                <thead><tr><th scope="col">"Family"</th><th scope="col">"Score"</th></tr></thead>
                <tbody>{families}</tbody>
            </table>
            <table>
                <caption>"Your rating of each reason, beside how often enterprises in the Jiangsu study cited it"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Reason"</th>
                        <th scope="col">"Family"</th>
                        <th scope="col">"Your rating"</th>
                        <th scope="col">"Times cited in the study"</th>
                    </tr>
                </thead>
                <tbody>{drivers}</tbody>
            </table>
        </section>
    }
}
