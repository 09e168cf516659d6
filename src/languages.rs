//! The content of each language (questions, measures, assessment texts), each parsed from
//! its own split-off wasm module the first time it is needed, then kept for the session
//! in a `static`, so views borrow it as `&'static Content`. The main module so carries
//! neither language's content nor its parser. App code names `ContentFiles::EN` or
//! `ContentFiles::ZH_CN` here, never `Content::load(language)` with a run-time language,
//! which would pull both into the first load.

use std::sync::OnceLock;

use leptos::wasm_split::{wasm_split, SplitLoaderError};

use cp_assessment::bank::ContentError;
use cp_assessment::content::{Content, ContentFiles};
use cp_assessment::vocabulary::Language;

use crate::load_error::LoadError;

static ENGLISH: OnceLock<Content> = OnceLock::new();
static CHINESE: OnceLock<Content> = OnceLock::new();

#[wasm_split(content_en, wasm_split_path = ::leptos::wasm_split, fallible)]
fn parse_english() -> Result<Result<Content, ContentError>, SplitLoaderError> {
    Ok(Content::parse(ContentFiles::EN))
}

#[wasm_split(content_zh_cn, wasm_split_path = ::leptos::wasm_split, fallible)]
fn parse_chinese() -> Result<Result<Content, ContentError>, SplitLoaderError> {
    Ok(Content::parse(ContentFiles::ZH_CN))
}

fn cell(language: Language) -> &'static OnceLock<Content> {
    match language {
        Language::En => &ENGLISH,
        Language::ZhCn => &CHINESE,
    }
}

/// The content to show in `language`: its own once [`load`] has made it available, else
/// any content that is (English first), so a failed switch keeps showing the previous
/// language; `None` before any content has arrived.
pub fn shown(language: Language) -> Option<&'static Content> {
    cell(language)
        .get()
        .or_else(|| ENGLISH.get())
        .or_else(|| CHINESE.get())
}

/// Makes the content of `language` available, fetching its module if needed. Cheap when it
/// already is. A failed fetch is not remembered: the next call tries again.
///
/// # Errors
/// [`LoadError::Language`] when the module cannot be fetched;
/// [`LoadError::BrokenContent`] for malformed built-in content.
pub async fn load(language: Language) -> Result<&'static Content, LoadError> {
    if let Some(content) = cell(language).get() {
        return Ok(content);
    }
    let parsed = match language {
        Language::En => parse_english().await,
        Language::ZhCn => parse_chinese().await,
    };
    let content = parsed
        .map_err(|_| LoadError::Language(language))?
        .map_err(LoadError::BrokenContent)?;
    Ok(cell(language).get_or_init(|| content))
}

/// The content to start with: `wanted`'s, or English's when `wanted`'s module cannot be
/// fetched. Returns the language whose content is now available.
///
/// # Errors
/// English's error when neither can be had.
pub async fn load_start(wanted: Language) -> Result<Language, LoadError> {
    match load(wanted).await {
        Ok(_) => Ok(wanted),
        Err(LoadError::Language(_)) if wanted != Language::En => {
            load(Language::En).await.map(|_| Language::En)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_shown_only_after_loading() {
        let english = futures::executor::block_on(load(Language::En));
        assert_eq!(english.map(|c| c.bank.language.as_str()), Ok("en"));
        // Until Chinese is loaded, asking for it shows English.
        if CHINESE.get().is_none() {
            assert_eq!(
                shown(Language::ZhCn).map(|c| c.bank.language.as_str()),
                Some("en")
            );
        }
        assert_eq!(
            futures::executor::block_on(load_start(Language::ZhCn)),
            Ok(Language::ZhCn)
        );
        assert_eq!(
            shown(Language::ZhCn).map(|c| c.bank.language.as_str()),
            Some("zh-CN")
        );
    }
}
