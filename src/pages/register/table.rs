//! The option summary table of an audit report (方案汇总表), which is what the register
//! page prints: one row per option, its screening (with the reason a rejected one was
//! rejected), its figures and where it stands.

use leptos::prelude::*;

use cp_assessment::register::{money, years, Bin, Status};
use cp_assessment::vocabulary::{Currency, Language};

use crate::i18n::t_string;
use crate::state::AppState;
use crate::I18n;

/// The option summary table of an audit report (方案汇总表): every option, one row; a
/// row is redrawn only when what it shows changes.
pub fn table_view(i18n: I18n, app: AppState, shown: Memo<Currency>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let c = shown.get();
        let language = app.language.get();
        app.register.with(|r| {
            r.options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let f = o.figures();
                    let category = app
                        .with_content(|content| content.category_name(o.category).to_owned())
                        .unwrap_or_default();
                    let status = match o.status {
                        Status::Done(Some(m)) if language == Language::ZhCn => {
                            format!("{}（{}）", status_label(i18n, o.status.id()), money(m, c))
                        }
                        Status::Done(Some(m)) => {
                            format!("{} ({})", status_label(i18n, o.status.id()), money(m, c))
                        }
                        _ => status_label(i18n, o.status.id()),
                    };
                    let payback = f.as_ref().map(|f| {
                        f.payback_years.map_or_else(
                            || t_string!(i18n, register.never).to_string(),
                            |y| t_string!(i18n, register.years, years = years(y)).to_string(),
                        )
                    });
                    [
                        (i + 1).to_string(),
                        o.title.clone(),
                        category,
                        match &o.bin {
                            Bin::Rejected(reason) if !reason.is_empty() => {
                                format!("{} — {reason}", before_colon(&bin_label(i18n, o.bin.id())))
                            }
                            _ => before_colon(&bin_label(i18n, o.bin.id())),
                        },
                        f.as_ref()
                            .map(|f| money(f.net_investment, c))
                            .unwrap_or_default(),
                        f.as_ref().map(|f| money(f.annual, c)).unwrap_or_default(),
                        payback.unwrap_or_default(),
                        o.owner.clone(),
                        o.deadline.clone(),
                        status,
                    ]
                })
                .collect::<Vec<_>>()
        })
    });
    let head = move || {
        [
            t_string!(i18n, register.col_number).to_string(),
            t_string!(i18n, register.col_option).to_string(),
            t_string!(i18n, register.category).to_string(),
            t_string!(i18n, register.bin).to_string(),
            t_string!(i18n, register.net_investment).to_string(),
            t_string!(i18n, register.annual).to_string(),
            t_string!(i18n, register.payback).to_string(),
            t_string!(i18n, register.owner).to_string(),
            t_string!(i18n, register.deadline).to_string(),
            t_string!(i18n, register.status).to_string(),
        ]
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view()
    };
    view! {
        <section aria-labelledby="register-table-h" class="register-table">
            <h2 id="register-table-h">{move || t_string!(i18n, register.table_heading).to_string()}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="register-table-h">
                <table data-testid="register-table">
                    <thead><tr>{head}</tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() let:row>
                            <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A label's short form for the table: the words before its colon ("Do now").
fn before_colon(label: &str) -> String {
    label
        .split([':', '：'])
        .next()
        .unwrap_or(label)
        .trim()
        .to_owned()
}

/// A screening bin's name.
fn bin_label(i18n: I18n, id: &str) -> String {
    match id {
        "do_now" => t_string!(i18n, register.bin_do_now).to_string(),
        "feasibility_study" => t_string!(i18n, register.bin_feasibility_study).to_string(),
        "rejected" => t_string!(i18n, register.bin_rejected).to_string(),
        _ => t_string!(i18n, register.bin_not_screened).to_string(),
    }
}

/// A status's name.
fn status_label(i18n: I18n, id: &str) -> String {
    match id {
        "in_progress" => t_string!(i18n, register.status_in_progress).to_string(),
        "done" => t_string!(i18n, register.status_done).to_string(),
        "dropped" => t_string!(i18n, register.status_dropped).to_string(),
        _ => t_string!(i18n, register.status_planned).to_string(),
    }
}
