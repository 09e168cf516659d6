//! The results' three charts, each with its data table (`BarChart`): readiness along the
//! audit steps, the motivation profile beside the seed study's counts, and the measures'
//! fit by cost class.

use leptos::prelude::*;

use cp_assessment::assess::Assessment;
use cp_assessment::content::Content;
use cp_assessment::vocabulary::{CostClass, Driver};

use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::i18n::t_string;
use crate::I18n;

/// Readiness per audit step, the current one marked.
pub fn readiness_chart(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
    let unknown = t_string!(i18n, results.not_known_short).to_string();
    let rows = a
        .readiness
        .steps
        .iter()
        .map(|s| Row {
            label: c.step_label(s.step),
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

/// Each driver's rating beside how often the seed study's enterprises cited it.
pub fn motivation_chart(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
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

/// Each category's fit, hatched for medium or high cost.
pub fn measures_chart(i18n: I18n, c: &Content, a: &Assessment) -> impl IntoView {
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
                label: format!("{}. {}", m.rank, c.category_name(m.category)),
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
            label_header=t_string!(i18n, results.col_measure).to_string()
        />
    }
}
