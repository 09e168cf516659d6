//! The page heading: names the page in the document title and takes focus when the page
//! (or the questionnaire part, or the language) changes, so keyboard and screen-reader
//! users start at the top.

use leptos::html::H1;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t_string, use_i18n};

/// The `<h1>` of a page.
///
/// - `text`: the heading; also the first part of the document title ("text – app name",
///   or the app name alone when the heading is the app name).
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        text.track();
        if let Some(h) = heading.get() {
            // Focus failing (e.g. the element already detached) is harmless.
            let _ = h.focus();
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
    let title = move || {
        let app = t_string!(i18n, app_title).to_string();
        let t = text.get();
        if t == app {
            t
        } else {
            format!("{t} – {app}")
        }
    };
    view! {
        <Title text=title />
        <h1 tabindex="-1" node_ref=heading>{text}</h1>
    }
}

/// Moves focus to the page's `<h1>` after the next paint: for actions that leave the reader
/// on the same page with the control they used gone (e.g. "Start over" confirmed on the
/// start page), so focus never falls back to the document's body.
pub fn focus_page_heading() {
    leptos::task::spawn_local(async {
        crate::browser::after_next_paint().await;
        let heading = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("h1").ok().flatten());
        if let Some(h) =
            heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
        {
            // Focus failing (the page changed meanwhile) is harmless.
            let _ = h.focus();
        }
    });
}
