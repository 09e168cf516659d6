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

/// One split-off page: `$route`, a [`LazyRoute`] whose view is `<$page />`, behind the
/// split point `$split` (the name of its wasm file, `split_$split-<hash>.wasm`). Its
/// preload ignores a failure, which shows when the page itself is opened.
macro_rules! split_page {
    ($(#[$doc:meta])* $route:ident, $split:ident, $preload:ident, $page:ident) => {
        #[wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $split() -> Result<AnyView, PageLoadError> {
            Ok(view! { <$page /> }.into_any())
        }

        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }
            async fn view(_: Self) -> AnyView {
                // The page shows questions or results: its content and the saved answers
                // come first.
                let (page, content, saved) = futures::future::join3(
                    $split(),
                    crate::languages::load_for_page(),
                    crate::app_state::read_saved_state(),
                )
                .await;
                page_or_message(content.map_err(|_| PageLoadError).and(saved).and(page))
            }
            async fn preload() {
                let _ = $preload().await;
            }
        }
    };
}

split_page!(
    /// `/part/:n`: the five questionnaire parts (one wasm file for all of them).
    PartRoute, part_page, preload_part_page, QuestionnairePart
);
split_page!(
    /// `/review`: the review of all answers.
    ReviewRoute, review_page, preload_review_page, Review
);
split_page!(
    /// `/results`: the assessment.
    ResultsRoute, results_page, preload_results_page, Results
);
split_page!(
    /// `/facilitator`: the workshop facilitator's page.
    FacilitatorRoute, facilitator_page, preload_facilitator_page, Facilitator
);

/// The first segment of the app route at the browser's current address ("part" for
/// "/cp/part/3"), or "" for the start page.
fn current_section() -> String {
    let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) else {
        return String::new();
    };
    let route = browser::route_of(&browser::base_path(), &path);
    route
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Whether the browser's current address opens a split-off page (which needs its code and
/// the content before its first render), as opposed to the welcome or not-found page.
pub fn opens_split_page() -> bool {
    matches!(
        current_section().as_str(),
        "part" | "review" | "results" | "facilitator"
    )
}

/// Fetches the code of the page at the browser's current address, if it is a split page,
/// so that the first render shows the page whole: without it the layout would show first
/// and the page would arrive a moment later, shifting what is on screen (Lighthouse's
/// CLS). Called by `main` before mounting, while index.html's start-up notice still shows.
/// A failed fetch is left for the page itself to report ([`PageLoadFailed`]).
pub async fn preload_current_page() {
    match current_section().as_str() {
        "part" => PartRoute::preload().await,
        "review" => ReviewRoute::preload().await,
        "results" => ResultsRoute::preload().await,
        "facilitator" => FacilitatorRoute::preload().await,
        _ => {}
    }
}
