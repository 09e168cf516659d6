//! A respondent's answers, keyed by question id, with validation against the bank and
//! progress counted over the visible questions only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bank::{Bank, PartId, Question, QuestionKind};

/// One answer. Stored as `{"type": "choice", "value": "private"}` and so on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The chosen option id of a single-choice question.
    Choice(String),
    /// The chosen option ids of a multi-choice question (possibly none: "none of these").
    Choices(Vec<String>),
    /// Importance 1–5 on a scale question.
    Scale(u8),
    /// A number within the question's bounds.
    Number(f64),
    /// Free text, as typed.
    Text(String),
    /// "I don't know": counts as unknown, never as zero. Source: [MILIEU].
    Unknown,
}

/// Why an answer does not fit its question. Messages are written for the respondent.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerError {
    /// The answer's type does not match the question (e.g. text for a choice).
    WrongType,
    /// An option id the question does not offer.
    UnknownOption(String),
    /// A scale value outside 1–5.
    ScaleOutOfRange(u8),
    /// A number outside the question's bounds.
    NumberOutOfRange {
        /// Smallest accepted value.
        min: f64,
        /// Largest accepted value.
        max: f64,
    },
    /// Text typed into a number field that is not a number.
    NotANumber,
    /// A fraction where only whole numbers make sense (a head count, a year).
    NotWhole,
    /// Free text longer than allowed.
    TooLong {
        /// Longest accepted length, in characters.
        max: usize,
    },
    /// "I don't know" on a question that does not offer it.
    UnknownNotOffered,
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::WrongType => write!(f, "This answer does not fit the question."),
            AnswerError::UnknownOption(id) => {
                write!(f, "\"{id}\" is not one of the options of this question.")
            }
            AnswerError::ScaleOutOfRange(v) => {
                write!(f, "{v} is outside the scale; choose 1 to 5.")
            }
            AnswerError::NumberOutOfRange { min, max } => {
                write!(f, "Please enter a number from {min} to {max}.")
            }
            AnswerError::NotANumber => {
                write!(f, "Please enter a number using digits, for example 420.")
            }
            AnswerError::NotWhole => write!(f, "Please enter a whole number, for example 420."),
            AnswerError::TooLong { max } => {
                write!(f, "Please keep this to {max} characters or fewer.")
            }
            AnswerError::UnknownNotOffered => {
                write!(
                    f,
                    "This question needs an answer; \"I don't know\" is not offered."
                )
            }
        }
    }
}

/// Reads a number as a manager types it: digits with an optional decimal point or
/// decimal comma ("3.5", "3,5"), optional spaces around, optional thin grouping spaces are
/// not accepted. Rejects "1.2.3", "", "abc", infinities and NaN.
///
/// # Errors
/// [`AnswerError::NotANumber`] for anything else.
pub fn parse_number(raw: &str) -> Result<f64, AnswerError> {
    let t = raw.trim();
    let separators = t.chars().filter(|c| *c == '.' || *c == ',').count();
    let body = t.strip_prefix('-').unwrap_or(t);
    if body.is_empty()
        || separators > 1
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !body.chars().any(|c| c.is_ascii_digit())
    {
        return Err(AnswerError::NotANumber);
    }
    let value: f64 = t
        .replace(',', ".")
        .parse()
        .map_err(|_| AnswerError::NotANumber)?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(AnswerError::NotANumber)
    }
}

/// Whether `digits` (an optional minus, then digits) groups thousands with commas:
/// "1,200", "12,000,000".
fn is_grouped(digits: &str) -> bool {
    let body = digits.strip_prefix('-').unwrap_or(digits);
    let mut groups = body.split(',');
    body.contains(',')
        && groups
            .next()
            .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads an amount of money as a manager types it: full-width digits and punctuation are
/// folded first ("２８０，０００"); commas grouping thousands are read as such, with or
/// without decimals after a point ("280,000", "1,200.50"); 万 and 亿 multiply by 10⁴ and
/// 10⁸ ("30万"); otherwise as [`parse_number`] reads a number, so a single decimal comma
/// stays one ("2,5").
///
/// # Errors
/// [`AnswerError::NotANumber`] as [`parse_number`].
pub fn parse_amount(raw: &str) -> Result<f64, AnswerError> {
    let folded = fold_full_width(raw);
    let t = folded.trim();
    // "30万", "1.5亿": the units Chinese managers count money in.
    for (unit, factor) in [('万', 1e4), ('亿', 1e8)] {
        if let Some(number) = t.strip_suffix(unit) {
            return parse_amount(number).map(|v| v * factor);
        }
    }
    let (whole, decimals) = t.split_at(t.find('.').unwrap_or(t.len()));
    if is_grouped(whole) {
        parse_number(&format!("{}{decimals}", whole.replace(',', "")))
    } else {
        parse_number(t)
    }
}

/// Replaces the full-width forms of ASCII characters (Unicode's Halfwidth and Fullwidth
/// Forms block, U+FF01–U+FF5E, each exactly U+FEE0 above its ASCII character) and the
/// ideographic space U+3000 with their ASCII forms; every other character is kept.
/// "１，２００" → "1,200".
pub fn fold_full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Option id that means "none of these" in a multi-choice question: choosing it clears the
/// other options, and choosing another option clears it.
pub const NONE_OPTION: &str = "none";

impl Answer {
    /// The answer to a multi-choice question after the user checks (`on`) or unchecks
    /// `option`, starting from `current` (anything but a list of choices counts as none
    /// chosen). [`NONE_OPTION`] excludes every other option.
    pub fn toggle_choice(current: Option<&Answer>, option: &str, on: bool) -> Answer {
        let mut chosen: Vec<String> = match current {
            Some(Answer::Choices(c)) => c.clone(),
            _ => Vec::new(),
        };
        chosen.retain(|c| c != option);
        if on {
            if option == NONE_OPTION {
                chosen.clear();
            } else {
                chosen.retain(|c| c != NONE_OPTION);
            }
            chosen.push(option.to_owned());
        }
        Answer::Choices(chosen)
    }

    /// The answer a manager typed into a number question: read as a whole number
    /// (thousands commas allowed) when the question asks for one, else with a decimal
    /// point or comma, then checked against the question's range.
    ///
    /// # Errors
    /// [`AnswerError::NotANumber`], [`AnswerError::NotWhole`] or
    /// [`AnswerError::NumberOutOfRange`].
    ///
    /// Full-width digits and signs, as a Chinese input method types them in full-width
    /// mode ("１２０", "３，５"), read as their ASCII forms ([`fold_full_width`]).
    ///
    /// The question's own unit after the number ("85 people", "85人") is read as part of
    /// it: the field shows that unit beside it, so some managers type it too.
    pub fn typed_number(question: &Question, typed: &str) -> Result<Answer, AnswerError> {
        let folded = fold_full_width(typed);
        let unit = question.number.as_ref().map_or("", |n| n.unit.trim());
        let typed = without_unit(folded.trim(), unit);
        let whole = question.number.as_ref().is_some_and(|n| n.integer);
        // Whole amounts are also read as Chinese managers write them: "2.5亿", "60万元".
        let value = if whole {
            let typed = typed.strip_suffix('元').map_or(typed, str::trim_end);
            parse_amount(typed)
        } else {
            parse_number(typed)
        }?;
        let answer = Answer::Number(value);
        answer.validate(question).map(|()| answer)
    }

    /// Checks that this answer fits `question`.
    ///
    /// # Errors
    /// The first [`AnswerError`] found.
    pub fn validate(&self, question: &Question) -> Result<(), AnswerError> {
        match (self, question.kind) {
            (Answer::Unknown, _) => {
                if question.allows_unknown() {
                    Ok(())
                } else {
                    Err(AnswerError::UnknownNotOffered)
                }
            }
            (Answer::Choice(id), QuestionKind::Single) => match question.option(id) {
                Some(_) => Ok(()),
                None => Err(AnswerError::UnknownOption(id.clone())),
            },
            (Answer::Choices(ids), QuestionKind::Multi) => {
                match ids.iter().find(|id| question.option(id).is_none()) {
                    Some(bad) => Err(AnswerError::UnknownOption(bad.clone())),
                    None => Ok(()),
                }
            }
            (Answer::Scale(v), QuestionKind::Scale) => {
                if (1..=5).contains(v) {
                    Ok(())
                } else {
                    Err(AnswerError::ScaleOutOfRange(*v))
                }
            }
            (Answer::Number(v), QuestionKind::Number) => match &question.number {
                Some(spec) if spec.integer && v.fract() != 0.0 => Err(AnswerError::NotWhole),
                Some(spec) if *v >= spec.min && *v <= spec.max => Ok(()),
                Some(spec) => Err(AnswerError::NumberOutOfRange {
                    min: spec.min,
                    max: spec.max,
                }),
                None => Err(AnswerError::WrongType),
            },
            (Answer::Text(t), QuestionKind::Text) => {
                let max = question.max_len.unwrap_or(0);
                if t.chars().count() <= max {
                    Ok(())
                } else {
                    Err(AnswerError::TooLong { max })
                }
            }
            _ => Err(AnswerError::WrongType),
        }
    }

    /// Whether this answer counts as answered for progress. Empty free text does not;
    /// "I don't know" does (the respondent has dealt with the question).
    pub fn is_answered(&self) -> bool {
        match self {
            Answer::Text(t) => !t.trim().is_empty(),
            _ => true,
        }
    }
}

/// Answers keyed by question id. Answers to questions that are hidden, or that no longer
/// exist in the bank, are kept (nothing the user gave is dropped) but never counted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

/// Answered and visible question counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Visible questions with an answer (including "I don't know").
    pub answered: usize,
    /// Visible questions in total.
    pub visible: usize,
}

impl Progress {
    /// Share answered, 0–100, rounded down; 100 when nothing is visible.
    pub fn percent(self) -> u8 {
        // answered <= visible, so the quotient is at most 100.
        (self.answered * 100)
            .checked_div(self.visible)
            .map_or(100, |p| u8::try_from(p).unwrap_or(100))
    }
}

impl Answers {
    /// No answers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The answer to question `id`, whether or not it is visible.
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    /// Sets the answer to question `id`.
    pub fn set(&mut self, id: impl Into<String>, answer: Answer) {
        self.0.insert(id.into(), answer);
    }

    /// Removes the answer to question `id`.
    pub fn clear(&mut self, id: &str) {
        self.0.remove(id);
    }

    /// These answers laid over `earlier` ones: every question answered here keeps this
    /// answer, and the others keep theirs. For answers given before a saved state was
    /// read, which must not be lost to it.
    #[must_use]
    pub fn laid_over(self, earlier: Answers) -> Answers {
        let mut merged = earlier.0;
        merged.extend(self.0);
        Answers(merged)
    }

    /// Number of stored answers (visible or not).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// All stored answers by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter()
    }

    /// The answer to `id` if that question exists, is visible and has a valid answer.
    /// This is the only accessor scoring uses, so hidden, stale or invalid answers never
    /// count.
    pub fn counted<'a>(&'a self, bank: &Bank, id: &str) -> Option<&'a Answer> {
        let q = bank.question(id)?;
        let a = self.0.get(id)?;
        (bank.is_visible(q, self) && a.validate(q).is_ok() && a.is_answered()).then_some(a)
    }

    /// The chosen option of single-choice question `id`, if counted and not "unknown".
    pub fn choice<'a>(&'a self, bank: &Bank, id: &str) -> Option<&'a str> {
        match self.counted(bank, id)? {
            Answer::Choice(c) => Some(c),
            _ => None,
        }
    }

    /// The chosen options of multi-choice question `id`, if counted.
    pub fn choices<'a>(&'a self, bank: &Bank, id: &str) -> Option<&'a [String]> {
        match self.counted(bank, id)? {
            Answer::Choices(c) => Some(c),
            _ => None,
        }
    }

    /// The number given to question `id`, if counted.
    pub fn number(&self, bank: &Bank, id: &str) -> Option<f64> {
        match self.counted(bank, id)? {
            Answer::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The scale value given to question `id`, if counted.
    pub fn scale(&self, bank: &Bank, id: &str) -> Option<u8> {
        match self.counted(bank, id)? {
            Answer::Scale(v) => Some(*v),
            _ => None,
        }
    }

    /// Progress over the visible questions of one part.
    pub fn part_progress(&self, bank: &Bank, part: PartId) -> Progress {
        let mut p = Progress::default();
        for q in bank.visible_questions(part, self) {
            if q.optional {
                continue;
            }
            p.visible += 1;
            if self.answers_shown(q) {
                p.answered += 1;
            }
        }
        p
    }

    /// Whether visible question `q` counts as answered for progress: what `counted`
    /// checks, without looking the question up again by id (a scan of the bank) or
    /// re-checking its visibility (this runs on every answer), and not empty text.
    fn answers_shown(&self, q: &Question) -> bool {
        self.0
            .get(&q.id)
            .is_some_and(|a| a.validate(q).is_ok() && a.is_answered())
    }

    /// Progress over the visible questions of the whole bank.
    pub fn progress(&self, bank: &Bank) -> Progress {
        PartId::ALL.iter().fold(Progress::default(), |acc, part| {
            let p = self.part_progress(bank, *part);
            Progress {
                answered: acc.answered + p.answered,
                visible: acc.visible + p.visible,
            }
        })
    }

    /// Where a respondent coming back to `part` left off: its first visible, non-optional
    /// question still unanswered (as its progress counts it), once something in the part
    /// is answered. `None` for a part not begun (it starts at its top) or one whose
    /// questions are all answered.
    pub fn resume_question<'a>(&'a self, bank: &'a Bank, part: PartId) -> Option<&'a Question> {
        if !bank
            .visible_questions(part, self)
            .any(|q| self.answers_shown(q))
        {
            return None;
        }
        bank.visible_questions(part, self)
            .find(|q| !q.optional && !self.answers_shown(q))
    }

    /// The visible, non-optional questions still unanswered, in order.
    pub fn missing<'a>(&'a self, bank: &'a Bank) -> Vec<&'a Question> {
        PartId::ALL
            .iter()
            .flat_map(|part| bank.visible_questions(*part, self))
            .filter(|q| !q.optional && self.counted(bank, &q.id).is_none())
            .collect()
    }
}

/// `typed` without a trailing `unit` (ASCII letters in any case), e.g. "85" for "85 people";
/// `typed` itself when it does not end with it or `unit` is empty.
fn without_unit<'a>(typed: &'a str, unit: &str) -> &'a str {
    let Some(cut) = typed.len().checked_sub(unit.len()) else {
        return typed;
    };
    let ends_with_unit =
        !unit.is_empty() && typed.is_char_boundary(cut) && typed[cut..].eq_ignore_ascii_case(unit);
    if ends_with_unit {
        typed[..cut].trim_end()
    } else {
        typed
    }
}

/// What the bank says about answers: which questions they make visible, and an answer in
/// words. Here rather than in `bank`, so that the bank knows nothing of answers.
impl Bank {
    /// The answer to `question` in words, as the review page and the reasons show it:
    /// option labels, "4 of 5", the number with its unit, the text, or "I don't know".
    pub fn describe(&self, question: &Question, answer: &Answer) -> String {
        let w = &self.words;
        let label = |id: &str| {
            question
                .option(id)
                .map_or_else(|| id.to_owned(), |o| o.label.clone())
        };
        match answer {
            Answer::Choice(id) => label(id),
            Answer::Choices(ids) if ids.is_empty() => w.none_chosen.clone(),
            // Joined as clauses: option labels often hold commas (or 、) themselves.
            Answer::Choices(ids) => ids
                .iter()
                .map(|i| label(i))
                .collect::<Vec<_>>()
                .join(&w.clause_separator),
            Answer::Scale(v) => format!("{v} {}", w.scale_of),
            Answer::Number(n) => {
                // Large figures read grouped ("250,000,000"); years and head counts stay as typed.
                let shown = if n.abs() >= 10_000.0 {
                    crate::spread::grouped(*n)
                } else {
                    format!("{n}")
                };
                match question.number.as_ref().map(|s| s.unit.as_str()) {
                    Some(unit) if !unit.is_empty() => format!("{shown} {unit}"),
                    _ => shown,
                }
            }
            Answer::Text(t) => t.clone(),
            Answer::Unknown => w.unknown.clone(),
        }
    }

    /// Whether `question` is shown, given the answers so far. A question is visible when it
    /// has no condition, or when the question its condition names is itself visible and
    /// answered with one of the listed options. Conditions may chain.
    pub fn is_visible(&self, question: &Question, answers: &Answers) -> bool {
        // Conditions only point to earlier questions (checked by `validate`), so the chain
        // is finite; the depth bound guards against a bank that skipped validation.
        let mut current = question;
        for _ in 0..16 {
            let Some(cond) = &current.visible_if else {
                return true;
            };
            let holds = match answers.get(&cond.question) {
                Some(Answer::Choice(id)) => cond.any_of.iter().any(|o| o == id),
                Some(Answer::Choices(ids)) => ids.iter().any(|id| cond.any_of.contains(id)),
                _ => false,
            };
            if !holds {
                return false;
            }
            match self.question(&cond.question) {
                Some(parent) => current = parent,
                None => return false,
            }
        }
        false
    }

    /// The answers that leave the device (exports, share links, the outbox): those to
    /// questions that exist, are visible and hold a valid answer. The device keeps the rest,
    /// so an answer hidden by a later choice comes back if that choice is undone.
    pub fn shared_answers(&self, answers: &Answers) -> Answers {
        Answers(
            answers
                .iter()
                .filter(|(id, a)| {
                    self.question(id)
                        .is_some_and(|q| self.is_visible(q, answers) && a.validate(q).is_ok())
                })
                .map(|(id, a)| (id.clone(), a.clone()))
                .collect(),
        )
    }

    /// The visible questions of a part, in order.
    pub fn visible_questions<'a>(
        &'a self,
        part: PartId,
        answers: &'a Answers,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.part(part)
            .into_iter()
            .flat_map(|p| p.questions.iter())
            .filter(move |q| self.is_visible(q, answers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_given_meanwhile_win_over_the_saved_ones_and_lose_none() {
        let mut saved = Answers::new();
        saved.set("sector", Answer::Choice("textile".into()));
        saved.set("employees", Answer::Number(120.0));
        let mut given = Answers::new();
        given.set("sector", Answer::Choice("chemicals".into()));
        given.set("drivers_cost", Answer::Scale(4));
        let merged = given.laid_over(saved);
        assert_eq!(merged.len(), 3);
        assert_eq!(
            merged.get("sector"),
            Some(&Answer::Choice("chemicals".into()))
        );
        assert_eq!(merged.get("employees"), Some(&Answer::Number(120.0)));
        assert_eq!(merged.get("drivers_cost"), Some(&Answer::Scale(4)));
        assert!(Answers::new().laid_over(Answers::new()).is_empty());
    }

    #[test]
    fn numbers_are_read_as_managers_type_them() {
        let ok: &[(&str, f64)] = &[
            ("420", 420.0),
            ("3.5", 3.5),
            ("3,5", 3.5),
            (" 12 ", 12.0),
            ("0", 0.0),
            ("-2", -2.0),
            (".5", 0.5),
        ];
        for (raw, v) in ok {
            assert_eq!(parse_number(raw), Ok(*v), "{raw}");
        }
        for raw in [
            "", " ", "1.2.3", "1,2,3", "1.2,3", "abc", "12a", "1e9", "inf", "NaN", "-", ".",
            "1 000",
        ] {
            assert_eq!(parse_number(raw), Err(AnswerError::NotANumber), "{raw}");
        }
    }

    #[test]
    fn none_of_these_excludes_the_other_options() {
        let a = Answer::toggle_choice(None, "iso9001", true);
        assert_eq!(a, Answer::Choices(vec!["iso9001".into()]));
        let a = Answer::toggle_choice(Some(&a), "iso14001", true);
        assert_eq!(
            a,
            Answer::Choices(vec!["iso9001".into(), "iso14001".into()])
        );
        let none = Answer::toggle_choice(Some(&a), NONE_OPTION, true);
        assert_eq!(none, Answer::Choices(vec!["none".into()]));
        let again = Answer::toggle_choice(Some(&none), "iso9001", true);
        assert_eq!(again, Answer::Choices(vec!["iso9001".into()]));
        let off = Answer::toggle_choice(Some(&again), "iso9001", false);
        assert_eq!(off, Answer::Choices(vec![]));
        // From "I don't know", a choice starts a fresh list.
        assert_eq!(
            Answer::toggle_choice(Some(&Answer::Unknown), "a", true),
            Answer::Choices(vec!["a".into()])
        );
    }

    #[test]
    fn typed_numbers_follow_the_question() {
        use crate::content::Content;
        use crate::vocabulary::Language;
        let content = Content::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
        let staff = content
            .bank
            .question("staff")
            .unwrap_or_else(|| panic!("no staff question"));
        // Head count: whole number, thousands commas read as grouping.
        assert_eq!(
            Answer::typed_number(staff, "1,200"),
            Ok(Answer::Number(1200.0))
        );
        // A Chinese input method in full-width mode.
        assert_eq!(
            Answer::typed_number(staff, "１，２００"),
            Ok(Answer::Number(1200.0))
        );
        assert_eq!(
            Answer::typed_number(staff, "\u{3000}１２０\u{3000}"),
            Ok(Answer::Number(120.0))
        );
        assert_eq!(
            Answer::typed_number(staff, "１２Ｏ"),
            Err(AnswerError::NotANumber)
        );
        assert_eq!(
            Answer::typed_number(staff, "3,5"),
            Err(AnswerError::NotWhole)
        );
        assert_eq!(
            Answer::typed_number(staff, "4O"),
            Err(AnswerError::NotANumber)
        );
        assert!(matches!(
            Answer::typed_number(staff, "0"),
            Err(AnswerError::NumberOutOfRange { .. })
        ));
        // The question's own unit, which the field shows beside it, may be typed too.
        for typed in ["85 people", "85 People", "85people", " 85 people "] {
            assert_eq!(
                Answer::typed_number(staff, typed),
                Ok(Answer::Number(85.0)),
                "{typed}"
            );
        }
        for typed in ["85 persons", "people", "85 people 3"] {
            assert_eq!(
                Answer::typed_number(staff, typed),
                Err(AnswerError::NotANumber),
                "{typed}"
            );
        }
        let zh = Content::load(Language::ZhCn).unwrap_or_else(|e| panic!("{e}"));
        let staff_zh = zh
            .bank
            .question("staff")
            .unwrap_or_else(|| panic!("no staff question"));
        assert_eq!(
            Answer::typed_number(staff_zh, "85人"),
            Ok(Answer::Number(85.0))
        );
        assert_eq!(
            Answer::typed_number(staff_zh, "８５ 人"),
            Ok(Answer::Number(85.0))
        );
    }

    #[test]
    fn whole_numbers_read_thousands_grouped_with_commas() {
        assert_eq!(parse_amount("1,200"), Ok(1200.0));
        assert_eq!(parse_amount(" 12,000 "), Ok(12000.0));
        assert_eq!(parse_amount("1,200,000"), Ok(1_200_000.0));
        assert_eq!(parse_amount("420"), Ok(420.0));
        // Not thousands groups: read as decimals, as parse_number does.
        assert_eq!(parse_amount("1,2"), Ok(1.2));
        assert_eq!(parse_amount("1,20"), Ok(1.2));
        assert_eq!(parse_amount("1,2000"), Ok(1.2));
        assert_eq!(parse_amount("1,,200"), Err(AnswerError::NotANumber));
        assert_eq!(parse_amount("abc"), Err(AnswerError::NotANumber));
    }

    #[test]
    fn whole_amounts_read_as_chinese_managers_write_them() {
        use crate::content::Content;
        use crate::vocabulary::Language;
        let zh = Content::load(Language::ZhCn).unwrap_or_else(|e| panic!("{e}"));
        let bank = &zh.bank;
        let turnover = bank
            .question("turnover")
            .unwrap_or_else(|| panic!("turnover"));
        for (typed, value) in [
            ("2.5亿", 250_000_000.0),
            ("25000万", 250_000_000.0),
            ("２．５亿元", 250_000_000.0),
            ("60万元 每年", 600_000.0),
            ("250,000,000", 250_000_000.0),
        ] {
            assert_eq!(
                Answer::typed_number(turnover, typed),
                Ok(Answer::Number(value)),
                "{typed}"
            );
        }
        // Not a whole amount of yuan: refused, as any fraction is.
        assert_eq!(
            Answer::typed_number(turnover, "1.23456万"),
            Err(AnswerError::NotWhole)
        );
        // Shown back grouped, with the unit; a year is not grouped.
        let shown = bank.describe(turnover, &Answer::Number(250_000_000.0));
        assert_eq!(shown, "250,000,000 每年");
        let year = bank
            .question("audit_year")
            .unwrap_or_else(|| panic!("audit_year"));
        assert_eq!(bank.describe(year, &Answer::Number(2019.0)), "2019");
    }

    #[test]
    fn progress_percent_is_bounded() {
        assert_eq!(
            Progress {
                answered: 0,
                visible: 0
            }
            .percent(),
            100
        );
        assert_eq!(
            Progress {
                answered: 1,
                visible: 3
            }
            .percent(),
            33
        );
        assert_eq!(
            Progress {
                answered: 3,
                visible: 3
            }
            .percent(),
            100
        );
    }

    #[test]
    fn a_part_begun_resumes_at_its_first_open_question() {
        use crate::content::Content;
        use crate::vocabulary::Language;
        let content = Content::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
        let bank = &content.bank;
        let at = |a: &Answers, part| a.resume_question(bank, part).map(|q| q.id.clone());
        let mut a = Answers::new();
        // Not begun: the part starts at its top.
        assert_eq!(at(&a, PartId::Profile).as_deref(), None);
        a.set("sector", Answer::Choice("textile".into()));
        a.set("plant_location", Answer::Choice("mainland_china".into()));
        // `main_products` is optional: the next question to answer is `staff`.
        assert_eq!(at(&a, PartId::Profile).as_deref(), Some("staff"));
        // "I don't know" is an answer; an answer that does not fit its question is not.
        a.set("staff", Answer::Unknown);
        a.set("ownership", Answer::Number(3.0));
        assert_eq!(at(&a, PartId::Profile).as_deref(), Some("ownership"));
        // Only questions shown count: a later answer leaves the gap before it to fill.
        a.set("ownership", Answer::Choice("private".into()));
        a.set("streams", Answer::Choices(vec!["energy".into()]));
        assert_eq!(at(&a, PartId::Profile).as_deref(), Some("export_share"));
        // Another part's answers do not make this one begun.
        assert_eq!(at(&a, PartId::Practice).as_deref(), None);
        // Answered one by one where it points (follow-ups appear on the way), until it
        // points nowhere: then every question shown is answered, and the part keeps its top.
        for _ in 0..50 {
            let Some(q) = a.resume_question(bank, PartId::Profile).cloned() else {
                break;
            };
            let first = q.options.first().map(|o| o.id.clone()).unwrap_or_default();
            let answer = match q.kind {
                QuestionKind::Multi => Answer::Choices(vec![first]),
                QuestionKind::Single => Answer::Choice(first),
                _ => Answer::Unknown,
            };
            a.set(q.id, answer);
        }
        assert_eq!(at(&a, PartId::Profile).as_deref(), None);
        assert_eq!(a.part_progress(bank, PartId::Profile).percent(), 100);
    }

    #[test]
    fn empty_text_does_not_count_as_answered() {
        assert!(!Answer::Text("  ".into()).is_answered());
        assert!(Answer::Text("x".into()).is_answered());
        assert!(Answer::Unknown.is_answered());
    }
}
