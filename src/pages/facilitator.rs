//! The facilitator page (`/facilitator`) of workshop mode: load many participants'
//! exports (files, drag-and-drop or share links) and show the room's results together —
//! engagement stages, readiness per audit step, motivations beside the seed study's
//! counts, the measures most often in the top three, and the room by sector and size —
//! with a CSV download, printing, and a QR code of the app's address for the projector.
//!
//! Everything stays in the browser: the room lives in a signal of this page only, is never
//! stored and is gone when the page is left. The counting is `domain::workshop`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::components::chart::{Bar, BarChart, Fill, Row, Series};
use crate::components::exchange::import_error_message;
use crate::components::file_drop::FileDropZone;
use crate::components::heading::PageHeading;
use crate::components::qr::QrCode;
use cp_assessment::content::Content;
use cp_assessment::exchange::{ImportError, MAX_IMPORT_BYTES};
use cp_assessment::vocabulary::{Family, Sector};
use cp_assessment::workshop::{aggregate, aggregate_csv, Aggregate, Refused, Room, SizeBand};
use crate::i18n::{t, t_string, use_i18n};
use crate::{use_app, I18n};

/// Enterprises interviewed in the seed study, the base of its "reasons cited" counts.
/// Source: [SEED] (cp-reference §4).
const SEED_ENTERPRISES: u32 = 30;

/// Route `/facilitator`: collects the room's responses and shows them together.
#[component]
pub fn Facilitator() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let room = RwSignal::new(Room::new());
    // Files being read right now (for the status line).
    let reading = RwSignal::new(0usize);
    // Share links added so far on this page, to name each one ("link 3").
    let links_added = StoredValue::new(0usize);
    let links_text = RwSignal::new(String::new());
    let download_failed = RwSignal::new(false);
    // Assessing every participant is the expensive part: once per change of the room.
    // The aggregate holds no names, so switching language does not recount.
    // How long the last aggregation took, in milliseconds (a diagnostic the tests read).
    let aggregate_ms = StoredValue::new(0.0f64);
    let totals = Memo::new(move |_| {
        let start = js_sys::Date::now();
        let totals = room.with(|r| app.with_content_untracked(|c| aggregate(c, &r.participants)));
        aggregate_ms.set_value(js_sys::Date::now() - start);
        totals
    });

    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        reading.update(|n| *n += files.len());
        spawn_local(async move {
            let count = files.len();
            let mut read: Vec<(String, Result<Vec<u8>, ImportError>)> = Vec::with_capacity(count);
            for file in files {
                let name = file.name();
                // Refused before reading when it is too large (as a single import is).
                let size = file.size() as usize;
                if size > MAX_IMPORT_BYTES {
                    read.push((name, Err(ImportError::TooLarge(size))));
                    continue;
                }
                let file = gloo_file::File::from(file);
                let bytes = gloo_file::futures::read_as_bytes(&file)
                    .await
                    .map_err(|_| ImportError::NotText);
                read.push((name, bytes));
            }
            // One update for the whole batch, so the room is counted once, not per file.
            // `try_`: the page may have been left while the files were read.
            room.try_update(|r| {
                app.with_content_untracked(|c| {
                    for (name, bytes) in &read {
                        match bytes {
                            Ok(bytes) => r.add_file(name, bytes, &c.bank),
                            Err(error) => r.refused.push(Refused {
                                source: name.clone(),
                                error: error.clone(),
                            }),
                        }
                    }
                });
            });
            reading.try_update(|n| *n = n.saturating_sub(count));
        });
    };

    let add_links = move |_| {
        let text = links_text.get_untracked();
        let links: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if links.is_empty() {
            return;
        }
        let first = links_added.get_value();
        links_added.set_value(first + links.len());
        room.update(|r| {
            app.with_content_untracked(|c| {
                for (i, link) in links.iter().enumerate() {
                    let source =
                        t_string!(i18n, facilitator.link_source, n = first + i + 1).to_string();
                    r.add_share_link(&source, link, &c.bank);
                }
            });
        });
        links_text.set(String::new());
    };
    let download_csv = move |_| {
        let csv = totals.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| app.with_content_untracked(|c| aggregate_csv(c, a)))
        });
        let now = browser::now_rfc3339();
        let date = now.get(..10).unwrap_or("room");
        download_failed.set(csv.is_none_or(|csv| {
            browser::download(
                &format!("cp-self-assessment-room-{date}.csv"),
                "text/csv;charset=utf-8",
                &csv,
            )
            .is_err()
        }));
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            // Printing unavailable (e.g. a kiosk) simply does nothing.
            let _ = w.print();
        }
    };

    let heading = Signal::derive(move || t_string!(i18n, facilitator.title).to_string());
    let url = browser::app_url();
    let qr_label = Signal::derive({
        let url = url.clone();
        move || t_string!(i18n, facilitator.qr_label, url = url.clone()).to_string()
    });
    let status = move || {
        let n = reading.get();
        (n > 0).then(|| t_string!(i18n, facilitator.reading, count = n).to_string())
    };
    let summary = move || room.with(|r| app.with_content(|c| room_summary(i18n, c, r)));
    let results = move || {
        totals.with(|a| {
            a.as_ref().filter(|a| a.participants > 0).map(|a| {
                view! {
                    <div data-testid="room-results" data-aggregate-ms=aggregate_ms.get_value().round()>
                        {app.with_content(|c| results_view(i18n, c, a))}
                    </div>
                }
            })
        })
    };

    view! {
        <PageHeading text=heading />
        <p class="lead">{t!(i18n, facilitator.intro)}</p>
        <p>{t!(i18n, facilitator.privacy)}</p>

        <section aria-labelledby="fac-join-h" class="fac-join">
            <h2 id="fac-join-h">{t!(i18n, facilitator.join_heading)}</h2>
            <p>{t!(i18n, facilitator.join_text)}</p>
            {move || view! { <QrCode text=url.clone() label=qr_label.get() /> }}
        </section>

        <section aria-labelledby="fac-load-h" class="fac-load no-print">
            <h2 id="fac-load-h">{t!(i18n, facilitator.load_heading)}</h2>
            <p id="fac-files-help">{t!(i18n, facilitator.files_help)}</p>
            <FileDropZone
                label=Signal::derive(move || t_string!(i18n, facilitator.choose).to_string())
                drop_text=Signal::derive(move || t_string!(i18n, facilitator.drop).to_string())
                help_id="fac-files-help"
                test_id="facilitator-drop-zone"
                multiple=true
                on_files=Callback::new(add_files)
            />
            <div class="fac-links">
                <label for="fac-links">{t!(i18n, facilitator.links_label)}</label>
                <p id="fac-links-help" class="help">{t!(i18n, facilitator.links_help)}</p>
                <textarea
                    id="fac-links"
                    class="no-print"
                    rows="4"
                    aria-describedby="fac-links-help"
                    prop:value=move || links_text.get()
                    on:input=move |ev| links_text.set(event_target_value(&ev))
                ></textarea>
                <button type="button" class="secondary no-print" on:click=add_links>
                    {t!(i18n, facilitator.add_links)}
                </button>
            </div>
            <p role="status" class="fac-status">{status}</p>
        </section>

        {summary}
        <div class="button-row no-print fac-actions">
            <button type="button" class="primary no-print" on:click=download_csv disabled=move || totals.with(|a| a.as_ref().is_none_or(|a| a.participants == 0))>
                {t!(i18n, facilitator.download_csv)}
            </button>
            <button type="button" class="secondary no-print" on:click=print>
                {t!(i18n, facilitator.print)}
            </button>
            <button type="button" class="secondary no-print" on:click=move |_| room.set(Room::new()) disabled=move || room.with(|r| r.participants.is_empty() && r.refused.is_empty() && r.duplicates.is_empty())>
                {t!(i18n, facilitator.clear)}
            </button>
        </div>
        <Show when=move || download_failed.get()>
            <p class="field-error no-print" role="alert">{t!(i18n, facilitator.download_failed)}</p>
        </Show>
        {results}

    }
}

/// The list separator of the content's language ("、" or ", ").
fn separator(c: &Content) -> &str {
    &c.bank.words.list_separator
}

/// Who is in the room: the count, the duplicates skipped and the files refused.
fn room_summary(i18n: I18n, c: &Content, room: &Room) -> impl IntoView {
    let count = room.participants.len();
    let duplicates = (!room.duplicates.is_empty()).then(|| {
        let text = t_string!(
            i18n,
            facilitator.duplicates,
            count = room.duplicates.len(),
            list = room.duplicates.join(separator(c))
        )
        .to_string();
        view! { <p data-testid="duplicates">{text}</p> }
    });
    let prefix = t_string!(i18n, import.refused).to_string();
    let refused = (!room.refused.is_empty()).then(|| {
        let items = room
            .refused
            .iter()
            .map(|r| {
                let message = import_error_message(i18n, c, &r.error);
                // "Nothing was changed." suits a single import, not a room being filled.
                let reason = message.strip_prefix(&prefix).unwrap_or(&message).to_owned();
                let text = t_string!(
                    i18n,
                    facilitator.refused_item,
                    source = r.source.clone(),
                    reason = reason
                )
                .to_string();
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! {
            <h3 id="fac-refused-h">
                {t_string!(i18n, facilitator.refused_heading, count = room.refused.len()).to_string()}
            </h3>
            <ul data-testid="refused-list" aria-labelledby="fac-refused-h" class="fac-refused">{items}</ul>
        }
    });
    let sources = (count > 0).then(|| {
        let items = room
            .participants
            .iter()
            .map(|p| view! { <li>{p.source.clone()}</li> })
            .collect_view();
        view! {
            <details class="fac-sources no-print">
                <summary>{t_string!(i18n, facilitator.sources_summary).to_string()}</summary>
                <ul>{items}</ul>
            </details>
        }
    });
    let count_text = if count == 0 {
        t_string!(i18n, facilitator.empty).to_string()
    } else {
        t_string!(i18n, facilitator.count, count = count).to_string()
    };
    view! {
        <section aria-labelledby="fac-room-h" class="fac-room">
            <h2 id="fac-room-h">{t_string!(i18n, facilitator.room_heading).to_string()}</h2>
            <p class="fac-count" data-testid="participant-count" data-count=count>
                <strong>{count_text}</strong>
            </p>
            {duplicates}
            {sources}
            {refused}
        </section>
    }
}

/// The room's results, shown once at least one participant is in.
fn results_view(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    view! {
        {stages_section(i18n, c, a)}
        {readiness_section(i18n, c, a)}
        {reasons_section(i18n, c, a)}
        {top3_section(i18n, c, a)}
        {profile_section(i18n, c, a)}
    }
}

/// A count bar: full width = everyone in the room.
fn count_bar(count: usize, total: usize) -> Bar {
    Bar {
        value: Some(count as f64),
        max: total.max(1) as f64,
        fill: Fill::Solid,
        text: count.to_string(),
    }
}

/// A one-series chart of participant counts.
fn count_chart(
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

/// Participants per stage of the seed study's path.
fn stages_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let rows = a
        .stages
        .iter()
        .map(|(stage, n)| {
            let label = c
                .stage(*stage)
                .map(|s| {
                    if s.code.is_empty() {
                        s.title.clone()
                    } else {
                        format!("{} — {}", s.code, s.title)
                    }
                })
                .unwrap_or_default();
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

/// Mean readiness per audit step (chart) and how the room is spread over the bands
/// (table).
fn readiness_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let not_known = t_string!(i18n, facilitator.not_known).to_string();
    let step_label = |s: &cp_assessment::workshop::StepDistribution| {
        format!("{}. {}", s.step.number(), c.step_name(s.step))
    };
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
        </section>
    }
}

/// The room's motivations in the shape of the seed study's "reasons cited" table: family,
/// reason, participants rating it 4–5, beside the study's counts.
fn reasons_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
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
        </section>
    }
}

/// Measure categories most often among the participants' three best fits.
fn top3_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let rows = a
        .top3
        .iter()
        .map(|(category, n)| Row {
            label: c
                .category(*category)
                .map(|i| i.name.clone())
                .unwrap_or_else(|| category.as_str().to_owned()),
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

/// The name of a size band with its staff range.
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
    sector
        .and_then(|s| {
            c.bank
                .question("sector")
                .and_then(|q| q.option(s.as_str()))
                .map(|o| o.label.clone())
        })
        .unwrap_or_else(|| t_string!(i18n, facilitator.not_given).to_string())
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
        </section>
    }
}
