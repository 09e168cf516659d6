//! The labels a report needs, in the content's language: names of categories, sectors,
//! stages and steps, lists joined the way the language joins them, the plant's profile
//! line and a response's short name. Views bind these; they do not build them.

use crate::answers::{Answer, Answers};
use crate::assess::Evidence;
use crate::content::{Content, EngagementStage};
use crate::vocabulary::{AuditStep, MeasureCategory, Sector};

/// How the items of a list are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joiner {
    /// Short names: "a, b, c" / "甲、乙、丙".
    Items,
    /// Whole phrases, such as quoted questions: "a; b" / "甲；乙".
    Clauses,
}

/// The questions whose answers make up the profile line of a report, in order.
pub const PROFILE_QUESTIONS: [&str; 4] = ["sector", "staff", "ownership", "main_products"];

/// The questions that name a response in a list of kept responses, first answered first.
const NAME_QUESTIONS: [&str; 2] = ["main_products", "sector"];

impl Content {
    /// Joins `items` as this content's language joins a list.
    pub fn join<S: AsRef<str>>(&self, items: &[S], joiner: Joiner) -> String {
        let words = &self.bank.words;
        let separator = match joiner {
            Joiner::Items => &words.list_separator,
            Joiner::Clauses => &words.clause_separator,
        };
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// `text` in quotation marks: “text”.
    pub fn quoted(text: &str) -> String {
        format!("\u{201c}{text}\u{201d}")
    }

    /// The name of a measure category ("Good housekeeping"); its id if the catalogue
    /// lacks it (ruled out by the content checks).
    pub fn category_name(&self, category: MeasureCategory) -> &str {
        self.category(category)
            .map_or(category.as_str(), |c| c.name.as_str())
    }

    /// The label of a sector as the "sector" question offers it; `None` for a sector the
    /// bank does not list.
    pub fn sector_name(&self, sector: Sector) -> Option<&str> {
        self.bank
            .question("sector")
            .and_then(|q| q.option(sector.as_str()))
            .map(|o| o.label.as_str())
    }

    /// An engagement stage as "code — title", or the title alone for a stage without a
    /// code; `None` if the content lacks the stage.
    pub fn stage_label(&self, stage: EngagementStage) -> Option<String> {
        self.stage(stage).map(|s| {
            if s.code.is_empty() {
                s.title.clone()
            } else {
                format!("{} — {}", s.code, s.title)
            }
        })
    }

    /// An audit step with its number: "2. Preliminary assessment".
    pub fn step_label(&self, step: AuditStep) -> String {
        format!("{}. {}", step.number(), self.step_name(step))
    }

    /// The answers a reason rests on: “question” — answer; …
    pub fn evidence_text(&self, evidence: &[Evidence]) -> String {
        let items: Vec<String> = evidence
            .iter()
            .map(|e| format!("{} — {}", Content::quoted(&e.question), e.answer))
            .collect();
        self.join(&items, Joiner::Clauses)
    }

    /// The plant as its answers describe it — sector, staff, ownership, main products —
    /// joined into one line; `None` when none of them is answered.
    pub fn profile_line(&self, answers: &Answers) -> Option<String> {
        let bank = &self.bank;
        let items: Vec<String> = PROFILE_QUESTIONS
            .iter()
            .filter_map(|id| {
                let q = bank.question(id)?;
                answers
                    .counted(bank, id)
                    .filter(|a| **a != Answer::Unknown)
                    .map(|a| bank.describe(q, a))
            })
            .collect();
        (!items.is_empty()).then(|| items.join(&bank.words.profile_separator))
    }

    /// A short name for a response in a list: its main products, else its sector; `None`
    /// when neither is answered.
    pub fn response_name(&self, answers: &Answers) -> Option<String> {
        let bank = &self.bank;
        NAME_QUESTIONS.iter().find_map(|id| {
            let q = bank.question(id)?;
            answers.counted(bank, id).map(|a| bank.describe(q, a))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Language;

    fn both() -> [Content; 2] {
        [Language::En, Language::ZhCn].map(|l| match Content::load(l) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        })
    }

    #[test]
    fn lists_are_joined_in_the_language_of_the_content() {
        let [en, zh] = both();
        assert_eq!(en.join(&["a", "b"], Joiner::Items), "a, b");
        assert_eq!(zh.join(&["甲", "乙"], Joiner::Items), "甲、乙");
        assert_eq!(en.join(&["a", "b"], Joiner::Clauses), "a; b");
        assert_eq!(zh.join(&["甲", "乙"], Joiner::Clauses), "甲；乙");
        assert_eq!(en.join::<&str>(&[], Joiner::Items), "");
    }

    #[test]
    fn names_come_from_the_content() {
        let [en, zh] = both();
        assert_eq!(
            en.category_name(MeasureCategory::Housekeeping),
            "Good housekeeping"
        );
        assert_ne!(
            zh.category_name(MeasureCategory::Housekeeping),
            "Good housekeeping"
        );
        assert_eq!(
            en.step_label(AuditStep::PreliminaryAssessment),
            "2. Preliminary assessment"
        );
        for &sector in Sector::ALL {
            assert!(
                en.sector_name(sector).is_some_and(|s| !s.is_empty()),
                "{sector:?}"
            );
            assert!(
                zh.sector_name(sector).is_some_and(|s| !s.is_empty()),
                "{sector:?}"
            );
        }
        let stage = en
            .stage_label(EngagementStage::ReportWithoutAudit)
            .unwrap_or_default();
        assert!(stage.contains(" — "), "{stage}");
    }

    #[test]
    fn the_profile_line_names_only_what_was_answered() {
        let [en, zh] = both();
        let mut answers = Answers::new();
        assert_eq!(en.profile_line(&answers), None);
        assert_eq!(en.response_name(&answers), None);
        answers.set("sector", Answer::Choice("food_beverage".to_owned()));
        answers.set("main_products", Answer::Text("Beer".to_owned()));
        let line = en.profile_line(&answers).unwrap_or_default();
        assert!(line.ends_with(" · Beer"), "{line}");
        assert!(zh
            .profile_line(&answers)
            .is_some_and(|l| l.ends_with("；Beer")));
        assert_eq!(en.response_name(&answers).as_deref(), Some("Beer"));
        answers.set("sector", Answer::Unknown);
        assert_eq!(en.profile_line(&answers).as_deref(), Some("Beer"));
    }
}
