//! Where the respondent stands on the seed study's path of responses to an audit
//! requirement: A (report without audit), B2 (audit, no measures), B1-a (measures, then
//! vague), B1-b (CP built into decisions), plus "audit ahead" and "voluntary".
//! Source: [SEED] (cp-reference §5).

use super::duty::audit_is_mandatory;
use crate::answers::Answers;
use crate::bank::Bank;
use crate::content::EngagementStage;

/// The questions the stage is read from: whether an audit is required, where it stands,
/// what came of its measures, and how CP figures in decisions since.
pub const ENGAGEMENT_QUESTIONS: [&str; 4] = [
    "audit_required",
    "audit_status",
    "audit_measures",
    "cp_since_audit",
];

/// Places the respondent on the path from their answers to `audit_status`,
/// `audit_measures`, `cp_since_audit` and `audit_required`.
///
/// - "report from past actions" → A, whether required or not;
/// - audit done: no measures (or not said) → B2; measures and CP routine → B1-b;
///   measures and CP vague (or not said) → B1-a — the seed's most common outcome;
/// - audit planned or in progress → audit ahead when required (or the requirement is not
///   said), a voluntary audit when not required;
/// - no audit and none planned: required → audit ahead (the requirement stands), not
///   required → voluntary, requirement unknown or unanswered → not known;
/// - where the audit stands unknown or unanswered → not known: "I don't know" is never
///   read as an answer [MILIEU].
///
/// A plant in mainland China that meets a trigger of a mandatory audit counts as required
/// whatever it said of a list ([`audit_is_mandatory`]): the Measures require the audit of it
/// [CN-AUDIT].
pub fn engagement(bank: &Bank, answers: &Answers) -> EngagementStage {
    let [required, status, measures, since] = ENGAGEMENT_QUESTIONS;
    let required = if audit_is_mandatory(bank, answers) {
        Some("required")
    } else {
        answers.choice(bank, required)
    };
    match answers.choice(bank, status) {
        Some("report_from_past") => EngagementStage::ReportWithoutAudit,
        Some("done") => match answers.choice(bank, measures) {
            Some("low_cost" | "medium_high") => match answers.choice(bank, since) {
                Some("routine") => EngagementStage::BuiltIntoDecisions,
                _ => EngagementStage::MeasuresThenVague,
            },
            _ => EngagementStage::AuditWithoutMeasures,
        },
        Some("planned" | "in_progress") => match required {
            Some("not_required") => EngagementStage::VoluntaryAudit,
            _ => EngagementStage::AuditAhead,
        },
        Some(_) => match required {
            Some("required") => EngagementStage::AuditAhead,
            Some(_) => EngagementStage::Voluntary,
            None => EngagementStage::NotKnown,
        },
        None => EngagementStage::NotKnown,
    }
}
