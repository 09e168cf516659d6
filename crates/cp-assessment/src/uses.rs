//! Where each question of the bank is used: by a fit rule, a readiness step, the
//! motivation profile, the engagement stage, the must-audit check, or shown in the report (the profile line,
//! the sector's examples, the notes). A question used nowhere costs the respondent time
//! for nothing; `tests/uses.rs` keeps the bank free of them.

use std::collections::BTreeMap;

use crate::assess::duty::DUTY_QUESTIONS;
use crate::assess::engagement::ENGAGEMENT_QUESTIONS;
use crate::assess::NOTE_QUESTIONS;
use crate::content::Content;
use crate::figures::FIGURE_QUESTIONS;
use crate::labels::PROFILE_QUESTIONS;
use crate::vocabulary::{AuditStep, Driver};

/// One use of a question.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Use {
    /// A condition of fit rule (its id).
    FitRule(String),
    /// Scored for a readiness step.
    Readiness(AuditStep),
    /// Rates a motivation driver.
    Motivation(Driver),
    /// Read for the engagement stage.
    Engagement,
    /// Read by the "Must we audit?" check.
    Duty,
    /// Shown in the report's profile line.
    Profile,
    /// Chooses the sector's example measures.
    SectorExamples,
    /// Repeated in the report's notes.
    Note,
    /// Read for the cost of waste, the intensities and the sector's levels.
    Figures,
}

/// Every question of the bank with its uses, by question id; a question used nowhere has
/// an empty list.
pub fn uses(content: &Content) -> BTreeMap<String, Vec<Use>> {
    let mut uses: BTreeMap<String, Vec<Use>> = content
        .bank
        .questions()
        .map(|q| {
            let mut found = Vec::new();
            if let Some(step) = q.audit_step {
                found.push(Use::Readiness(step));
            }
            if let Some(driver) = q.driver {
                found.push(Use::Motivation(driver));
            }
            (q.id.clone(), found)
        })
        .collect();
    let mut add = |id: &str, u: Use| {
        if let Some(list) = uses.get_mut(id) {
            if !list.contains(&u) {
                list.push(u);
            }
        }
    };
    for rule in &content.texts.rules {
        for cond in rule.conditions() {
            add(&cond.question, Use::FitRule(rule.id.clone()));
        }
    }
    for id in ENGAGEMENT_QUESTIONS {
        add(id, Use::Engagement);
    }
    for id in DUTY_QUESTIONS {
        add(id, Use::Duty);
    }
    for id in PROFILE_QUESTIONS {
        add(id, Use::Profile);
    }
    add("sector", Use::SectorExamples);
    for id in NOTE_QUESTIONS {
        add(id, Use::Note);
    }
    for id in FIGURE_QUESTIONS {
        add(id, Use::Figures);
    }
    uses
}
