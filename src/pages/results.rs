//! The results page: everything `assess` returns, in plain language — the measures that
//! suit the plant (ranked, with reasons, examples, cost class and first step), where the
//! enterprise stands on the seed study's path, readiness along the audit steps, the
//! motivation profile, and where to get help.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::route_href;
use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::components::exchange::ExportPanel;
use crate::components::heading::PageHeading;
use cp_assessment::answers::{Answer, Answers};
use cp_assessment::assess::readiness::MATURE_THRESHOLD;
use cp_assessment::assess::ACTION_PLAN_MIN_FIT;
use cp_assessment::assess::{Assessment, MeasureFit, Reason};
use cp_assessment::content::Content;
use cp_assessment::vocabulary::{CostClass, Driver, Family};
use crate::i18n::{t, t_string, use_i18n};
use crate::{use_app, I18n};

/// How many measure categories are shown open; the rest are folded.
const OPEN_MEASURES: usize = 3;

/// The results' parts, top to bottom (closed set; see [`Results`] for how they appear).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Section {
    /// Date, profile line, print button, and the notice that the results are provisional.
    ReportHeader,
    /// Where the enterprise stands, the best fits and the next step, in one box.
    InShort,
    /// The eight option categories ranked, with reasons, examples, cost class, first step.
    Measures,
    /// "Do now" and "needs a feasibility study".
    ActionPlan,
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
const SECTIONS: [Section; 9] = [
    Section::ReportHeader,
    Section::InShort,
    Section::Measures,
    Section::ActionPlan,
    Section::Engagement,
    Section::Readiness,
    Section::Motivation,
    Section::Help,
    Section::Export,
];

/// How many sections render with the page, before its first paint: what a phone's screen
/// shows first (the header and "In short"; the measures' chart fills the rest).
const FIRST_PAINT_SECTIONS: usize = 2;

/// Route `/results`.
///
/// The sections appear one by one: the first [`FIRST_PAINT_SECTIONS`] with the page, then,
/// after its first paint, each further one in a task of its own. Rendered in one go, the
/// whole results took one task of 480–940 ms on a phone's CPU (4× slowdown), during which
/// the page could neither paint nor respond (docs/performance.md). The sections' wrapper
/// carries `aria-busy="true"` until the last one is there, about a second later at most;
/// printing shows them all at once (`beforeprint`).
#[component]
pub fn Results() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let assessment = app.assessment_memo();
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
                app.answers
                    .with(|answers| app.with_content(|c| section_view(i18n, c, a, answers, s)))
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
                <A href=route_href("/part/1") attr:class="button primary">{start}</A>
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
            <A href=route_href("/review") attr:class="button secondary">
                {move || t_string!(i18n, results.review_link).to_string()}
            </A>
        </nav>
    }
}

/// One section of the results.
fn section_view(
    i18n: I18n,
    c: &Content,
    a: &Assessment,
    answers: &Answers,
    section: Section,
) -> AnyView {
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
                        <A href=route_href("/review")>{see_missing}</A>
                    </p>
                }
            });
            view! { {report_header(i18n, c, answers)} {provisional} }.into_any()
        }
        Section::InShort => in_short(i18n, c, a).into_any(),
        Section::Measures => measures_section(i18n, c, a).into_any(),
        Section::ActionPlan => action_plan_section(i18n, c, a).into_any(),
        Section::Engagement => engagement_section(i18n, c, a).into_any(),
        Section::Readiness => readiness_section(i18n, c, a).into_any(),
        Section::Motivation => motivation_section(i18n, c, a).into_any(),
        Section::Help => view! {
            <section aria-labelledby="help-h">
                <h2 id="help-h">{t_string!(i18n, results.help_heading).to_string()}</h2>
                <p>{c.texts.help.clone()}</p>
            </section>
        }
        .into_any(),
        Section::Export => view! { <ExportPanel /> }.into_any(),
    }
}

fn measures_section(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let sector = a
        .sector
        .and_then(|s| c.bank.question("sector").and_then(|q| q.option(s.as_str())))
        .map_or_else(
            || t_string!(i18n, results.any_factory).to_string(),
            |o| o.label.clone(),
        );
    let items = a
        .measures
        .iter()
        .map(|m| {
            let body = measure_body(i18n, c, m);
            let title = c.category(m.category).map(|i| i.name.clone()).unwrap_or_default();
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

fn reasons_list(i18n: I18n, reasons: &[Reason]) -> impl IntoView {
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
                    <span class="evidence">{t_string!(i18n, results.you_answered, evidence = evidence).to_string()}</span>
                </li>
            }
        })
        .collect_view()
}

fn measure_body(i18n: I18n, c: &Content, m: &MeasureFit) -> impl IntoView {
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
            <h4>{t_string!(i18n, results.why_it_suits).to_string()}</h4>
            <ul class="reasons raised">{reasons_list(i18n, &m.raised_by)}</ul>
        }
    });
    let lowered = (!m.lowered_by.is_empty()).then(|| {
        view! {
            <h4>{t_string!(i18n, results.speaks_against).to_string()}</h4>
            <ul class="reasons lowered">{reasons_list(i18n, &m.lowered_by)}</ul>
        }
    });
    let open = (!m.open_questions.is_empty()).then(|| {
        let separator = if c.bank.language.starts_with("zh") {
            "；"
        } else {
            "; "
        };
        let list = m
            .open_questions
            .iter()
            .map(|q| format!("\u{201c}{q}\u{201d}"))
            .collect::<Vec<_>>()
            .join(separator);
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
        {raised}
        {lowered}
        {open}
        <h4>{t_string!(i18n, results.examples_heading).to_string()}</h4>
        <ul>{examples}</ul>
        <p class="first-step">
            <strong>{t_string!(i18n, results.first_step).to_string()}</strong>
            {m.first_step.clone()}
        </p>
    }
}

fn engagement_section(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let stage = c.stage(a.engagement).cloned();
    view! {
        <section aria-labelledby="stage-h">
            <h2 id="stage-h">{t_string!(i18n, results.stage_heading).to_string()}</h2>
            {stage.map(|s| view! {
                <p class="stage" data-testid="engagement-stage">
                    <strong>{format!("{} — {}", s.code, s.title)}</strong>
                </p>
                <p>{s.description}</p>
                <p><strong>{t_string!(i18n, results.next_move).to_string()}</strong>{s.next_move}</p>
            })}
            <p class="source">{t_string!(i18n, results.stage_source).to_string()}</p>
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

fn readiness_section(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let r = &a.readiness;
    let rows = r
        .steps
        .iter()
        .map(|s| {
            let current = s.step == r.current_step;
            view! {
                <tr class:current=current>
                    <th scope="row">{format!("{}. {}", s.step.number(), c.step_name(s.step))}</th>
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
    view! {
        <section aria-labelledby="readiness-h">
            <h2 id="readiness-h">{t_string!(i18n, results.readiness_heading).to_string()}</h2>
            <p data-testid="readiness-overall">{t_string!(i18n, results.overall, value = overall).to_string()}</p>
            <p data-testid="current-step">
                <strong>
                    {t_string!(i18n, results.current_step, n = current.number(), name = c.step_name(current)).to_string()}
                </strong>
                {format!(" — {advice}")}
            </p>
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
        </section>
    }
}

fn motivation_section(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let m = &a.motivation;
    let not_rated = t_string!(i18n, results.not_rated).to_string();
    let lead = m.leading_family.map(|f| {
        view! {
            <p data-testid="leading-family">
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
    let separator = if c.bank.language.starts_with("zh") {
        "、"
    } else {
        ", "
    };
    view! {
        <section aria-labelledby="motivation-h">
            <h2 id="motivation-h">{t_string!(i18n, results.motivation_heading).to_string()}</h2>
            {lead}
            {(!strong.is_empty()).then(|| {
                let text = t_string!(i18n, results.strongest, list = strong.join(separator)).to_string();
                view! { <p>{text}</p> }
            })}
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
        </section>
    }
}

/// Today's local date in ISO 8601's calendar form, `YYYY-MM-DD` (e.g. "2026-11-29"),
/// which readers of both languages know. Not the browser's long, language-specific form
/// (`toLocaleDateString`): its first use loads the browser's locale data, about 110 ms of
/// the results page's first render at 4× CPU slowdown (docs/performance.md).
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Date, profile line and the print button, at the top of the results (and of the report).
fn report_header(i18n: I18n, c: &Content, answers: &Answers) -> impl IntoView {
    let bank = &c.bank;
    let profile: Vec<String> = ["sector", "staff", "ownership", "main_products"]
        .iter()
        .filter_map(|id| {
            let q = bank.question(id)?;
            answers
                .counted(bank, id)
                .filter(|a| **a != Answer::Unknown)
                .map(|a| bank.describe(q, a))
        })
        .collect();
    let separator = if bank.language.starts_with("zh") {
        "；"
    } else {
        " · "
    };
    let date = t_string!(i18n, results.report_meta, date = today()).to_string();
    let profile = (!profile.is_empty()).then(|| {
        let text = t_string!(i18n, results.profile, profile = profile.join(separator)).to_string();
        view! { <p class="profile" data-testid="profile">{text}</p> }
    });
    view! {
        <div class="report-header">
            <p class="report-date">{date}</p>
            {profile}
            <button type="button" class="secondary no-print" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    // Printing unavailable (e.g. a kiosk) simply does nothing.
                    let _ = w.print();
                }
            }>
                {t_string!(i18n, results.print).to_string()}
            </button>
        </div>
    }
}

/// "Do now" and "needs a feasibility study", as CP audits split the options.
fn action_plan_section(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let (now, study) = a.action_plan();
    let list = |items: Vec<&MeasureFit>| {
        if items.is_empty() {
            return view! { <p>{t_string!(i18n, results.action_empty).to_string()}</p> }.into_any();
        }
        let rows = items
            .into_iter()
            .map(|m| {
                let name = c
                    .category(m.category)
                    .map(|i| i.name.clone())
                    .unwrap_or_default();
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
        </section>
    }
}

/// The three charts, each with its data table.
fn readiness_chart(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let unknown = t_string!(i18n, results.not_known_short).to_string();
    let rows = a
        .readiness
        .steps
        .iter()
        .map(|s| Row {
            label: format!("{}. {}", s.step.number(), c.step_name(s.step)),
            bars: vec![Bar {
                value: s.score.map(f64::from),
                max: 100.0,
                fill: Fill::Solid,
                text: s.score.map_or_else(|| unknown.clone(), |v| v.to_string()),
            }],
            marked: s.step == a.readiness.current_step,
        })
        .collect();
    let series = t_string!(i18n, results.series_readiness).to_string();
    view! {
        <BarChart
            id="chart-readiness"
            caption=t_string!(i18n, results.chart_readiness).to_string()
            legend=vec![Series { name: series.clone(), fill: Fill::Solid }]
            columns=vec![series]
            rows=rows
            table_summary=t_string!(i18n, results.charts_table).to_string()
            label_header=t_string!(i18n, results.col_step).to_string()
        />
    }
}

fn motivation_chart(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let not_rated = t_string!(i18n, results.not_rated).to_string();
    let most_cited = Driver::ALL
        .iter()
        .filter_map(|d| d.seed_citations())
        .max()
        .unwrap_or(1);
    let rows = a
        .motivation
        .drivers
        .iter()
        .map(|d| Row {
            label: c.driver_name(d.driver).to_owned(),
            bars: vec![
                Bar {
                    value: d.importance.map(f64::from),
                    max: 5.0,
                    fill: Fill::Solid,
                    text: d
                        .importance
                        .map_or_else(|| not_rated.clone(), |v| v.to_string()),
                },
                Bar {
                    value: d.driver.seed_citations().map(f64::from),
                    max: f64::from(most_cited),
                    fill: Fill::Hatched,
                    text: d.driver.seed_citations().map_or_else(
                        || t_string!(i18n, results.named_not_counted).to_string(),
                        |n| n.to_string(),
                    ),
                },
            ],
            marked: false,
        })
        .collect();
    let rating = t_string!(i18n, results.series_rating).to_string();
    let cited = t_string!(i18n, results.series_cited).to_string();
    view! {
        <BarChart
            id="chart-motivation"
            caption=t_string!(i18n, results.chart_motivation).to_string()
            legend=vec![
                Series { name: rating.clone(), fill: Fill::Solid },
                Series { name: cited.clone(), fill: Fill::Hatched },
            ]
            columns=vec![rating, cited]
            rows=rows
            table_summary=t_string!(i18n, results.charts_table).to_string()
            label_header=t_string!(i18n, results.col_reason).to_string()
        />
    }
}

fn measures_chart(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let rows = a
        .measures
        .iter()
        .map(|m| {
            let (fill, text) = match m.cost_class {
                CostClass::NoLow => (
                    Fill::Solid,
                    t_string!(i18n, results.fit_cell_no_low, score = m.score).to_string(),
                ),
                CostClass::MediumHigh => (
                    Fill::Hatched,
                    t_string!(i18n, results.fit_cell_medium_high, score = m.score).to_string(),
                ),
            };
            Row {
                label: format!(
                    "{}. {}",
                    m.rank,
                    c.category(m.category)
                        .map(|i| i.name.clone())
                        .unwrap_or_default()
                ),
                bars: vec![Bar {
                    value: Some(f64::from(m.score)),
                    max: 100.0,
                    fill,
                    text,
                }],
                marked: false,
            }
        })
        .collect();
    view! {
        <BarChart
            id="chart-measures"
            caption=t_string!(i18n, results.chart_measures).to_string()
            legend=vec![
                Series { name: t_string!(i18n, results.series_fit_no_low).to_string(), fill: Fill::Solid },
                Series { name: t_string!(i18n, results.series_fit_medium_high).to_string(), fill: Fill::Hatched },
            ]
            columns=vec![t_string!(i18n, results.col_fit).to_string()]
            rows=rows
            table_summary=t_string!(i18n, results.charts_table).to_string()
            label_header=t_string!(i18n, results.col_reason).to_string()
        />
    }
}

/// One box that joins the three results a manager acts on: where they stand, the best
/// fits, and the single next step (the stage's next move, which already points the way
/// from the current position towards CP built into decisions).
fn in_short(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let stage = c.stage(a.engagement).cloned();
    let separator = &c.bank.words.list_separator;
    let top: Vec<String> = a
        .measures
        .iter()
        .take(3)
        .filter_map(|m| c.category(m.category).map(|i| i.name.clone()))
        .collect();
    let stage_line = stage.as_ref().map(|s| {
        t_string!(
            i18n,
            results.in_short_stage,
            stage = format!("{} — {}", s.code, s.title)
        )
        .to_string()
    });
    let step_line =
        stage.map(|s| t_string!(i18n, results.in_short_step, step = s.next_move).to_string());
    view! {
        <section class="in-short" aria-labelledby="in-short-h" data-testid="in-short">
            <h2 id="in-short-h">{t_string!(i18n, results.in_short).to_string()}</h2>
            <p>{stage_line}</p>
            <p>{t_string!(i18n, results.in_short_measure, list = top.join(separator)).to_string()}</p>
            <p><strong>{step_line}</strong></p>
        </section>
    }
}
