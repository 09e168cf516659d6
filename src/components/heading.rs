//! The page heading: names the page in the document title and takes focus when the page
//! (or the questionnaire part) changes, so keyboard and screen-reader users start at the top.

use leptos::html::H1;
use leptos::prelude::*;
use leptos_meta::Title;

/// Suffix of every document title.
pub const APP_TITLE: &str = "Cleaner Production self-assessment";

/// The `<h1>` of a page.
///
/// - `text`: the heading; also the first part of the document title ("text – app name",
///   or the app name alone when the heading is the app name).
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
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
    view! {
        <Title text=move || {
            let t = text.get();
            if t == APP_TITLE { t } else { format!("{t} – {APP_TITLE}") }
        } />
        <h1 tabindex="-1" node_ref=heading>{text}</h1>
    }
}
