//! "What waste costs you, and where you stand": the cost of waste by cost category (a chart
//! with its table), water and energy per unit of product, and the sector's levels, from
//! the optional sixth part; or, without figures, the way to give them. The words come from
//! `content/<lang>/figures.json` (the domain's [`FiguresReport`]), not the UI strings,
//! so that this section adds nothing to the first load.

use leptos::prelude::*;
use leptos_router::components::A;

use cp_assessment::assess::Assessment;
use cp_assessment::bank::PartId;
use cp_assessment::benchmarks::Benchmarks;
use cp_assessment::content::Content;
use cp_assessment::figures::{FigureTexts, FiguresReport};
use cp_assessment::vocabulary::Language;

use cp_assessment::assess::GlanceTexts;

use super::contents::detail;
use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::route::Route;

/// The section, in `language`.
pub fn figures_section(
    c: &Content,
    texts: &FigureTexts,
    a: &Assessment,
    language: Language,
    glance: &GlanceTexts,
) -> AnyView {
    let heading = texts.get("heading", &[]);
    let (Some(figures), Some(benchmarks)) = (&a.figures, Benchmarks::shared()) else {
        let give = texts.get("give_figures", &[]);
        return view! {
            <section aria-labelledby="figures-h" class="no-print" data-testid="figures-none">
                <h2 id="figures-h">{heading}</h2>
                <p>{texts.get("nothing_given", &[])}</p>
                <A href=Route::Part(PartId::Figures).href()>{give}</A>
            </section>
        }
        .into_any();
    };
    let r = figures.report(texts, &c.bank, benchmarks, a.sector, language);
    view! {
        <section aria-labelledby="figures-h" data-testid="figures">
            <h2 id="figures-h">{heading.clone()}</h2>
            <p class="stage conclusion" data-testid="cost-of-waste"><strong>{r.total.clone()}</strong></p>
            {detail(glance, heading, view! {
            <p>{texts.get("intro", &[])}</p>
            {cost_chart(texts, &r)}
            {r.missing.clone().map(|m| view! { <p class="hint" data-testid="figures-missing">{m}</p> })}
            <p class="source">{r.reference.clone()}</p>
            {intensities(texts, &r)}
            {levels(texts, &r, figures.outside_china)}
            })}
        </section>
    }
    .into_any()
}

/// The cost of waste by ISO 14051 category; an unknown category is drawn as an empty
/// outline and said "not known" in the table.
fn cost_chart(texts: &FigureTexts, r: &FiguresReport) -> impl IntoView {
    let max = r
        .rows
        .iter()
        .filter_map(|row| row.amount)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let rows = r
        .rows
        .iter()
        .map(|row| Row {
            label: row.label.clone(),
            bars: vec![Bar {
                value: row.amount,
                max,
                fill: Fill::Solid,
                text: row.text.clone(),
            }],
            marked: false,
        })
        .collect();
    let series = texts.get("chart_series", &[]);
    view! {
        <BarChart
            id="chart-cost-of-waste"
            caption=texts.get("chart_caption", &[])
            legend=vec![Series { name: series.clone(), fill: Fill::Solid }]
            columns=vec![series]
            rows=rows
            table_summary=texts.get("chart_table", &[])
            label_header=texts.get("col_category", &[])
        />
    }
}

/// Water and energy per unit, energy in all, the yield.
fn intensities(texts: &FigureTexts, r: &FiguresReport) -> Option<impl IntoView> {
    (!r.intensities.is_empty()).then(|| {
        let items = r
            .intensities
            .iter()
            .map(|line| view! { <li>{line.clone()}</li> })
            .collect_view();
        view! {
            <h3>{texts.get("intensities_heading", &[])}</h3>
            <ul data-testid="intensities">{items}</ul>
        }
    })
}

/// The sector's levels: the table, how far level Ⅰ is, and the source; or why there are
/// none.
fn levels(texts: &FigureTexts, r: &FiguresReport, abroad: bool) -> impl IntoView {
    let body = if r.levels.is_empty() {
        view! { <p data-testid="no-levels">{r.no_levels.clone()}</p> }.into_any()
    } else {
        let rows = r
            .levels
            .iter()
            .map(|l| {
                let [one, two, three] = l.levels.clone();
                view! {
                    <tr class:current=l.lagging>
                        <th scope="row">{l.indicator.clone()}</th>
                        <td>{l.yours.clone()}</td>
                        <td>{one}</td>
                        <td>{two}</td>
                        <td>{three}</td>
                        <td><strong>{l.level.clone()}</strong></td>
                    </tr>
                }
            })
            .collect_view();
        let gaps = r
            .gaps
            .iter()
            .map(|g| view! { <p data-testid="level-gap">{g.clone()}</p> })
            .collect_view();
        view! {
            <p>{texts.get("levels_intro", &[])}</p>
            {abroad.then(|| view! { <p class="notice-inline">{texts.get("levels_abroad", &[])}</p> })}
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="levels-h">
                <table data-testid="levels">
                    <thead>
                        <tr>
                            <th scope="col">{texts.get("col_indicator", &[])}</th>
                            <th scope="col">{texts.get("col_yours", &[])}</th>
                            <th scope="col">{texts.get("level_i", &[])}</th>
                            <th scope="col">{texts.get("level_ii", &[])}</th>
                            <th scope="col">{texts.get("level_iii", &[])}</th>
                            <th scope="col">{texts.get("col_level", &[])}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {gaps}
            <p class="source">{r.source.clone()}</p>
        }
        .into_any()
    };
    view! {
        <h3 id="levels-h">{texts.get("levels_heading", &[])}</h3>
        {body}
    }
}
