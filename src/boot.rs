//! The start-up, top to bottom:
//!
//! 1. the language to start in: the one chosen on this device, else the browser's;
//! 2. for a page opened by its address other than the welcome page: its code, that
//!    language's content and the saved answers, fetched together before the first render,
//!    while index.html's start-up notice shows;
//! 3. the app mounted in that language ([`App`]);
//! 4. otherwise the content and the saved answers after the welcome page's first paint
//!    when there is something to show from them (saved answers, a share link, a room
//!    link); else, on a first visit, the content alone when first needed (a page opens,
//!    or the welcome page's lower part comes into view), and the saved answers' module
//!    once that page is painted (`state::startup`);
//! 5. the saved answers taken over (`state::saving`, which starts saving every change);
//! 6. a share link in the address, read and offered for confirmation, then and whenever
//!    the address's fragment changes (a link pasted into an open tab);
//! 7. a workshop room's link (`?room=K7PQ`) puts this device in that room.
//!
//! The content and the saved answers are split off like pages (docs/performance.md): the
//! saved answers' module is declared here ([`open_saved_answers`]), with what acts on them.

use std::rc::Rc;

use futures::FutureExt;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_meta::provide_meta_context;
use leptos_router::components::Router;

use cp_assessment::vocabulary::Language;

mod links;

use self::links::{on_ready, room_link_waiting, share_link};
use crate::browser;
use crate::components::layout::{self, Layout};
use crate::i18n::{t, use_i18n, I18nContextProvider};
use crate::languages;
use crate::load_error::LoadError;
use crate::pages::welcome;
use crate::route::table::{self, AppRoutes};
use crate::route::Route;
use crate::state::import::ImportState;
use crate::state::{self, locale_of, saving, AppState, SavedModule, SavedViews, Startup};
use crate::storage::{self, Opened};

/// Runs the start-up; `main` calls it once, after installing the panic hook.
pub async fn start() {
    // 1. The language.
    let chosen = storage::saved_language();
    let language = chosen.unwrap_or_else(|| Language::from_preferences(&browser::languages()));
    // 2. What a split-off page needs before its first render.
    let fetched = match Route::current() {
        Some(route) if route.is_split() => {
            let (_, content, saved) = futures::future::join3(
                table::preload(route),
                languages::load_start(language),
                open_saved_answers(),
            )
            .await;
            Some(Fetched {
                content,
                saved: Some(saved),
            })
        }
        _ => None,
    };
    // 3. The app.
    browser::remove_loading_notice();
    let start = Start {
        language,
        language_was_chosen: chosen.is_some(),
        fetched,
    };
    leptos::mount::mount_to_body(move || view! { <App start /> });
    browser::register_service_worker();
}

/// What the start-up hands the app.
#[derive(Clone)]
pub struct Start {
    /// The language to start in.
    language: Language,
    /// Whether it was chosen on this device (rather than the browser's preference).
    language_was_chosen: bool,
    /// What step 2 fetched; `None` on the welcome page.
    fetched: Option<Fetched>,
}

/// The start language's content (the language it is in: English when the wanted one
/// could not be fetched) and the saved answers, as far as they could be fetched: not at
/// all on a first visit, whose pages do not wait for them.
#[derive(Clone)]
struct Fetched {
    content: Result<Language, LoadError>,
    saved: Option<Result<SavedAnswers, LoadError>>,
}

/// The saved state as read, its writer, how it is taken over, and the views that act on
/// it.
#[derive(Clone)]
struct SavedAnswers {
    opened: Opened,
    /// [`saving::take_over`], reached through the module so that its code comes with it.
    take_over: fn(AppState, Opened) -> Option<Language>,
    views: SavedViews,
}

/// The saved answers' module: their reader and writer (serde_json, the answers' checks)
/// and what acts on them — the header's Start over or Next participant, the storage
/// notices, the import prompt, the idle reset, the welcome page's kept responses, import
/// and settings, and what follows the address (share links, room links). They show only
/// once the answers are read, so they come with them; one module rather than several,
/// since each split point multiplies the shared files the splitter cuts, each a request of
/// its own (docs/performance.md).
///
/// # Errors
/// [`LoadError::SavedAnswers`] when the module cannot be fetched; storage is left as it is.
async fn open_saved_answers() -> Result<SavedAnswers, LoadError> {
    saved_answers_module()
        .await
        .map_err(|_| LoadError::SavedAnswers)
}

#[wasm_split(saved_answers, wasm_split_path = ::leptos::wasm_split, fallible)]
fn saved_answers_module() -> Result<SavedAnswers, SplitLoaderError> {
    Ok(SavedAnswers {
        opened: Opened::read_now(),
        take_over: saving::take_over,
        views: SavedViews {
            header_actions: layout::header_actions,
            prompts: layout::prompts,
            welcome_tools: welcome::tools,
            on_ready,
        },
    })
}

/// The app: UI strings (leptos_i18n; the language is kept in local storage, not in a
/// cookie), then [`AppRoot`].
#[component]
fn App(start: Start) -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider enable_cookie=false>
            <AppRoot start=start.clone() />
        </I18nContextProvider>
    }
}

/// The shared state and steps 4 to 6, then the frame and the routes (or, if the built-in
/// content does not parse, an error page).
#[component]
fn AppRoot(start: Start) -> impl IntoView {
    // A deliberate crash, only on request, so the browser tests can prove that a panic
    // shows the recovery screen and keeps the answers.
    if browser::fragment().as_deref() == Some("panic-test") {
        panic!("panic requested by #panic-test");
    }
    let i18n = use_i18n();
    let Start {
        language,
        language_was_chosen,
        fetched,
    } = start;
    let wanted = Wanted {
        language,
        chosen: language_was_chosen,
    };
    let owner = Owner::current();
    let load_owner = owner.clone();
    let load: state::Load = Rc::new(move |app| {
        let owner = load_owner.clone();
        async move {
            app.startup.set(Startup::Loading);
            let wanted = wanted.now(app);
            let fetched = if something_saved_or_sent() {
                // Together: a page may be waiting for both (docs/performance.md).
                let (content, saved) = futures::future::join(
                    languages::load_start(wanted.language),
                    open_saved_answers(),
                )
                .await;
                Fetched {
                    content,
                    saved: Some(saved),
                }
            } else {
                let content = languages::load_start(wanted.language).await;
                Fetched {
                    content,
                    saved: None,
                }
            };
            in_scope(owner.as_ref(), || settle(app, i18n, wanted, fetched))
        }
        .boxed_local()
    });
    let open_saved: state::Load = Rc::new(move |app| {
        let owner = owner.clone();
        async move {
            let saved = open_saved_answers().await;
            let wanted = wanted.now(app);
            in_scope(owner.as_ref(), || match saved {
                Ok(saved) => {
                    take_over(app, i18n, wanted, wanted.language, saved);
                    Ok(())
                }
                Err(e) => {
                    app.startup.set(Startup::Fresh(SavedModule::Unreachable));
                    Err(e)
                }
            })
        }
        .boxed_local()
    });
    let app = state::provide(i18n, state::Loads { load, open_saved });
    // The i18n provider sets its own (browser-derived) locale in its first effect, which
    // runs before this one; this one then applies the start language, once.
    let first = fetched
        .as_ref()
        .and_then(|f| f.content.clone().ok())
        .unwrap_or(language);
    Effect::new(move |done: Option<()>| {
        if done.is_none() {
            i18n.set_locale(locale_of(first));
        }
    });
    match fetched {
        Some(fetched) => {
            // 4–5 at once: the page renders with the answers.
            let _ = settle(app, i18n, wanted, fetched);
        }
        None if something_saved_or_sent() => {
            // Something to show from them: fetched right after the first paint, which
            // so waits for nothing.
            leptos::task::spawn_local(async move {
                browser::after_next_paint().await;
                let _ = app.loaded().await;
            });
        }
        // A first visit: fetched when first needed.
        None => {}
    }
    let broken = move || {
        app.startup.with(|s| match s {
            Startup::Failed(LoadError::BrokenContent(e)) => Some(e.to_string()),
            _ => None,
        })
    };
    view! {
        <Show
            when=move || broken().is_none()
            // Only reachable with broken built-in content, which the tests rule out; still
            // a readable page rather than a blank one.
            fallback=move || view! {
                <main class="page">
                    <h1>{t!(i18n, content_error.title)}</h1>
                    <p>{t!(i18n, content_error.body)}</p>
                    <pre>{broken}</pre>
                </main>
            }
        >
            // Routes live under the path Trunk's `--public-url` names ("" at the root).
            <Router base=browser::base_path()>
                <Layout>
                    <AppRoutes />
                </Layout>
            </Router>
        </Show>
    }
}

/// Runs `f` in the app's reactive scope, if it is still there: the effects the start-up
/// installs belong to it.
fn in_scope<R>(owner: Option<&Owner>, f: impl FnOnce() -> R) -> R {
    match owner {
        Some(owner) => owner.with(f),
        None => f(),
    }
}

/// The language the start-up wanted, and whether it was chosen on this device.
#[derive(Clone, Copy)]
struct Wanted {
    language: Language,
    chosen: bool,
}

impl Wanted {
    /// With the language shown now: the reader may have switched since the start.
    fn now(self, app: AppState) -> Wanted {
        Wanted {
            language: app.language.get_untracked(),
            ..self
        }
    }
}

/// Whether there may be something to show from the saved answers' module at once: saved
/// answers, a share link or a room link in the address. If not, this is a first visit.
fn something_saved_or_sent() -> bool {
    share_link().is_some() || room_link_waiting() || storage::may_hold_answers()
}

/// Steps 4 to 6 with what was fetched: the content's language is shown (with a notice if
/// it is not the one wanted), the saved answers are taken over and the start-up is
/// [`Startup::Ready`] — on a first visit [`Startup::Fresh`] until they come — or it
/// [`Startup::Failed`] with what could not be had.
fn settle(
    app: AppState,
    i18n: crate::I18n,
    wanted: Wanted,
    fetched: Fetched,
) -> Result<(), LoadError> {
    let fail = |e: LoadError| {
        app.startup.set(Startup::Failed(e.clone()));
        Err(e)
    };
    let language = match fetched.content {
        Ok(language) => language,
        Err(e) => return fail(e),
    };
    if language != wanted.language {
        // Its content could not be fetched: the app goes on in English, and says so.
        app.language_issue.set(Some(wanted.language));
        i18n.set_locale(locale_of(language));
    }
    let saved = match fetched.saved {
        None => {
            app.startup.set(Startup::Fresh(SavedModule::Waiting));
            return Ok(());
        }
        Some(Ok(saved)) => saved,
        Some(Err(e)) => {
            // A share link stays in the address bar for a reload, and the page says so.
            if share_link().is_some() {
                app.import.set(ImportState::LinkUnread);
            }
            return fail(e);
        }
    };
    take_over(app, i18n, wanted, language, saved);
    Ok(())
}

/// Step 5 to 7: the saved answers taken over in `shown` (the language of the content
/// shown), and the start-up [`Startup::Ready`].
fn take_over(
    app: AppState,
    i18n: crate::I18n,
    wanted: Wanted,
    shown: Language,
    saved: SavedAnswers,
) {
    let saved_language = (saved.take_over)(app, saved.opened);
    // A state saved before the language had a key of its own brings its language back,
    // unless the reader has switched meanwhile.
    if let Some(saved_language) = saved_language {
        if !wanted.chosen && app.language.get_untracked() == shown {
            app.select_language(i18n, saved_language);
        }
    }
    app.startup.set(Startup::Ready(saved.views));
    (saved.views.on_ready)(app);
}
