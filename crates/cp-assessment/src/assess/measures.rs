//! Fit of the eight CP measure categories to the respondent's enterprise.
//!
//! Each category starts from a base fit that follows the cost ladder a newcomer climbs
//! (housekeeping and process control first; technology, by-products and product change
//! last) [UNEP-CPA], [B4]. The fit rules of `content/<lang>/assessment.json` then raise or
//! lower it; each rule names the answers that trigger it and its source, and every rule
//! that fired is shown to the user as a reason. Unknown, hidden or invalid answers never
//! trigger a rule. Categories are ranked by their points (base plus reasons), ties broken
//! by the cost ladder; the fit shown is those points mapped onto 0–100 by [`fit_of`].

use crate::answers::{Answer, Answers};
use crate::bank::{Bank, Question};
use crate::benchmarks::Level;
use crate::content::{Content, Effect, FitRule, LevelRule, RuleCondition};
use crate::figures::Standing;
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

/// Points at which the fit is 50, the middle of the scale: the base fit of housekeeping,
/// the category that suits any enterprise (cp-reference §3).
pub const HALF_FIT_POINTS: i32 = 50;

/// The fit 0–100 of a category with `points` (base plus reasons): `100·p / (p + 50)`, 0
/// for no points. It keeps the order of the points and approaches 100 without reaching it
/// in practice, so that evidence added keeps counting, as clamping at 100 did not once
/// many reasons could fire: 50 points give 50, 100 give 67, 150 give 75.
pub fn fit_of(points: i32) -> u8 {
    if points <= 0 {
        return 0;
    }
    let p = i64::from(points);
    let half = i64::from(HALF_FIT_POINTS);
    // Rounded to the nearest whole number; p / (p + half) < 1, so it is at most 100.
    u8::try_from((200 * p + p + half) / (2 * (p + half))).unwrap_or(100)
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

impl Evidence {
    /// `question` answered as `shown` (the answer in words).
    pub fn new(question: &Question, shown: String) -> Self {
        Evidence {
            question_id: question.id.clone(),
            question: question.text.clone(),
            answer: shown,
        }
    }
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
    /// Fit 0–100 ([`fit_of`] the points).
    pub score: u8,
    /// Points: the base fit plus the signed points of every reason; what the ranking
    /// follows.
    pub points: i32,
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
    Some(Evidence::new(q, shown))
}

/// The reason a rule gives, if all its conditions hold on the counted answers.
pub fn apply_rule(bank: &Bank, answers: &Answers, rule: &FitRule) -> Option<Reason> {
    let mut evidence = rule
        .when
        .iter()
        .map(|c| condition_holds(bank, answers, c))
        .collect::<Option<Vec<_>>>()?;
    let alternatives: Vec<Evidence> = rule
        .when_any
        .iter()
        .filter_map(|c| condition_holds(bank, answers, c))
        .collect();
    if !rule.when_any.is_empty() && alternatives.is_empty() {
        return None;
    }
    evidence.extend(alternatives);
    Some(Reason {
        rule_id: rule.id.clone(),
        text: rule.reason.clone(),
        points: points(rule.effect),
        evidence,
        source: rule.source.clone(),
    })
}

/// The reason a level rule gives, if the plant's figures put it at level Ⅲ or below on an
/// indicator computed from the rule's figure. The evidence is the figure itself, e.g.
/// "4.5 m³/t steel (below Ⅲ; Ⅰ is 3.5)".
pub fn apply_level_rule(bank: &Bank, standings: &[Standing], rule: &LevelRule) -> Option<Reason> {
    let s = standings.iter().find(|s| {
        s.level >= Level::III
            && s.indicator
                .from
                .as_ref()
                .is_some_and(|f| f.figure == rule.figure)
    })?;
    let language = bank.language();
    let q = bank.question(crate::figures::figure_question(&rule.figure)?)?;
    let unit = s.indicator.unit_name.of(language);
    let shown = format!(
        "{} {unit} (Ⅰ: {} {unit})",
        crate::spread::figure(s.value),
        crate::spread::figure(s.indicator.levels[0])
    );
    Some(Reason {
        rule_id: rule.id.clone(),
        text: rule.reason.clone(),
        points: points(rule.effect),
        evidence: vec![Evidence::new(q, shown)],
        source: rule.source.clone(),
    })
}

/// Ranks all eight categories by fit; `standings` are where the plant's figures reach its
/// sector's levels (none without figures), which the level rules read.
pub fn measures(content: &Content, answers: &Answers, standings: &[Standing]) -> Vec<MeasureFit> {
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
                .chain(
                    content
                        .texts
                        .level_rules
                        .iter()
                        .filter(|r| r.category == category)
                        .filter_map(|r| apply_level_rule(bank, standings, r)),
                )
                .collect();
            let total = base_fit(category) + reasons.iter().map(|r| r.points).sum::<i32>();
            let (mut raised_by, mut lowered_by): (Vec<Reason>, Vec<Reason>) =
                reasons.into_iter().partition(|r| r.points > 0);
            raised_by.sort_by_key(|r| std::cmp::Reverse(r.points));
            lowered_by.sort_by_key(|r| r.points);
            let open_questions: Vec<String> = bank
                .questions()
                .filter(|q| matches!(answers.counted(bank, &q.id), Some(Answer::Unknown)))
                .filter(|q| {
                    content.texts.rules.iter().any(|r| {
                        r.category == category && r.conditions().any(|c| c.question == q.id)
                    })
                })
                .map(|q| q.text.clone())
                .collect();
            let info = content.category(category);
            MeasureFit {
                category,
                rank: 0,
                score: fit_of(total),
                points: total,
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
        b.points.cmp(&a.points).then(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_the_order_of_the_points_within_zero_to_hundred() {
        assert_eq!(fit_of(-30), 0);
        assert_eq!(fit_of(0), 0);
        assert_eq!(fit_of(HALF_FIT_POINTS), 50);
        assert_eq!(fit_of(100), 67);
        assert_eq!(fit_of(150), 75);
        let fits: Vec<u8> = (0..400).map(fit_of).collect();
        assert!(fits.windows(2).all(|w| w[0] <= w[1]));
        assert!(fit_of(i32::MAX) <= 100);
    }
}
