//! The question bank: parts, questions, answer options and visibility rules, loaded from
//! a JSON content file compiled into the app (`content/en/bank.json`).
//!
//! The bank is data, not code: wording, options, help texts and the readiness value of
//! each option are reviewed in the content file. This module only gives it a shape and
//! checks that it is internally consistent ([`Bank::validate`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::vocabulary::{AuditStep, Driver, Language};

/// The six parts of the questionnaire, in order; the sixth, the plant's figures, is
/// optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartId {
    /// 1. Enterprise profile.
    Profile,
    /// 2. Current practice.
    Practice,
    /// 3. Audit readiness along the seven CP audit steps.
    Readiness,
    /// 4. Motivations.
    Motivation,
    /// 5. Constraints and capacities.
    Constraints,
    /// 6. Last year's figures (optional), for the cost of waste and the sector's CP levels.
    Figures,
}

impl PartId {
    /// Every part, in questionnaire order.
    pub const ALL: [PartId; 6] = [
        PartId::Profile,
        PartId::Practice,
        PartId::Readiness,
        PartId::Motivation,
        PartId::Constraints,
        PartId::Figures,
    ];

    /// The part's number in the questionnaire, 1–6 (used in URLs: `/part/3`).
    pub fn number(self) -> usize {
        match self {
            PartId::Profile => 1,
            PartId::Practice => 2,
            PartId::Readiness => 3,
            PartId::Motivation => 4,
            PartId::Constraints => 5,
            PartId::Figures => 6,
        }
    }

    /// The part with number `n` (1–6); `None` outside that range.
    pub fn from_number(n: usize) -> Option<PartId> {
        PartId::ALL.get(n.checked_sub(1)?).copied()
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one option (radio buttons).
    Single,
    /// Any number of options (checkboxes).
    Multi,
    /// Importance from 1 (not important) to 5 (decisive) (radio buttons).
    Scale,
    /// A number within [`NumberSpec`] bounds (text field accepting "3,5" or "3.5").
    Number,
    /// Free text, at most [`Question::max_len`] characters.
    Text,
}

/// One answer option of a single- or multi-choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable id, unique within the question (stored in answers).
    pub id: String,
    /// Label shown to the user.
    pub label: String,
    /// For questions that measure audit readiness: how mature this answer shows the step to
    /// be, 0–100 (0 = not started, 50 = partly, 100 = done as cp-reference §2 describes).
    #[serde(default)]
    pub readiness: Option<u8>,
}

/// Bounds and unit of a number question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberSpec {
    /// Smallest accepted value (inclusive).
    pub min: f64,
    /// Largest accepted value (inclusive).
    pub max: f64,
    /// Unit shown after the field, e.g. "people" or "%".
    pub unit: String,
    /// Only whole numbers are accepted (head counts, years).
    #[serde(default)]
    pub integer: bool,
}

/// Shows a question only when another (visible) question has one of the given options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Id of the question the condition looks at.
    pub question: String,
    /// The condition holds when that question's answer is (or, for multi-choice, contains)
    /// any of these option ids.
    pub any_of: Vec<String>,
}

/// One question of the bank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique in the bank; answers are stored under it.
    pub id: String,
    /// How it is answered.
    pub kind: QuestionKind,
    /// The question as shown (the fieldset's legend).
    pub text: String,
    /// "Why we ask": one or two sentences shown under the question.
    pub help: String,
    /// For factual questions: offer "I don't know" (counted as unknown, never as zero),
    /// with this hint on where such data is usually found. Source: [MILIEU], [CIRCLEAN].
    #[serde(default)]
    pub unknown_hint: Option<String>,
    /// Options of a single- or multi-choice question.
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    /// Bounds of a number question.
    #[serde(default)]
    pub number: Option<NumberSpec>,
    /// Longest accepted free text, in characters (text questions only).
    #[serde(default)]
    pub max_len: Option<usize>,
    /// Optional questions are not counted as missing in the review.
    #[serde(default)]
    pub optional: bool,
    /// Shown only when this condition holds; hidden questions never count.
    #[serde(default)]
    pub visible_if: Option<Condition>,
    /// The audit step whose readiness this question measures (options carry `readiness`).
    #[serde(default)]
    pub audit_step: Option<AuditStep>,
    /// The motivation driver whose importance this scale question asks.
    #[serde(default)]
    pub driver: Option<Driver>,
}

impl Question {
    /// The option with the given id, if the question has it.
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether the user may answer "I don't know".
    pub fn allows_unknown(&self) -> bool {
        self.unknown_hint.is_some()
    }
}

/// One part (page) of the questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Which part this is.
    pub id: PartId,
    /// Page heading.
    pub title: String,
    /// One or two sentences under the heading.
    pub intro: String,
    /// The questions, in display order.
    pub questions: Vec<Question>,
}

/// Words the bank needs to describe answers, in the bank's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerWords {
    /// "I don't know".
    pub unknown: String,
    /// Shown for a multi-choice answer with nothing chosen.
    pub none_chosen: String,
    /// Follows a scale value: "4 of 5".
    pub scale_of: String,
    /// Labels of the five points of the importance scale, 1 to 5.
    pub scale_labels: Vec<String>,
    /// Joins the options of a multi-choice answer: ", " in English, "、" in Chinese.
    pub list_separator: String,
    /// Joins whole phrases, such as quoted questions: "; " in English, "；" in Chinese.
    pub clause_separator: String,
    /// Joins the parts of a plant's profile line: " · " in English, "；" in Chinese.
    pub profile_separator: String,
}

/// The whole question bank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Stable id of the bank (recorded in exports).
    pub id: String,
    /// Version of the bank's content; bumped when questions change.
    pub version: u32,
    /// BCP 47 language tag of the texts, e.g. "en" or "zh-CN".
    pub language: String,
    /// Words for describing answers.
    pub words: AnswerWords,
    /// The five parts, in order.
    pub parts: Vec<Part>,
    /// Ids of questions earlier versions asked and this one no longer does: answers to
    /// them in a saved state, a file or a link are kept (never counted, never shown), so
    /// that loading what an earlier version wrote loses nothing; an id that never was a
    /// question is still refused.
    #[serde(default)]
    pub retired: Vec<String>,
    /// Where each question is (part and position), built by [`Bank::from_json`]:
    /// scoring looks questions up by id thousands of times per room of responses.
    #[serde(skip)]
    index: BTreeMap<String, (usize, usize)>,
}

/// A content error found by [`Bank::validate`] or while parsing a content file. These are
/// developer-facing: the built-in content is checked by tests, so users never see them.
#[derive(Clone, Debug, PartialEq)]
pub enum ContentError {
    /// The file is not valid JSON of the expected shape.
    Parse(String),
    /// Something in the content contradicts itself; the text says what and where.
    Inconsistent(String),
}

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentError::Parse(e) => write!(f, "content file cannot be read: {e}"),
            ContentError::Inconsistent(e) => write!(f, "content is inconsistent: {e}"),
        }
    }
}

impl Bank {
    /// The language of its texts; English for a tag this app does not know.
    pub fn language(&self) -> Language {
        Language::from_id(&self.language).unwrap_or_default()
    }

    /// Parses and validates a bank from JSON.
    ///
    /// # Errors
    /// [`ContentError::Parse`] when the JSON does not have the bank's shape,
    /// [`ContentError::Inconsistent`] when [`Bank::validate`] fails.
    pub fn from_json(json: &str) -> Result<Bank, ContentError> {
        let mut bank: Bank =
            serde_json::from_str(json).map_err(|e| ContentError::Parse(e.to_string()))?;
        bank.validate()?;
        bank.index = bank
            .parts
            .iter()
            .enumerate()
            .flat_map(|(p, part)| {
                part.questions
                    .iter()
                    .enumerate()
                    .map(move |(q, question)| (question.id.clone(), (p, q)))
            })
            .collect();
        Ok(bank)
    }

    /// Every question, in questionnaire order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.parts.iter().flat_map(|p| p.questions.iter())
    }

    /// Whether `id` names a question an earlier version asked and this one retired.
    pub fn is_retired(&self, id: &str) -> bool {
        self.retired.iter().any(|r| r == id)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        let indexed = self
            .index
            .get(id)
            .and_then(|&(p, q)| self.parts.get(p)?.questions.get(q))
            .filter(|q| q.id == id);
        // A bank changed after parsing (its parts are public) is searched in full.
        indexed.or_else(|| self.questions().find(|q| q.id == id))
    }

    /// The part with this id.
    pub fn part(&self, id: PartId) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    /// Checks the bank's internal consistency: five parts in order, unique question ids,
    /// options present exactly where the kind needs them, unique option ids, readiness
    /// values 0–100 on audit-step questions, conditions that point to an earlier choice
    /// question and name options it has, scale questions tied to a driver, each of the
    /// eleven drivers asked exactly once and each audit step measured at least once.
    ///
    /// # Errors
    /// [`ContentError::Inconsistent`] naming the first problem found.
    pub fn validate(&self) -> Result<(), ContentError> {
        let fail = |msg: String| Err(ContentError::Inconsistent(msg));
        if self.words.scale_labels.len() != 5 {
            return fail("words.scale_labels needs five labels".to_owned());
        }
        let ids: Vec<PartId> = self.parts.iter().map(|p| p.id).collect();
        if ids != PartId::ALL {
            return fail(format!(
                "parts must be the five parts in order, got {ids:?}"
            ));
        }
        if let Some(id) = self.retired.iter().find(|id| self.question(id).is_some()) {
            return fail(format!("question {id} is both asked and retired"));
        }
        let mut seen: Vec<&Question> = Vec::new();
        for q in self.questions() {
            if seen.iter().any(|s| s.id == q.id) {
                return fail(format!("question id {} is used twice", q.id));
            }
            let needs_options = matches!(q.kind, QuestionKind::Single | QuestionKind::Multi);
            if needs_options == q.options.is_empty() {
                return fail(format!("question {}: options do not fit its kind", q.id));
            }
            for (i, o) in q.options.iter().enumerate() {
                if q.options[..i].iter().any(|p| p.id == o.id) {
                    return fail(format!("question {}: option {} twice", q.id, o.id));
                }
                if o.readiness.is_some_and(|r| r > 100) {
                    return fail(format!("question {}: readiness above 100", q.id));
                }
            }
            if q.audit_step.is_some()
                && (q.kind != QuestionKind::Single
                    || q.options.iter().any(|o| o.readiness.is_none()))
            {
                return fail(format!(
                    "question {}: an audit-step question must be single choice with a readiness value on every option",
                    q.id
                ));
            }
            if (q.kind == QuestionKind::Number) != q.number.is_some() {
                return fail(format!(
                    "question {}: number bounds do not fit its kind",
                    q.id
                ));
            }
            if let Some(n) = &q.number {
                if n.min.partial_cmp(&n.max) != Some(std::cmp::Ordering::Less) {
                    return fail(format!("question {}: min must be below max", q.id));
                }
            }
            if (q.kind == QuestionKind::Text) != q.max_len.is_some() {
                return fail(format!("question {}: text questions need max_len", q.id));
            }
            if (q.kind == QuestionKind::Scale) != q.driver.is_some() {
                return fail(format!("question {}: scale questions need a driver", q.id));
            }
            if let Some(cond) = &q.visible_if {
                let Some(parent) = seen.iter().find(|s| s.id == cond.question) else {
                    return fail(format!(
                        "question {}: condition names {}, which is not an earlier question",
                        q.id, cond.question
                    ));
                };
                if let Some(bad) = cond.any_of.iter().find(|o| parent.option(o).is_none()) {
                    return fail(format!(
                        "question {}: condition names option {bad} that {} lacks",
                        q.id, parent.id
                    ));
                }
            }
            seen.push(q);
        }
        for d in Driver::ALL {
            let n = self.questions().filter(|q| q.driver == Some(*d)).count();
            if n != 1 {
                return fail(format!("driver {} is asked {n} times", d.as_str()));
            }
        }
        for s in AuditStep::ALL {
            if !self.questions().any(|q| q.audit_step == Some(*s)) {
                return fail(format!("audit step {} is never asked", s.as_str()));
            }
        }
        Ok(())
    }
}
