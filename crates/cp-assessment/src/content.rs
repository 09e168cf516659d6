//! The content the assessment runs on, loaded from the JSON files under `content/<lang>/`:
//! the question bank, the measure catalogue (definitions, cost class, examples per sector,
//! first step) and the assessment texts (fit rules with their reasons, engagement stages,
//! audit-step advice).
//!
//! [`Content::english`] parses and cross-checks all three, so a rule naming a question or
//! option that does not exist is a test failure, not a silent zero.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bank::{Bank, ContentError, QuestionKind};
use super::vocabulary::{AuditStep, CostClass, Driver, Family, Language, MeasureCategory, Sector};

/// One of the eight measure categories as the catalogue describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryInfo {
    /// Which category.
    pub category: MeasureCategory,
    /// Standard name, e.g. "Good housekeeping".
    pub name: String,
    /// One or two plain sentences.
    pub definition: String,
    /// Cost range from cp-reference §3: "L", "L–M", "M", "M–H" or "H".
    pub cost_range: String,
    /// No/low or medium/high (decides "do now" vs "needs a feasibility study").
    pub cost_class: CostClass,
    /// Typical payback, e.g. "weeks to months".
    pub payback: String,
    /// A concrete first action.
    pub first_step: String,
    /// Source keys from cp-reference.md.
    pub sources: Vec<String>,
    /// 2–4 example measures per sector.
    pub examples: BTreeMap<Sector, Vec<String>>,
}

/// The measure catalogue file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The eight categories, in UNIDO order.
    pub categories: Vec<CategoryInfo>,
}

/// How strongly a fit rule moves a category's score. The points are named constants in
/// [`crate::assess::measures`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The answer makes the category clearly more suitable.
    RaiseStrongly,
    /// The answer makes it more suitable.
    Raise,
    /// The answer makes it a little more suitable.
    RaiseSlightly,
    /// The answer makes it a little less suitable.
    LowerSlightly,
    /// The answer makes it less suitable.
    Lower,
    /// The answer makes it clearly less suitable.
    LowerStrongly,
}

/// One condition of a fit rule, on one question's counted answer. Exactly one of
/// `any_of`, `at_least`/`at_most` is used, matching the question's kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleCondition {
    /// The question looked at.
    pub question: String,
    /// Holds when the choice is (or the choices contain) one of these option ids.
    #[serde(default)]
    pub any_of: Option<Vec<String>>,
    /// Holds when the scale value or number is at least this.
    #[serde(default)]
    pub at_least: Option<f64>,
    /// Holds when the scale value or number is at most this.
    #[serde(default)]
    pub at_most: Option<f64>,
}

/// A fit rule: when all conditions hold, the category's score moves by the effect and the
/// reason is shown to the user, with the answers that triggered it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRule {
    /// Stable id, for tests and translations.
    pub id: String,
    /// The category whose fit it moves.
    pub category: MeasureCategory,
    /// Direction and strength.
    pub effect: Effect,
    /// All must hold (on counted answers; unknown or hidden answers never trigger a rule).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<RuleCondition>,
    /// At least one must hold as well, when any are given: one fact that several answers
    /// can show (a broken limit is a warning, an emission over a standard, or energy over
    /// the quota) moves a category once, however many of them show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when_any: Vec<RuleCondition>,
    /// Shown to the user, in plain words.
    pub reason: String,
    /// Source keys from cp-reference.md.
    pub source: Vec<String>,
}

impl FitRule {
    /// Every condition it looks at, required or alternative.
    pub fn conditions(&self) -> impl Iterator<Item = &RuleCondition> {
        self.when.iter().chain(&self.when_any)
    }
}

/// A rule that raises a category when the plant's figures put it at level Ⅲ or below on
/// its sector's indicator for `figure`: the audit's preliminary assessment compares the
/// plant with its sector's indicator system and makes the indicators where it lags the
/// audit's focus [CN-AUDIT] (docs/scoring.md, "Level rules").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    /// Stable id, for tests and translations.
    pub id: String,
    /// The figure whose indicator it reads: "water_per_unit".
    pub figure: String,
    /// The category whose fit it moves.
    pub category: MeasureCategory,
    /// Direction and strength.
    pub effect: Effect,
    /// Shown to the user, in plain words.
    pub reason: String,
    /// Source keys from cp-reference.md.
    pub source: Vec<String>,
}

/// Where the respondent stands on the seed study's path of responses to an audit
/// requirement. Source: [SEED] (cp-reference §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EngagementStage {
    /// A — a report written from past actions, without an audit.
    ReportWithoutAudit,
    /// B — an audit is required or planned and not yet finished; its outcome is open.
    AuditAhead,
    /// B2 — audit conducted, no measure adopted.
    AuditWithoutMeasures,
    /// B1-a — measures implemented, then CP enters decisions only vaguely.
    MeasuresThenVague,
    /// B1-b — parts of the audit procedure became part of ongoing decision making.
    BuiltIntoDecisions,
    /// Not required, no audit yet: acting voluntarily from the start.
    Voluntary,
    /// Not required, and an audit planned or under way on the enterprise's own initiative
    /// (自愿性审核): the seed's voluntary path, with the audit as its own decision.
    VoluntaryAudit,
    /// The answers do not say yet whether an audit is required or where it stands.
    NotKnown,
}

impl EngagementStage {
    /// Every stage.
    pub const ALL: [EngagementStage; 8] = [
        EngagementStage::ReportWithoutAudit,
        EngagementStage::AuditAhead,
        EngagementStage::AuditWithoutMeasures,
        EngagementStage::MeasuresThenVague,
        EngagementStage::BuiltIntoDecisions,
        EngagementStage::Voluntary,
        EngagementStage::VoluntaryAudit,
        EngagementStage::NotKnown,
    ];
}

/// Texts for one engagement stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageText {
    /// Which stage.
    pub stage: EngagementStage,
    /// The seed's code: "A", "B", "B2", "B1-a", "B1-b", "V" or "V-B".
    pub code: String,
    /// Short title.
    pub title: String,
    /// What this stage means, without blame.
    pub description: String,
    /// The honest next move towards B1-b.
    pub next_move: String,
    /// Source keys.
    pub source: Vec<String>,
}

/// Advice for one audit step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepText {
    /// Which step.
    pub step: AuditStep,
    /// What to do to complete it (cp-reference §2, "mature" column).
    pub advice: String,
}

/// Display names of the field's closed sets, in the content's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// The seven audit steps (cp-reference §2).
    pub steps: BTreeMap<AuditStep, String>,
    /// The three families of motives (cp-reference §4).
    pub families: BTreeMap<Family, String>,
    /// The eleven drivers (cp-reference §4).
    pub drivers: BTreeMap<Driver, String>,
}

/// The assessment texts file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentTexts {
    /// Fit rules for the eight categories.
    pub rules: Vec<FitRule>,
    /// Rules on the sector's levels the plant's figures reach.
    pub level_rules: Vec<LevelRule>,
    /// One text per engagement stage.
    pub stages: Vec<StageText>,
    /// One advice per audit step.
    pub steps: Vec<StepText>,
    /// Where to get help (shown with every result). Source: [SECO-2020].
    pub help: String,
    /// Names of steps, families and drivers.
    pub names: Names,
}

/// How many questions a first-time respondent faces: the visible, non-optional questions
/// of the bank before any answer (`Answers::new().progress(&bank).visible`), the same in
/// every language. The welcome page says "about N questions" before any content has
/// been fetched (`crate::languages`), so the figure is kept here; `tests/content.rs`
/// fails when the bank changes and this figure is not updated with it.
pub const QUESTIONS_AT_START: usize = 58;

/// Everything the questionnaire and the assessment need, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    /// The question bank.
    pub bank: Bank,
    /// The measure catalogue.
    pub catalogue: Catalogue,
    /// Rules and result texts.
    pub texts: AssessmentTexts,
}

/// The three content files of one language, compiled into the app.
///
/// Each language's files are a separate constant so that a browser build can keep them
/// apart: the app parses [`ContentFiles::EN`] in its main wasm module and
/// [`ContentFiles::ZH_CN`] only inside a split-off module (`crate::languages`), so a
/// visitor downloads the Chinese text only when it is shown. App code must therefore
/// name the constant it needs instead of calling [`Content::load`] with a language
/// known only at run time, which would pull both languages into the main module.
#[derive(Clone, Copy, Debug)]
pub struct ContentFiles {
    /// The language the files are written in.
    pub language: Language,
    /// `content/<lang>/bank.json`: the question bank.
    pub bank: &'static str,
    /// `content/<lang>/measures.json`: the measure catalogue.
    pub measures: &'static str,
    /// `content/<lang>/assessment.json`: fit rules and result texts.
    pub assessment: &'static str,
}

impl ContentFiles {
    /// English.
    pub const EN: ContentFiles = ContentFiles {
        language: Language::En,
        bank: include_str!("../../../content/en/bank.json"),
        measures: include_str!("../../../content/en/measures.json"),
        assessment: include_str!("../../../content/en/assessment.json"),
    };
    /// Simplified Chinese.
    pub const ZH_CN: ContentFiles = ContentFiles {
        language: Language::ZhCn,
        bank: include_str!("../../../content/zh-CN/bank.json"),
        measures: include_str!("../../../content/zh-CN/measures.json"),
        assessment: include_str!("../../../content/zh-CN/assessment.json"),
    };

    /// The files of `language`.
    pub fn of(language: Language) -> ContentFiles {
        match language {
            Language::En => ContentFiles::EN,
            Language::ZhCn => ContentFiles::ZH_CN,
        }
    }
}

pub(crate) fn parse<T: for<'de> Deserialize<'de>>(
    name: &str,
    json: &str,
) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|e| ContentError::Parse(format!("{name}: {e}")))
}

impl Content {
    /// The English content compiled into the app, parsed and cross-checked.
    ///
    /// # Errors
    /// A [`ContentError`] if any file is malformed or inconsistent (caught by the tests;
    /// the app shows a plain error page rather than panicking if it ever happened).
    pub fn english() -> Result<Content, ContentError> {
        Content::load(Language::En)
    }

    /// The content of `language` compiled into the app, parsed and cross-checked.
    ///
    /// # Errors
    /// See [`Content::english`].
    pub fn load(language: Language) -> Result<Content, ContentError> {
        Content::parse(ContentFiles::of(language))
    }

    /// One language's compiled-in files, parsed and cross-checked.
    ///
    /// # Errors
    /// See [`Content::english`]; also if the bank names another language than `files`.
    pub fn parse(files: ContentFiles) -> Result<Content, ContentError> {
        let content = Content::from_json(files.bank, files.measures, files.assessment)?;
        if content.bank.language != files.language.as_str() {
            return Err(ContentError::Inconsistent(format!(
                "bank for {} says its language is {}",
                files.language.as_str(),
                content.bank.language
            )));
        }
        Ok(content)
    }

    /// Name of an audit step, e.g. "Preliminary assessment".
    pub fn step_name(&self, step: AuditStep) -> &str {
        self.texts.names.steps.get(&step).map_or("", String::as_str)
    }

    /// Name of a family of motives.
    pub fn family_name(&self, family: Family) -> &str {
        self.texts
            .names
            .families
            .get(&family)
            .map_or("", String::as_str)
    }

    /// Name of a driver.
    pub fn driver_name(&self, driver: Driver) -> &str {
        self.texts
            .names
            .drivers
            .get(&driver)
            .map_or("", String::as_str)
    }

    /// Parses and cross-checks content given as JSON texts.
    ///
    /// # Errors
    /// See [`Content::english`].
    pub fn from_json(bank: &str, catalogue: &str, texts: &str) -> Result<Content, ContentError> {
        let content = Content {
            bank: Bank::from_json(bank)?,
            catalogue: parse("measures.json", catalogue)?,
            texts: parse("assessment.json", texts)?,
        };
        content.validate()?;
        Ok(content)
    }

    /// The catalogue entry of a category.
    pub fn category(&self, category: MeasureCategory) -> Option<&CategoryInfo> {
        self.catalogue
            .categories
            .iter()
            .find(|c| c.category == category)
    }

    /// The texts of an engagement stage.
    pub fn stage(&self, stage: EngagementStage) -> Option<&StageText> {
        self.texts.stages.iter().find(|s| s.stage == stage)
    }

    /// The advice for an audit step.
    pub fn step_advice(&self, step: AuditStep) -> Option<&str> {
        self.texts
            .steps
            .iter()
            .find(|s| s.step == step)
            .map(|s| s.advice.as_str())
    }

    fn validate(&self) -> Result<(), ContentError> {
        let fail = |msg: String| Err(ContentError::Inconsistent(msg));
        let cats: Vec<MeasureCategory> = self
            .catalogue
            .categories
            .iter()
            .map(|c| c.category)
            .collect();
        if cats != MeasureCategory::ALL {
            return fail(format!(
                "catalogue must list the eight categories in order, got {cats:?}"
            ));
        }
        for c in &self.catalogue.categories {
            for s in Sector::ALL {
                let n = c.examples.get(s).map_or(0, Vec::len);
                if !(2..=4).contains(&n) {
                    return fail(format!(
                        "{}: sector {} has {n} examples, needs 2–4",
                        c.category.as_str(),
                        s.as_str()
                    ));
                }
            }
        }
        // The sector question's options are exactly the sectors examples exist for.
        let sector_ids: Vec<&str> = self
            .bank
            .question("sector")
            .map(|q| q.options.iter().map(|o| o.id.as_str()).collect())
            .unwrap_or_default();
        let expected: Vec<&str> = Sector::ALL.iter().map(|s| s.as_str()).collect();
        if sector_ids != expected {
            return fail(format!(
                "sector options {sector_ids:?} differ from {expected:?}"
            ));
        }
        for rule in &self.texts.level_rules {
            if crate::figures::figure_question(&rule.figure).is_none() {
                return fail(format!(
                    "level rule {} reads unknown figure {}",
                    rule.id, rule.figure
                ));
            }
        }
        for rule in &self.texts.rules {
            if rule.when.is_empty() && rule.when_any.len() < 2 {
                return fail(format!(
                    "rule {} needs a condition, or two alternatives",
                    rule.id
                ));
            }
            for cond in rule.conditions() {
                let Some(q) = self.bank.question(&cond.question) else {
                    return fail(format!(
                        "rule {} names unknown question {}",
                        rule.id, cond.question
                    ));
                };
                let ranged = cond.at_least.is_some() || cond.at_most.is_some();
                match (&cond.any_of, q.kind) {
                    (Some(opts), QuestionKind::Single | QuestionKind::Multi) if !ranged => {
                        if let Some(bad) = opts.iter().find(|o| q.option(o).is_none()) {
                            return fail(format!(
                                "rule {} names option {bad} that {} lacks",
                                rule.id, q.id
                            ));
                        }
                    }
                    (None, QuestionKind::Scale | QuestionKind::Number) if ranged => {}
                    _ => {
                        return fail(format!(
                            "rule {}: its condition on {} does not fit that question's kind",
                            rule.id, q.id
                        ))
                    }
                }
            }
            if self.texts.rules.iter().filter(|r| r.id == rule.id).count() != 1 {
                return fail(format!("rule id {} is used twice", rule.id));
            }
        }
        for stage in EngagementStage::ALL {
            if self
                .texts
                .stages
                .iter()
                .filter(|s| s.stage == stage)
                .count()
                != 1
            {
                return fail(format!("stage {stage:?} needs exactly one text"));
            }
        }
        let names = &self.texts.names;
        if names.steps.len() != AuditStep::ALL.len()
            || names.families.len() != Family::ALL.len()
            || names.drivers.len() != Driver::ALL.len()
        {
            return fail("names must name every step, family and driver".to_owned());
        }
        for step in AuditStep::ALL {
            if self.texts.steps.iter().filter(|s| s.step == *step).count() != 1 {
                return fail(format!("step {} needs exactly one advice", step.as_str()));
            }
        }
        Ok(())
    }
}
