//! `assess`: from answers to the assessment a manager reads. Deterministic and pure;
//! every rule and weight is documented in docs/scoring.md with its source.

pub mod chapters;
pub mod duty;
pub mod engagement;
pub mod glance;
pub mod measures;
pub mod motivation;
pub mod readiness;
pub mod report;

use super::answers::{Answers, Progress};
use super::benchmarks::Benchmarks;
use super::content::{Content, EngagementStage};
use super::figures::{plant_figures, PlantFigures};
use super::vocabulary::Sector;

pub use chapters::{chapter_gaps, ChapterCount, ChapterGaps};
pub use duty::{audit_duty, local_help, AuditDuty, ChinaDuty, DutyReport};
pub use glance::{glance, next_step, Glance, GlanceTexts, Lister, Mandate, NextStep};
pub use measures::{Evidence, MeasureFit, Reason};
pub use motivation::{DriverScore, FamilyScore, MotivationProfile};
pub use readiness::{Readiness, StepReadiness};
pub use report::{notes, CauseSummary, Named, CAUSE_QUESTIONS, NOTE_QUESTIONS};

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
    /// What the optional figures give (the cost of waste, intensities, the sector's levels);
    /// `None` when no figure was given.
    pub figures: Option<PlantFigures>,
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
    let sector = answers.choice(bank, "sector").and_then(Sector::from_id);
    let language = bank.language();
    // Read once here: the ranking's level rules, the results and the room all use them.
    let figures =
        Benchmarks::shared().and_then(|b| plant_figures(bank, b, answers, sector, language));
    let standings = figures.as_ref().map_or(&[][..], |f| f.standings.as_slice());
    Assessment {
        readiness: readiness::readiness(bank, answers),
        motivation: motivation::motivation(bank, answers),
        engagement: engagement::engagement(bank, answers),
        measures: measures::measures(content, answers, standings),
        sector,
        progress: answers.progress(bank),
        figures,
    }
}
