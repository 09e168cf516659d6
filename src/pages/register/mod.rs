//! The option register (`/register`): the options a plant takes from the advice into the
//! audit's later steps — screening, the feasibility study, implementation and follow-up —
//! with the summary to revisit each quarter, the effort × payback chart and the option
//! summary table of an audit report (方案汇总表), which is what prints.

mod edit;
mod fields;
mod option;
mod study;
mod table;

pub use self::edit::{add_option, currency};
pub use self::table::table_view;

use leptos::prelude::*;
use leptos_router::components::A;

use cp_assessment::exchange::register_csv;
use cp_assessment::register::{money, years, ChartPoint};
use cp_assessment::vocabulary::{Currency, MeasureCategory};

use self::fields::{category_choices, refusal, select};
use self::option::{OptionEditor, OPEN_UP_TO};
use crate::browser;
use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::components::heading::PageHeading;
use crate::components::print::PrintButton;
use crate::i18n::{t_string, use_i18n};
use crate::route::Route;
use crate::state::{use_app, AppState};
use crate::I18n;

/// Route `/register`.
#[component]
pub fn OptionRegister() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let heading = Signal::derive(move || t_string!(i18n, register.title).to_string());
    // Memos, so that an edit redraws the chart only when its figures change.
    let shown = Memo::new(move |_| currency(app));
    let points = Memo::new(move |_| app.register.with(|r| r.chart_points()));
    let ids = move || {
        app.register.with(|r| {
            r.options
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id, i + 1))
                .collect::<Vec<_>>()
        })
    };
    // A memo, so that the list is drawn again only when it empties or fills, never on an
    // edit (which would take the cursor out of the field being typed in).
    let empty = Memo::new(move |_| app.register.with(|r| r.is_empty()));
    let editors = move || {
        if empty.get() {
            return view! { <p data-testid="register-empty">{t_string!(i18n, register.empty).to_string()}</p> }.into_any();
        }
        view! {
            <ol class="option-list no-print">
                <For each=ids key=|(id, _)| *id let:((id, _))>
                    <OptionEditor
                        id=id
                        number=Memo::new(move |_| app.register.with(|r| r.options.iter().position(|o| o.id == id).map_or(0, |i| i + 1)))
                        open=app.register.with_untracked(|r| r.options.len() <= OPEN_UP_TO)
                    />
                </For>
            </ol>
        }
        .into_any()
    };
    view! {
        <PageHeading text=heading />
        // Who and when, for the printed table.
        <p class="report-date">{move || t_string!(i18n, results.report_meta, date = browser::today()).to_string()}</p>
        {move || {
            app.with_content(|c| app.answers.with(|a| c.profile_line(a)))
                .flatten()
                .map(|line| view! { <p class="profile">{t_string!(i18n, results.profile, profile = line).to_string()}</p> })
        }}
        <p class="no-print">{move || t_string!(i18n, register.intro).to_string()}</p>
        {move || summary_view(i18n, app)}
        {currency_view(i18n, app)}
        {editors}
        {add_own_view(i18n, app)}
        {move || chart_view(i18n, points.get(), shown.get())}
        {table_view(i18n, app, shown)}
        {actions_view(i18n, app)}
        <nav class="step-nav no-print" aria-label=move || t_string!(i18n, nav_label).to_string()>
            <A href=Route::Results.href() attr:class="button secondary">
                {move || t_string!(i18n, register.back).to_string()}
            </A>
        </nav>
    }
}

/// Where the options stand: bins, statuses, savings estimated and measured.
fn summary_view(i18n: I18n, app: AppState) -> impl IntoView {
    let today = browser::today();
    let s = app.register.with(|r| r.summary(&today));
    let total: usize = s.by_bin.iter().sum();
    let c = currency(app);
    let [unscreened, now, study, rejected] = s.by_bin;
    let [planned, progress, done, dropped] = s.by_status;
    view! {
        <section aria-labelledby="register-summary-h" data-testid="register-summary">
            <h2 id="register-summary-h">{t_string!(i18n, register.summary_heading).to_string()}</h2>
            <p>{t_string!(i18n, register.summary_bins, total = total, now = now, study = study, rejected = rejected, unscreened = unscreened).to_string()}</p>
            <p>{t_string!(i18n, register.summary_status, done = done, progress = progress, planned = planned, dropped = dropped, overdue = s.overdue).to_string()}</p>
            <p data-testid="register-savings">{if s.has_savings() {
                t_string!(i18n, register.summary_savings, estimated = money(s.estimated, c), estimated_done = money(s.estimated_done, c), measured = money(s.measured, c)).to_string()
            } else {
                t_string!(i18n, register.summary_no_savings).to_string()
            }}</p>
            <p class="hint no-print">{t_string!(i18n, register.revisit).to_string()}</p>
        </section>
    }
}

/// The currency of every amount, chosen once.
fn currency_view(i18n: I18n, app: AppState) -> impl IntoView {
    let choices = Signal::derive(move || {
        vec![
            ("cny", t_string!(i18n, register.currency_cny).to_string()),
            ("eur", t_string!(i18n, register.currency_eur).to_string()),
            ("usd", t_string!(i18n, register.currency_usd).to_string()),
        ]
    });
    view! {
        <div class="no-print">
            {select(
                "register-currency".to_owned(),
                Signal::derive(move || t_string!(i18n, register.currency).to_string()),
                choices,
                Signal::derive(move || currency(app).as_str()),
                move |v| {
                    if let Some(c) = Currency::from_id(&v) {
                        let _ = edit::change(app, |r| {
                            r.currency = Some(c);
                            Ok(())
                        });
                    }
                },
            )}
        </div>
    }
}

/// The form that adds an option typed by the manager.
fn add_own_view(i18n: I18n, app: AppState) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let category = RwSignal::new(MeasureCategory::Housekeeping);
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let categories = category_choices(app);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = title.get_untracked();
        match add_option(app, &typed, category.get_untracked()) {
            Ok(_) => {
                let number = app.register.with_untracked(|r| r.options.len());
                error.set(None);
                added.set(Some(
                    t_string!(
                        i18n,
                        register.added_note,
                        number = number,
                        title = typed.trim()
                    )
                    .to_string(),
                ));
                title.set(String::new());
            }
            Err(e) => {
                added.set(None);
                error.set(Some(refusal(i18n, &e)));
            }
        }
    };
    view! {
        <form class="add-option no-print" on:submit=submit data-testid="add-option">
            <h2>{move || t_string!(i18n, register.add_heading).to_string()}</h2>
            <div class="field">
                <label for="new-option-title">{move || t_string!(i18n, register.add_title).to_string()}</label>
                <input
                    id="new-option-title"
                    type="text"
                    prop:value=title
                    on:input=move |ev| title.set(event_target_value(&ev))
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby="new-option-error"
                />
                <p class="field-error" id="new-option-error" aria-live="polite">{move || error.get()}</p>
            </div>
            {select(
                "new-option-category".to_owned(),
                Signal::derive(move || t_string!(i18n, register.category).to_string()),
                categories,
                Signal::derive(move || category.get().as_str()),
                move |v| {
                    if let Some(m) = MeasureCategory::from_id(&v) {
                        category.set(m);
                    }
                },
            )}
            <button type="submit" class="primary">{move || t_string!(i18n, register.add_button).to_string()}</button>
            <p role="status" data-testid="added-note">{move || added.get()}</p>
        </form>
    }
}

/// A title shortened for a chart label.
fn short(title: &str) -> String {
    const MAX: usize = 48;
    if title.chars().count() > MAX {
        format!("{}…", title.chars().take(MAX - 1).collect::<String>())
    } else {
        title.to_owned()
    }
}

/// The effort × payback chart over the options with a study, with its data table.
fn chart_view(i18n: I18n, points: Vec<ChartPoint>, c: Currency) -> AnyView {
    if points.is_empty() {
        return view! {
            <section aria-labelledby="register-chart-h">
                <h2 id="register-chart-h">{t_string!(i18n, register.chart_heading).to_string()}</h2>
                <p>{t_string!(i18n, register.chart_none).to_string()}</p>
            </section>
        }
        .into_any();
    }
    let most = |f: fn(&ChartPoint) -> f64| points.iter().map(f).fold(0.0_f64, f64::max);
    let max_investment = most(|p| p.net_investment).max(1.0);
    let max_payback = most(|p| p.payback_years.unwrap_or(0.0)).max(10.0);
    let never = t_string!(i18n, register.never).to_string();
    let rows = points
        .iter()
        .map(|p| Row {
            label: format!("{}. {}", p.number, short(&p.title)),
            bars: vec![
                Bar {
                    value: Some(p.net_investment.max(0.0)),
                    max: max_investment,
                    fill: Fill::Hatched,
                    text: money(p.net_investment, c),
                },
                Bar {
                    value: p.payback_years,
                    max: max_payback,
                    fill: Fill::Solid,
                    text: p.payback_years.map_or_else(
                        || never.clone(),
                        |y| t_string!(i18n, register.years, years = years(y)).to_string(),
                    ),
                },
            ],
            marked: false,
        })
        .collect();
    let investment = t_string!(i18n, register.chart_investment, symbol = c.symbol()).to_string();
    let payback = t_string!(i18n, register.chart_payback).to_string();
    view! {
        <section aria-labelledby="register-chart-h" data-testid="register-chart">
            <h2 id="register-chart-h">{t_string!(i18n, register.chart_heading).to_string()}</h2>
            <BarChart
                id="chart-register"
                caption=t_string!(i18n, register.chart_caption).to_string()
                legend=vec![
                    Series { name: investment.clone(), fill: Fill::Hatched },
                    Series { name: payback.clone(), fill: Fill::Solid },
                ]
                columns=vec![investment, payback]
                rows=rows
                table_summary=t_string!(i18n, register.chart_table).to_string()
                label_header=t_string!(i18n, register.col_option).to_string()
            />
        </section>
    }
    .into_any()
}

/// Download as CSV, and print.
fn actions_view(i18n: I18n, app: AppState) -> impl IntoView {
    let failed = RwSignal::new(false);
    let download = move |_| {
        let c = currency(app);
        let csv = app.with_content_untracked(|content| {
            app.register.with_untracked(|r| register_csv(content, r, c))
        });
        let name = format!(
            "cp-option-register-{}.csv",
            app.identity.with_untracked(|i| i.short_id())
        );
        failed.set(
            csv.is_none_or(|csv| browser::download(&name, "text/csv;charset=utf-8", &csv).is_err()),
        );
    };
    view! {
        <div class="button-row no-print">
            <button type="button" class="secondary" on:click=download>
                {move || t_string!(i18n, register.download_csv).to_string()}
            </button>
            <PrintButton label=Signal::derive(move || t_string!(i18n, register.print).to_string()) class="secondary" />
            <Show when=move || failed.get()>
                <p class="field-error" role="alert">{t_string!(i18n, register.download_failed).to_string()}</p>
            </Show>
        </div>
    }
}
