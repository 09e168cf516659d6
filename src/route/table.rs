//! The route table: which page answers which [`Route`], and the split points that keep
//! every page but the welcome page out of the first load.
//!
//! The welcome and not-found pages are in the main wasm module. The questionnaire parts
//! with the review, the results, and the facilitator page with its guide are each a
//! *split point*
//! (`wasm_split`, the mechanism behind Leptos's `#[lazy_route]`): in a browser build
//! `scripts/wasm-split.mjs` moves the code only they use into wasm files of their own,
//! fetched the first time the page opens. On native targets the pages are called directly.
//!
//! Unlike `#[lazy_route]`, whose loader aborts the app when a file cannot be fetched, the
//! split points here are `fallible`: a failed fetch shows [`PageLoadFailed`] with a way to
//! try again, and no answer is lost. A page renders only once the content and the saved
//! answers are there ([`AppState::loaded`]).

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::components::{Route as RouteView, Routes};
use leptos_router::{path, Lazy, LazyRoute};

use super::Route;
use crate::browser;
use crate::components::heading::PageHeading;
use crate::i18n::{t, t_string, use_i18n};
use crate::load_error::LoadError;
use crate::pages::{
    facilitator::guide::FacilitatorGuide, facilitator::Facilitator, not_found::NotFound,
    part::QuestionnairePart, register::OptionRegister, results::Results, review::Review,
    welcome::Welcome,
};
use crate::state::AppState;

/// Every route with its page; unknown addresses show [`NotFound`].
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <RouteView path=path!("/") view=Welcome />
            // Some hosts and bookmarks name the start page itself.
            <RouteView path=path!("/index.html") view=StartPageRedirect />
            <RouteView path=path!("/part/:n") view={Lazy::<PartRoute>::new()} />
            <RouteView path=path!("/review") view={Lazy::<ReviewRoute>::new()} />
            <RouteView path=path!("/results") view={Lazy::<ResultsRoute>::new()} />
            <RouteView path=path!("/register") view={Lazy::<RegisterRoute>::new()} />
            <RouteView path=path!("/facilitator") view={Lazy::<FacilitatorRoute>::new()} />
            <RouteView path=path!("/facilitator/guide") view={Lazy::<FacilitatorGuideRoute>::new()} />
        </Routes>
    }
}

/// Shown in place of a page that could not be loaded: says that the answers are safe and
/// offers to reload (which fetches the app again, or takes it from the service worker's
/// cache once it is there).
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

/// The questionnaire's parts and its review: one wasm file, as they are used together.
#[wasm_split(questionnaire, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_questionnaire))]
fn questionnaire_page(review: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(if review {
        view! { <Review /> }.into_any()
    } else {
        view! { <QuestionnairePart /> }.into_any()
    })
}

/// The results and the option register: one wasm file, as the register is filled from the
/// results' examples and shares their code.
#[wasm_split(results_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_results_page))]
fn results_page(register: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(if register {
        view! { <OptionRegister /> }.into_any()
    } else {
        view! { <Results /> }.into_any()
    })
}

/// The facilitator's page and its guide: one wasm file, as the guide is opened from the
/// page (and so costs nothing more to fetch there).
#[wasm_split(facilitator_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_facilitator_page))]
fn facilitator_page(guide: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(if guide {
        view! { <FacilitatorGuide /> }.into_any()
    } else {
        view! { <Facilitator /> }.into_any()
    })
}

/// A split-off page's route: `$route`, a [`LazyRoute`] whose view is what `$page` (a
/// split point) returns, once the content and the saved answers are there.
macro_rules! split_route {
    ($(#[$doc:meta])* $route:ident, $page:expr, $preload:ident) => {
        $(#[$doc])*
        pub struct $route {
            // Taken when the route matches, in the app's reactive scope.
            app: Option<AppState>,
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route { app: use_context::<AppState>() }
            }
            async fn view(this: Self) -> AnyView {
                let app = this.app;
                let loaded = async move {
                    match app {
                        Some(app) => app.loaded().await,
                        None => Ok(()),
                    }
                };
                let (page, loaded) = futures::future::join($page, loaded).await;
                let page = page.map_err(|_| LoadError::Page);
                match loaded.and(page) {
                    Ok(page) => {
                        // A first visit's saved answers' module, once this page is shown.
                        if let Some(app) = app {
                            app.open_saved_after_paint();
                        }
                        page
                    }
                    Err(_) => view! { <PageLoadFailed /> }.into_any(),
                }
            }
            async fn preload() {
                // A failure shows when the page itself is opened.
                let _ = $preload().await;
            }
        }
    };
}

split_route!(
    /// `/part/:n`: the five questionnaire parts.
    PartRoute, questionnaire_page(false), preload_questionnaire
);
split_route!(
    /// `/review`: the review of all answers.
    ReviewRoute, questionnaire_page(true), preload_questionnaire
);
split_route!(
    /// `/results`: the assessment.
    ResultsRoute, results_page(false), preload_results_page
);
split_route!(
    /// `/register`: the option register.
    RegisterRoute, results_page(true), preload_results_page
);
split_route!(
    /// `/facilitator`: the workshop facilitator's page.
    FacilitatorRoute, facilitator_page(false), preload_facilitator_page
);
split_route!(
    /// `/facilitator/guide`: the facilitator's guide to running a workshop.
    FacilitatorGuideRoute, facilitator_page(true), preload_facilitator_page
);

/// Fetches the code of `route`'s page if it is split off, so that a page opened by its
/// address renders whole on the first render (without it the frame would show first and
/// the page a moment later, shifting what is on screen). A failed fetch is left for the
/// page itself to report ([`PageLoadFailed`]).
pub async fn preload(route: Route) {
    match route {
        Route::Part(_) | Route::Review => PartRoute::preload().await,
        Route::Results | Route::Register => ResultsRoute::preload().await,
        Route::Facilitator | Route::FacilitatorGuide => FacilitatorRoute::preload().await,
        Route::Welcome => {}
    }
}

/// `/index.html` is the start page under another name: the browser is sent to the app's
/// own address (`browser::app_url`, e.g. "https://example.org/cp/"), replacing the entry
/// in its history. A router redirect would land on ".../cp" without the final slash,
/// which lies outside the service worker's scope and so would not reload offline.
#[component]
fn StartPageRedirect() -> impl IntoView {
    if let Some(window) = web_sys::window() {
        // If the browser refuses, the page below still leads to the start page.
        let _ = window.location().replace(&browser::app_url());
    }
    view! { <NotFound /> }
}
