//! What the results' sections are made from, in one value (its own module, so that the
//! sections can take it without importing the page that builds it).

use cp_assessment::answers::Answers;
use cp_assessment::assess::{Assessment, GlanceTexts};
use cp_assessment::content::Content;
use cp_assessment::figures::FigureTexts;
use cp_assessment::regulation::Regulation;
use cp_assessment::vocabulary::Language;

/// What the sections are made from.
pub struct Input<'a> {
    /// The content in the page's language.
    pub c: &'a Content,
    /// China's audit rules; `None` if they could not be read.
    pub rules: Option<&'a Regulation>,
    /// The figures' words; `None` if they could not be read.
    pub figure_texts: Option<&'a FigureTexts>,
    /// The summary's words.
    pub glance_texts: &'a GlanceTexts,
    /// The assessment of the answers.
    pub a: &'a Assessment,
    /// The answers.
    pub answers: &'a Answers,
    /// The page's language.
    pub language: Language,
}
