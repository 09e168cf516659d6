//! The room's results: stages, readiness per audit step, motivations (`reasons`), the
//! measures most often in the top three, and the room by sector and size.

use leptos::prelude::*;

use cp_assessment::content::Content;
use cp_assessment::figures::FigureTexts;
use cp_assessment::vocabulary::{Language, Sector};
use cp_assessment::workshop::{Aggregate, SizeBand, SizeScheme};

use super::charts::{count_bar, count_chart};
use super::costs::costs_section;
use super::options::options_section;
use super::reasons::reasons_section;
use super::spread::readiness_spread;
use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::i18n::t_string;
use crate::I18n;

/// The room's results, shown once at least one participant is in.
pub fn results_view(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    view! {
        {stages_section(i18n, c, a)}
        {readiness_section(i18n, c, a)}
        {reasons_section(i18n, c, a)}
        {top3_section(i18n, c, a)}
        {profile_section(i18n, c, a)}
        {options_section(i18n, c, a)}
        {Language::from_id(&c.bank.language)
            .and_then(|l| FigureTexts::load(l).ok())
            .map(|texts| costs_section(&texts, a))}
    }
}

/// Participants per stage of the seed study's path.
fn stages_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let rows = a
        .stages
        .iter()
        .map(|(stage, n)| {
            let label = c.stage_label(*stage).unwrap_or_default();
            Row {
                label,
                bars: vec![count_bar(*n, a.participants)],
                marked: false,
            }
        })
        .collect();
    view! {
        <section aria-labelledby="fac-stages-h">
            <h2 id="fac-stages-h">{t_string!(i18n, facilitator.stages_heading).to_string()}</h2>
            <p>{t_string!(i18n, facilitator.stages_intro).to_string()}</p>
            <p data-testid="mandatory-audit">
                {t_string!(i18n, facilitator.mandatory_audit, count = a.mandatory_audit, total = a.participants).to_string()}
            </p>
            {count_chart(
                i18n,
                "fac-stages",
                t_string!(i18n, facilitator.chart_stages).to_string(),
                t_string!(i18n, facilitator.col_stage).to_string(),
                rows,
            )}
        </section>
    }
}

/// Mean readiness per audit step (chart), how the room is spread over the bands (table)
/// and its spread per step (box plot).
fn readiness_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let not_known = t_string!(i18n, facilitator.not_known).to_string();
    let step_label = |s: &cp_assessment::workshop::StepDistribution| c.step_label(s.step);
    let rows = a
        .readiness
        .iter()
        .map(|s| Row {
            label: step_label(s),
            bars: vec![Bar {
                value: s.mean.map(f64::from),
                max: 100.0,
                fill: Fill::Solid,
                text: s.mean.map_or_else(|| not_known.clone(), |m| m.to_string()),
            }],
            marked: false,
        })
        .collect();
    let series = t_string!(i18n, facilitator.series_mean).to_string();
    let table_rows = a
        .readiness
        .iter()
        .map(|s| {
            let cells = s
                .bands
                .iter()
                .map(|n| view! { <td>{n.to_string()}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{step_label(s)}</th>
                    {cells}
                    <td>{s.not_known.to_string()}</td>
                    <td>{s.mean.map_or_else(|| not_known.clone(), |m| m.to_string())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="fac-readiness-h">
            <h2 id="fac-readiness-h">{t_string!(i18n, facilitator.readiness_heading).to_string()}</h2>
            <BarChart
                id="fac-readiness"
                caption=t_string!(i18n, facilitator.chart_readiness).to_string()
                legend=vec![Series { name: series.clone(), fill: Fill::Solid }]
                columns=vec![series]
                rows=rows
                table_summary=t_string!(i18n, facilitator.charts_table).to_string()
                label_header=t_string!(i18n, facilitator.col_step).to_string()
            />
            <div class="table-scroll" role="region" aria-labelledby="fac-bands-caption" tabindex="0">
                <table class="fac-bands" data-testid="readiness-bands">
                    <caption id="fac-bands-caption">{t_string!(i18n, facilitator.bands_caption).to_string()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t_string!(i18n, facilitator.col_step).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.band_0).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.band_1).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.band_2).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.band_3).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.col_not_known).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.col_mean).to_string()}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            {readiness_spread(i18n, c, a)}
        </section>
    }
}

/// Measure categories most often among the participants' three best fits.
fn top3_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let rows = a
        .top3
        .iter()
        .map(|(category, n)| Row {
            label: c.category_name(*category).to_owned(),
            bars: vec![count_bar(*n, a.participants)],
            marked: false,
        })
        .collect();
    view! {
        <section aria-labelledby="fac-top3-h">
            <h2 id="fac-top3-h">{t_string!(i18n, facilitator.top3_heading).to_string()}</h2>
            {count_chart(
                i18n,
                "fac-top3",
                t_string!(i18n, facilitator.chart_top3).to_string(),
                t_string!(i18n, facilitator.col_category).to_string(),
                rows,
            )}
        </section>
    }
}

/// The name of a size band; its staff range depends on where the plant is and is said
/// under the chart.
fn size_label(i18n: I18n, band: Option<SizeBand>) -> String {
    match band {
        Some(SizeBand::Micro) => t_string!(i18n, facilitator.size_micro).to_string(),
        Some(SizeBand::Small) => t_string!(i18n, facilitator.size_small).to_string(),
        Some(SizeBand::Medium) => t_string!(i18n, facilitator.size_medium).to_string(),
        Some(SizeBand::Large) => t_string!(i18n, facilitator.size_large).to_string(),
        None => t_string!(i18n, facilitator.not_given).to_string(),
    }
}

/// The sector's label in the bank's "sector" question; "not given" for `None`.
fn sector_label(i18n: I18n, c: &Content, sector: Option<Sector>) -> String {
    sector.and_then(|s| c.sector_name(s)).map_or_else(
        || t_string!(i18n, facilitator.not_given).to_string(),
        str::to_owned,
    )
}

/// The room by sector and by size band.
fn profile_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    // Only the sectors present: twelve rows of mostly zeros would crowd the projector.
    let sector_rows = a
        .by_sector
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| Row {
            label: sector_label(i18n, c, *s),
            bars: vec![count_bar(*n, a.participants)],
            marked: false,
        })
        .collect();
    let size_rows = a
        .by_size
        .iter()
        .map(|(b, n)| Row {
            label: size_label(i18n, *b),
            bars: vec![count_bar(*n, a.participants)],
            marked: false,
        })
        .collect();
    view! {
        <section aria-labelledby="fac-profile-h">
            <h2 id="fac-profile-h">{t_string!(i18n, facilitator.profile_heading).to_string()}</h2>
            {count_chart(
                i18n,
                "fac-sector",
                t_string!(i18n, facilitator.chart_sector).to_string(),
                t_string!(i18n, facilitator.col_sector).to_string(),
                sector_rows,
            )}
            {count_chart(
                i18n,
                "fac-size",
                t_string!(i18n, facilitator.chart_size).to_string(),
                t_string!(i18n, facilitator.col_size).to_string(),
                size_rows,
            )}
            {a.size_schemes.iter().map(|s| {
                let note = match s {
                    SizeScheme::China => t_string!(i18n, facilitator.size_scheme_china).to_string(),
                    SizeScheme::Eu => t_string!(i18n, facilitator.size_scheme_eu).to_string(),
                };
                view! { <p class="source" data-testid="size-scheme">{note}</p> }
            }).collect_view()}
        </section>
    }
}
