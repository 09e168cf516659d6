//! What could not be loaded. The app comes in several wasm files (docs/performance.md):
//! the main module first, then each page, each language's content and the saved
//! answers' module when they are first needed. Fetching one may fail
//! when the connection drops before the service worker has cached the app; this module
//! names those failures. It sits below everything that loads, and imports nothing of the
//! app.

use cp_assessment::bank::ContentError;
use cp_assessment::vocabulary::Language;

/// A part of the app that could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// A page's own code.
    Page,
    /// A language's questions, measures and texts.
    Language(Language),
    /// The saved answers' reader and writer, with what acts on them (the welcome page's
    /// tools and the share-link reader among them).
    SavedAnswers,
    /// The built-in content does not parse (ruled out by the tests, but shown if it
    /// happens).
    BrokenContent(ContentError),
}
