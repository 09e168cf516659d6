//! The frame around every page: skip link, header with "Start over", the storage notice,
//! the main region and a footer saying where answers are kept.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::use_app;

/// Wraps the routed page.
///
/// - `children`: the routes.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let app = use_app();
    let location = use_location();
    // Remember where the respondent is, for "continue where you left off".
    Effect::new(move |_| {
        let path = location.pathname.get();
        if path.starts_with("/part/") || path == "/review" || path == "/results" {
            app.last_page.set(Some(path));
        }
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <A href="/" attr:class="brand">"CP self-assessment"</A>
            <StartOver />
        </header>
        {move || {
            app.storage_issue
                .get()
                .map(|issue| {
                    view! {
                        <div class="notice" role="alert" data-testid="storage-notice">
                            {issue.message()}
                        </div>
                    }
                })
        }}
        <main id="main" class="page">{children()}</main>
        <footer class="site-footer">
            <p>
                "Your answers stay in this browser's storage on this device. Nothing is sent anywhere."
            </p>
        </footer>
    }
}

/// "Start over" with an inline confirmation: nothing is deleted until the user confirms.
#[component]
pub fn StartOver() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let has_answers = move || app.answers.with(|a| !a.is_empty());
    view! {
        <div class="start-over">
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <Show when=has_answers>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                                "Start over"
                            </button>
                        </Show>
                    }
                }
            >
                <div role="group" aria-labelledby="start-over-q" class="confirm">
                    <p id="start-over-q">"Delete all your answers in this browser?"</p>
                    <button
                        type="button"
                        class="danger"
                        on:click={
                            let navigate = navigate.clone();
                            move |_| {
                                app.start_over();
                                confirming.set(false);
                                navigate("/", Default::default());
                            }
                        }
                    >
                        "Yes, delete my answers"
                    </button>
                    <button type="button" class="secondary" autofocus on:click=move |_| confirming.set(false)>
                        "Cancel"
                    </button>
                </div>
            </Show>
        </div>
    }
}
