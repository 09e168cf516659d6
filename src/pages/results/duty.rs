//! "Must we audit?" and the audit report's chapters: the check of China's rules for a
//! mandatory CP audit, with its sources and the "not legal advice" line, and where each
//! chapter's required contents stand.

use leptos::prelude::*;

use cp_assessment::answers::Answers;
use cp_assessment::assess::{audit_duty, chapter_gaps, ChapterCount};
use cp_assessment::content::Content;
use cp_assessment::regulation::{Regulation, SourceStatus};

use cp_assessment::assess::GlanceTexts;

use super::contents::detail;
use crate::i18n::t_string;
use crate::I18n;

/// The current calendar year, for the five-year repeat of an audit.
fn this_year() -> i32 {
    // A calendar year fits an i32 exactly.
    js_sys::Date::new_0().get_full_year() as i32
}

/// The check: conclusion, triggers met, what to find out, deadlines, penalty, sector,
/// sources with their status, and the "not legal advice" line.
pub fn duty_section(
    i18n: I18n,
    c: &Content,
    rules: &Regulation,
    answers: &Answers,
    texts: &GlanceTexts,
) -> impl IntoView {
    let duty = audit_duty(c, rules, answers);
    let r = duty.report(rules, this_year());
    let status = r.status.map_or("none", |s| s.as_str());
    let list = |items: Vec<String>, testid: &'static str| {
        (!items.is_empty()).then(|| {
            view! {
                <ul data-testid=testid>
                    {items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                </ul>
            }
        })
    };
    let heading_of =
        |text: String, items: &[&str]| (!items.is_empty()).then(|| view! { <h3>{text}</h3> });
    let met_heading = heading_of(t_string!(i18n, results.duty_met).to_string(), &r.met);
    let find_heading = heading_of(
        t_string!(i18n, results.duty_find_out).to_string(),
        &r.to_find_out,
    );
    let clock_heading = (!r.clock.is_empty())
        .then(|| view! { <h3>{t_string!(i18n, results.duty_clock).to_string()}</h3> });
    let verified = t_string!(i18n, results.source_verified).to_string();
    let indicative = t_string!(i18n, results.source_indicative).to_string();
    let sources = (!r.sources.is_empty()).then(|| {
        let items = r
            .sources
            .iter()
            .map(|s| {
                let status = match s.status {
                    SourceStatus::Verified => verified.clone(),
                    SourceStatus::Indicative => indicative.clone(),
                };
                view! {
                    <li>
                        {format!("{} — {} ", s.citation, s.locator)}
                        <span class="source-status">{status}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t_string!(i18n, results.duty_sources).to_string()}</h3>
            <ul class="sources" data-testid="duty-sources">{items}</ul>
        }
    });
    let heading = t_string!(i18n, results.duty_heading).to_string();
    view! {
        <section aria-labelledby="duty-h" data-testid="duty" data-status=status>
            <h2 id="duty-h">{heading.clone()}</h2>
            <p class="stage conclusion" data-testid="duty-verdict"><strong>{r.title.to_owned()}</strong></p>
            <p class="conclusion">{r.text.to_owned()}</p>
            {detail(texts, heading, view! {
            {met_heading}
            {list(r.met.iter().map(|s| (*s).to_owned()).collect(), "duty-met")}
            {find_heading}
            {list(r.to_find_out.iter().map(|s| (*s).to_owned()).collect(), "duty-find-out")}
            {clock_heading}
            {list(r.clock.clone(), "duty-clock")}
            {r.penalty.map(|p| view! { <p data-testid="duty-penalty">{p.to_owned()}</p> })}
            {r.key_sector.map(|k| view! { <p>{k.to_owned()}</p> })}
            {sources}
            {r.not_legal_advice.map(|t| view! { <p class="source" data-testid="duty-not-legal-advice">{t.to_owned()}</p> })}
            })}
        </section>
    }
}

/// Where each chapter of the audit report stands; complete chapters in one line.
pub fn chapters_view(
    i18n: I18n,
    c: &Content,
    rules: &Regulation,
    answers: &Answers,
    texts: &GlanceTexts,
) -> impl IntoView {
    let chapters = chapter_gaps(c, rules, answers);
    let count = ChapterCount::of(&chapters);
    let items = chapters
        .iter()
        .map(|ch| {
            let text = if ch.complete() {
                t_string!(i18n, results.chapter_complete).to_string()
            } else {
                ch.sentences(c, rules).join(" ")
            };
            view! {
                <dt>{ch.title.clone()}</dt>
                <dd>{text}</dd>
            }
        })
        .collect_view();
    let heading = t_string!(i18n, results.chapters_heading).to_string();
    view! {
        <section aria-labelledby="chapters-h">
            <h2 id="chapters-h">{heading.clone()}</h2>
            <p class="conclusion">{t_string!(i18n, results.chapters_intro, complete = count.complete, missing = count.missing, of = count.of).to_string()}</p>
            {detail(texts, heading, view! { <dl class="chapters" data-testid="report-chapters">{items}</dl> })}
        </section>
    }
}
