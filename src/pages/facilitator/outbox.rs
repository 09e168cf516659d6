//! This device's outbox, on the facilitator page: the responses finished here with "Next
//! participant", opened into the room in one step or downloaded as one file to carry to
//! the facilitator's device. The page shows it behind the device's PIN when one is set,
//! so that the next participant cannot read them.

use leptos::prelude::*;

use crate::browser;
use crate::components::confirm::ConfirmAction;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_app;
use crate::storage::{self, StorageIssue};

use super::rooms::Rooms;

/// What the outbox holds, read again after every action.
#[derive(Clone, Debug, PartialEq)]
enum Held {
    /// Nothing, or no outbox at all.
    Empty,
    /// Its text and how many responses it holds.
    Responses(String, usize),
    /// It could not be read (left as it is).
    Unreadable,
}

fn read() -> Held {
    match storage::outbox() {
        Ok(Some((text, n))) => Held::Responses(text, n),
        Ok(None) | Err(StorageIssue::Unavailable) => Held::Empty,
        Err(_) => Held::Unreadable,
    }
}

/// The outbox section; shows only when the outbox holds something.
#[component]
pub fn OutboxSection(rooms: Rooms) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let held = RwSignal::new(read());
    let added = RwSignal::new(false);
    let download_failed = RwSignal::new(false);
    let add = move |_| {
        if let Held::Responses(text, _) = held.get_untracked() {
            let source = t_string!(
                i18n,
                outbox.source,
                date = browser::now_rfc3339().get(..10).unwrap_or("").to_owned()
            )
            .to_string();
            app.with_content_untracked(|c| {
                rooms.change_room(|r| r.add_file(&source, text.as_bytes(), &c.bank));
            });
            added.set(true);
        }
    };
    let download = move |_| {
        if let Held::Responses(text, _) = held.get_untracked() {
            let date = browser::now_rfc3339()
                .get(..10)
                .unwrap_or("outbox")
                .to_owned();
            download_failed.set(
                browser::download(
                    &format!("cp-self-assessment-outbox-{date}.json"),
                    "application/json",
                    &text,
                )
                .is_err(),
            );
        }
    };
    let body = move || {
        match held.get() {
        Held::Empty => None,
        Held::Unreadable => Some(view! { <p class="notice" role="alert">{t!(i18n, outbox.unreadable)}</p> }.into_any()),
        Held::Responses(_, n) => Some(
            view! {
                <p data-testid="outbox-count"><strong>{t_string!(i18n, outbox.count, count = n).to_string()}</strong></p>
                <div>
                    <div class="button-row">
                        <button type="button" class="primary" on:click=add>{t!(i18n, outbox.add)}</button>
                        <button type="button" class="secondary" on:click=download>{t!(i18n, outbox.download)}</button>
                        <ConfirmAction
                            id="empty-outbox"
                            trigger_label=Signal::derive(move || t_string!(i18n, outbox.empty).to_string())
                            question=Signal::derive(move || t_string!(i18n, outbox.empty_question).to_string())
                            confirm_label=Signal::derive(move || t_string!(i18n, outbox.empty).to_string())
                            on_confirm=Callback::new(move |()| {
                                let _ = storage::empty_outbox();
                                held.set(read());
                            })
                        />
                    </div>
                    <Show when=move || added.get()>
                        <p role="status">{t!(i18n, outbox.added)}</p>
                    </Show>
                    <Show when=move || download_failed.get()>
                        <p class="field-error" role="alert">{t!(i18n, facilitator.download_failed)}</p>
                    </Show>
                </div>
            }
            .into_any(),
        ),
    }
    };
    view! {
        <Show when=move || held.with(|h| *h != Held::Empty)>
            <section aria-labelledby="fac-outbox-h" class="fac-outbox no-print" data-testid="outbox">
                <h2 id="fac-outbox-h">{t!(i18n, outbox.heading)}</h2>
                <p>{t!(i18n, outbox.intro)}</p>
                {body}
            </section>
        </Show>
    }
}
