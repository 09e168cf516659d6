//! Cleaner Production self-assessment: a client-side Leptos app over a pure domain core.
//!
//! - [`domain`]: questionnaire model, answers and assessment — no browser code, tested
//!   natively.
//! - [`storage`]: the only module that touches local storage.
//! - [`app_state`]: the reactive state shared by the pages, and the one effect that saves.
//! - [`pages`]: one file per page; [`components`]: the pieces pages are built from.
//!
//! See ARCHITECTURE.md for the data flow.

pub mod app_state;
pub mod components;
pub mod domain;
pub mod pages;
pub mod storage;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::app_state::{provide_app_state, AppState};
use crate::components::layout::Layout;
use crate::domain::content::Content;
use crate::pages::{
    not_found::NotFound, part::QuestionnairePart, results::Results, review::Review,
    welcome::Welcome,
};

/// The whole app: loads the content and the saved answers, then routes between the
/// welcome page, the five questionnaire parts, the review and the results.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    match Content::english() {
        Ok(content) => {
            provide_app_state(content);
            view! {
                <Router>
                    <Layout>
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view=Welcome />
                            <Route path=path!("/part/:n") view=QuestionnairePart />
                            <Route path=path!("/review") view=Review />
                            <Route path=path!("/results") view=Results />
                        </Routes>
                    </Layout>
                </Router>
            }
            .into_any()
        }
        // Only reachable with broken built-in content, which the tests rule out; still a
        // readable page rather than a blank one.
        Err(e) => view! {
            <main class="page">
                <h1>"The questionnaire could not be loaded"</h1>
                <p>"Please reload the page. If this persists, report this message to the tool's maintainers:"</p>
                <pre>{e.to_string()}</pre>
            </main>
        }
        .into_any(),
    }
}

/// Shorthand for the shared state; see [`AppState`].
pub fn use_app() -> AppState {
    app_state::use_app_state()
}
