//! A small, generic horizontal bar chart drawn as SVG, with a data table as its text
//! alternative (WCAG 1.1.1) and a fill pattern per series so that meaning never rests on
//! colour alone (WCAG 1.4.1).
//!
//! The geometry is a pure function ([`layout`]) tested natively; the component only
//! renders it.

use leptos::prelude::*;

/// How a series is filled. Solid and hatched differ in shape as well as colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Solid fill in the brand colour.
    Solid,
    /// Diagonal hatching in a second colour.
    Hatched,
}

impl Fill {
    /// CSS class / pattern id suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Fill::Solid => "solid",
            Fill::Hatched => "hatched",
        }
    }
}

/// One bar of a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The value; `None` draws an empty dashed outline ("not known").
    pub value: Option<f64>,
    /// The value of a full-width bar (must be > 0).
    pub max: f64,
    /// Fill of this bar's series.
    pub fill: Fill,
    /// Text printed after the bar, e.g. "72" or "not known".
    pub text: String,
}

/// One row of the chart: a label and one bar per series.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Row label, e.g. an audit step name.
    pub label: String,
    /// One bar per series, in series order.
    pub bars: Vec<Bar>,
    /// Emphasised row (drawn with a marker and bold label), e.g. the current step.
    pub marked: bool,
}

/// A series, for the legend and the table header.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Name, e.g. "Your rating (1–5)".
    pub name: String,
    /// Its fill.
    pub fill: Fill,
}

/// Geometry of one bar, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub struct BarBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (0 for an unknown value).
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Where the value text starts.
    pub text_x: f64,
}

/// Chart width in SVG user units; the SVG scales to its container.
pub const WIDTH: f64 = 420.0;
/// Width of a full bar; the rest of the width holds the value text. Labels sit above the
/// bars on their own line, so long names (and Chinese) never squeeze the bars.
const BAR_AREA: f64 = 320.0;
/// Height of one bar.
const BAR_HEIGHT: f64 = 14.0;
/// Gap between the bars of one row.
const BAR_GAP: f64 = 3.0;
/// Space for a row's label line above its bars.
const LABEL_HEIGHT: f64 = 18.0;
/// Space between rows.
const ROW_GAP: f64 = 10.0;

/// Height of a row with `series` bars.
pub fn row_height(series: usize) -> f64 {
    LABEL_HEIGHT + series as f64 * (BAR_HEIGHT + BAR_GAP) + ROW_GAP
}

/// Lays out the bars of every row: row `i`, bar `j` sits below the row's label; its width
/// is `value / max` of the bar area, clamped to 0–100 %.
pub fn layout(rows: &[Row]) -> Vec<Vec<BarBox>> {
    let mut y = 0.0;
    rows.iter()
        .map(|row| {
            let top = y + LABEL_HEIGHT;
            y += row_height(row.bars.len());
            row.bars
                .iter()
                .enumerate()
                .map(|(j, bar)| {
                    let share = match bar.value {
                        Some(v) if bar.max > 0.0 => (v / bar.max).clamp(0.0, 1.0),
                        _ => 0.0,
                    };
                    let width = share * BAR_AREA;
                    BarBox {
                        x: 0.0,
                        y: top + j as f64 * (BAR_HEIGHT + BAR_GAP),
                        width,
                        height: BAR_HEIGHT,
                        text_x: width + 6.0,
                    }
                })
                .collect()
        })
        .collect()
}

/// A horizontal bar chart with legend and a data table.
///
/// - `id`: unique on the page; used for the caption, table and patterns.
/// - `caption`: what the chart shows (also the SVG's accessible name).
/// - `legend`: the fills used and what each means.
/// - `columns`: headers of the table's value columns, one per bar of a row.
/// - `rows`: the data.
/// - `table_summary`: label of the disclosure that shows the data table.
/// - `label_header`: header of the table's first column.
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    #[prop(into)] caption: String,
    legend: Vec<Series>,
    columns: Vec<String>,
    rows: Vec<Row>,
    #[prop(into)] table_summary: String,
    #[prop(into)] label_header: String,
) -> impl IntoView {
    let boxes = layout(&rows);
    let height = rows.iter().map(|r| row_height(r.bars.len())).sum::<f64>();
    let caption_id = format!("{id}-caption");
    let (figure_label, svg_label) = (caption_id.clone(), caption_id.clone());
    let hatch_id = format!("{id}-hatch");
    let hatch_url = format!("url(#{hatch_id})");
    let svg_rows = rows
        .iter()
        .zip(&boxes)
        .enumerate()
        .map(|(i, (row, bars))| {
            let label_y = bars.first().map_or(0.0, |b| b.y - 5.0);
            let bars = row
                .bars
                .iter()
                .zip(bars)
                .map(|(bar, b)| {
                    let fill = match bar.fill {
                        Fill::Solid => "var(--bar)".to_owned(),
                        Fill::Hatched => hatch_url.clone(),
                    };
                    let outline = bar.value.is_none().then(|| {
                        view! {
                            <rect class="unknown" x=b.x y=b.y width=BAR_AREA height=b.height />
                        }
                    });
                    view! {
                        <rect class=format!("bar {}", bar.fill.as_str()) x=b.x y=b.y width=b.width height=b.height fill=fill />
                        {outline}
                        <text class="value" x=b.text_x y=b.y + b.height - 3.0>{bar.text.clone()}</text>
                    }
                })
                .collect_view();
            view! {
                <g class:marked=row.marked data-row=i>
                    <text class="label" x="0" y=label_y>
                        {if row.marked { format!("▶ {}", row.label) } else { row.label.clone() }}
                    </text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    let legend = legend
        .iter()
        .map(|s| {
            view! {
                <li>
                    <span class=format!("swatch {}", s.fill.as_str()) aria-hidden="true"></span>
                    {s.name.clone()}
                </li>
            }
        })
        .collect_view();
    let header = columns
        .into_iter()
        .map(|c| view! { <th scope="col">{c}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|row| {
            let cells = row
                .bars
                .iter()
                .map(|b| view! { <td>{b.text.clone()}</td> })
                .collect_view();
            view! {
                <tr class:marked=row.marked>
                    <th scope="row">{row.label.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" id=id.clone() aria-labelledby=figure_label>
            <figcaption id=caption_id>{caption}</figcaption>
            <ul class="legend">{legend}</ul>
            <svg
                role="img"
                aria-labelledby=svg_label
                viewBox=format!("0 0 {WIDTH} {height}")
                preserveAspectRatio="xMinYMin meet"
            >
                <defs>
                    <pattern id=hatch_id width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="var(--hatch-bg)" />
                        <line x1="0" y1="0" x2="0" y2="6" stroke="var(--hatch)" stroke-width="3" />
                    </pattern>
                </defs>
                {svg_rows}
            </svg>
            <details class="chart-data">
                <summary>{table_summary}</summary>
                <table data-testid=format!("{id}-table")>
                    <thead>
                        <tr>
                            <th scope="col">{label_header}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: Option<f64>, max: f64) -> Bar {
        Bar {
            value,
            max,
            fill: Fill::Solid,
            text: String::new(),
        }
    }

    #[test]
    fn widths_are_proportional_and_clamped() {
        let rows = vec![
            Row {
                label: "a".into(),
                bars: vec![bar(Some(50.0), 100.0)],
                marked: false,
            },
            Row {
                label: "b".into(),
                bars: vec![bar(Some(150.0), 100.0), bar(None, 100.0)],
                marked: true,
            },
            Row {
                label: "c".into(),
                bars: vec![bar(Some(-3.0), 100.0), bar(Some(1.0), 0.0)],
                marked: false,
            },
        ];
        let l = layout(&rows);
        assert_eq!(l[0][0].width, BAR_AREA / 2.0);
        assert_eq!(l[1][0].width, BAR_AREA);
        assert_eq!(l[1][1].width, 0.0);
        assert_eq!(l[2][0].width, 0.0);
        assert_eq!(l[2][1].width, 0.0, "a zero max never divides by zero");
    }

    #[test]
    fn rows_stack_without_overlap() {
        let rows = vec![
            Row {
                label: "a".into(),
                bars: vec![bar(Some(1.0), 1.0), bar(Some(1.0), 1.0)],
                marked: false,
            },
            Row {
                label: "b".into(),
                bars: vec![bar(Some(1.0), 1.0)],
                marked: false,
            },
        ];
        let l = layout(&rows);
        let first_bottom = l[0][1].y + l[0][1].height;
        assert!(l[1][0].y > first_bottom + LABEL_HEIGHT - 1.0);
        assert!(l[0][1].y >= l[0][0].y + l[0][0].height);
    }
}
