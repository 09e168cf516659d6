//! Readiness for a CP audit along its seven steps.
//!
//! Each audit-step question's options carry a readiness value (0–100) in the bank. A step's
//! readiness is the mean over its counted answers; "I don't know" and hidden questions are
//! left out, and a step with no counted answer has unknown readiness (never zero).
//! Sources: steps and their "mature" state [SEED], [UNEP-CPA] (cp-reference §2); empty is
//! unknown, not zero [MILIEU].

use crate::answers::{Answer, Answers};
use crate::bank::Bank;
use crate::vocabulary::AuditStep;

/// A step counts as mature at this readiness or above: most of what cp-reference §2 lists
/// as "mature" for the step is in place (e.g. one answer "done" and one "partly" gives 75).
pub const MATURE_THRESHOLD: u8 = 75;

/// Readiness of one audit step.
#[derive(Clone, Debug, PartialEq)]
pub struct StepReadiness {
    /// The step.
    pub step: AuditStep,
    /// Mean readiness 0–100 over the counted answers; `None` when none is known.
    pub score: Option<u8>,
    /// Questions on this step with a counted, known answer.
    pub known: usize,
    /// Visible questions on this step.
    pub asked: usize,
}

impl StepReadiness {
    /// Whether the step counts as mature (score at least [`MATURE_THRESHOLD`]).
    pub fn is_mature(&self) -> bool {
        self.score.is_some_and(|s| s >= MATURE_THRESHOLD)
    }
}

/// Readiness along the seven steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Readiness {
    /// One entry per step, in order 1–7.
    pub steps: Vec<StepReadiness>,
    /// Mean of the known step scores, 0–100; `None` when no step is known.
    pub overall: Option<u8>,
    /// The step to work on now: the first step that is not mature (unknown counts as not
    /// mature, since it cannot be claimed). When every step is mature this is
    /// Routinization, which never ends.
    pub current_step: AuditStep,
    /// The first step after the current one that is not in place (steps already mature
    /// are skipped); `None` when there is none.
    pub next_step: Option<AuditStep>,
}

/// Rounds a non-negative mean to the nearest whole number, clamped to 0–100.
pub(crate) fn round_percent(sum: f64, n: usize) -> Option<u8> {
    if n == 0 {
        return None;
    }
    let mean = (sum / n as f64).round().clamp(0.0, 100.0);
    // The value is clamped to 0–100, so the conversion is exact.
    Some(mean as u8)
}

/// Computes readiness from the counted answers.
pub fn readiness(bank: &Bank, answers: &Answers) -> Readiness {
    let steps: Vec<StepReadiness> = AuditStep::ALL
        .iter()
        .map(|&step| {
            let mut sum = 0.0;
            let mut known = 0;
            let mut asked = 0;
            for q in bank.questions().filter(|q| q.audit_step == Some(step)) {
                if !bank.is_visible(q, answers) {
                    continue;
                }
                asked += 1;
                if let Some(Answer::Choice(id)) = answers.counted(bank, &q.id) {
                    if let Some(value) = q.option(id).and_then(|o| o.readiness) {
                        sum += f64::from(value);
                        known += 1;
                    }
                }
            }
            StepReadiness {
                step,
                score: round_percent(sum, known),
                known,
                asked,
            }
        })
        .collect();
    let known: Vec<u8> = steps.iter().filter_map(|s| s.score).collect();
    let overall = round_percent(known.iter().map(|&s| f64::from(s)).sum(), known.len());
    let current_step = steps
        .iter()
        .find(|s| !s.is_mature())
        .map_or(AuditStep::Routinization, |s| s.step);
    let next_step = steps
        .iter()
        .find(|s| s.step.number() > current_step.number() && !s.is_mature())
        .map(|s| s.step);
    Readiness {
        steps,
        overall,
        current_step,
        next_step,
    }
}
