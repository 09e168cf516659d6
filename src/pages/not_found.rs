//! Shown for any address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;

/// Fallback route.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let heading = Signal::derive(move || t_string!(i18n, not_found.title).to_string());
    view! {
        <PageHeading text=heading />
        <p>{t!(i18n, not_found.body)}</p>
        <A href=Route::Welcome.href() attr:class="button primary">{t!(i18n, not_found.go_start)}</A>
    }
}
