//! The readiness gaps as the chapters of the audit report name them: for each chapter,
//! what it must contain (the provincial report format, cp-china-economics §2) and which of
//! it the answers show in place, partly there, missing or not known.

use crate::answers::{Answer, Answers};
use crate::content::Content;
use crate::labels::Joiner;
use crate::regulation::{ChapterItem, Regulation};
use crate::vocabulary::AuditStep;

/// Where one chapter's required contents stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChapterGaps<'a> {
    /// The step the chapter reports on.
    pub step: AuditStep,
    /// The chapter's title: its number and the step's name.
    pub title: String,
    /// In place.
    pub have: Vec<&'a str>,
    /// Partly there.
    pub partly: Vec<&'a str>,
    /// Missing.
    pub missing: Vec<&'a str>,
    /// Not known from the answers.
    pub unknown: Vec<&'a str>,
    /// Produced by the audit itself (no question asks about it).
    pub audit: Vec<&'a str>,
}

/// Where an item stands.
enum Standing {
    Have,
    Partly,
    Missing,
    Unknown,
    Audit,
}

fn standing(content: &Content, answers: &Answers, item: &ChapterItem) -> Standing {
    let Some(question) = item.question.as_deref() else {
        return Standing::Audit;
    };
    let chosen: Vec<&str> = match answers.counted(&content.bank, question) {
        Some(Answer::Choice(id)) => vec![id.as_str()],
        Some(Answer::Choices(ids)) => ids.iter().map(String::as_str).collect(),
        _ => return Standing::Unknown,
    };
    let any = |list: &[String]| chosen.iter().any(|c| list.iter().any(|o| o == c));
    if any(&item.in_place) {
        Standing::Have
    } else if any(&item.partly) {
        Standing::Partly
    } else {
        Standing::Missing
    }
}

/// The seven chapters with their gaps, in the steps' order.
pub fn chapter_gaps<'a>(
    content: &Content,
    rules: &'a Regulation,
    answers: &Answers,
) -> Vec<ChapterGaps<'a>> {
    rules
        .chapters
        .iter()
        .map(|chapter| {
            let mut gaps = ChapterGaps {
                step: chapter.step,
                title: rules
                    .chapter_title
                    .replace("{{ n }}", &chapter.step.number().to_string())
                    .replace("{{ step }}", content.step_name(chapter.step)),
                have: Vec::new(),
                partly: Vec::new(),
                missing: Vec::new(),
                unknown: Vec::new(),
                audit: Vec::new(),
            };
            for item in &chapter.contents {
                let list = match standing(content, answers, item) {
                    Standing::Have => &mut gaps.have,
                    Standing::Partly => &mut gaps.partly,
                    Standing::Missing => &mut gaps.missing,
                    Standing::Unknown => &mut gaps.unknown,
                    Standing::Audit => &mut gaps.audit,
                };
                list.push(&item.item);
            }
            gaps
        })
        .collect()
}

/// How far the report's chapters are ready: the section's conclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChapterCount {
    /// Chapters whose every content the answers can show is in place.
    pub complete: usize,
    /// Chapters with at least one content missing.
    pub missing: usize,
    /// All chapters.
    pub of: usize,
}

impl ChapterCount {
    /// Counts `gaps`.
    pub fn of(gaps: &[ChapterGaps]) -> ChapterCount {
        ChapterCount {
            complete: gaps.iter().filter(|g| g.complete()).count(),
            missing: gaps.iter().filter(|g| !g.missing.is_empty()).count(),
            of: gaps.len(),
        }
    }
}

impl ChapterGaps<'_> {
    /// Whether every content the answers can show is in place.
    pub fn complete(&self) -> bool {
        self.partly.is_empty() && self.missing.is_empty() && self.unknown.is_empty()
    }

    /// The chapter in sentences, one for each kind there is, in this order: what is in
    /// place, partly there, missing, not said, and left to the audit.
    pub fn sentences(&self, content: &Content, rules: &Regulation) -> Vec<String> {
        let r = rules;
        [
            (&self.have, &r.chapter_have, "{{ have }}"),
            (&self.partly, &r.chapter_partly, "{{ partly }}"),
            (&self.missing, &r.chapter_missing, "{{ missing }}"),
            (&self.unknown, &r.chapter_unknown, "{{ unknown }}"),
            (&self.audit, &r.chapter_audit, "{{ audit }}"),
        ]
        .into_iter()
        .filter(|(list, _, _)| !list.is_empty())
        .map(|(list, template, key)| template.replace(key, &content.join(list, Joiner::Items)))
        .collect()
    }
}
