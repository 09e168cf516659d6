//! Shown for any address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::heading::PageHeading;

/// Fallback route.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading text="Page not found" />
        <p>"This address is not part of the self-assessment. Your answers are safe."</p>
        <A href="/" attr:class="button primary">"Go to the start page"</A>
    }
}
