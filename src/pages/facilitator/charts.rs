//! The room's count charts: one bar per row, full width when everyone in the room counts.

use leptos::prelude::*;

use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::i18n::t_string;
use crate::I18n;

/// A count bar: full width = everyone in the room.
pub fn count_bar(count: usize, total: usize) -> Bar {
    Bar {
        value: Some(count as f64),
        max: total.max(1) as f64,
        fill: Fill::Solid,
        text: count.to_string(),
    }
}

/// A one-series chart of participant counts.
pub fn count_chart(
    i18n: I18n,
    id: &'static str,
    caption: String,
    label_header: String,
    rows: Vec<Row>,
) -> impl IntoView {
    let series = t_string!(i18n, facilitator.series_participants).to_string();
    view! {
        <BarChart
            id=id
            caption=caption
            legend=vec![Series { name: series.clone(), fill: Fill::Solid }]
            columns=vec![series]
            rows=rows
            table_summary=t_string!(i18n, facilitator.charts_table).to_string()
            label_header=label_header
        />
    }
}
