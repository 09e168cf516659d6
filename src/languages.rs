//! The content of each language, parsed once: English from the main wasm module, Simplified
//! Chinese from a split-off module fetched the first time it is needed (code splitting,
//! like the pages in `crate::routes`). An English-speaking first visit so downloads about
//! 25 KB (gzip) less; a Chinese one fetches the module before the first render, and
//! switching to 中文 fetches it before the switch.
//!
//! Every parsed content lives for the whole session in a `static`, so views borrow it as
//! `&'static Content`.

use std::sync::OnceLock;

use leptos::wasm_split::wasm_split;

use crate::domain::bank::ContentError;
use crate::domain::content::{Content, ContentFiles};
use crate::domain::vocabulary::Language;
use crate::routes::PageLoadError;

static ENGLISH: OnceLock<Result<Content, ContentError>> = OnceLock::new();
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

/// English, parsed on first use.
///
/// # Errors
/// The [`ContentError`] of malformed built-in content.
pub fn english() -> Result<&'static Content, ContentError> {
    ENGLISH
        .get_or_init(|| Content::parse(ContentFiles::EN))
        .as_ref()
        .map_err(Clone::clone)
}

#[wasm_split(content_zh_cn, wasm_split_path = ::leptos::wasm_split, fallible)]
fn parse_chinese() -> Result<Result<Content, ContentError>, PageLoadError> {
    Ok(Content::parse(ContentFiles::ZH_CN))
}

/// The content of `language` if it is available now: English always (unless it fails to
/// parse), Chinese once [`load`] has fetched it.
pub fn available(language: Language) -> Option<&'static Content> {
    match language {
        Language::En => english().ok(),
        Language::ZhCn => CHINESE.get(),
    }
}

/// Makes the content of `language` available, fetching its module if needed. Cheap when it
/// already is. A failed fetch is not remembered: the next call tries again.
///
/// # Errors
/// [`LanguageLoadError::NotFetched`] when the module cannot be fetched;
/// [`LanguageLoadError::Content`] for malformed built-in content.
pub async fn load(language: Language) -> Result<&'static Content, LanguageLoadError> {
    match language {
        Language::En => english().map_err(LanguageLoadError::Content),
        Language::ZhCn => {
            if let Some(content) = CHINESE.get() {
                return Ok(content);
            }
            let content = parse_chinese()
                .await
                .map_err(|PageLoadError| LanguageLoadError::NotFetched)?
                .map_err(LanguageLoadError::Content)?;
            Ok(CHINESE.get_or_init(|| content))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_load_and_chinese_is_available_only_after_loading() {
        assert_eq!(
            available(Language::En).map(|c| c.bank.language.as_str()),
            Some("en")
        );
        let loaded = futures::executor::block_on(load(Language::ZhCn));
        assert_eq!(loaded.map(|c| c.bank.language.as_str()), Ok("zh-CN"));
        assert!(available(Language::ZhCn).is_some());
    }
}
