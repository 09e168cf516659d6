//! Workshop mode on the participant's side: "Next participant" on shared devices, the
//! idle reset with a warning that offers more time (WCAG 2.2.1), the device settings, and
//! responses kept on this device (resume, download, delete).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use cp_assessment::answers::fold_full_width;
use cp_assessment::room_code::RoomCode;

use crate::components::confirm::ConfirmAction;
use crate::components::export::download_response;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;
use crate::state::use_app;

/// Seconds the idle warning counts down before the response is cleared.
pub const IDLE_WARNING_SECONDS: u32 = 60;

/// "Next participant" with an inline confirmation: the response goes into the device's
/// outbox for the facilitator, so nothing depends on a download; discarding it is a
/// separate, explicit button.
#[component]
pub fn NextParticipant() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let navigate_discard = navigate.clone();
    let confirming = RwSignal::new(false);
    let discard: ChildrenFn = std::sync::Arc::new(move || {
        let navigate = navigate_discard.clone();
        // Two clicks: the first says what discarding means, the second does it.
        let armed = RwSignal::new(false);
        view! {
            <button type="button" class="danger" data-testid="discard-response" on:click=move |_| {
                if armed.get_untracked() {
                    confirming.set(false);
                    app.next_participant();
                    navigate(&Route::Welcome.path(), Default::default());
                } else {
                    armed.set(true);
                }
            }>
                {move || if armed.get() { t!(i18n, workshop.discard_really).into_any() } else { t!(i18n, workshop.discard).into_any() }}
            </button>
        }
        .into_any()
    });
    view! {
        <ConfirmAction
            id="next-participant"
            trigger_label=Signal::derive(move || t_string!(i18n, workshop.next_participant).to_string())
            question=Signal::derive(move || t_string!(i18n, workshop.next_question).to_string())
            confirm_label=Signal::derive(move || t_string!(i18n, workshop.next_yes).to_string())
            confirm_class="primary"
            after=discard
            confirming=confirming
            on_confirm=Callback::new(move |()| {
                // Storage full: the response stays on the screen and the notice says why.
                if app.finish_to_outbox().is_ok() {
                    navigate(&Route::Welcome.path(), Default::default());
                }
            })
        />
    }
}

/// On a workshop device with an idle limit: after that many minutes without a key, click
/// or touch, a dialog warns and counts down; "I need more time" restarts the clock; at
/// zero the response goes into the outbox and is cleared for the next participant.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let idle_seconds = RwSignal::new(0u32);
    let active = move || {
        let d = app.device.get();
        d.workshop && d.idle_minutes > 0 && app.answers.with(|a| !a.is_empty())
    };
    // The listeners live as long as this guard: one left behind after it is unmounted
    // (the prompts are mounted again when the saved answers' module arrives) would read a
    // disposed signal on every key.
    let listeners: Vec<_> = ["pointerdown", "keydown", "input", "wheel", "touchstart"]
        .into_iter()
        .map(|event| {
            window_event_listener_untyped(event, move |_| {
                // Any key, tap or scroll shows someone is there, also while the warning
                // shows. Only a real change notifies: this runs on every key and click.
                if idle_seconds.get_untracked() != 0 {
                    idle_seconds.set(0);
                }
            })
        })
        .collect();
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
    let navigate_tick = navigate.clone();
    let ticker = set_interval_with_handle(
        move || {
            if !active() {
                if idle_seconds.get_untracked() != 0 {
                    idle_seconds.set(0);
                }
                return;
            }
            let minutes = app.device.get_untracked().idle_minutes;
            let next = idle_seconds.get_untracked() + 1;
            if next >= warn_after(minutes) + IDLE_WARNING_SECONDS {
                idle_seconds.set(0);
                // Into the outbox, as "Next participant" does: an idle reset loses nothing.
                if app.finish_to_outbox().is_ok() {
                    navigate_tick(&Route::Welcome.path(), Default::default());
                }
            } else {
                idle_seconds.set(next);
            }
        },
        std::time::Duration::from_secs(1),
    );
    on_cleanup(move || {
        if let Ok(handle) = ticker {
            handle.clear();
        }
    });
    let warning = move || {
        let minutes = app.device.get().idle_minutes;
        let elapsed = idle_seconds.get();
        (active() && elapsed >= warn_after(minutes)).then(|| {
            let left = (warn_after(minutes) + IDLE_WARNING_SECONDS).saturating_sub(elapsed);
            view! {
                <div class="notice confirm idle-warning" role="alertdialog" aria-labelledby="idle-h" aria-describedby="idle-text" data-testid="idle-warning">
                    <p id="idle-h"><strong>{t!(i18n, workshop.idle_title)}</strong></p>
                    <p id="idle-text">{t_string!(i18n, workshop.idle_text, seconds = left).to_string()}</p>
                    <button type="button" class="primary" autofocus on:click=move |_| idle_seconds.set(0)>
                        {t!(i18n, workshop.more_time)}
                    </button>
                </div>
            }
        })
    };
    view! { {warning} }
}

/// Seconds of inactivity before the warning shows.
fn warn_after(idle_minutes: u32) -> u32 {
    idle_minutes.saturating_mul(60)
}

/// Shows its children only to someone who types this device's PIN, when one is set (the
/// outbox and the device settings of a shared device); unlocked for as long as the page
/// shows.
#[component]
pub fn PinGate(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // Open for this visit when no PIN was set as it began: whoever sets one sees it through.
    let unlocked = RwSignal::new(app.device.with_untracked(|d| d.pin.is_empty()));
    let typed = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let open = move || unlocked.get() || app.device.with(|d| d.pin.is_empty());
    let try_unlock = move || {
        let entered = fold_full_width(typed.get_untracked().trim());
        let right = app.device.with_untracked(|d| d.pin == entered);
        wrong.set(!right);
        unlocked.set(right);
        typed.set(String::new());
    };
    view! {
        <Show
            when=open
            fallback=move || view! {
                <form class="pin-gate" on:submit=move |ev| { ev.prevent_default(); try_unlock(); }>
                    <label for="pin-entry">{t!(i18n, workshop.pin_enter)}</label>
                    <input
                        id="pin-entry"
                        type="password"
                        inputmode="numeric"
                        autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                    <button type="submit" class="secondary">{t!(i18n, workshop.unlock)}</button>
                    <Show when=move || wrong.get()>
                        <p class="field-error" role="alert">{t!(i18n, workshop.pin_wrong)}</p>
                    </Show>
                </form>
            }
        >
            {children()}
        </Show>
    }
}

/// A device setting typed into a field: empty clears it, a value `parse` accepts sets it,
/// anything else leaves it as it was and shows `error`.
fn typed_setting<T>(
    typed: &str,
    parse: impl Fn(&str) -> Option<T>,
    error: RwSignal<bool>,
    apply: impl FnOnce(Option<T>),
) {
    let value = if typed.trim().is_empty() {
        None
    } else if let Some(value) = parse(typed) {
        Some(value)
    } else {
        error.set(true);
        return;
    };
    error.set(false);
    apply(value);
}

/// A PIN as typed: 4 to 8 digits (full-width digits folded); `None` otherwise.
fn valid_pin(typed: &str) -> Option<String> {
    let pin = fold_full_width(typed.trim());
    ((4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())).then_some(pin)
}

/// The device settings: shared workshop device, idle reset, the facilitator's PIN and the
/// workshop room; behind the PIN once one is set.
#[component]
pub fn WorkshopSettings() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let room_error = RwSignal::new(false);
    let pin_error = RwSignal::new(false);
    let room_line = move || {
        app.device.with(|d| d.room.clone()).map(|code| {
            view! {
                <p data-testid="device-room">
                    {t!(i18n, workshop.room_line)} " " <strong class="room-code">{code.to_string()}</strong>
                </p>
            }
        })
    };
    view! {
        <section aria-labelledby="workshop-h" class="workshop-settings no-print">
            <h2 id="workshop-h">{t!(i18n, workshop.heading)}</h2>
            {room_line}
            <PinGate>
            <label class="text-setting">
                <span>{t!(i18n, workshop.room_label)}</span>
                <input
                    type="text"
                    maxlength="12"
                    autocomplete="off"
                    prop:value=move || app.device.with(|d| d.room.as_ref().map(|c| c.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        typed_setting(&event_target_value(&ev), RoomCode::parse, room_error, |code| {
                            app.device.update(|d| d.room = code);
                        });
                    }
                />
            </label>
            <Show when=move || room_error.get()>
                <p class="field-error" role="alert">{t!(i18n, workshop.room_invalid)}</p>
            </Show>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || app.device.with(|d| d.workshop)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        app.device.update(|d| d.workshop = on);
                    }
                />
                <span>{t!(i18n, workshop.shared_device)}</span>
            </label>
            <Show when=move || app.device.with(|d| d.workshop)>
                <label class="idle-minutes">
                    <span>{t!(i18n, workshop.idle_label)}</span>
                    <input
                        type="number"
                        min="0"
                        max="120"
                        inputmode="numeric"
                        prop:value=move || app.device.with(|d| d.idle_minutes.to_string())
                        on:change=move |ev| {
                            // Anything that is not a whole number of minutes 0–120 leaves the setting as it was.
                            if let Ok(m) = event_target_value(&ev).trim().parse::<u32>() {
                                app.device.update(|d| d.idle_minutes = m.min(120));
                            }
                        }
                    />
                </label>
                <label class="text-setting">
                    <span>{t!(i18n, workshop.pin_label)}</span>
                    // Shown as typed, so a typo cannot lock the facilitator out.
                    <input
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        maxlength="8"
                        prop:value=move || app.device.with(|d| d.pin.clone())
                        on:change=move |ev| {
                            typed_setting(&event_target_value(&ev), valid_pin, pin_error, |pin| {
                                app.device.update(|d| d.pin = pin.unwrap_or_default());
                            });
                        }
                    />
                </label>
                <Show when=move || pin_error.get()>
                    <p class="field-error" role="alert">{t!(i18n, workshop.pin_invalid)}</p>
                </Show>
                <Show when=move || app.device.with(|d| d.pin.is_empty())>
                    <p class="notice-inline" role="note" data-testid="no-pin">{t!(i18n, workshop.no_pin)}</p>
                </Show>
            </Show>
            </PinGate>
        </section>
    }
}

/// Responses kept on this device, and "keep this response and start another".
#[component]
pub fn KeptResponses() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let deleting = RwSignal::new(None::<usize>);
    let export_failed = RwSignal::new(false);
    let label_of = move |answers: &cp_assessment::answers::Answers| -> String {
        app.with_content(|c| c.response_name(answers))
            .flatten()
            .unwrap_or_else(|| t_string!(i18n, workshop.unnamed).to_string())
    };
    let items = move || {
        app.kept.get().into_iter().enumerate().map(|(i, r)| {
            let progress = app.with_content(|c| r.answers.progress(&c.bank)).unwrap_or_default();
            let updated = r.updated.get(..10).unwrap_or("").to_owned();
            let text = t_string!(i18n, workshop.saved_item, label = label_of(&r.answers), updated = updated, answered = progress.answered, visible = progress.visible).to_string();
            let identity = r.identity();
            let answers = r.answers.clone();
            let register = r.register.clone();
            view! {
                <li data-testid="kept-response">
                    <span>{text}</span>
                    {(progress.answered == progress.visible).then(|| view! { <strong>{format!(" · {}", t_string!(i18n, workshop.complete))}</strong> })}
                    <div class="button-row">
                        <button type="button" class="secondary" on:click=move |_| app.resume(i)>{t!(i18n, workshop.resume)}</button>
                        <button type="button" class="secondary" on:click=move |_| export_failed.set(download_response(app, &identity, &answers, &register).is_err())>
                            {t!(i18n, workshop.export)}
                        </button>
                        <Show
                            when=move || deleting.get() == Some(i)
                            fallback=move || view! { <button type="button" class="secondary" on:click=move |_| deleting.set(Some(i))>{t!(i18n, workshop.delete)}</button> }
                        >
                            <span class="confirm" role="group" aria-label=move || t_string!(i18n, workshop.delete_question).to_string()>
                                {t!(i18n, workshop.delete_question)}
                                <button type="button" class="danger" on:click=move |_| { app.delete_kept(i); deleting.set(None); }>{t!(i18n, workshop.delete)}</button>
                                <button type="button" class="secondary" on:click=move |_| deleting.set(None)>{t!(i18n, cancel)}</button>
                            </span>
                        </Show>
                    </div>
                </li>
            }
        }).collect_view()
    };
    // Not on a shared (workshop) device: every participant sees this page, so nobody's
    // responses are listed there and none is kept for the next one to find ("Next
    // participant" offers the download instead). Those kept before show again once the
    // device is no longer marked as shared.
    let shared = move || app.device.with(|d| d.workshop);
    // The heading and its list only when there is something kept: a lone respondent with
    // answers sees "keep this response and start another" alone, not an empty list.
    let has_kept = move || app.kept.with(|k| !k.is_empty());
    let show = move || !shared() && (has_kept() || app.answers.with(|a| !a.is_empty()));
    view! {
        <Show when=show>
            <section aria-labelledby=move || has_kept().then_some("kept-h") class="kept no-print">
                <Show when=has_kept>
                    <h2 id="kept-h">{t!(i18n, workshop.saved_heading)}</h2>
                    <ul class="kept-list">{items}</ul>
                    <Show when=move || export_failed.get()>
                        <p class="field-error" role="alert">{t!(i18n, exchange.download_failed)}</p>
                    </Show>
                </Show>
                <Show when=move || app.answers.with(|a| !a.is_empty())>
                    <button type="button" class="secondary" on:click=move |_| app.keep_and_start_another()>
                        {t!(i18n, workshop.save_and_new)}
                    </button>
                </Show>
            </section>
        </Show>
    }
}
