//! The reactive state shared by all pages, and the one effect that writes it to local
//! storage (house style: side effects at the edge, in one place).

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::browser;
use cp_assessment::answers::{Answer, Answers};
use cp_assessment::assess::{assess, Assessment};
use cp_assessment::bank::{Bank, ContentError};
use cp_assessment::content::Content;
use cp_assessment::exchange::{decode_share, ImportError, SHARE_PREFIX};
use cp_assessment::state::{
    DeviceSettings, KeptResponse, SavedStateRef, STATE_FORMAT, STATE_VERSION,
};
use cp_assessment::vocabulary::Language;
use crate::i18n::{use_i18n, Locale};
use crate::languages::{self, LanguageLoadError};
use crate::routes::PageLoadError;
use crate::storage::{self, Opened, StorageIssue};

/// The leptos_i18n locale of a language.
pub fn locale_of(language: Language) -> Locale {
    match language {
        Language::En => Locale::en,
        Language::ZhCn => Locale::zh_CN,
    }
}

/// The language of a leptos_i18n locale.
pub fn language_of(locale: Locale) -> Language {
    match locale {
        Locale::en => Language::En,
        Locale::zh_CN => Language::ZhCn,
    }
}

/// Who a response is, for exports: a UUID and RFC 3339 times.
#[derive(Clone, Debug, PartialEq)]
pub struct Identity {
    /// The response id (UUID).
    pub response_id: String,
    /// When the response was started.
    pub created: String,
    /// When an answer last changed.
    pub updated: String,
}

impl Identity {
    /// A new identity, created now.
    pub fn fresh() -> Self {
        let now = browser::now_rfc3339();
        Identity {
            response_id: browser::new_uuid(),
            created: now.clone(),
            updated: now,
        }
    }
}

/// Answers waiting for the user's confirmation before they replace the current ones (from
/// a file or a share link). Never applied without a click.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// The answers, already validated in full.
    pub answers: Answers,
    /// The identity the file carried; `None` for share links and migrated states.
    pub identity: Option<Identity>,
    /// Where they come from: a file name, or `None` for a share link.
    pub source: Option<String>,
}

/// Handles to the shared state. Cheap to copy; get it with [`use_app_state`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// Set once the start language's content is there ([`crate::languages`]): right away
    /// on pages that await it before their first render, a moment after the first render
    /// on the welcome page. [`AppState::with_content`] tracks it.
    pub content_loaded: RwSignal<bool>,
    /// Set once the saved state has been read and taken over ([`read_saved_state`]): before
    /// the first render on pages that await it, a moment after it on the welcome page.
    /// Until then the answers are empty and nothing is saved.
    pub state_loaded: RwSignal<bool>,
    /// Set when the built-in content does not parse (ruled out by the tests); the app then
    /// shows an error page instead of the routes.
    pub content_error: RwSignal<Option<ContentError>>,
    /// The language shown (follows the leptos_i18n locale).
    pub language: Memo<Language>,
    /// The respondent's answers, by question id (never by label, so switching language
    /// changes nothing); every change is saved at once.
    pub answers: RwSignal<Answers>,
    /// The app path last visited, e.g. "/part/3" (saved, for "continue where you left off").
    pub last_page: RwSignal<Option<String>>,
    /// A storage problem to show, if any.
    pub storage_issue: RwSignal<Option<StorageIssue>>,
    /// The response's id and times.
    pub identity: RwSignal<Identity>,
    /// Answers from a file or share link awaiting confirmation.
    pub pending_import: RwSignal<Option<PendingImport>>,
    /// Why the last import or share link was refused, if it was.
    pub import_error: RwSignal<Option<ImportError>>,
    /// Set when another tab changed the answers and this tab took them over.
    pub synced_from_other_tab: RwSignal<bool>,
    /// Set when imported answers were loaded (cleared by the next import).
    pub import_loaded: RwSignal<bool>,
    /// Other responses kept on this device.
    pub kept: RwSignal<Vec<KeptResponse>>,
    /// This device's workshop settings.
    pub device: RwSignal<DeviceSettings>,
    /// A language whose content could not be fetched (at start-up or when switching to
    /// it); the layout says so. `None` when all is well.
    pub language_issue: RwSignal<Option<Language>>,
    /// Set when a share link was opened but the code that reads it could not be fetched;
    /// the link stays in the address bar and the layout says to reload.
    pub share_link_unread: RwSignal<bool>,
}

impl AppState {
    /// Runs `f` with the content of the current language (tracks the language and the
    /// content's arrival). `None` only while no content has arrived yet: on the welcome
    /// page just after start-up, or when its module could not be fetched. Every other page
    /// awaits the content before it renders (`crate::routes`), so there it is `Some`.
    pub fn with_content<R>(&self, f: impl FnOnce(&Content) -> R) -> Option<R> {
        self.content_loaded.track();
        content_of(self.language.get()).map(f)
    }

    /// Like [`AppState::with_content`] without tracking anything.
    pub fn with_content_untracked<R>(&self, f: impl FnOnce(&Content) -> R) -> Option<R> {
        content_of(self.language.get_untracked()).map(f)
    }

    /// Selects `language` for the whole app, first fetching its content if it is not there
    /// yet. If that fails, the language stays as it is and [`AppState::language_issue`]
    /// names the one that could not be loaded (cleared by the next successful switch).
    pub fn select_language(&self, i18n: crate::I18n, language: Language) {
        let app = *self;
        leptos::task::spawn_local(async move {
            match languages::load(language).await {
                Ok(_) => {
                    app.language_issue.set(None);
                    i18n.set_locale(locale_of(language));
                }
                Err(_) => app.language_issue.set(Some(language)),
            }
        });
    }

    /// The assessment of the current answers in the current language, as a memo owned by
    /// the calling page. Create it in the page that shows results (the results page),
    /// not at start-up: the assessment's code then loads with that page (code splitting,
    /// `crate::routes`), and nothing is computed for pages that only need progress
    /// ([`Answers::progress`](cp_assessment::answers::Answers::progress)).
    /// `None` while no content is there (never on the results page, which awaits it).
    pub fn assessment_memo(&self) -> Memo<Option<Assessment>> {
        let app = *self;
        Memo::new(move |_| app.with_content(|c| app.answers.with(|a| assess(c, a))))
    }

    /// The progress of the whole questionnaire (tracks the answers and the language);
    /// `None` while no content is there.
    pub fn progress(&self) -> Option<cp_assessment::answers::Progress> {
        self.with_content(|c| self.answers.with(|a| a.progress(&c.bank)))
    }

    /// Sets (or with `None`, removes) the answer to one question.
    pub fn answer(&self, question_id: &str, answer: Option<Answer>) {
        self.answers.update(|a| match answer {
            Some(answer) => a.set(question_id, answer),
            None => a.clear(question_id),
        });
        self.identity.update(|i| i.updated = browser::now_rfc3339());
    }

    /// Replaces all answers with confirmed imported ones.
    pub fn apply_import(&self, pending: PendingImport) {
        self.answers.set(pending.answers);
        self.identity
            .set(pending.identity.unwrap_or_else(Identity::fresh));
        self.import_error.set(None);
        self.pending_import.set(None);
        self.import_loaded.set(true);
    }

    /// "Start over": forgets every answer, here and in storage (the language, kept
    /// responses and device settings stay; the saving effect writes them back).
    pub fn start_over(&self) {
        self.answers.set(Answers::new());
        self.last_page.set(None);
        self.identity.set(Identity::fresh());
        if let Err(issue) = storage::clear() {
            self.storage_issue.set(Some(issue));
        }
    }

    /// "Next participant": clears every trace of the current response from the page and
    /// from storage — answers, page, notices, pending imports, the unreadable backup —
    /// keeping only the device's settings and language.
    pub fn next_participant(&self) {
        self.start_over();
        self.pending_import.set(None);
        self.import_error.set(None);
        self.import_loaded.set(false);
        self.synced_from_other_tab.set(false);
        if self
            .storage_issue
            .get_untracked()
            .is_some_and(|i| !i.blocks_saving())
        {
            self.storage_issue.set(None);
        }
        storage::clear_backup();
    }

    /// The current response as a kept one.
    fn current(&self) -> KeptResponse {
        let id = self.identity.get_untracked();
        KeptResponse {
            response_id: id.response_id,
            created: id.created,
            updated: id.updated,
            answers: self.answers.get_untracked(),
        }
    }

    /// "Keep this response and start another": puts the current response first in the
    /// kept list and starts an empty one.
    pub fn keep_and_start_another(&self) {
        let current = self.current();
        self.kept.update(|k| k.insert(0, current));
        self.start_over();
    }

    /// Resumes kept response `index`; the current one, if it has answers, is kept instead.
    pub fn resume(&self, index: usize) {
        let current = self.current();
        let mut chosen = None;
        self.kept.update(|k| {
            if index < k.len() {
                chosen = Some(k.remove(index));
                if !current.answers.is_empty() {
                    k.insert(0, current);
                }
            }
        });
        if let Some(r) = chosen {
            self.answers.set(r.answers);
            self.identity.set(Identity {
                response_id: r.response_id,
                created: r.created,
                updated: r.updated,
            });
            self.last_page.set(None);
        }
    }

    /// Deletes kept response `index` for good.
    pub fn delete_kept(&self, index: usize) {
        self.kept.update(|k| {
            if index < k.len() {
                k.remove(index);
            }
        });
    }
}

/// The content of `language` ([`crate::languages`]), or, while it is not available, any
/// content that is.
fn content_of(language: Language) -> Option<&'static Content> {
    languages::available(language).or_else(languages::any_available)
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The language to start in: the one chosen on this device ([`storage::saved_language`]),
/// or on a first visit the browser's preference. `main` calls it to fetch that language's
/// content before the first render.
pub fn start_language() -> Language {
    let language = storage::saved_language()
        .unwrap_or_else(|| Language::from_preferences(&browser_languages()));
    languages::set_start(language);
    language
}

/// Where the saved state stands: read by `main` before the app exists, waiting for
/// [`provide_app_state`]'s taker, or taken over.
enum SavedSlot {
    /// Not read yet, and no app to take it over.
    NotRead,
    /// Read (by `main`, for a page that awaits it) before the app existed.
    Read(Opened),
    /// The app exists and takes the state over once it is read.
    Waiting(Box<dyn FnOnce(Opened)>),
    /// Taken over by the app.
    Taken,
}

thread_local! {
    static SAVED: std::cell::RefCell<SavedSlot> = const { std::cell::RefCell::new(SavedSlot::NotRead) };
}

/// Reads the saved state (fetching its split-off reader, [`storage::open`]) and has the app
/// take it over, unless that has happened. Called by `main` for a page opened by its
/// address, by the welcome page after its first paint, and by every split-off page before
/// its first render (`crate::routes`); whichever comes first reads it, once it succeeds.
///
/// # Errors
/// [`PageLoadError`] when the reader cannot be fetched; nothing is saved until a later
/// call succeeds, so the stored answers are kept.
pub async fn read_saved_state() -> Result<(), PageLoadError> {
    if SAVED.with(|s| matches!(*s.borrow(), SavedSlot::Read(_) | SavedSlot::Taken)) {
        return Ok(());
    }
    let opened = storage::open().await?;
    let slot = SAVED.with(|s| std::mem::replace(&mut *s.borrow_mut(), SavedSlot::Taken));
    match slot {
        SavedSlot::Waiting(take) => take(opened),
        SavedSlot::NotRead => SAVED.with(|s| *s.borrow_mut() = SavedSlot::Read(opened)),
        // Another call was first.
        done @ (SavedSlot::Read(_) | SavedSlot::Taken) => SAVED.with(|s| *s.borrow_mut() = done),
    }
    Ok(())
}

/// Provides the [`AppState`] as context, in the start language, and makes sure the start
/// language's content and the saved answers come (both split off): taken over at once
/// when `main` awaited them, else fetched right after the first render (see
/// [`crate::languages`] and [`read_saved_state`]). The effect that saves every change is
/// installed once the saved state has been taken over, so nothing is ever written over
/// it unread. Call once, inside the i18n provider.
pub fn provide_app_state() {
    let i18n = use_i18n();
    let wanted = languages::start();
    // The language chosen on this device, unless it is only the browser's preference: a
    // state saved by an earlier version kept its language only inside the saved state.
    let language_was_saved = storage::saved_language().is_some();
    // The preferred language, unless `main` fetched the content already
    // (`languages::load_start`) and had to fall back to English because the preferred
    // language's module could not be fetched.
    let started_in = languages::started_in();
    let start = RwSignal::new(started_in.unwrap_or(wanted));
    let language_issue = RwSignal::new(started_in.filter(|&l| l != wanted).map(|_| wanted));
    let content_loaded = RwSignal::new(started_in.is_some());
    // In an effect: the i18n provider sets its own (browser-derived) locale in its first
    // effect, which runs before this one; this one then applies ours, once.
    Effect::new(move |done: Option<()>| {
        if done.is_none() {
            i18n.set_locale(locale_of(start.get_untracked()));
        }
    });

    let app = AppState {
        content_loaded,
        state_loaded: RwSignal::new(false),
        content_error: RwSignal::new(None),
        language: Memo::new(move |_| language_of(i18n.get_locale())),
        answers: RwSignal::new(Answers::new()),
        last_page: RwSignal::new(None),
        storage_issue: RwSignal::new(None),
        identity: RwSignal::new(Identity::fresh()),
        pending_import: RwSignal::new(None),
        import_error: RwSignal::new(None),
        synced_from_other_tab: RwSignal::new(false),
        import_loaded: RwSignal::new(false),
        kept: RwSignal::new(Vec::new()),
        device: RwSignal::new(DeviceSettings::default()),
        language_issue,
        share_link_unread: RwSignal::new(false),
    };
    provide_context(app);

    // Taken over in this reactive scope, whenever it is read.
    let owner = Owner::current();
    let take = move |opened: Opened| {
        let take_over = move || take_over(app, i18n, opened, language_was_saved, start);
        match &owner {
            Some(owner) => owner.with(take_over),
            None => take_over(),
        }
    };
    let slot = SAVED.with(|s| std::mem::replace(&mut *s.borrow_mut(), SavedSlot::Taken));
    match slot {
        SavedSlot::Read(opened) => take(opened),
        // `SavedSlot::Waiting` or `Taken` only if the app were provided twice.
        _ => SAVED.with(|s| *s.borrow_mut() = SavedSlot::Waiting(Box::new(take))),
    }

    // A share link's answers are offered, never applied silently, and only once the saved
    // answers are there to compare (the prompt says how many it replaces). The link is
    // read against the question bank, so once the content is there, by code split off
    // like a page (it is needed only when a link is opened). The fragment is then
    // cleared, so a reload does not offer them again; if that code cannot be fetched, the
    // link stays in the address bar for a reload and the layout says so.
    let share_link = browser::fragment().filter(|f| f.starts_with(SHARE_PREFIX));
    let has_link = share_link.is_some();
    let offer_share_link = move || {
        let (Some(fragment), Some(content)) = (share_link, content_of(start.get_untracked()))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            match read_share_link(fragment, &content.bank).await {
                Ok(Ok(shared)) => app.pending_import.set(Some(PendingImport {
                    answers: shared,
                    identity: None,
                    source: None,
                })),
                Ok(Err(e)) => app.import_error.set(Some(e)),
                Err(PageLoadError) => {
                    app.share_link_unread.set(true);
                    return;
                }
            }
            browser::clear_fragment();
        });
    };
    if content_loaded.get_untracked() && app.state_loaded.get_untracked() {
        offer_share_link();
        return;
    }
    let background = async move {
        let content = async move {
            if content_loaded.get_untracked() {
                return Ok(start.get_untracked());
            }
            languages::load_start(wanted).await
        };
        // One after the other: each fetch starts a burst of requests for the module's
        // shared chunks, and each arrival a burst of compiling; together they made one
        // long task of the welcome page's main thread (Lighthouse's Total Blocking Time).
        let content = content.await;
        let saved = read_saved_state().await;
        match content {
            Ok(language) => {
                if language != start.get_untracked() {
                    language_issue.set(Some(wanted));
                    start.set(language);
                    i18n.set_locale(locale_of(language));
                }
                content_loaded.set(true);
                if saved.is_ok() {
                    offer_share_link();
                }
            }
            // Nothing to show the questions with: the welcome page goes without its
            // counts, and any other page says it could not be loaded (Try again).
            Err(LanguageLoadError::NotFetched) => {}
            Err(LanguageLoadError::Content(e)) => app.content_error.set(Some(e)),
        }
    };
    if has_link || storage::may_hold_answers() {
        // Saved answers (or a link's) to show: fetched right after the first paint, so
        // the first paint waits for nothing.
        leptos::task::spawn_local(async move {
            browser::after_next_paint().await;
            background.await;
        });
    } else {
        // A first visit: nothing to show from them yet, so they wait for the welcome
        // page's lower part (`load_in_background`) or the first page that needs them.
        BACKGROUND.with(|b| *b.borrow_mut() = Some(Box::pin(background)));
    }
}

/// The welcome page's fetching of the content and the saved state, kept for later.
type Background = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

thread_local! {
    /// On a first visit, the fetching of the content and the saved state that the welcome
    /// page starts when its lower part comes into view ([`load_in_background`]).
    static BACKGROUND: std::cell::RefCell<Option<Background>> =
        const { std::cell::RefCell::new(None) };
}

/// On a first visit, fetches the content and the saved state's reader now (the welcome page
/// calls it when its kept responses, import and workshop settings come into view; they
/// need both). Does nothing when they are fetched already or being fetched.
pub fn load_in_background() {
    if let Some(background) = BACKGROUND.with(|b| b.borrow_mut().take()) {
        leptos::task::spawn_local(background);
    }
}

/// Takes over what [`storage::open`] read: the answers, page, identity, kept responses and
/// device settings, or the storage problem. Then installs the one effect that saves every
/// change and follows other tabs' writes. A state saved by an earlier version, before the
/// language had a key of its own, also brings back its language (unless the reader has
/// switched meanwhile).
fn take_over(
    app: AppState,
    i18n: crate::I18n,
    opened: Opened,
    language_was_saved: bool,
    start: RwSignal<Language>,
) {
    let Opened { read, store } = opened;
    let (saved, issue) = match read {
        Ok(saved) => (saved, None),
        Err(issue) => (None, Some(issue)),
    };
    let blocked = issue.as_ref().is_some_and(StorageIssue::blocks_saving);
    let saved = saved.unwrap_or_default();
    if !saved.response_id.is_empty() {
        app.identity.set(Identity {
            response_id: saved.response_id,
            created: saved.created,
            updated: saved.updated,
        });
    }
    app.answers.set(saved.answers);
    // A page opened meanwhile (from the welcome page, before the state was read) is the
    // newer place to continue from.
    if app.last_page.with_untracked(Option::is_none) {
        app.last_page.set(saved.last_page);
    }
    app.kept.set(saved.kept);
    app.device.set(saved.device);
    app.storage_issue.set(issue);
    if let Some(language) = saved.language {
        if !language_was_saved && app.language.get_untracked() == start.get_untracked() {
            app.select_language(i18n, language);
        }
    }

    let AppState {
        answers,
        last_page,
        identity,
        kept,
        device,
        language,
        storage_issue,
        ..
    } = app;
    // The language's own key, written when the language changes (not on every answer).
    Effect::new(move |_| storage::save_language(language.get()));
    // The one place that writes storage: runs on every change of answers, page or language.
    Effect::new(move |_| {
        // Read in place (tracked), not cloned: this runs after every answer.
        let (answers, last_page, id) = (answers.read(), last_page.read(), identity.read());
        let (kept, device) = (kept.read(), device.read());
        let language = language.get();
        let state = SavedStateRef {
            format: STATE_FORMAT,
            version: STATE_VERSION,
            answers: &answers,
            last_page: last_page.as_deref(),
            language: Some(language),
            response_id: &id.response_id,
            created: &id.created,
            updated: &id.updated,
            kept: &kept,
            device: &device,
        };
        if blocked {
            return;
        }
        match store.save(&state) {
            Ok(()) => {
                if storage_issue.get_untracked() == Some(StorageIssue::WriteFailed) {
                    storage_issue.set(None);
                }
            }
            Err(e) => {
                if storage_issue.get_untracked().as_ref() != Some(&e) {
                    storage_issue.set(Some(e));
                }
            }
        }
    });

    // Two tabs: each tab saves its whole state on every change, so the stored state is
    // always the newest. Taking another tab's answers as soon as it writes keeps this tab
    // from later overwriting them with a stale copy. Equal answers are skipped, which also
    // ends the echo of this tab's own re-save.
    store.on_other_tab_change(move |state| {
        if blocked || answers.with_untracked(|a| *a == state.answers) {
            return;
        }
        answers.set(state.answers);
        if !state.response_id.is_empty() {
            identity.set(Identity {
                response_id: state.response_id,
                created: state.created,
                updated: state.updated,
            });
        }
        app.synced_from_other_tab.set(true);
    });
    app.state_loaded.set(true);
}

/// Reads a share link's answers against `bank` ([`decode_share`]), in a split-off module
/// (inflate, base64 and the answer checks are not needed to show the first page). It
/// shares the module of the welcome page's kept responses and import, which need the
/// same answer checks: one module instead of two halves the small shared files the
/// splitter would otherwise cut, each a request of its own.
///
/// # Errors
/// [`PageLoadError`] when the module cannot be fetched.
#[wasm_split(welcome_tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_share_link(
    fragment: String,
    bank: &'static Bank,
) -> Result<Result<Answers, ImportError>, PageLoadError> {
    Ok(decode_share(&fragment, bank))
}

/// The shared state provided by [`provide_app_state`].
///
/// Usage: `let app = use_app_state(); app.answers.with(|a| a.len())`.
pub fn use_app_state() -> AppState {
    // Provided by `App` before any page renders; missing only through a programming error.
    expect_context::<AppState>()
}
