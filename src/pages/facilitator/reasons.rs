//! The room's motivations in the shape of the seed study's "reasons cited" table, with
//! its chart, and how the room rated each reason (box plot).

use leptos::prelude::*;

use cp_assessment::content::Content;
use cp_assessment::vocabulary::Family;
use cp_assessment::workshop::Aggregate;

use super::spread::importance_spread;
use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::i18n::t_string;
use crate::I18n;

/// Enterprises interviewed in the seed study, the base of its "reasons cited" counts.
/// Source: [SEED] (cp-reference §4).
const SEED_ENTERPRISES: u32 = 30;

/// The room's motivations in the shape of the seed study's "reasons cited" table: family,
/// reason, participants rating it 4–5, beside the study's counts; then the ratings' spread.
pub fn reasons_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let named = t_string!(i18n, facilitator.named_not_counted).to_string();
    let seed_cell = |n: Option<u32>| n.map_or_else(|| named.clone(), |n| n.to_string());
    let mut family_seen: Option<Family> = None;
    let table_rows = a
        .reasons
        .iter()
        .map(|r| {
            let family = r.driver.family();
            // The family is named on its first row only, as in the study's table.
            let family_cell = if family_seen == Some(family) {
                String::new()
            } else {
                family_seen = Some(family);
                c.family_name(family).to_owned()
            };
            let room_cell = t_string!(
                i18n,
                facilitator.room_cell,
                strong = r.strong,
                rated = r.rated
            )
            .to_string();
            view! {
                <tr>
                    <td>{family_cell}</td>
                    <th scope="row">{c.driver_name(r.driver).to_owned()}</th>
                    <td>{room_cell}</td>
                    <td>{seed_cell(r.seed_citations)}</td>
                </tr>
            }
        })
        .collect_view();
    let chart_rows = a
        .reasons
        .iter()
        .map(|r| Row {
            label: c.driver_name(r.driver).to_owned(),
            bars: vec![
                Bar {
                    value: Some(r.strong as f64),
                    max: a.participants.max(1) as f64,
                    fill: Fill::Solid,
                    text: t_string!(
                        i18n,
                        facilitator.share_cell,
                        count = r.strong,
                        total = a.participants
                    )
                    .to_string(),
                },
                Bar {
                    value: r.seed_citations.map(f64::from),
                    max: f64::from(SEED_ENTERPRISES),
                    fill: Fill::Hatched,
                    text: r.seed_citations.map_or_else(
                        || named.clone(),
                        |n| {
                            t_string!(
                                i18n,
                                facilitator.share_cell,
                                count = n,
                                total = SEED_ENTERPRISES
                            )
                            .to_string()
                        },
                    ),
                },
            ],
            marked: false,
        })
        .collect();
    let room = t_string!(i18n, facilitator.series_room).to_string();
    let seed = t_string!(i18n, facilitator.series_seed).to_string();
    view! {
        <section aria-labelledby="fac-reasons-h">
            <h2 id="fac-reasons-h">{t_string!(i18n, facilitator.reasons_heading).to_string()}</h2>
            <p>{t_string!(i18n, facilitator.reasons_intro).to_string()}</p>
            // Four columns do not fit a phone: the table scrolls in its own region, never
            // the page.
            <div class="table-scroll" role="region" aria-labelledby="fac-reasons-caption" tabindex="0">
                <table class="fac-reasons" data-testid="reasons-table">
                    <caption id="fac-reasons-caption">{t_string!(i18n, facilitator.reasons_caption).to_string()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t_string!(i18n, facilitator.col_family).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.col_reason).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.col_room).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.col_seed).to_string()}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            <p class="source">{t_string!(i18n, facilitator.seed_source).to_string()}</p>
            <BarChart
                id="fac-reasons"
                caption=t_string!(i18n, facilitator.chart_reasons).to_string()
                legend=vec![
                    Series { name: room.clone(), fill: Fill::Solid },
                    Series { name: seed.clone(), fill: Fill::Hatched },
                ]
                columns=vec![room, seed]
                rows=chart_rows
                table_summary=t_string!(i18n, facilitator.charts_table).to_string()
                label_header=t_string!(i18n, facilitator.col_reason).to_string()
            />
            {importance_spread(i18n, c, a)}
        </section>
    }
}
