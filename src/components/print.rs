//! The print button of the results and of the facilitator's room.

use leptos::prelude::*;

/// Opens the browser's print dialog; where printing is unavailable (e.g. a kiosk) it
/// does nothing. Never printed itself.
///
/// - `label`: the button's text.
/// - `class`: its style, "primary" or "secondary".
#[component]
pub fn PrintButton(#[prop(into)] label: Signal<String>, class: &'static str) -> impl IntoView {
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <button type="button" class=format!("{class} no-print") on:click=print>
            {label}
        </button>
    }
}
