//! Code splitting: the pages a first visit does not need are loaded when first opened.
//!
//! The welcome page and the not-found page are in the main wasm module. The questionnaire
//! parts, the review, the results and the facilitator page are each a *split point*
//! (`wasm_split`, the mechanism behind Leptos's `#[lazy_route]`): in a browser build,
//! `scripts/wasm-split.mjs` moves the code only they use into separate wasm files, fetched
//! the first time the page is opened (docs/performance.md). On native targets (the tests)
//! the pages are called directly.
//!
//! Unlike `#[lazy_route]`, whose loader aborts the app when a file cannot be fetched, the
//! split points here are `fallible`: a failed fetch (the connection dropped before the
//! service worker had cached the app) shows [`PageLoadFailed`] with a way to try again,
//! and no answer is lost.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::LazyRoute;

use crate::browser;
use crate::components::heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::{
    facilitator::Facilitator, part::QuestionnairePart, results::Results, review::Review,
};

/// A page's wasm file could not be fetched or instantiated (the browser console has the
/// details). Shown to the user as [`PageLoadFailed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLoadError;

impl From<SplitLoaderError> for PageLoadError {
    fn from(_: SplitLoaderError) -> Self {
        PageLoadError
    }
}

/// The view of a split page, or the message that it could not be loaded.
fn page_or_message(page: Result<AnyView, PageLoadError>) -> AnyView {
    page.unwrap_or_else(|PageLoadError| view! { <PageLoadFailed /> }.into_any())
}

/// Shown in place of a page whose code could not be loaded: says that the answers are
/// safe and offers to reload (which fetches the app again, or takes it from the service
/// worker's cache once it is there).
#[component]
pub fn PageLoadFailed() -> impl IntoView {
    let i18n = use_i18n();
    let heading = Signal::derive(move || t_string!(i18n, page_load_error.title).to_string());
    let retry = move |_| {
        if let Some(window) = web_sys::window() {
            // A failed reload leaves the message on screen, which is all we can do.
            let _ = window.location().reload();
        }
    };
    view! {
        <PageHeading text=heading />
        <p>{t!(i18n, page_load_error.body)}</p>
        <button type="button" class="button primary" on:click=retry>
            {t!(i18n, page_load_error.retry)}
        </button>
    }
}

// One split point per page. The name in `wasm_split(…)` names the wasm file.

#[wasm_split(part_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_part_page))]
fn part_page() -> Result<AnyView, PageLoadError> {
    Ok(view! { <QuestionnairePart /> }.into_any())
}

#[wasm_split(review_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_review_page))]
fn review_page() -> Result<AnyView, PageLoadError> {
    Ok(view! { <Review /> }.into_any())
}

#[wasm_split(results_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_results_page))]
fn results_page() -> Result<AnyView, PageLoadError> {
    Ok(view! { <Results /> }.into_any())
}

#[wasm_split(facilitator_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_facilitator_page))]
fn facilitator_page() -> Result<AnyView, PageLoadError> {
    Ok(view! { <Facilitator /> }.into_any())
}

/// `/part/:n`: the five questionnaire parts (one wasm file for all of them).
pub struct PartRoute;
/// `/review`: the review of all answers.
pub struct ReviewRoute;
/// `/results`: the assessment.
pub struct ResultsRoute;
/// `/facilitator`: the workshop facilitator's page.
pub struct FacilitatorRoute;

impl LazyRoute for PartRoute {
    fn data() -> Self {
        PartRoute
    }
    async fn view(_: Self) -> AnyView {
        page_or_message(part_page().await)
    }
    async fn preload() {
        // A failure shows when the page itself is opened.
        let _ = preload_part_page().await;
    }
}

impl LazyRoute for ReviewRoute {
    fn data() -> Self {
        ReviewRoute
    }
    async fn view(_: Self) -> AnyView {
        page_or_message(review_page().await)
    }
    async fn preload() {
        // A failure shows when the page itself is opened.
        let _ = preload_review_page().await;
    }
}

impl LazyRoute for ResultsRoute {
    fn data() -> Self {
        ResultsRoute
    }
    async fn view(_: Self) -> AnyView {
        page_or_message(results_page().await)
    }
    async fn preload() {
        // A failure shows when the page itself is opened.
        let _ = preload_results_page().await;
    }
}

impl LazyRoute for FacilitatorRoute {
    fn data() -> Self {
        FacilitatorRoute
    }
    async fn view(_: Self) -> AnyView {
        page_or_message(facilitator_page().await)
    }
    async fn preload() {
        // A failure shows when the page itself is opened.
        let _ = preload_facilitator_page().await;
    }
}

/// Fetches the code of the page at the browser's current address, if it is a split page,
/// so that the first render shows the page whole: without it the layout would show first
/// and the page would arrive a moment later, shifting what is on screen (Lighthouse's
/// CLS). Called by `main` before mounting, while index.html's start-up notice still shows.
/// A failed fetch is left for the page itself to report ([`PageLoadFailed`]).
pub async fn preload_current_page() {
    let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) else {
        return;
    };
    let route = browser::route_of(&browser::base_path(), &path);
    let first = route
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    match first {
        "part" => PartRoute::preload().await,
        "review" => ReviewRoute::preload().await,
        "results" => ResultsRoute::preload().await,
        "facilitator" => FacilitatorRoute::preload().await,
        _ => {}
    }
}
