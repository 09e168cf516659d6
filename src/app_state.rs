//! The reactive state shared by all pages, and the one effect that writes it to local
//! storage (house style: side effects at the edge, in one place).

use leptos::prelude::*;

use crate::domain::answers::{Answer, Answers};
use crate::domain::assess::{assess, Assessment};
use crate::domain::content::Content;
use crate::domain::state::SavedState;
use crate::storage::{self, StorageIssue};

/// Handles to the shared state. Cheap to copy; get it with [`use_app_state`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The content (question bank, catalogue, rules), fixed for the session.
    pub content: StoredValue<Content>,
    /// The respondent's answers; every change is saved at once.
    pub answers: RwSignal<Answers>,
    /// The app path last visited, e.g. "/part/3" (saved, for "continue where you left off").
    pub last_page: RwSignal<Option<String>>,
    /// A storage problem to show, if any.
    pub storage_issue: RwSignal<Option<StorageIssue>>,
    /// The assessment of the current answers.
    pub assessment: Memo<Assessment>,
}

impl AppState {
    /// Sets (or with `None`, removes) the answer to one question.
    pub fn answer(&self, question_id: &str, answer: Option<Answer>) {
        self.answers.update(|a| match answer {
            Some(answer) => a.set(question_id, answer),
            None => a.clear(question_id),
        });
    }

    /// "Start over": forgets every answer, here and in storage.
    pub fn start_over(&self) {
        self.answers.set(Answers::new());
        self.last_page.set(None);
        if let Err(issue) = storage::clear() {
            self.storage_issue.set(Some(issue));
        }
    }
}

/// Loads the saved answers, provides the [`AppState`] as context and installs the effect
/// that saves every change. Call once, in `App`.
pub fn provide_app_state(content: Content) {
    let (saved, issue) = match storage::load() {
        Ok(saved) => (saved, None),
        Err(issue) => (None, Some(issue)),
    };
    let blocked = issue.as_ref().is_some_and(StorageIssue::blocks_saving);
    let (answers, last_page) = saved.map_or((Answers::new(), None), |s| (s.answers, s.last_page));
    let content = StoredValue::new(content);
    let answers = RwSignal::new(answers);
    let last_page = RwSignal::new(last_page);
    let storage_issue = RwSignal::new(issue);
    let assessment = Memo::new(move |_| content.with_value(|c| answers.with(|a| assess(c, a))));

    // The one place that writes storage: runs on every change of answers or page.
    Effect::new(move |_| {
        let state = SavedState::new(answers.get(), last_page.get());
        if blocked {
            return;
        }
        match storage::save(&state) {
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

    provide_context(AppState {
        content,
        answers,
        last_page,
        storage_issue,
        assessment,
    });
}

/// The shared state provided by [`provide_app_state`].
///
/// Usage: `let app = use_app_state(); app.answers.with(|a| a.len())`.
pub fn use_app_state() -> AppState {
    // Provided by `App` before any page renders; missing only through a programming error.
    expect_context::<AppState>()
}
