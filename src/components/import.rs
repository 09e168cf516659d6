//! Answers arriving on the device without a server: a file loaded with the picker or by
//! drag-and-drop, or a share link, confirmed before they replace anything; and the reason,
//! in the user's words, when a file or link is refused.

use leptos::prelude::*;
use leptos::task::spawn_local;

use cp_assessment::content::Content;
use cp_assessment::exchange::{import, ImportError, ImportSource, MAX_IMPORT_BYTES};

use crate::components::file_drop::{read_export, FileDropZone};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::import::{ImportState, PendingImport};
use crate::state::use_app;
use crate::I18n;

/// The message for a refused file or link, in the current language. A link's are worded for
/// a link: its answers' errors have their own texts, and anything else wrong with it (the
/// domain already reads a garbled link as [`ImportError::BadLink`]) is a damaged link.
pub fn import_error_message(
    i18n: I18n,
    content: &Content,
    error: &ImportError,
    from: ImportSource,
) -> String {
    let kb = |bytes: usize| bytes.div_ceil(1024);
    // Name the question as the user knows it, not by its id.
    let question_text = |id: &String| {
        content
            .bank
            .question(id)
            .map_or_else(|| id.clone(), |q| q.text.clone())
    };
    let link = from == ImportSource::Link;
    let text = match error {
        ImportError::UnknownQuestions(ids) if link => t_string!(
            i18n,
            import.link_errors.unknown_questions,
            list = ids.join(", ")
        )
        .to_string(),
        ImportError::InvalidAnswer { question, .. } if link => t_string!(
            i18n,
            import.link_errors.invalid_answer,
            question = question_text(question)
        )
        .to_string(),
        ImportError::NoAnswers => t_string!(i18n, import.errors.no_answers).to_string(),
        _ if link => t_string!(i18n, import.errors.bad_link).to_string(),
        ImportError::TooLarge(size) => t_string!(
            i18n,
            import.errors.too_large,
            size = kb(*size),
            max = kb(MAX_IMPORT_BYTES)
        )
        .to_string(),
        ImportError::NotText => t_string!(i18n, import.errors.not_text).to_string(),
        ImportError::NotJson(_) => t_string!(i18n, import.errors.not_json).to_string(),
        ImportError::TooDeep => t_string!(i18n, import.errors.too_deep).to_string(),
        ImportError::DuplicateKey(key) => {
            t_string!(i18n, import.errors.duplicate_key, key = key.clone()).to_string()
        }
        ImportError::NotAResponse => t_string!(i18n, import.errors.not_a_response).to_string(),
        ImportError::NewerVersion(v) => {
            t_string!(i18n, import.errors.newer_version, version = *v).to_string()
        }
        ImportError::UnsupportedVersion => {
            t_string!(i18n, import.errors.unsupported_version).to_string()
        }
        ImportError::OtherQuestionnaire(id) => {
            t_string!(i18n, import.errors.other_questionnaire, id = id.clone()).to_string()
        }
        ImportError::BadField(field) => {
            t_string!(i18n, import.errors.bad_field, field = *field).to_string()
        }
        ImportError::UnknownQuestions(ids) => {
            t_string!(i18n, import.errors.unknown_questions, list = ids.join(", ")).to_string()
        }
        ImportError::InvalidAnswer { question, .. } => t_string!(
            i18n,
            import.errors.invalid_answer,
            question = question_text(question)
        )
        .to_string(),
        ImportError::BadLink => t_string!(i18n, import.errors.bad_link).to_string(),
        ImportError::OutboxFile => t_string!(i18n, import.errors.outbox_file).to_string(),
    };
    format!("{}{text}", t_string!(i18n, import.refused))
}

/// Reads a chosen or dropped file, validates it completely, and offers it for confirmation.
fn read_file(file: web_sys::File) {
    let app = use_app();
    spawn_local(async move {
        let (name, bytes) = read_export(file).await;
        let result = bytes.and_then(|bytes| {
            // The import panel shows once the content is there, so `None` is not expected.
            app.with_content_untracked(|c| import(&bytes, &c.bank))
                .unwrap_or(Err(ImportError::NotText))
        });
        app.import.set(match result {
            Ok(response) => ImportState::Pending(PendingImport {
                identity: response.identity(),
                answers: response.answers,
                register: Some(response.register),
                source: Some(name),
            }),
            Err(e) => ImportState::Refused(e, ImportSource::File),
        });
    });
}

/// File picker and drop zone for a JSON export.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    // One response at a time: the first file is the one the user meant.
    let on_files = Callback::new(|files: Vec<web_sys::File>| {
        if let Some(file) = files.into_iter().next() {
            read_file(file);
        }
    });
    view! {
        <section aria-labelledby="import-h" class="import no-print">
            <h2 id="import-h">{t!(i18n, import.heading)}</h2>
            <p id="import-help">{t!(i18n, import.help)}</p>
            <FileDropZone
                label=Signal::derive(move || t_string!(i18n, import.choose).to_string())
                drop_text=Signal::derive(move || t_string!(i18n, import.drop).to_string())
                help_id="import-help"
                test_id="drop-zone"
                on_files=on_files
            />
        </section>
    }
}

/// The confirmation for answers from a file or share link, what became of them, and the
/// reason a file or link was refused. Shown on every page, above the content.
#[component]
pub fn ImportPrompt() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // The file picker may be far down the page: bring whatever the import produced into
    // view and give it focus, so the answer to the user's action is never off-screen.
    let region = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let (true, Some(el)) = (app.import.with(ImportState::is_shown), region.get()) {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    let shown = move || {
        match app.import.get() {
        ImportState::Idle => ().into_any(),
        ImportState::Pending(pending) => view! { <Confirm pending /> }.into_any(),
        ImportState::Loaded => view! {
            <div class="notice" role="status" data-testid="import-loaded">{t!(i18n, import.loaded)}</div>
        }
        .into_any(),
        ImportState::Refused(e, from) => {
            let text = app.with_content(|c| import_error_message(i18n, c, &e, from));
            view! { <div class="notice" role="alert" data-testid="import-error">{text}</div> }.into_any()
        }
        // Said by the layout: this prompt comes with the module that could not be fetched.
        ImportState::LinkUnread => ().into_any(),
    }
    };
    view! {
        <div class="import-region" tabindex="-1" node_ref=region>
            {shown}
        </div>
    }
}

/// "Load these answers?" with the choice to load them or keep the current ones.
#[component]
fn Confirm(pending: PendingImport) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // Counted as the welcome page and the progress bar count: the questions answered,
    // not the optional texts the file also carries.
    let count = app
        .with_content(|c| pending.answers.progress(&c.bank).answered)
        .unwrap_or_else(|| pending.answers.len());
    let source = pending.source.clone().map_or_else(
        || t_string!(i18n, import.from_link).to_string(),
        |name| format!("\u{201c}{name}\u{201d}"),
    );
    let has_answers = app.answers.with(|a| !a.is_empty());
    let question = if has_answers {
        t_string!(i18n, import.confirm_replace, count = count, source = source).to_string()
    } else {
        t_string!(i18n, import.confirm_load, count = count, source = source).to_string()
    };
    view! {
        <div class="notice confirm" role="alertdialog" aria-labelledby="import-q" data-testid="import-prompt">
            <p id="import-q">{question}</p>
            <button type="button" class="primary" on:click=move |_| app.apply_import(pending.clone())>
                {t!(i18n, import.load)}
            </button>
            // "Keep my current answers" only when there are some.
            <button type="button" class="secondary" on:click=move |_| app.import.set(ImportState::Idle)>
                {if has_answers { t!(i18n, import.ignore).into_any() } else { t!(i18n, import.dismiss).into_any() }}
            </button>
        </div>
    }
}
