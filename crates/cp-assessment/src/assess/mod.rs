//! `assess`: from answers to the assessment a manager reads. Deterministic and pure;
//! every rule and weight is documented in docs/scoring.md with its source.

pub mod engagement;
pub mod measures;
pub mod motivation;
pub mod readiness;

use super::answers::{Answers, Progress};
use super::content::{Content, EngagementStage};
use super::vocabulary::Sector;

pub use measures::{Evidence, MeasureFit, Reason};
pub use motivation::{DriverScore, FamilyScore, MotivationProfile};
pub use readiness::{Readiness, StepReadiness};

/// Everything the results page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Readiness per audit step, overall, current and next step.
    pub readiness: Readiness,
    /// Importance of each driver and family.
    pub motivation: MotivationProfile,
    /// Place on the seed study's path of responses to an audit requirement.
    pub engagement: EngagementStage,
    /// All eight categories, best fit first.
    pub measures: Vec<MeasureFit>,
    /// The sector examples were chosen for (`None` when not answered: generic examples).
    pub sector: Option<Sector>,
    /// How much of the visible questionnaire is answered; results are provisional below 100.
    pub progress: Progress,
    /// What the respondent added in their own words or figures ([`NOTE_QUESTIONS`]), as
    /// asked and answered, for the report.
    pub notes: Vec<Evidence>,
    /// The causes of waste the respondent named, and the categories that remove them;
    /// `None` when no cause is named.
    pub causes: Option<CauseSummary>,
}

/// The questions on where the plant loses most and why (the eight aspects of CP source
/// analysis [CN-AUDIT], [UNEP-CPA]).
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
    pub categories: Vec<super::vocabulary::MeasureCategory>,
}

/// Which answers a [`CauseSummary`] sums up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// The causes of the losses (`loss_causes`).
    Causes,
    /// Where water, energy or material is lost (the other [`CAUSE_QUESTIONS`]).
    LossPoints,
}

/// Sums up the causes named, else the loss points, and the categories they raised, from
/// the ranked `measures`.
fn causes(content: &Content, answers: &Answers, measures: &[MeasureFit]) -> Option<CauseSummary> {
    let bank = &content.bank;
    // The options chosen, in the question's order, each a whole phrase.
    let chosen = |id: &str| -> Vec<String> {
        let Some(q) = bank.question(id) else {
            return Vec::new();
        };
        match answers.counted(bank, id) {
            Some(super::answers::Answer::Choices(ids)) => q
                .options
                .iter()
                .filter(|o| ids.contains(&o.id))
                .map(|o| o.label.clone())
                .collect(),
            _ => Vec::new(),
        }
    };
    let (named, questions): (Named, &[&str]) = if chosen("loss_causes").is_empty() {
        (Named::LossPoints, &CAUSE_QUESTIONS[..3])
    } else {
        (Named::Causes, &CAUSE_QUESTIONS[3..])
    };
    let labels: Vec<String> = questions.iter().flat_map(|id| chosen(id)).collect();
    if labels.is_empty() {
        return None;
    }
    let categories: Vec<_> = measures
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
        text: content.join(&labels, crate::labels::Joiner::Clauses),
        categories,
    })
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

/// The counted answers to [`NOTE_QUESTIONS`], as the report shows them.
fn notes(content: &Content, answers: &Answers) -> Vec<Evidence> {
    let bank = &content.bank;
    NOTE_QUESTIONS
        .iter()
        .filter_map(|id| {
            let q = bank.question(id)?;
            let answer = answers.counted(bank, id)?;
            if matches!(answer, super::answers::Answer::Unknown) {
                return None;
            }
            Some(Evidence {
                question_id: q.id.clone(),
                question: q.text.clone(),
                answer: bank.describe(q, answer),
            })
        })
        .collect()
}

/// A measure category goes into the action plan when its fit is at least this: past the
/// middle of the scale, more of the answers speak for it than against it.
pub const ACTION_PLAN_MIN_FIT: u8 = 50;

impl Assessment {
    /// The action plan as CP audits split it [SEED], [UNEP-CPA] (cp-reference §2): the
    /// well-fitting categories (fit ≥ [`ACTION_PLAN_MIN_FIT`]), best first, as
    /// ("do now": no/low cost, "needs a feasibility study": medium/high cost).
    pub fn action_plan(&self) -> (Vec<&MeasureFit>, Vec<&MeasureFit>) {
        self.measures
            .iter()
            .filter(|m| m.score >= ACTION_PLAN_MIN_FIT)
            .partition(|m| m.cost_class == super::vocabulary::CostClass::NoLow)
    }
}

/// Assesses the answers against the content. Only visible, valid, known answers count.
pub fn assess(content: &Content, answers: &Answers) -> Assessment {
    let bank = &content.bank;
    let measures = measures::measures(content, answers);
    Assessment {
        readiness: readiness::readiness(bank, answers),
        motivation: motivation::motivation(bank, answers),
        engagement: engagement::engagement(bank, answers),
        causes: causes(content, answers, &measures),
        measures,
        sector: answers.choice(bank, "sector").and_then(Sector::from_id),
        progress: answers.progress(bank),
        notes: notes(content, answers),
    }
}
