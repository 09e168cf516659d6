//! Taking answers off the device without a server: the response's JSON export, the
//! results as CSV and a share link, shown with the results; the JSON export also serves
//! "Next participant" and the kept responses.

use leptos::prelude::*;

use cp_assessment::answers::Answers;
use cp_assessment::assess::assess;
use cp_assessment::exchange::{encode_share, results_csv, to_json};
use cp_assessment::identity::Identity;
use cp_assessment::register::Register;

use crate::browser;
use crate::i18n::{t, use_i18n};
use crate::state::{use_app, AppState};

/// The file name of a response's downloads, without extension.
fn file_stem(identity: &Identity) -> String {
    format!("cp-self-assessment-{}", identity.short_id())
}

/// Why a response could not be offered as a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFailed {
    /// Nothing to export yet: the content has not loaded.
    NotReady,
    /// The browser would not start the download.
    Refused,
}

/// Offers a response as its JSON export (docs/format.md), named after its id.
///
/// # Errors
/// [`ExportFailed`] when there is nothing to export yet or the browser refuses.
pub fn download_response(
    app: AppState,
    identity: &Identity,
    answers: &Answers,
    register: &Register,
) -> Result<(), ExportFailed> {
    let json = app
        .response_file(identity, answers, register)
        .map(|file| to_json(&file))
        .ok_or(ExportFailed::NotReady)?;
    browser::download(
        &format!("{}.json", file_stem(identity)),
        "application/json",
        &json,
    )
    .map_err(|_| ExportFailed::Refused)
}

/// Downloads and share link, shown with the results.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let share = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let download_json = move |_| {
        let id = app.identity.get_untracked();
        let sent = app.answers.with_untracked(|a| {
            app.register
                .with_untracked(|r| download_response(app, &id, a, r))
        });
        failed.set(sent.is_err());
    };
    let download_csv = move |_| {
        let id = app.identity.get_untracked();
        let csv = app.with_content_untracked(|c| {
            app.answers.with_untracked(|answers| {
                results_csv(
                    c,
                    &assess(c, answers),
                    &id.response_id,
                    app.language.get_untracked(),
                )
            })
        });
        failed.set(csv.is_none_or(|csv| {
            browser::download(
                &format!("{}.csv", file_stem(&id)),
                "text/csv;charset=utf-8",
                &csv,
            )
            .is_err()
        }));
    };
    let make_link = move |_| {
        let id = app.identity.get_untracked();
        // A share link carries the answers only (docs/format.md): the register is too
        // long for a link or a QR code.
        let file = app
            .answers
            .with_untracked(|a| app.response_file(&id, a, &Register::default()));
        copied.set(false);
        failed.set(file.is_none());
        share.set(file.map(|f| format!("{}#{}", browser::app_url(), encode_share(&f))));
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
                    <span role="status">{move || copied.get().then_some(t!(i18n, exchange.copied))}</span>
                }
            })}
        </section>
    }
}
