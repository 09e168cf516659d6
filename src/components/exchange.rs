//! Moving answers between devices without a server: download the answers (JSON) or the
//! results (CSV), create a share link, load a file (picker or drag-and-drop), and confirm
//! answers that arrive from a file or a link before they replace anything.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app_state::{Identity, PendingImport};
use crate::browser;
use crate::components::file_drop::FileDropZone;
use cp_assessment::assess::assess;
use cp_assessment::content::Content;
use cp_assessment::exchange::{
    encode_share, import, new_response, results_csv, to_json, ImportError, MAX_IMPORT_BYTES,
};
use crate::i18n::{t, t_string, use_i18n};
use crate::{use_app, I18n};

/// The message for a refused file or link, in the current language.
pub fn import_error_message(i18n: I18n, content: &Content, error: &ImportError) -> String {
    let kb = |bytes: usize| bytes.div_ceil(1024);
    let text = match error {
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
        ImportError::InvalidAnswer { question, .. } => {
            // Name the question as the user knows it, not by its id.
            let text = content
                .bank
                .question(question)
                .map_or_else(|| question.clone(), |q| q.text.clone());
            t_string!(i18n, import.errors.invalid_answer, question = text).to_string()
        }
        ImportError::BadLink => t_string!(i18n, import.errors.bad_link).to_string(),
    };
    format!("{}{text}", t_string!(i18n, import.refused))
}

/// Offers a response as its JSON export (docs/format.md), named after its id.
///
/// # Errors
/// `Err(())` when the browser refuses the download.
pub fn download_answers(
    identity: &Identity,
    answers: cp_assessment::answers::Answers,
) -> Result<(), ()> {
    let app = use_app();
    let json = app.with_content_untracked(|c| {
        let mut file = new_response(
            &c.bank,
            &identity.response_id,
            &identity.updated,
            app.language.get_untracked(),
            answers,
        );
        file.created = identity.created.clone();
        to_json(&file)
    });
    // No content yet (just after start-up on the welcome page): nothing to export with.
    let json = json.ok_or(())?;
    let stem: String = identity.response_id.chars().take(8).collect();
    browser::download(
        &format!("cp-self-assessment-{stem}.json"),
        "application/json",
        &json,
    )
}

/// Downloads and share link, shown with the results.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let share = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let file_stem = move || {
        let id = app
            .identity
            .with(|i| i.response_id.chars().take(8).collect::<String>());
        format!("cp-self-assessment-{id}")
    };
    let download_json = move |_| {
        let json = app.with_content_untracked(|c| {
            let id: Identity = app.identity.get_untracked();
            let mut file = new_response(
                &c.bank,
                &id.response_id,
                &id.updated,
                app.language.get_untracked(),
                app.answers.get_untracked(),
            );
            file.created = id.created;
            to_json(&file)
        });
        failed.set(json.is_none_or(|json| {
            browser::download(&format!("{}.json", file_stem()), "application/json", &json).is_err()
        }));
    };
    let download_csv = move |_| {
        let csv = app.with_content_untracked(|c| {
            app.answers.with_untracked(|answers| {
                results_csv(
                    c,
                    &assess(c, answers),
                    &app.identity.with_untracked(|i| i.response_id.clone()),
                    app.language.get_untracked(),
                )
            })
        });
        failed.set(csv.is_none_or(|csv| {
            browser::download(
                &format!("{}.csv", file_stem()),
                "text/csv;charset=utf-8",
                &csv,
            )
            .is_err()
        }));
    };
    let make_link = move |_| {
        let payload = app.answers.with_untracked(encode_share);
        copied.set(false);
        share.set(Some(format!("{}#{payload}", browser::app_url())));
    };
    view! {
        <section aria-labelledby="exchange-h" class="exchange no-print">
            <h2 id="exchange-h">{t!(i18n, exchange.heading)}</h2>
            <p>{t!(i18n, exchange.intro)}</p>
            <div class="button-row">
                <button type="button" class="secondary" on:click=download_json>{t!(i18n, exchange.download_json)}</button>
                <button type="button" class="secondary" on:click=download_csv>{t!(i18n, exchange.download_csv)}</button>
                <button type="button" class="secondary" on:click=make_link>{t!(i18n, exchange.share_button)}</button>
            </div>
            <Show when=move || failed.get()>
                <p class="field-error" role="alert">{t!(i18n, exchange.download_failed)}</p>
            </Show>
            {move || share.get().map(|link| {
                let copy = link.clone();
                view! {
                    <label class="share-link">
                        <span>{t!(i18n, exchange.share_label)}</span>
                        <input type="text" readonly data-testid="share-link" prop:value=link />
                    </label>
                    <button type="button" class="secondary" on:click=move |_| copied.set(browser::copy_to_clipboard(&copy))>
                        {t!(i18n, exchange.copy)}
                    </button>
                    <span role="status">{move || copied.get().then(|| t!(i18n, exchange.copied))}</span>
                }
            })}
        </section>
    }
}

/// Reads a chosen or dropped file, validates it completely, and offers it for confirmation.
fn read_file(file: web_sys::File) {
    let app = use_app();
    let name = file.name();
    // Refused before reading when it is too large.
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        app.import_error.set(Some(ImportError::TooLarge(size)));
        return;
    }
    let file = gloo_file::File::from(file);
    spawn_local(async move {
        let result = match gloo_file::futures::read_as_bytes(&file).await {
            // The import panel shows once the content is there, so `None` is not expected.
            Ok(bytes) => app
                .with_content_untracked(|c| import(&bytes, &c.bank))
                .unwrap_or(Err(ImportError::NotText)),
            Err(_) => Err(ImportError::NotText),
        };
        match result {
            Ok(response) => {
                let identity = (!response.needs_identity()).then(|| Identity {
                    response_id: response.response_id.clone(),
                    created: response.created.clone(),
                    updated: response.updated.clone(),
                });
                app.import_error.set(None);
                app.import_loaded.set(false);
                app.pending_import.set(Some(PendingImport {
                    answers: response.answers,
                    identity,
                    source: Some(name),
                }));
            }
            Err(e) => {
                app.pending_import.set(None);
                app.import_loaded.set(false);
                app.import_error.set(Some(e));
            }
        }
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

/// The confirmation for answers from a file or share link, and the reason a file or link
/// was refused. Shown on every page, above the content.
#[component]
pub fn ImportPrompt() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let error = move || {
        app.import_error.get().map(|e| {
            let text = app.with_content(|c| import_error_message(i18n, c, &e));
            view! { <div class="notice" role="alert" data-testid="import-error">{text}</div> }
        })
    };
    let loaded = move || {
        app.import_loaded.get().then(|| {
            view! { <div class="notice" role="status" data-testid="import-loaded">{t!(i18n, import.loaded)}</div> }
        })
    };
    // The file picker may be far down the page: bring whatever the import produced into
    // view and give it focus, so the answer to the user's action is never off-screen.
    let region = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let shown = app.import_error.with(Option::is_some)
            || app.pending_import.with(Option::is_some)
            || app.import_loaded.get();
        if let (true, Some(el)) = (shown, region.get()) {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    let prompt = move || {
        app.pending_import.get().map(|pending| {
            // Counted as the welcome page and the progress bar count: the questions
            // answered, not the optional texts the file also carries.
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
                    <button type="button" class="secondary" on:click=move |_| app.pending_import.set(None)>
                        {if has_answers { t!(i18n, import.ignore).into_any() } else { t!(i18n, import.dismiss).into_any() }}
                    </button>
                </div>
            }
        })
    };
    view! {
        <div class="import-region" tabindex="-1" node_ref=region>
            {error}
            {loaded}
            {prompt}
        </div>
    }
}
