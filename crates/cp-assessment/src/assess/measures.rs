//! Fit of the eight CP measure categories to the respondent's enterprise.
//!
//! Each category starts from a base fit that follows the cost ladder a newcomer climbs
//! (housekeeping and process control first; technology, by-products and product change
//! last) [UNEP-CPA], [B4]. The fit rules of `content/<lang>/assessment.json` then raise or
//! lower it; each rule names the answers that trigger it and its source, and every rule
//! that fired is shown to the user as a reason. Unknown, hidden or invalid answers never
//! trigger a rule. The score is clamped to 0–100; ties are broken by the cost ladder.

use crate::answers::{Answer, Answers};
use crate::bank::Bank;
use crate::content::{Content, Effect, FitRule, RuleCondition};
use crate::vocabulary::{CostClass, MeasureCategory, Sector};

/// Points of a strong effect: one answer that on its own makes a category clearly fit or
/// unfit (e.g. a steady residue for by-products, a buyer-fixed specification for product
/// change) [UNIDO-8].
pub const STRONG_POINTS: i32 = 20;
/// Points of a moderate effect: a condition cp-reference §3 lists under "suits an
/// enterprise that…".
pub const MODERATE_POINTS: i32 = 12;
/// Points of a slight effect: a supporting circumstance (a motive, a side stream).
pub const SLIGHT_POINTS: i32 = 6;

/// Base fit before any answer, 0–100, following the cost ladder: no/low-cost categories
/// that suit any enterprise start highest, strategic ones lowest, so that without
/// information the quick wins come first [UNEP-CPA], [B4] (cp-reference §3).
pub fn base_fit(category: MeasureCategory) -> i32 {
    use MeasureCategory::*;
    match category {
        // "Any [enterprise], above all one with little metering…" (§3).
        Housekeeping => 50,
        ProcessControl => 45,
        // The middle of the ladder: substitution, equipment, recovery.
        Substitution | Equipment | Recovery => 35,
        // Strategic: capital, markets or R&D needed.
        Technology => 25,
        ByProduct | Product => 20,
    }
}

/// The signed points of an effect.
pub fn points(effect: Effect) -> i32 {
    match effect {
        Effect::RaiseStrongly => STRONG_POINTS,
        Effect::Raise => MODERATE_POINTS,
        Effect::RaiseSlightly => SLIGHT_POINTS,
        Effect::LowerSlightly => -SLIGHT_POINTS,
        Effect::Lower => -MODERATE_POINTS,
        Effect::LowerStrongly => -STRONG_POINTS,
    }
}

/// One of the respondent's answers that triggered a reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Id of the question.
    pub question_id: String,
    /// The question as asked.
    pub question: String,
    /// The answer as the user chose it (option labels, "4 of 5", a number).
    pub answer: String,
}

/// A reason that raised or lowered a category's fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// Id of the fit rule.
    pub rule_id: String,
    /// Plain-language reason.
    pub text: String,
    /// Signed points (positive raises the fit).
    pub points: i32,
    /// The answers that triggered it.
    pub evidence: Vec<Evidence>,
    /// Source keys from cp-reference.md.
    pub source: Vec<String>,
}

/// How well one category fits.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureFit {
    /// The category.
    pub category: MeasureCategory,
    /// 1 = best fit.
    pub rank: usize,
    /// Fit 0–100.
    pub score: u8,
    /// No/low or medium/high cost.
    pub cost_class: CostClass,
    /// Reasons that raised the fit, strongest first.
    pub raised_by: Vec<Reason>,
    /// Reasons that lowered the fit, strongest first.
    pub lowered_by: Vec<Reason>,
    /// 2–4 example measures for the respondent's sector.
    pub examples: Vec<String>,
    /// A concrete first step.
    pub first_step: String,
    /// Questions answered "I don't know" that a fit rule of this category looks at: an
    /// answer to them could change the fit. Question texts, in questionnaire order.
    pub open_questions: Vec<String>,
}

fn condition_holds(bank: &Bank, answers: &Answers, cond: &RuleCondition) -> Option<Evidence> {
    let q = bank.question(&cond.question)?;
    let answer = answers.counted(bank, &cond.question)?;
    let in_range = |v: f64| {
        cond.at_least.is_none_or(|min| v >= min) && cond.at_most.is_none_or(|max| v <= max)
    };
    let shown = match (answer, &cond.any_of) {
        (Answer::Choice(id), Some(any)) if any.contains(id) => bank.describe(q, answer),
        (Answer::Choices(ids), Some(any)) => {
            let hits: Vec<String> = ids.iter().filter(|i| any.contains(i)).cloned().collect();
            if hits.is_empty() {
                return None;
            }
            bank.describe(q, &Answer::Choices(hits))
        }
        (Answer::Scale(v), None) if in_range(f64::from(*v)) => bank.describe(q, answer),
        (Answer::Number(v), None) if in_range(*v) => bank.describe(q, answer),
        _ => return None,
    };
    Some(Evidence {
        question_id: q.id.clone(),
        question: q.text.clone(),
        answer: shown,
    })
}

/// The reason a rule gives, if all its conditions hold on the counted answers.
pub fn apply_rule(bank: &Bank, answers: &Answers, rule: &FitRule) -> Option<Reason> {
    let evidence = rule
        .when
        .iter()
        .map(|c| condition_holds(bank, answers, c))
        .collect::<Option<Vec<_>>>()?;
    Some(Reason {
        rule_id: rule.id.clone(),
        text: rule.reason.clone(),
        points: points(rule.effect),
        evidence,
        source: rule.source.clone(),
    })
}

/// Ranks all eight categories by fit.
pub fn measures(content: &Content, answers: &Answers) -> Vec<MeasureFit> {
    let bank = &content.bank;
    let sector = answers
        .choice(bank, "sector")
        .and_then(Sector::from_id)
        .unwrap_or(Sector::Other);
    let mut fits: Vec<MeasureFit> = MeasureCategory::ALL
        .iter()
        .map(|&category| {
            let reasons: Vec<Reason> = content
                .texts
                .rules
                .iter()
                .filter(|r| r.category == category)
                .filter_map(|r| apply_rule(bank, answers, r))
                .collect();
            let total = base_fit(category) + reasons.iter().map(|r| r.points).sum::<i32>();
            let (mut raised_by, mut lowered_by): (Vec<Reason>, Vec<Reason>) =
                reasons.into_iter().partition(|r| r.points > 0);
            raised_by.sort_by(|a, b| b.points.cmp(&a.points));
            lowered_by.sort_by(|a, b| a.points.cmp(&b.points));
            let open_questions: Vec<String> = bank
                .questions()
                .filter(|q| matches!(answers.counted(bank, &q.id), Some(Answer::Unknown)))
                .filter(|q| {
                    content.texts.rules.iter().any(|r| {
                        r.category == category && r.when.iter().any(|c| c.question == q.id)
                    })
                })
                .map(|q| q.text.clone())
                .collect();
            let info = content.category(category);
            MeasureFit {
                category,
                rank: 0,
                // Clamped to 0–100 first, so the conversion cannot fail.
                score: u8::try_from(total.clamp(0, 100)).unwrap_or(0),
                cost_class: info.map_or(CostClass::MediumHigh, |i| i.cost_class),
                raised_by,
                lowered_by,
                examples: info
                    .and_then(|i| i.examples.get(&sector))
                    .cloned()
                    .unwrap_or_default(),
                first_step: info.map(|i| i.first_step.clone()).unwrap_or_default(),
                open_questions,
            }
        })
        .collect();
    fits.sort_by(|a, b| {
        b.score.cmp(&a.score).then(
            a.category
                .ladder_position()
                .cmp(&b.category.ladder_position()),
        )
    });
    for (i, f) in fits.iter_mut().enumerate() {
        f.rank = i + 1;
    }
    fits
}
