//! The reactive state shared by every page ([`AppState`]), what it does on the user's
//! behalf (answer, start over, keep a response, resume one), and where the start-up
//! stands ([`Startup`]). The start-up itself is `crate::boot`; the one effect that saves is
//! [`saving`]; answers arriving from a file or a link are [`import`].

pub mod import;
mod kept;
pub mod saving;
mod startup;

use std::rc::Rc;
use std::task::Waker;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use cp_assessment::answers::{Answer, Answers, Progress};
use cp_assessment::assess::{assess, Assessment};
use cp_assessment::content::Content;
use cp_assessment::exchange::ResponseFile;
use cp_assessment::identity::Identity;
use cp_assessment::register::Register;
use cp_assessment::state::{DeviceSettings, KeptResponse};
use cp_assessment::vocabulary::Language;

use self::import::{ImportState, PendingImport};

use crate::browser;
use crate::i18n::Locale;
use crate::languages;
use crate::load_error::LoadError;
use crate::route::Route;
use crate::storage::{self, StorageIssue};

/// Views that act on the saved answers from every page, in the saved answers' split-off
/// module (`crate::boot`): they show once the saved answers are read.
#[derive(Clone, Copy)]
pub struct SavedViews {
    /// The header's "Start over", or on a workshop device "Next participant".
    pub header_actions: fn() -> AnyView,
    /// The storage notices, the prompt for imported answers and the idle reset.
    pub prompts: fn() -> AnyView,
    /// The welcome page's kept responses, file import and workshop settings.
    pub welcome_tools: fn() -> AnyView,
    /// Once the answers are taken over: the share link and the room link in the address,
    /// and following the address's fragment for links pasted into the open tab.
    pub on_ready: fn(AppState),
}

/// Where the start-up stands: the start language's content and the saved answers.
#[derive(Clone)]
pub enum Startup {
    /// Not asked for yet: a first visit's welcome page renders without them, and they are
    /// fetched once a page needs them ([`AppState::loaded`]).
    Deferred,
    /// Being fetched.
    Loading,
    /// A first visit: the content is there and nothing was saved, so pages render with no
    /// answers; the saved answers' module (their writer, and the views acting on them) is
    /// still to come. Answers given meanwhile stay in the tab and are saved once it is
    /// there.
    Fresh(SavedModule),
    /// Both are there, the saved answers taken over and every change saved.
    Ready(SavedViews),
    /// Something could not be fetched (the next page that needs it tries again), or the
    /// built-in content is broken.
    Failed(LoadError),
}

/// On a first visit, where the saved answers' module stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedModule {
    /// Not asked for yet: it is, once the page is painted.
    Waiting,
    /// Being fetched.
    Fetching,
    /// It could not be fetched: nothing is saved yet (the layout says so), and the next
    /// page opened asks again.
    Unreachable,
}

impl Startup {
    /// The views acting on the saved answers, once they are read.
    pub fn saved_views(&self) -> Option<SavedViews> {
        match self {
            Startup::Ready(views) => Some(*views),
            _ => None,
        }
    }

    /// Whether this is a first visit whose saved answers' module could not be fetched:
    /// nothing is being saved.
    pub fn saving_unavailable(&self) -> bool {
        matches!(self, Startup::Fresh(SavedModule::Unreachable))
    }

    /// Whether a page can render: the content is there, and the saved answers are taken
    /// over or known to be none.
    fn lets_pages_render(&self) -> bool {
        matches!(self, Startup::Ready(_) | Startup::Fresh(_))
    }
}

/// Fetches what the start-up still needs and takes it over; made by `crate::boot`.
pub type Load = Rc<dyn Fn(AppState) -> LocalBoxFuture<'static, Result<(), LoadError>>>;

/// The start-up's two loads, made by `crate::boot`.
pub struct Loads {
    /// The content and, unless this is a first visit, the saved answers: what a page
    /// waits for.
    pub load: Load,
    /// On a first visit, the saved answers' module afterwards; it leaves
    /// [`Startup::Fresh`] for [`Startup::Ready`], or marks the module
    /// [`SavedModule::Unreachable`].
    pub open_saved: Load,
}

/// The start-up's loading: started when first asked for, awaited by everyone who asks.
/// Whether it succeeded is [`Startup`]'s to say.
struct Loader {
    loads: Loads,
    /// While the first load runs, who waits for it; `None` when it is not running.
    waiting: Option<Vec<Waker>>,
}

impl Loader {
    fn new(loads: Loads) -> Self {
        Loader {
            loads,
            waiting: None,
        }
    }
}

/// Handles to the shared state. Cheap to copy; get it with [`use_app`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// Where the start-up stands.
    pub startup: RwSignal<Startup>,
    /// The language shown (follows the leptos_i18n locale).
    pub language: Memo<Language>,
    /// A language whose content could not be fetched (at start-up or when switching to
    /// it); the layout says so.
    pub language_issue: RwSignal<Option<Language>>,
    /// The respondent's answers, by question id (never by label, so switching language
    /// changes nothing); every change is saved at once.
    pub answers: RwSignal<Answers>,
    /// The response's option register, saved, kept and exported with its answers.
    pub register: RwSignal<Register>,
    /// The response's id and times.
    pub identity: RwSignal<Identity>,
    /// The page last visited, for "continue where you left off".
    pub last_page: RwSignal<Option<Route>>,
    /// Answers from a file or share link: awaiting confirmation, loaded or refused.
    pub import: RwSignal<ImportState>,
    /// A storage problem to show, if any.
    pub storage_issue: RwSignal<Option<StorageIssue>>,
    /// Set when another tab changed the answers and this tab took them over.
    pub synced_from_other_tab: RwSignal<bool>,
    /// Other responses kept on this device.
    pub kept: RwSignal<Vec<KeptResponse>>,
    /// This device's workshop settings.
    pub device: RwSignal<DeviceSettings>,
    loader: StoredValue<Loader, LocalStorage>,
}

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

/// A new response's identity: a fresh id, started now.
pub fn fresh_identity() -> Identity {
    Identity::new(browser::new_uuid(), browser::now_rfc3339())
}

/// Creates the [`AppState`], following the i18n context's language, and provides it as
/// context. Call once, inside the i18n provider; `loads` finish the start-up when first
/// asked ([`AppState::loaded`]).
pub fn provide(i18n: crate::I18n, loads: Loads) -> AppState {
    let app = AppState {
        startup: RwSignal::new(Startup::Deferred),
        language: Memo::new(move |_| language_of(i18n.get_locale())),
        language_issue: RwSignal::new(None),
        answers: RwSignal::new(Answers::new()),
        register: RwSignal::new(Register::default()),
        identity: RwSignal::new(fresh_identity()),
        last_page: RwSignal::new(None),
        import: RwSignal::new(ImportState::Idle),
        storage_issue: RwSignal::new(None),
        synced_from_other_tab: RwSignal::new(false),
        kept: RwSignal::new(Vec::new()),
        device: RwSignal::new(DeviceSettings::default()),
        loader: StoredValue::new_local(Loader::new(loads)),
    };
    provide_context(app);
    app
}

/// The shared state provided by [`provide`].
///
/// Usage: `let app = use_app(); app.answers.with(|a| a.len())`.
pub fn use_app() -> AppState {
    // Provided by the app's root before any page renders; missing only through a
    // programming error.
    expect_context::<AppState>()
}

impl AppState {
    /// Runs `f` with the content of the current language (tracks the language and the
    /// start-up). `None` only while no content has arrived: on the welcome page before it
    /// is fetched, or when it could not be. Every other page renders only once it is there.
    pub fn with_content<R>(&self, f: impl FnOnce(&Content) -> R) -> Option<R> {
        self.startup.track();
        languages::shown(self.language.get()).map(f)
    }

    /// Like [`AppState::with_content`] without tracking anything.
    pub fn with_content_untracked<R>(&self, f: impl FnOnce(&Content) -> R) -> Option<R> {
        languages::shown(self.language.get_untracked()).map(f)
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
                    // Kept at once: on a first visit the saving effect may not run yet.
                    storage::save_language(language);
                }
                Err(_) => app.language_issue.set(Some(language)),
            }
        });
    }

    /// The assessment of the current answers in the current language, as a memo owned by
    /// the calling page: created by the page that shows results, so that the assessment's
    /// code loads with that page and nothing is computed for pages that show progress only.
    /// `None` while no content is there (never on the results page, which awaits it).
    pub fn assessment_memo(&self) -> Memo<Option<Assessment>> {
        let app = *self;
        Memo::new(move |_| app.with_content(|c| app.answers.with(|a| assess(c, a))))
    }

    /// The progress of the whole questionnaire (tracks the answers and the language);
    /// `None` while no content is there.
    pub fn progress(&self) -> Option<Progress> {
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

    /// Replaces all answers with confirmed imported ones, and the register with theirs; a
    /// share link carries no register, so the current one stays only if the link is the
    /// same response.
    pub fn apply_import(&self, pending: PendingImport) {
        let same = pending.identity.as_ref().is_some_and(|i| {
            self.identity
                .with_untracked(|c| c.response_id == i.response_id)
        });
        match pending.register {
            Some(register) => self.register.set(register),
            None if same => {}
            None => self.register.set(Register::default()),
        }
        self.answers.set(pending.answers);
        self.identity
            .set(pending.identity.unwrap_or_else(fresh_identity));
        self.import.set(ImportState::Loaded);
    }

    /// "Start over": forgets every answer, here and in storage (the language, kept
    /// responses and device settings stay; the saving effect writes them back).
    pub fn start_over(&self) {
        self.answers.set(Answers::new());
        self.register.set(Register::default());
        self.last_page.set(None);
        self.identity.set(fresh_identity());
        if let Err(issue) = storage::clear() {
            self.storage_issue.set(Some(issue));
        }
    }

    /// "Next participant": clears every trace of the current response from the page and
    /// from storage — answers, page, notices, imports, the unreadable backup — keeping
    /// only the device's settings and language.
    pub fn next_participant(&self) {
        self.start_over();
        self.import.set(ImportState::Idle);
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

    /// The export of `answers` and `register` under `identity`, made in this device's
    /// workshop room if it is in one: only the answers to questions shown leave the device.
    /// `None` while no content is there, or when nothing is answered (such a response is
    /// never exported).
    pub fn response_file(
        &self,
        identity: &Identity,
        answers: &Answers,
        register: &Register,
    ) -> Option<ResponseFile> {
        let room = self.device.with_untracked(|d| d.room.clone());
        self.with_content_untracked(|c| {
            identity.export(
                &c.bank,
                self.language.get_untracked(),
                answers,
                register,
                room,
            )
        })
        .filter(|file| !file.answers.is_empty())
    }

    /// "Next participant" on a shared device: the current response, if anything is
    /// answered, goes into the device's outbox for the facilitator, and then every trace
    /// of it is cleared ([`AppState::next_participant`]).
    ///
    /// # Errors
    /// The outbox could not be written: nothing is cleared, the response stays in the tab
    /// and [`AppState::storage_issue`] says why.
    pub fn finish_to_outbox(&self) -> Result<(), StorageIssue> {
        let identity = self.identity.get_untracked();
        let file = self.answers.with_untracked(|a| {
            self.register
                .with_untracked(|r| self.response_file(&identity, a, r))
        });
        if let Some(file) = file {
            if let Err(issue) = storage::put_in_outbox(file) {
                self.storage_issue.set(Some(StorageIssue::OutboxFailed));
                return Err(issue);
            }
        }
        self.next_participant();
        Ok(())
    }
}
