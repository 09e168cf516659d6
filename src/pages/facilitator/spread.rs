//! How the room is spread: a box plot per audit step (readiness 0–100) and per reason
//! (importance 1–5), drawn as SVG like the other charts, each with its data table.
//!
//! The geometry is a pure function ([`layout`]) tested natively; the five numbers come
//! from `cp_assessment::spread` through the aggregate.

use leptos::prelude::*;

use cp_assessment::content::Content;
use cp_assessment::spread::{figure, Spread};
use cp_assessment::workshop::Aggregate;

use crate::components::chart::WIDTH;
use crate::i18n::t_string;
use crate::I18n;

/// The values a box plot's axis runs over, and where its ticks are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// The lowest possible value, at the left end of the axis.
    pub low: f64,
    /// The highest possible value, at the right end.
    pub high: f64,
    /// Values with a tick label and a grid line.
    pub ticks: &'static [f64],
}

/// Readiness, 0 (not started) to 100 (in place), with the band limits' quarters as ticks.
const READINESS: Scale = Scale {
    low: 0.0,
    high: 100.0,
    ticks: &[0.0, 25.0, 50.0, 75.0, 100.0],
};

/// Importance on the 1–5 scale, every rating a tick.
const IMPORTANCE: Scale = Scale {
    low: 1.0,
    high: 5.0,
    ticks: &[1.0, 2.0, 3.0, 4.0, 5.0],
};

/// Left end of the axis: room for half of the first tick label.
const PLOT_LEFT: f64 = 12.0;
/// Length of the axis; the rest of the width holds the median's text, as the bar charts
/// keep theirs for the value.
const PLOT_WIDTH: f64 = 300.0;
/// Height of the tick labels' line above the first row.
const AXIS_HEIGHT: f64 = 22.0;
/// Space for a row's label line above its box, as in the bar charts.
const LABEL_HEIGHT: f64 = 18.0;
/// Height of a box.
const BOX_HEIGHT: f64 = 16.0;
/// Space between rows.
const ROW_GAP: f64 = 10.0;
/// Height of one row: label, box, gap.
const ROW_HEIGHT: f64 = LABEL_HEIGHT + BOX_HEIGHT + ROW_GAP;

impl Scale {
    /// Where `value` sits on the axis, clamped to its ends.
    pub fn x(&self, value: f64) -> f64 {
        let span = self.high - self.low;
        let share = if span > 0.0 {
            ((value - self.low) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        PLOT_LEFT + share * PLOT_WIDTH
    }
}

/// Geometry of one row's box plot, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub struct BoxGeometry {
    /// Top of the box (the row's label sits above it).
    pub top: f64,
    /// The five values' places on the axis: lowest, lower quartile, median, upper
    /// quartile, highest; `None` when nobody's value is known (an empty outline is drawn).
    pub x: Option<[f64; 5]>,
}

/// Lays out one row per spread, below the axis's tick labels.
pub fn layout(scale: Scale, spreads: &[Option<Spread>]) -> Vec<BoxGeometry> {
    spreads
        .iter()
        .enumerate()
        .map(|(i, spread)| BoxGeometry {
            top: AXIS_HEIGHT + i as f64 * ROW_HEIGHT + LABEL_HEIGHT,
            x: spread.map(|s| s.five().map(|v| scale.x(v))),
        })
        .collect()
}

/// A box plot with its data table.
///
/// - `id`: unique on the page; names the caption and the table's test id.
/// - `caption`: what the plot shows, also its accessible name.
/// - `label_header`: header of the table's first column.
/// - `rows`: each row's label and spread.
fn box_plot(
    i18n: I18n,
    id: &'static str,
    scale: Scale,
    caption: String,
    label_header: String,
    rows: Vec<(String, Option<Spread>)>,
) -> impl IntoView {
    let spreads: Vec<Option<Spread>> = rows.iter().map(|(_, s)| *s).collect();
    let boxes = layout(scale, &spreads);
    let height = AXIS_HEIGHT + rows.len() as f64 * ROW_HEIGHT - ROW_GAP;
    let caption_id = format!("{id}-caption");
    let (figure_label, svg_label, region_label) =
        (caption_id.clone(), caption_id.clone(), caption_id.clone());
    let help_id = format!("{id}-help");
    let svg_help = help_id.clone();
    let not_known = t_string!(i18n, facilitator.not_known).to_string();
    let text_x = PLOT_LEFT + PLOT_WIDTH + 10.0;
    let axis = scale
        .ticks
        .iter()
        .map(|&t| {
            let x = scale.x(t);
            view! {
                <text class="value" x=x y="13" text-anchor="middle">{figure(t)}</text>
                <line x1=x x2=x y1=AXIS_HEIGHT - 4.0 y2=height stroke="var(--line)" stroke-width="1" />
            }
        })
        .collect_view();
    let svg_rows = rows
        .iter()
        .zip(&boxes)
        .map(|((label, spread), b)| {
            let (top, bottom, middle) = (b.top, b.top + BOX_HEIGHT, b.top + BOX_HEIGHT / 2.0);
            let shape = match (b.x, spread) {
                (Some([min, q1, median, q3, max]), Some(s)) => {
                    let text = t_string!(i18n, room_view.median_cell, value = figure(s.median))
                        .to_string();
                    view! {
                        <line x1=min x2=max y1=middle y2=middle stroke="var(--ink)" stroke-width="1.5" />
                        <line x1=min x2=min y1=top + 3.0 y2=bottom - 3.0 stroke="var(--ink)" stroke-width="1.5" />
                        <line x1=max x2=max y1=top + 3.0 y2=bottom - 3.0 stroke="var(--ink)" stroke-width="1.5" />
                        <rect x=q1 y=top width=q3 - q1 height=BOX_HEIGHT fill="var(--bar)" fill-opacity="0.3" stroke="var(--bar)" stroke-width="2" />
                        <line x1=median x2=median y1=top - 3.0 y2=bottom + 3.0 stroke="var(--ink)" stroke-width="3.5" />
                        <text class="value" x=text_x y=bottom - 3.0>{text}</text>
                    }
                    .into_any()
                }
                _ => view! {
                    <rect class="unknown" x=PLOT_LEFT y=top width=PLOT_WIDTH height=BOX_HEIGHT />
                    <text class="value" x=text_x y=bottom - 3.0>{not_known.clone()}</text>
                }
                .into_any(),
            };
            view! {
                <g>
                    <text class="label" x="0" y=top - 5.0>{label.clone()}</text>
                    {shape}
                </g>
            }
        })
        .collect_view();
    let cell = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), figure);
    let body = rows
        .iter()
        .map(|(label, spread)| {
            let n = spread.map_or(0, |s| s.n);
            let five = spread.map_or([None; 5], |s| s.five().map(Some));
            let values = five
                .into_iter()
                .map(|v| view! { <td>{cell(v)}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{label.clone()}</th>
                    <td>{n.to_string()}</td>
                    {values}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart spread" id=id aria-labelledby=figure_label>
            <figcaption id=caption_id>{caption}</figcaption>
            <p class="help" id=help_id>{t_string!(i18n, room_view.how_to_read).to_string()}</p>
            <svg
                role="img"
                aria-labelledby=svg_label
                aria-describedby=svg_help
                viewBox=format!("0 0 {WIDTH} {height}")
                preserveAspectRatio="xMinYMin meet"
            >
                {axis}
                {svg_rows}
            </svg>
            <details class="chart-data">
                <summary>{t_string!(i18n, facilitator.charts_table).to_string()}</summary>
                // Seven columns do not fit a phone: the table scrolls in its own region.
                <div class="table-scroll" role="region" aria-labelledby=region_label tabindex="0">
                    <table class="fac-spread" data-testid=format!("{id}-table")>
                        <thead>
                            <tr>
                                <th scope="col">{label_header}</th>
                                <th scope="col">{t_string!(i18n, facilitator.series_participants).to_string()}</th>
                                <th scope="col">{t_string!(i18n, room_view.col_min).to_string()}</th>
                                <th scope="col">{t_string!(i18n, room_view.col_q1).to_string()}</th>
                                <th scope="col">{t_string!(i18n, room_view.col_median).to_string()}</th>
                                <th scope="col">{t_string!(i18n, room_view.col_q3).to_string()}</th>
                                <th scope="col">{t_string!(i18n, room_view.col_max).to_string()}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// Readiness per audit step: a box plot of the known step scores.
pub fn readiness_spread(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let rows = a
        .readiness_spread
        .iter()
        .map(|(step, spread)| (c.step_label(*step), *spread))
        .collect();
    box_plot(
        i18n,
        "fac-readiness-spread",
        READINESS,
        t_string!(i18n, room_view.readiness_caption).to_string(),
        t_string!(i18n, facilitator.col_step).to_string(),
        rows,
    )
}

/// Importance per reason: a box plot of the ratings of those who rated it.
pub fn importance_spread(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let rows = a
        .ratings
        .iter()
        .map(|(driver, ratings)| (c.driver_name(*driver).to_owned(), ratings.spread))
        .collect();
    box_plot(
        i18n,
        "fac-importance-spread",
        IMPORTANCE,
        t_string!(i18n, room_view.reasons_caption).to_string(),
        t_string!(i18n, facilitator.col_reason).to_string(),
        rows,
    )
}

#[cfg(test)]
mod tests {
    // Named from the crate: tests/architecture.rs reads `super` here as the page module,
    // which would close an import cycle through this page's sections.
    use crate::pages::facilitator::spread::*;

    fn spread(five: [f64; 5]) -> Option<Spread> {
        let [min, lower_quartile, median, upper_quartile, max] = five;
        Some(Spread {
            n: 5,
            min,
            lower_quartile,
            median,
            upper_quartile,
            max,
        })
    }

    #[test]
    fn values_sit_on_the_axis_in_proportion_and_clamped() {
        let end = PLOT_LEFT + PLOT_WIDTH;
        assert_eq!(READINESS.x(0.0), PLOT_LEFT);
        assert_eq!(READINESS.x(50.0), PLOT_LEFT + PLOT_WIDTH / 2.0);
        assert_eq!(READINESS.x(100.0), end);
        assert_eq!(IMPORTANCE.x(1.0), PLOT_LEFT);
        assert_eq!(IMPORTANCE.x(2.0), PLOT_LEFT + PLOT_WIDTH / 4.0);
        assert_eq!(IMPORTANCE.x(-7.0), PLOT_LEFT, "clamped");
        assert_eq!(IMPORTANCE.x(f64::INFINITY), end, "clamped");
        let flat = Scale {
            low: 3.0,
            high: 3.0,
            ticks: &[],
        };
        assert_eq!(
            flat.x(3.0),
            PLOT_LEFT,
            "an empty scale never divides by zero"
        );
        // The median's text fits to the right of the axis.
        assert!(end + 10.0 + 80.0 <= WIDTH);
    }

    #[test]
    fn rows_stack_below_the_axis_and_unknown_rows_have_no_box() {
        let l = layout(READINESS, &[spread([0.0, 25.0, 40.0, 62.5, 100.0]), None]);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].top, AXIS_HEIGHT + LABEL_HEIGHT);
        assert_eq!(l[1].top, l[0].top + ROW_HEIGHT);
        assert!(
            l[1].top - LABEL_HEIGHT >= l[0].top + BOX_HEIGHT,
            "no overlap"
        );
        let x = l[0].x.unwrap_or_else(|| panic!("a known row has a box"));
        assert_eq!(x[2], PLOT_LEFT + 0.4 * PLOT_WIDTH);
        assert!(x.windows(2).all(|w| w[0] <= w[1]), "{x:?}");
        assert_eq!(l[1].x, None);
    }
}
