//! What waste costs the room's plants: per currency, the sum and how the plants' costs are
//! spread, from the figures participants gave. The words come from
//! `content/<lang>/figures.json`, like the results' figures, not from the UI strings.

use leptos::prelude::*;

use cp_assessment::figures::FigureTexts;
use cp_assessment::register::money;
use cp_assessment::workshop::Aggregate;

/// The room's cost of waste, or that nobody gave figures.
pub fn costs_section(texts: &FigureTexts, a: &Aggregate) -> impl IntoView {
    let body = if a.cost_of_waste.is_empty() {
        view! { <p>{texts.get("room_none", &[])}</p> }.into_any()
    } else {
        let lines = a
            .cost_of_waste
            .iter()
            .map(|c| {
                let m = |v: f64| money(v, c.currency);
                let s = &c.spread;
                let currency = texts.get(&format!("currency_{}", c.currency.as_str()), &[]);
                let line = texts.get(
                    "room_line",
                    &[
                        ("n", &s.n.to_string()),
                        ("currency", &currency),
                        ("total", &m(c.total)),
                        ("median", &m(s.median)),
                        ("min", &m(s.min)),
                        ("max", &m(s.max)),
                    ],
                );
                let partial = (c.partial > 0)
                    .then(|| texts.get("room_partial", &[("n", &c.partial.to_string())]));
                view! { <p>{line} " " {partial}</p> }
            })
            .collect_view();
        let rows = a
            .cost_of_waste
            .iter()
            .map(|c| {
                let cells = [c.total, c.spread.min, c.spread.lower_quartile, c.spread.median, c.spread.upper_quartile, c.spread.max]
                    .map(|v| money(v, c.currency))
                    .into_iter()
                    .map(|v| view! { <td>{v}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{texts.get(&format!("currency_{}", c.currency.as_str()), &[])}</th>
                        <td>{c.spread.n}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let head = [
            "room_col_currency",
            "room_col_plants",
            "room_col_total",
            "room_col_min",
            "room_col_q1",
            "room_col_median",
            "room_col_q3",
            "room_col_max",
        ]
        .map(|k| texts.get(k, &[]))
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
        view! {
            {lines}
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="fac-costs-h">
                <table data-testid="room-costs-table">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="fac-costs-h" data-testid="room-costs">
            <h2 id="fac-costs-h">{texts.get("room_heading", &[])}</h2>
            {body}
        </section>
    }
}
