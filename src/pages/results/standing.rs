//! Where the plant stands: its stage between a report written only to comply and CP
//! built into decisions, its readiness along the seven audit steps, and what motivates it.

use leptos::prelude::*;

use cp_assessment::assess::readiness::MATURE_THRESHOLD;
use cp_assessment::assess::Assessment;
use cp_assessment::content::Content;
use cp_assessment::labels::Joiner;
use cp_assessment::vocabulary::Family;

use cp_assessment::assess::GlanceTexts;

use super::charts::{motivation_chart, readiness_chart};
use super::contents::detail;
use crate::i18n::t_string;
use crate::I18n;

/// The engagement stage and, folded, what it means; its move is the summary's next step
/// once every audit step is in place, so it is not repeated here.
pub fn engagement_section(
    i18n: I18n,
    c: &Content,
    a: &Assessment,
    texts: &GlanceTexts,
) -> impl IntoView {
    let stage = c.stage(a.engagement).cloned();
    let label = c.stage_label(a.engagement);
    let heading = t_string!(i18n, results.stage_heading).to_string();
    view! {
        <section aria-labelledby="stage-h">
            <h2 id="stage-h">{heading.clone()}</h2>
            <p class="stage conclusion" data-testid="engagement-stage">
                <strong>{label}</strong>
            </p>
            {detail(texts, heading, view! {
                {stage.map(|s| view! { <p>{s.description}</p> })}
                <p class="source">{t_string!(i18n, results.stage_source).to_string()}</p>
            })}
        </section>
    }
}

fn readiness_label(i18n: I18n, score: Option<u8>) -> String {
    match score {
        None => t_string!(i18n, results.not_known).to_string(),
        Some(s) if s >= MATURE_THRESHOLD => {
            t_string!(i18n, results.in_place, value = s).to_string()
        }
        Some(0) => t_string!(i18n, results.not_started).to_string(),
        Some(s) => t_string!(i18n, results.partly, value = s).to_string(),
    }
}

/// Readiness per audit step: overall, the current step and its advice, chart and table.
pub fn readiness_section(
    i18n: I18n,
    c: &Content,
    a: &Assessment,
    texts: &GlanceTexts,
) -> impl IntoView {
    let r = &a.readiness;
    let rows = r
        .steps
        .iter()
        .map(|s| {
            let current = s.step == r.current_step;
            view! {
                <tr class:current=current>
                    <th scope="row">{c.step_label(s.step)}</th>
                    <td>
                        <div class="fit-bar small" aria-hidden="true">
                            <span style:width=format!("{}%", s.score.unwrap_or(0))></span>
                        </div>
                        {readiness_label(i18n, s.score)}
                        {current.then(|| t_string!(i18n, results.current_marker).to_string())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let overall = r.overall.map_or_else(
        || t_string!(i18n, results.not_known_yet).to_string(),
        |o| t_string!(i18n, results.of_100, value = o).to_string(),
    );
    let current = r.current_step;
    let advice = c.step_advice(current).unwrap_or_default().to_owned();
    let next = r.next_step.map(|n| {
        let text = t_string!(
            i18n,
            results.after_that,
            n = n.number(),
            name = c.step_name(n)
        )
        .to_string();
        view! { <p>{text}</p> }
    });
    let heading = t_string!(i18n, results.readiness_heading).to_string();
    view! {
        <section aria-labelledby="readiness-h">
            <h2 id="readiness-h">{heading.clone()}</h2>
            <p class="conclusion" data-testid="readiness-overall">{t_string!(i18n, results.overall, value = overall).to_string()}</p>
            <p class="conclusion" data-testid="current-step">
                <strong>
                    {t_string!(i18n, results.current_step, n = current.number(), name = c.step_name(current)).to_string()}
                </strong>
                {format!(" — {advice}")}
            </p>
            {detail(texts, heading, view! {
            {next}
            {readiness_chart(i18n, c, a)}
            <table class="readiness">
                <caption>{t_string!(i18n, results.readiness_caption).to_string()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t_string!(i18n, results.col_step).to_string()}</th>
                        <th scope="col">{t_string!(i18n, results.col_readiness).to_string()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            })}
        </section>
    }
}

/// The motivation profile: the leading family, the strongest reasons, table and chart.
pub fn motivation_section(
    i18n: I18n,
    c: &Content,
    a: &Assessment,
    texts: &GlanceTexts,
) -> impl IntoView {
    let m = &a.motivation;
    let not_rated = t_string!(i18n, results.not_rated).to_string();
    let lead = m.leading_family.map(|f| {
        view! {
            <p class="conclusion" data-testid="leading-family">
                {t_string!(i18n, results.leading_family, family = c.family_name(f)).to_string()}
                {if f == Family::Economic {
                    t_string!(i18n, results.seed_finding).to_string()
                } else {
                    t_string!(i18n, results.seed_finding_other).to_string()
                }}
            </p>
        }
    });
    let families = m
        .families
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{c.family_name(f.family).to_owned()}</th>
                    <td>
                        {f.score.map_or_else(|| not_rated.clone(), |s| t_string!(i18n, results.of_100, value = s).to_string())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let strong: Vec<&str> = m.strong_drivers.iter().map(|d| c.driver_name(*d)).collect();
    let heading = t_string!(i18n, results.motivation_heading).to_string();
    view! {
        <section aria-labelledby="motivation-h">
            <h2 id="motivation-h">{heading.clone()}</h2>
            {lead}
            {(!strong.is_empty()).then(|| {
                let text = t_string!(i18n, results.strongest, list = c.join(&strong, Joiner::Items)).to_string();
                view! { <p class="conclusion">{text}</p> }
            })}
            {detail(texts, heading, view! {
            <table>
                <caption>{t_string!(i18n, results.families_caption).to_string()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t_string!(i18n, results.col_family).to_string()}</th>
                        <th scope="col">{t_string!(i18n, results.col_score).to_string()}</th>
                    </tr>
                </thead>
                <tbody>{families}</tbody>
            </table>
            {motivation_chart(i18n, c, a)}
            })}
        </section>
    }
}
