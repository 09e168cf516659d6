//! The content of each language (questions, measures, assessment texts), parsed once, each
//! from its own split-off wasm module fetched the first time it is needed (code splitting,
//! like the pages in `crate::routes`). The main module so carries neither language's
//! content nor its parser, and the welcome page renders before either arrives:
//!
//! - on the welcome page, `app_state` fetches the start language's content right after the
//!   first render and the page adds what depends on it (the question count, progress) when
//!   it is there;
//! - every other page awaits it before its first render (`crate::routes`);
//! - switching to another language fetches its content before the switch.
//!
//! Every parsed content lives for the whole session in a `static`, so views borrow it as
//! `&'static Content`.

use std::sync::OnceLock;

use leptos::wasm_split::wasm_split;

use cp_assessment::bank::ContentError;
use cp_assessment::content::{Content, ContentFiles};
use cp_assessment::vocabulary::Language;
use crate::routes::PageLoadError;

static ENGLISH: OnceLock<Content> = OnceLock::new();
static CHINESE: OnceLock<Content> = OnceLock::new();

/// Why a language's content is not available.
#[derive(Clone, Debug, PartialEq)]
pub enum LanguageLoadError {
    /// Its wasm module could not be fetched (the connection dropped before the service
    /// worker had cached the app).
    NotFetched,
    /// The built-in content does not parse (ruled out by the tests).
    Content(ContentError),
}

impl std::fmt::Display for LanguageLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LanguageLoadError::NotFetched => f.write_str("the language's texts were not fetched"),
            LanguageLoadError::Content(e) => write!(f, "{e}"),
        }
    }
}

#[wasm_split(content_en, wasm_split_path = ::leptos::wasm_split, fallible)]
fn parse_english() -> Result<Result<Content, ContentError>, PageLoadError> {
    Ok(Content::parse(ContentFiles::EN))
}

#[wasm_split(content_zh_cn, wasm_split_path = ::leptos::wasm_split, fallible)]
fn parse_chinese() -> Result<Result<Content, ContentError>, PageLoadError> {
    Ok(Content::parse(ContentFiles::ZH_CN))
}

fn cell(language: Language) -> &'static OnceLock<Content> {
    match language {
        Language::En => &ENGLISH,
        Language::ZhCn => &CHINESE,
    }
}

/// The content of `language` if [`load`] has made it available.
pub fn available(language: Language) -> Option<&'static Content> {
    cell(language).get()
}

/// Any content that is available, English first: what a view shows while the content of
/// the language it asked for is not there (a failed switch keeps the previous language).
pub fn any_available() -> Option<&'static Content> {
    ENGLISH.get().or_else(|| CHINESE.get())
}

/// Makes the content of `language` available, fetching its module if needed. Cheap when it
/// already is. A failed fetch is not remembered: the next call tries again.
///
/// # Errors
/// [`LanguageLoadError::NotFetched`] when the module cannot be fetched;
/// [`LanguageLoadError::Content`] for malformed built-in content.
pub async fn load(language: Language) -> Result<&'static Content, LanguageLoadError> {
    if let Some(content) = available(language) {
        return Ok(content);
    }
    let parsed = match language {
        Language::En => parse_english().await,
        Language::ZhCn => parse_chinese().await,
    };
    let content = parsed
        .map_err(|PageLoadError| LanguageLoadError::NotFetched)?
        .map_err(LanguageLoadError::Content)?;
    Ok(cell(language).get_or_init(|| content))
}

/// The content to start with: `wanted`'s, or English's when `wanted`'s module cannot be
/// fetched. Returns the language whose content is now available, and records it for
/// [`started_in`].
///
/// # Errors
/// The error of English's content when neither can be had.
pub async fn load_start(wanted: Language) -> Result<Language, LanguageLoadError> {
    let started = match load(wanted).await {
        Ok(_) => wanted,
        Err(LanguageLoadError::NotFetched) if wanted != Language::En => {
            load(Language::En).await.map(|_| Language::En)?
        }
        Err(e) => return Err(e),
    };
    STARTED_IN.with(|s| s.set(Some(started)));
    Ok(started)
}

/// The language whose content [`load_start`] made available, once it has: the wanted one,
/// or English after a fallback. `None` before (the welcome page renders first).
pub fn started_in() -> Option<Language> {
    STARTED_IN.with(std::cell::Cell::get)
}

thread_local! {
    /// The language the app starts in, as `app_state::start_language` chose it.
    static START: std::cell::Cell<Language> = const { std::cell::Cell::new(Language::En) };
    /// What [`load_start`] ended with.
    static STARTED_IN: std::cell::Cell<Option<Language>> = const { std::cell::Cell::new(None) };
}

/// Records the language the app starts in, for [`load_for_page`].
pub fn set_start(language: Language) {
    START.with(|s| s.set(language));
}

/// The language the app starts in, as [`set_start`] recorded it (English before).
pub fn start() -> Language {
    START.with(std::cell::Cell::get)
}

/// Makes sure some content is there before a page that shows questions or results renders:
/// if none is yet, the start language's ([`load_start`]).
///
/// # Errors
/// As [`load_start`].
pub async fn load_for_page() -> Result<(), LanguageLoadError> {
    if any_available().is_some() {
        return Ok(());
    }
    load_start(start()).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_available_only_after_loading() {
        assert!(any_available().is_none() || available(Language::En).is_some());
        let english = futures::executor::block_on(load(Language::En));
        assert_eq!(english.map(|c| c.bank.language.as_str()), Ok("en"));
        assert_eq!(
            available(Language::En).map(|c| c.bank.language.as_str()),
            Some("en")
        );
        assert_eq!(
            futures::executor::block_on(load_start(Language::ZhCn)),
            Ok(Language::ZhCn)
        );
        assert_eq!(started_in(), Some(Language::ZhCn));
        assert_eq!(
            available(Language::ZhCn).map(|c| c.bank.language.as_str()),
            Some("zh-CN")
        );
    }
}
