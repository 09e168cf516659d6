//! The frame around every page: skip link, header with the language switch and "Start
//! over", the storage notice, the main region and a footer saying where answers are kept.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use cp_assessment::vocabulary::Language;

use crate::browser::base_path;
use crate::components::confirm::ConfirmAction;
use crate::components::import::ImportPrompt;
use crate::components::workshop::{IdleGuard, NextParticipant};
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;
use crate::state::import::ImportState;
use crate::state::{use_app, Startup};
use crate::storage::StorageIssue;

/// Wraps the routed page.
///
/// - `children`: the routes.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let location = use_location();
    let base = base_path();
    // Remember where the respondent is, for "continue where you left off".
    Effect::new(move |_| {
        let route = Route::at(&base, &location.pathname.get());
        if let Some(route) = route.filter(|r| r.is_resumable()) {
            app.last_page.set(Some(route));
        }
    });
    // A first visit's saved answers' module that could not be fetched is asked for again
    // on every page opened (only then: before, it waits for the page, not the address).
    Effect::new(move |_| {
        location.pathname.track();
        if app.startup.with_untracked(Startup::saving_unavailable) {
            app.open_saved_after_paint();
        }
    });
    // The page's own address plus "#main": a bare "#main" would resolve against <base
    // href> (the start page), not against the page the reader is on.
    let skip_href = move || format!("{}#main", location.pathname.get());
    // Named in both languages: the one that failed may be the one the reader reads.
    let language_notice = move || {
        app.language_issue.get().map(|_| {
            view! {
                <div class="notice" role="alert" data-testid="language-notice">
                    {t!(i18n, language_not_loaded)}
                </div>
            }
        })
    };
    // Said here, in the main module: the share link's reader could not be fetched.
    let link_unread = move || {
        app.import.with(|s| *s == ImportState::LinkUnread).then(|| {
            view! {
                <div class="notice" role="alert" data-testid="share-link-unread">
                    {t!(i18n, import.link_not_read)}
                </div>
            }
        })
    };
    // Said here, in the main module: on a first visit the saved answers' writer could
    // not be fetched, so the answers given are only in the tab.
    let not_saving = move || {
        app.startup.with(Startup::saving_unavailable).then(|| {
            view! {
                <div class="notice" role="alert" data-testid="saving-unavailable">
                    {t!(i18n, saving_unavailable)}
                </div>
            }
        })
    };
    // What acts on the saved answers comes with them (`crate::boot`).
    let saved_views = move || app.startup.with(Startup::saved_views);
    view! {
        <a class="skip-link" href=skip_href>{t!(i18n, skip_link)}</a>
        <header class="site-header">
            <A href=Route::Welcome.href() attr:class="brand">{t!(i18n, brand)}</A>
            <div class="header-actions">
                <LanguageSwitch />
                {move || saved_views().map(|v| (v.header_actions)())}
            </div>
        </header>
        {language_notice}
        {link_unread}
        {not_saving}
        {move || saved_views().map(|v| (v.prompts)())}
        <main id="main" class="page">{children()}</main>
        <footer class="site-footer">
            <p>{t!(i18n, footer_privacy)}</p>
            <p><A href=Route::Facilitator.href()>{t!(i18n, workshop.facilitator_link)}</A></p>
        </footer>
    }
}

/// The header's "Start over", or on a workshop device "Next participant". Both act on the
/// saved answers, so they come in the saved answers' module (`crate::boot`).
/// Neither on the facilitator's pages, whose room a participant's action must not touch.
pub fn header_actions() -> AnyView {
    let app = use_app();
    let location = use_location();
    let base = base_path();
    let facilitating = move || {
        location.pathname.with(|p| {
            matches!(
                Route::at(&base, p).or_else(|| Route::parse(p)),
                Some(Route::Facilitator | Route::FacilitatorGuide)
            )
        })
    };
    view! {
        <Show when=move || !facilitating()>
            <Show when=move || app.device.with(|d| d.workshop) fallback=|| view! { <StartOver /> }>
                <NextParticipant />
            </Show>
        </Show>
    }
    .into_any()
}

/// The storage notices, the prompt for answers from a file or a share link, and on a
/// workshop device the idle reset: like [`header_actions`], in the saved answers' module.
pub fn prompts() -> AnyView {
    view! {
        <StorageNotices />
        <ImportPrompt />
        <IdleGuard />
    }
    .into_any()
}

/// What reading and writing the saved state ran into: a storage problem (with the
/// unreadable text offered for download), or answers taken over from another tab.
#[component]
fn StorageNotices() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let notice = move || {
        app.storage_issue.get().map(|issue| {
            let text = match issue {
                StorageIssue::Unavailable => t_string!(i18n, storage.unavailable),
                StorageIssue::WriteFailed => t_string!(i18n, storage.write_failed),
                StorageIssue::Unreadable => t_string!(i18n, storage.unreadable),
                StorageIssue::UnreadableKept => t_string!(i18n, storage.unreadable_kept),
                StorageIssue::NewerVersion => t_string!(i18n, storage.newer_version),
                StorageIssue::OutboxFailed => t_string!(i18n, storage.outbox_failed),
            };
            view! { <div class="notice" role="alert" data-testid="storage-notice">{text}</div> }
        })
    };
    let synced = move || {
        app.synced_from_other_tab.get().then(|| {
            view! { <div class="notice" role="status" data-testid="synced-notice">{t!(i18n, storage.synced)}</div> }
        })
    };
    let backup_failed = RwSignal::new(false);
    let backup = move || {
        matches!(app.storage_issue.get(), Some(StorageIssue::Unreadable)).then(|| {
            view! {
                <div class="notice no-print">
                    <button type="button" class="secondary" on:click=move |_| {
                        let sent = crate::storage::unreadable_backup().map(|text| {
                            crate::browser::download("cp-self-assessment-unreadable.txt", "text/plain", &text)
                        });
                        backup_failed.set(matches!(sent, Some(Err(_))));
                    }>
                        {t!(i18n, storage.download_backup)}
                    </button>
                    <Show when=move || backup_failed.get()>
                        <p class="field-error" role="alert">{t!(i18n, exchange.download_failed)}</p>
                    </Show>
                </div>
            }
        })
    };
    view! {
        {notice}
        {backup}
        {synced}
    }
}

/// Two buttons, each naming its language in that language; the current one is pressed.
/// Switching never touches the answers (they are stored by id, not by label).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let button = move |language: Language, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang"
                lang=language.as_str()
                aria-pressed=move || (app.language.get() == language).to_string()
                on:click=move |_| app.select_language(i18n, language)
            >
                {name}
            </button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || t_string!(i18n, language).to_string()>
            {button(Language::En, "English")}
            {button(Language::ZhCn, "中文")}
        </div>
    }
}

/// "Start over" with an inline confirmation: nothing is deleted until the user confirms.
#[component]
pub fn StartOver() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let navigate = use_navigate();
    view! {
        <ConfirmAction
            id="start-over"
            trigger_label=Signal::derive(move || t_string!(i18n, start_over).to_string())
            question=Signal::derive(move || t_string!(i18n, start_over_question).to_string())
            confirm_label=Signal::derive(move || t_string!(i18n, start_over_yes).to_string())
            show_trigger=Signal::derive(move || app.answers.with(|a| !a.is_empty()))
            on_confirm=Callback::new(move |()| {
                app.start_over();
                navigate(&Route::Welcome.path(), Default::default());
                // Confirmed on the start page, nothing re-renders it: focus its heading
                // rather than leave it on the vanished button.
                crate::components::heading::focus_page_heading();
            })
        />
    }
}
