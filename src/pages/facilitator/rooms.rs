//! The facilitator's rooms: the one open, kept on the device after every change
//! (`crate::room_store`, IndexedDB), reopened across reloads and navigation, and the
//! others kept by name and date. Nothing on this page is ever unsaved — or, when the
//! device cannot keep rooms, the page says so and the room stays in the tab.

use leptos::prelude::*;
use leptos::task::spawn_local;

use cp_assessment::room_code::RoomCode;
use cp_assessment::workshop::{Room, RoomRecord, RoomSummary};

use crate::browser;
use crate::components::confirm::ConfirmAction;
use crate::i18n::{t, t_string, use_i18n};
use crate::room_store::{self, RoomStoreError};
use crate::storage;
use crate::I18n;

/// Where keeping the open room on the device stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Opening the room last open, or the list of rooms.
    Opening,
    /// Every change is kept on the device.
    Kept,
    /// The device cannot keep rooms: the room lives in this tab only.
    Failed(RoomStoreError),
}

/// The open room and the rooms kept on the device. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Rooms {
    /// The room open on the page; `None` while it is being opened.
    pub open: RwSignal<Option<RoomRecord>>,
    /// The rooms kept on the device, most recently changed first.
    pub kept: RwSignal<Vec<RoomSummary>>,
    /// Whether changes are being kept.
    pub keeping: RwSignal<Keeping>,
    /// For the name of a room started without one ("Workshop 2026-12-06").
    i18n: I18n,
}

impl Rooms {
    /// Opens the room last open on this device, or starts one; lists the others.
    pub fn start(i18n: I18n) -> Rooms {
        let rooms = Rooms {
            open: RwSignal::new(None),
            kept: RwSignal::new(Vec::new()),
            keeping: RwSignal::new(Keeping::Opening),
            i18n,
        };
        spawn_local(async move {
            let last = storage::open_room().and_then(|c| RoomCode::parse(&c));
            let opened = match &last {
                Some(code) => room_store::load(code).await,
                None => Ok(None),
            };
            match opened {
                Ok(Some(record)) => {
                    rooms.open.try_set(Some(record));
                    rooms.keeping.try_set(Keeping::Kept);
                }
                Ok(None) => rooms.new_room(""),
                Err(e) => {
                    rooms.open.try_set(Some(rooms.fresh_record("", &[])));
                    rooms.keeping.try_set(Keeping::Failed(e));
                }
            }
            rooms.refresh_list().await;
        });
        rooms
    }

    async fn refresh_list(self) {
        if let Ok(list) = room_store::list().await {
            self.kept.try_set(list);
        }
    }

    /// Starts a new, empty room named `name` (a dated default when empty) and opens it.
    pub fn new_room(self, name: &str) {
        let taken: Vec<RoomCode> = self
            .kept
            .with_untracked(|k| k.iter().map(|r| r.code.clone()).collect());
        let record = self.fresh_record(name, &taken);
        self.open.try_set(Some(record));
        self.keep();
    }

    /// Opens the kept room `code`; the open one is already kept.
    pub fn open_room(self, code: RoomCode) {
        spawn_local(async move {
            self.keeping.try_set(Keeping::Opening);
            match room_store::load(&code).await {
                Ok(Some(record)) => {
                    storage::set_open_room(Some(record.code.as_str()));
                    self.open.try_set(Some(record));
                    self.keeping.try_set(Keeping::Kept);
                }
                Ok(None) => {
                    self.keeping.try_set(Keeping::Kept);
                    self.refresh_list().await;
                }
                Err(e) => {
                    self.keeping.try_set(Keeping::Failed(e));
                }
            }
        });
    }

    /// Deletes the kept room `code`; if it is the open one, a new room opens.
    pub fn delete_room(self, code: RoomCode) {
        spawn_local(async move {
            let _ = room_store::delete(&code).await;
            let was_open = self
                .open
                .with_untracked(|r| r.as_ref().is_some_and(|r| r.code == code));
            self.refresh_list().await;
            if was_open {
                self.new_room("");
            }
        });
    }

    /// Changes the open room with `f` (adding responses, renaming, clearing), then keeps it.
    pub fn change(self, f: impl FnOnce(&mut RoomRecord)) {
        self.open.try_update(|open| {
            if let Some(record) = open {
                f(record);
                record.updated = browser::now_rfc3339();
            }
        });
        self.keep();
    }

    /// Changes the open room's responses with `f`.
    pub fn change_room(self, f: impl FnOnce(&mut Room)) {
        self.change(|record| f(&mut record.room));
    }

    /// Keeps the open room on the device, and says how that went.
    fn keep(self) {
        let Some(record) = self.open.get_untracked() else {
            return;
        };
        storage::set_open_room(Some(record.code.as_str()));
        spawn_local(async move {
            let outcome = room_store::save(&record).await;
            self.keeping.try_set(match outcome {
                Ok(()) => Keeping::Kept,
                Err(e) => Keeping::Failed(e),
            });
            self.refresh_list().await;
        });
    }
}

impl Rooms {
    /// A new room: a code no kept room has, the name given or "Workshop <date>".
    fn fresh_record(self, name: &str, taken: &[RoomCode]) -> RoomRecord {
        let now = browser::now_rfc3339();
        let mut code = RoomCode::from_random(browser::random_bytes());
        // 32^4 codes: a clash with a kept room is rare, and a few draws settle it.
        for _ in 0..8 {
            if !taken.contains(&code) {
                break;
            }
            code = RoomCode::from_random(browser::random_bytes());
        }
        let name = if name.trim().is_empty() {
            let date = now.get(..10).unwrap_or("").to_owned();
            t_string!(self.i18n, rooms.default_name, date = date).to_string()
        } else {
            name.to_owned()
        };
        RoomRecord::new(code, &name, &now)
    }
}

/// The open room's name, code and date, whether it is kept, and the other rooms.
#[component]
pub fn RoomBar(rooms: Rooms) -> impl IntoView {
    let i18n = use_i18n();
    let new_name = RwSignal::new(String::new());
    let keeping = move || {
        let text = match rooms.keeping.get() {
            Keeping::Opening => t_string!(i18n, rooms.opening).to_string(),
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
        rooms.open.with(|open| {
            open.as_ref().map(|r| {
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
        })
    };
    let others = move || {
        let open_code = rooms.open.with(|o| o.as_ref().map(|r| r.code.clone()));
        rooms
            .kept
            .get()
            .into_iter()
            .filter(|r| Some(&r.code) != open_code.as_ref())
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
                            <button type="button" class="secondary" on:click=move |_| rooms.open_room(open_code.clone())>
                                {t!(i18n, rooms.open)}
                            </button>
                            <ConfirmAction
                                id=id
                                trigger_label=Signal::derive(move || t_string!(i18n, rooms.delete).to_string())
                                question=Signal::derive(move || t_string!(i18n, rooms.delete_question).to_string())
                                confirm_label=Signal::derive(move || t_string!(i18n, rooms.delete).to_string())
                                on_confirm=Callback::new(move |()| rooms.delete_room(delete_code.clone()))
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
