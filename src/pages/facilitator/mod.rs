//! The facilitator page (`/facilitator`) of workshop mode: load many participants'
//! exports (files, drag-and-drop or share links) and show the room's results together —
//! engagement stages, readiness per audit step, motivations beside the seed study's
//! counts, the measures most often in the top three, and the room by sector and size —
//! with a CSV download, printing, and a QR code of the app's address for the projector.
//!
//! Everything stays in the browser: the room is kept on this device (local storage, see
//! [`rooms`]) after every change until the facilitator clears it, and a shared device's
//! outbox is opened here ([`outbox`]). The counting is `cp_assessment::workshop`.

mod charts;
mod costs;
pub mod guide;
mod options;
mod outbox;
mod reasons;
mod room;
mod rooms;
mod sections;
mod spread;

use leptos::prelude::*;
use leptos::task::spawn_local;

use cp_assessment::exchange::ImportSource;
use cp_assessment::reach::{reach, Reach};
use cp_assessment::workshop::{aggregate, aggregate_csv, Participant};

use crate::browser;
use crate::components::confirm::ConfirmAction;
use crate::components::file_drop::{read_export, FileDropZone};
use crate::components::heading::PageHeading;
use crate::components::print::PrintButton;
use crate::components::qr::QrCode;
use crate::components::workshop::PinGate;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_app;

use self::outbox::OutboxSection;
use self::rooms::{RoomBar, Rooms};

/// Route `/facilitator`: collects the room's responses and shows them together.
#[component]
pub fn Facilitator() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // On a shared device in a workshop, its facilitator page opens that workshop's room.
    let rooms = Rooms::start(i18n, app.device.with_untracked(|d| d.room.clone()));
    // Count only the responses that carry this room's code.
    let only_own = RwSignal::new(false);
    // Files being read right now (for the status line).
    let reading = RwSignal::new(0usize);
    // Share links added so far on this page, to name each one ("link 3").
    let links_added = StoredValue::new(0usize);
    let links_text = RwSignal::new(String::new());
    let download_failed = RwSignal::new(false);
    // Assessing every participant is the expensive part: once per change of the room.
    // The aggregate holds no names, so switching language does not recount.
    let totals = Memo::new(move |_| {
        let only_own = only_own.get();
        rooms.open.with(|record| {
            let counted: Vec<Participant> = record
                .room
                .ordered(&record.code, only_own)
                .into_iter()
                .cloned()
                .collect();
            app.with_content_untracked(|c| aggregate(c, &counted))
        })
    });

    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        reading.update(|n| *n += files.len());
        spawn_local(async move {
            let count = files.len();
            let mut read = Vec::with_capacity(count);
            for file in files {
                read.push(read_export(file).await);
            }
            // One update for the whole batch, so the room is counted once, not per file.
            // `try_`: the page may have been left while the files were read.
            app.with_content_untracked(|c| {
                rooms.change_room(|r| {
                    for (name, bytes) in &read {
                        match bytes {
                            Ok(bytes) => r.add_file(name, bytes, &c.bank),
                            Err(error) => r.refuse(name, error.clone(), ImportSource::File),
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
        app.with_content_untracked(|c| {
            rooms.change_room(|r| {
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

    let heading = Signal::derive(move || t_string!(i18n, facilitator.title).to_string());
    // The app's address with the room's code: whoever opens it carries the code.
    let url = Memo::new(move |_| {
        let code = rooms.open.with(|r| r.code.to_string());
        format!("{}?room={code}", browser::app_url())
    });
    // Phones scan the code, so say when they cannot reach its address, or only on this network.
    let reach_note = reach(&browser::app_url())
        .filter(|r| *r != Reach::Public)
        .map(|r| {
            let text = move || match r {
                Reach::Loopback => t_string!(i18n, room_view.qr_loopback).to_string(),
                Reach::Private | Reach::Public => {
                    t_string!(i18n, room_view.qr_private).to_string()
                }
            };
            view! {
                <p class="notice-inline" role="note" data-testid="qr-reach" data-reach=r.as_str()>{text}</p>
            }
        });
    let qr_label =
        Signal::derive(move || t_string!(i18n, facilitator.qr_label, url = url.get()).to_string());
    let status = move || {
        let n = reading.get();
        (n > 0).then(|| t_string!(i18n, facilitator.reading, count = n).to_string())
    };
    let summary = move || {
        rooms
            .open
            .with(|record| app.with_content(|c| room::room_summary(i18n, c, record, only_own)))
    };
    let results = move || {
        totals.with(|a| {
            a.as_ref().filter(|a| a.participants > 0).map(|a| {
                view! {
                    <div data-testid="room-results">
                        {app.with_content(|c| sections::results_view(i18n, c, a))}
                    </div>
                }
            })
        })
    };

    view! {
        <PageHeading text=heading />
        <p class="lead">{t!(i18n, facilitator.intro)}</p>
        <p class="no-print"><leptos_router::components::A href=crate::route::Route::FacilitatorGuide.href()>{t!(i18n, guide.open_link)}</leptos_router::components::A></p>

        // First, so that the code and the QR code are on the projector's first screen.
        <section aria-labelledby="fac-join-h" class="fac-join">
            <h2 id="fac-join-h">{t!(i18n, facilitator.join_heading)}</h2>
            <p>{t!(i18n, facilitator.join_text)}</p>
            <p class="fac-join-code">
                {t!(i18n, facilitator.join_code)} " "
                <strong class="room-code">{move || rooms.open.with(|r| r.code.to_string())}</strong>
            </p>
            {move || view! { <QrCode text=url.get() label=qr_label.get() /> }}
            {reach_note}
        </section>
        <p>{t!(i18n, facilitator.privacy)}</p>

        // On a shared device with a PIN, the rooms and the outbox are the facilitator's alone.
        <PinGate>
        <RoomBar rooms=rooms />
        <OutboxSection rooms=rooms />

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
            <PrintButton label=Signal::derive(move || t_string!(i18n, facilitator.print).to_string()) class="secondary" />
            <ConfirmAction
                id="clear-room"
                trigger_label=Signal::derive(move || t_string!(i18n, facilitator.clear).to_string())
                question=Signal::derive(move || t_string!(i18n, facilitator.clear_question).to_string())
                confirm_label=Signal::derive(move || t_string!(i18n, facilitator.clear).to_string())
                show_trigger=Signal::derive(move || rooms.open.with(|r| !r.room.is_empty()))
                on_confirm=Callback::new(move |()| rooms.change_room(|r| *r = Default::default()))
            />
        </div>
        <Show when=move || download_failed.get()>
            <p class="field-error no-print" role="alert">{t!(i18n, facilitator.download_failed)}</p>
        </Show>
        {results}
        </PinGate>

    }
}
