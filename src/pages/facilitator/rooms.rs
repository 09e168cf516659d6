//! The facilitator's rooms: the one open, kept on the device after every change
//! (`crate::room_store`), reopened across reloads and navigation, and the others kept by
//! name and date. Nothing on this page is ever unsaved — or, when the device cannot keep
//! rooms, the page says so and the room stays in the tab.

use leptos::prelude::*;

use cp_assessment::room_code::RoomCode;
use cp_assessment::room_record::{RoomRecord, RoomSummary};
use cp_assessment::workshop::Room;

use crate::browser;
use crate::components::confirm::ConfirmAction;
use crate::i18n::{t, t_string, use_i18n};
use crate::room_store::{self, RoomStoreError};
use crate::I18n;

/// Whether the open room is kept on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Every change is kept on the device.
    Kept,
    /// The device cannot keep rooms: the room lives in this tab only.
    Failed(RoomStoreError),
}

/// The open room and the rooms kept on the device. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Rooms {
    /// The room open on the page.
    pub open: RwSignal<RoomRecord>,
    /// The rooms kept on the device, most recently changed first.
    pub kept: RwSignal<Vec<RoomSummary>>,
    /// Whether changes are being kept.
    pub keeping: RwSignal<Keeping>,
    /// For the name of a room started without one ("Workshop 2026-12-06").
    i18n: I18n,
}

impl Rooms {
    /// Opens the room last open on this device, or starts one — under `preferred`, the
    /// device's own workshop code, when no kept room has it; lists the others.
    pub fn start(i18n: I18n, preferred: Option<RoomCode>) -> Rooms {
        let kept = room_store::list().unwrap_or_default();
        let last = room_store::open_room().map(|code| room_store::load(&code));
        let (record, keeping) = match last {
            Some(Ok(Some(record))) => (Some(record), Keeping::Kept),
            Some(Err(e)) => (None, Keeping::Failed(e)),
            _ => (None, Keeping::Kept),
        };
        let taken: Vec<RoomCode> = kept.iter().map(|r| r.code.clone()).collect();
        let fresh = record.is_none();
        let rooms = Rooms {
            open: RwSignal::new(
                record.unwrap_or_else(|| fresh_record(i18n, "", &taken, preferred)),
            ),
            kept: RwSignal::new(kept),
            keeping: RwSignal::new(keeping),
            i18n,
        };
        if fresh {
            rooms.keep();
        }
        rooms
    }

    /// Starts a new, empty room named `name` (a dated default when empty) and opens it.
    pub fn new_room(self, name: &str) {
        let taken: Vec<RoomCode> = self
            .kept
            .with_untracked(|k| k.iter().map(|r| r.code.clone()).collect());
        self.open.set(fresh_record(self.i18n, name, &taken, None));
        self.keep();
    }

    /// Opens the kept room `code`; the open one is already kept.
    pub fn open_room(self, code: &RoomCode) {
        match room_store::load(code) {
            Ok(Some(record)) => {
                room_store::set_open_room(&record.code);
                self.open.set(record);
            }
            Ok(None) => self.refresh_list(),
            Err(e) => self.keeping.set(Keeping::Failed(e)),
        }
    }

    /// Deletes the kept room `code`; if it is the open one, a new room opens.
    pub fn delete_room(self, code: &RoomCode) {
        if let Err(e) = room_store::delete(code) {
            self.keeping.set(Keeping::Failed(e));
        }
        self.refresh_list();
        if self.open.with_untracked(|r| &r.code == code) {
            self.new_room("");
        }
    }

    /// Changes the open room with `f` (adding responses, renaming, clearing), then keeps it.
    pub fn change(self, f: impl FnOnce(&mut RoomRecord)) {
        self.open.update(|record| {
            f(record);
            record.updated = browser::now_rfc3339();
        });
        self.keep();
    }

    /// Changes the open room's responses with `f`.
    pub fn change_room(self, f: impl FnOnce(&mut Room)) {
        self.change(|record| f(&mut record.room));
    }

    fn refresh_list(self) {
        if let Ok(list) = room_store::list() {
            self.kept.set(list);
        }
    }

    /// Keeps the open room on the device, and says how that went.
    fn keep(self) {
        let outcome = self.open.with_untracked(|record| {
            room_store::set_open_room(&record.code);
            room_store::save(record)
        });
        self.keeping.set(match outcome {
            Ok(()) => Keeping::Kept,
            Err(e) => Keeping::Failed(e),
        });
        self.refresh_list();
    }
}

/// A new room: `preferred` or a random code, one no kept room has; the name given or
/// "Workshop <date>".
fn fresh_record(
    i18n: I18n,
    name: &str,
    taken: &[RoomCode],
    preferred: Option<RoomCode>,
) -> RoomRecord {
    let now = browser::now_rfc3339();
    let mut code = preferred
        .filter(|c| !taken.contains(c))
        .unwrap_or_else(|| RoomCode::from_random(browser::random_bytes()));
    // 32^4 codes: a clash with a kept room is rare, and a few draws settle it.
    for _ in 0..8 {
        if !taken.contains(&code) {
            break;
        }
        code = RoomCode::from_random(browser::random_bytes());
    }
    let name = if name.trim().is_empty() {
        let date = now.get(..10).unwrap_or("").to_owned();
        t_string!(i18n, rooms.default_name, date = date).to_string()
    } else {
        name.to_owned()
    };
    RoomRecord::new(code, &name, &now)
}

/// The open room's name, code and date, whether it is kept, and the other rooms.
#[component]
pub fn RoomBar(rooms: Rooms) -> impl IntoView {
    let i18n = use_i18n();
    let new_name = RwSignal::new(String::new());
    let keeping = move || {
        let text = match rooms.keeping.get() {
            Keeping::Kept => t_string!(i18n, rooms.kept).to_string(),
            Keeping::Failed(RoomStoreError::Unavailable) => {
                t_string!(i18n, rooms.unavailable).to_string()
            }
            Keeping::Failed(RoomStoreError::WriteFailed) => {
                t_string!(i18n, rooms.write_failed).to_string()
            }
        };
        let failed = matches!(rooms.keeping.get(), Keeping::Failed(_));
        view! {
            <p class=if failed { "notice" } else { "fac-kept" } role=if failed { "alert" } else { "status" } data-testid="room-keeping">
                {text}
            </p>
        }
    };
    let current = move || {
        rooms.open.with(|r| {
            let code = r.code.to_string();
            let date = r.created.get(..10).unwrap_or("").to_owned();
            let name = r.name.clone();
            view! {
                <div class="fac-room-id">
                    <label for="fac-room-name">{t!(i18n, rooms.name_label)}</label>
                    <input
                        id="fac-room-name"
                        type="text"
                        maxlength="80"
                        prop:value=name
                        on:change=move |ev| {
                            let name = event_target_value(&ev);
                            rooms.change(|r| r.name = name.trim().chars().take(80).collect());
                        }
                    />
                    <p>
                        {t_string!(i18n, rooms.code_line, date = date).to_string()}
                        " "
                        <strong class="room-code" data-testid="room-code">{code}</strong>
                    </p>
                </div>
            }
        })
    };
    let others = move || {
        let open_code = rooms.open.with(|r| r.code.clone());
        rooms
            .kept
            .get()
            .into_iter()
            .filter(|r| r.code != open_code)
            .map(|r| {
                let text = t_string!(
                    i18n,
                    rooms.kept_item,
                    name = r.name.clone(),
                    code = r.code.to_string(),
                    date = r.updated.get(..10).unwrap_or("").to_owned(),
                    count = r.participants
                )
                .to_string();
                let (open_code, delete_code) = (r.code.clone(), r.code.clone());
                let id = format!("del-room-{}", r.code);
                view! {
                    <li data-testid="kept-room">
                        <span>{text}</span>
                        <div class="button-row">
                            <button type="button" class="secondary" on:click=move |_| rooms.open_room(&open_code)>
                                {t!(i18n, rooms.open)}
                            </button>
                            <ConfirmAction
                                id=id
                                trigger_label=Signal::derive(move || t_string!(i18n, rooms.delete).to_string())
                                question=Signal::derive(move || t_string!(i18n, rooms.delete_question).to_string())
                                confirm_label=Signal::derive(move || t_string!(i18n, rooms.delete).to_string())
                                on_confirm=Callback::new(move |()| rooms.delete_room(&delete_code))
                            />
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="fac-rooms-h" class="fac-rooms no-print">
            <h2 id="fac-rooms-h">{t!(i18n, rooms.heading)}</h2>
            {current}
            {keeping}
            <div class="fac-new-room">
                <label for="fac-new-room">{t!(i18n, rooms.new_label)}</label>
                <input id="fac-new-room" type="text" maxlength="80" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <button type="button" class="secondary" on:click=move |_| {
                    rooms.new_room(&new_name.get_untracked());
                    new_name.set(String::new());
                }>
                    {t!(i18n, rooms.new_button)}
                </button>
            </div>
            <Show when=move || rooms.kept.with(|k| k.len() > 1)>
                <h3 id="fac-kept-rooms-h">{t!(i18n, rooms.others_heading)}</h3>
                <ul class="kept-list" aria-labelledby="fac-kept-rooms-h">{others}</ul>
            </Show>
        </section>
    }
}
