//! What only the report shows, derived on request rather than with every assessment (a
//! workshop assesses hundreds of responses and needs neither): the causes of waste named
//! with the categories they raised, and the notes the respondent added.

use super::measures::Evidence;
use super::Assessment;
use crate::answers::{Answer, Answers};
use crate::content::Content;
use crate::labels::Joiner;
use crate::vocabulary::MeasureCategory;

/// The questions on where the plant loses most and why (the eight aspects of CP source
/// analysis [CN-AUDIT], [UNEP-CPA]): first where water, energy and material are lost,
/// then what causes it.
pub const CAUSE_QUESTIONS: [&str; 4] = [
    "water_loss_where",
    "energy_loss_where",
    "material_loss_where",
    "loss_causes",
];

/// The ranking explained by the causes of waste: what the respondent named and the
/// categories those answers raised.
#[derive(Clone, Debug, PartialEq)]
pub struct CauseSummary {
    /// What was named: the causes, or, when no cause is named, where most is lost.
    pub named: Named,
    /// The options chosen, in the questions' order, joined as clauses.
    pub text: String,
    /// The categories those answers raised, best ranked first, at most three.
    pub categories: Vec<MeasureCategory>,
}

/// Which answers a [`CauseSummary`] sums up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// The causes of the losses (`loss_causes`).
    Causes,
    /// Where water, energy or material is lost (the other [`CAUSE_QUESTIONS`]).
    LossPoints,
}

impl Assessment {
    /// The causes named, else the loss points, and the categories they raised in this
    /// assessment of `answers`; `None` when neither is named.
    pub fn causes(&self, content: &Content, answers: &Answers) -> Option<CauseSummary> {
        let bank = &content.bank;
        // The options chosen, in the question's order, each a whole phrase.
        let chosen = |id: &str| -> Vec<String> {
            match (bank.question(id), answers.choices(bank, id)) {
                (Some(q), Some(ids)) => q
                    .options
                    .iter()
                    .filter(|o| ids.contains(&o.id))
                    .map(|o| o.label.clone())
                    .collect(),
                _ => Vec::new(),
            }
        };
        let (places, causes) = CAUSE_QUESTIONS.split_at(3);
        let cause_labels: Vec<String> = causes.iter().flat_map(|id| chosen(id)).collect();
        let (named, questions, labels) = if cause_labels.is_empty() {
            let place_labels = places.iter().flat_map(|id| chosen(id)).collect();
            (Named::LossPoints, places, place_labels)
        } else {
            (Named::Causes, causes, cause_labels)
        };
        if labels.is_empty() {
            return None;
        }
        let categories: Vec<MeasureCategory> = self
            .measures
            .iter()
            .filter(|m| {
                m.raised_by.iter().any(|r| {
                    r.evidence
                        .iter()
                        .any(|e| questions.contains(&e.question_id.as_str()))
                })
            })
            .take(3)
            .map(|m| m.category)
            .collect();
        (!categories.is_empty()).then(|| CauseSummary {
            named,
            text: content.join(&labels, Joiner::Clauses),
            categories,
        })
    }
}

/// The questions no rule reads whose answers the report repeats, in questionnaire order:
/// the violation, the renovation's scope, the audit's year, why the assessment is done
/// and other motives.
pub const NOTE_QUESTIONS: [&str; 5] = [
    "violation_detail",
    "renovation_scope",
    "audit_year",
    "assessment_reason",
    "motivation_notes",
];

/// The counted answers to [`NOTE_QUESTIONS`] other than "I don't know", as the report
/// shows them.
pub fn notes(content: &Content, answers: &Answers) -> Vec<Evidence> {
    let bank = &content.bank;
    NOTE_QUESTIONS
        .iter()
        .filter_map(|id| {
            let q = bank.question(id)?;
            match answers.counted(bank, id)? {
                Answer::Unknown => None,
                answer => Some(Evidence::new(q, bank.describe(q, answer))),
            }
        })
        .collect()
}
