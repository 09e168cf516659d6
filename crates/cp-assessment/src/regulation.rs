//! China's rules for CP audits as data: the sources with their status, the texts of the
//! "Must we audit?" check, the key sectors, and what each chapter of an audit report must
//! contain. Loaded from `content/<lang>/regulation.json`; the facts (sectors, triggers,
//! deadlines) are the same in both languages (`tests/i18n.rs`).
//!
//! Only the results page reads these rules, so they are not part of [`crate::content::Content`],
//! which the questionnaire waits for: the results page's own module holds both languages'
//! files and parses the one it shows ([`Regulation::load`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, ContentError};
use crate::content::parse;
use crate::vocabulary::{closed_set, AuditStep, Language, Sector};

/// Whether a fact was checked against the official text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    /// Read in the official text or a faithful reproduction of it.
    Verified,
    /// From a secondary source or practitioner usage: to be confirmed.
    Indicative,
}

/// A law, regulation or notice the check cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalSource {
    /// Stable key, e.g. "CN-CPL-2012".
    pub key: String,
    /// Issuer, title, number and year as a reader cites them.
    pub citation: String,
    /// The articles the check relies on.
    pub locator: String,
    /// Where the text was read.
    pub url: String,
    /// Verified or indicative.
    pub status: SourceStatus,
}

/// One trigger of a mandatory audit (《清洁生产审核办法》 2016, art. 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// Discharges over a national or local emission standard (超标).
    OverStandard,
    /// Within the standards but over the total-emission quota (超总量).
    OverQuota,
    /// Energy use per unit of product over the consumption-quota standard (高耗能).
    EnergyQuota,
    /// Toxic or hazardous raw materials used, or toxic or hazardous substances, including
    /// listed hazardous waste, emitted (双有).
    Toxic,
}

closed_set!(Trigger {
    OverStandard => "over_standard",
    OverQuota => "over_quota",
    EnergyQuota => "energy_quota",
    Toxic => "toxic",
});

/// How the check comes out for a plant in mainland China.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DutyStatus {
    /// On a published list, or notified: the audit is mandatory now.
    Listed,
    /// Not listed (or not known to be), but a trigger is met: a plant like this is to be
    /// listed.
    Triggered,
    /// No trigger met, but some cannot be told from the answers.
    Unclear,
    /// No trigger met: an audit is voluntary (自愿性审核).
    NoTrigger,
}

closed_set!(DutyStatus {
    Listed => "listed",
    Triggered => "triggered",
    Unclear => "unclear",
    NoTrigger => "no_trigger",
});

/// A title and a paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conclusion {
    /// One line, shown as the conclusion.
    pub title: String,
    /// What it means and what to do.
    pub text: String,
}

/// The texts of the "Must we audit?" check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyTexts {
    /// The conclusion for each outcome in mainland China.
    pub verdicts: BTreeMap<DutyStatus, Conclusion>,
    /// Shown when the plant is outside mainland China: the rules below do not apply.
    pub outside_china: Conclusion,
    /// Shown when the answers do not say where the plant is.
    pub location_unknown: Conclusion,
    /// How each trigger reads when the answers meet it.
    pub met: BTreeMap<Trigger, String>,
    /// What to find out when the answers cannot tell whether a trigger is met.
    pub to_find_out: BTreeMap<Trigger, String>,
    /// The deadlines once a plant is listed, one sentence each.
    pub clock: Vec<String>,
    /// For plants that meet the toxic trigger: the next audit is due by `{{ year }}`.
    pub repeat_due: String,
    /// The same when `{{ year }}` has passed.
    pub repeat_overdue: String,
    /// The penalty for not auditing or faking the audit.
    pub penalty: String,
    /// Said when the plant's sector is a key sector for audits.
    pub key_sector: String,
    /// The app's sectors that are key sectors for CP audits (环办科财〔2020〕27号).
    pub key_sectors: Vec<Sector>,
    /// The "not legal advice" line.
    pub not_legal_advice: String,
    /// Keys of the sources the check cites, in order.
    pub sources: Vec<String>,
}

/// What one chapter of an audit report must contain, and which answers show it is there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterText {
    /// The audit step the chapter reports on; the chapter is named after it.
    pub step: AuditStep,
    /// Its required contents.
    pub contents: Vec<ChapterItem>,
}

/// One required content of a chapter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterItem {
    /// What the chapter needs, as a noun phrase ("a written commitment of the leadership").
    pub item: String,
    /// The question whose answer shows it, if one does; items without one are what the
    /// audit itself produces.
    #[serde(default)]
    pub question: Option<String>,
    /// Options meaning it is in place.
    #[serde(default)]
    pub in_place: Vec<String>,
    /// Options meaning it is partly there.
    #[serde(default)]
    pub partly: Vec<String>,
}

/// The regulation file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    /// Every source cited.
    pub sources: Vec<LegalSource>,
    /// The "Must we audit?" check.
    pub duty: DutyTexts,
    /// Where to get help in mainland China: the authorities that organise audits.
    pub help_china: String,
    /// A chapter's title: `{{ n }}`, its number, and `{{ step }}`, the step's name as the
    /// readiness chart shows it, so that the page names each step one way.
    pub chapter_title: String,
    /// `{{ have }}`: what is in place.
    pub chapter_have: String,
    /// `{{ partly }}`: what is partly there.
    pub chapter_partly: String,
    /// `{{ missing }}`: what is missing.
    pub chapter_missing: String,
    /// `{{ unknown }}`: what the answers do not say.
    pub chapter_unknown: String,
    /// `{{ audit }}`: what the audit itself produces.
    pub chapter_audit: String,
    /// The seven chapters, in the steps' order.
    pub chapters: Vec<ChapterText>,
}

/// `content/en/regulation.json`.
const EN: &str = include_str!("../../../content/en/regulation.json");
/// `content/zh-CN/regulation.json`.
const ZH_CN: &str = include_str!("../../../content/zh-CN/regulation.json");

impl Regulation {
    /// The rules in the language of `bank`, parsed and checked against it.
    ///
    /// # Errors
    /// A [`ContentError`] if the bank's language has no rules, or the file is malformed or
    /// names a question or option the bank lacks (caught by the tests).
    pub fn load(bank: &Bank) -> Result<Regulation, ContentError> {
        let json = match Language::from_id(&bank.language) {
            Some(Language::En) => EN,
            Some(Language::ZhCn) => ZH_CN,
            None => {
                return Err(ContentError::Inconsistent(format!(
                    "regulation: no rules in {}",
                    bank.language
                )))
            }
        };
        Regulation::from_json(json, bank)
    }

    /// Parses `json` and checks it against `bank`.
    ///
    /// # Errors
    /// See [`Regulation::load`].
    pub fn from_json(json: &str, bank: &Bank) -> Result<Regulation, ContentError> {
        let r: Regulation = parse("regulation.json", json)?;
        r.check(bank)?;
        Ok(r)
    }

    fn check(&self, bank: &Bank) -> Result<(), ContentError> {
        let fail = |msg: String| Err(ContentError::Inconsistent(msg));
        let steps: Vec<AuditStep> = self.chapters.iter().map(|c| c.step).collect();
        if steps != AuditStep::ALL {
            return fail(format!(
                "regulation: chapters must follow the seven steps, got {steps:?}"
            ));
        }
        for item in self.chapters.iter().flat_map(|c| &c.contents) {
            let Some(id) = item.question.as_deref() else {
                continue;
            };
            let Some(q) = bank.question(id) else {
                return fail(format!(
                    "regulation: chapter item names unknown question {id}"
                ));
            };
            if let Some(bad) = item
                .in_place
                .iter()
                .chain(&item.partly)
                .find(|o| q.option(o).is_none())
            {
                return fail(format!("regulation: {id} has no option {bad}"));
            }
        }
        let d = &self.duty;
        if !DutyStatus::ALL.iter().all(|s| d.verdicts.contains_key(s))
            || !Trigger::ALL
                .iter()
                .all(|t| d.met.contains_key(t) && d.to_find_out.contains_key(t))
        {
            return fail("regulation: every outcome and trigger needs its text".to_owned());
        }
        if let Some(bad) = d.sources.iter().find(|k| self.source(k).is_none()) {
            return fail(format!("regulation: unknown source {bad}"));
        }
        Ok(())
    }

    /// The source with this key.
    pub fn source(&self, key: &str) -> Option<&LegalSource> {
        self.sources.iter().find(|s| s.key == key)
    }
}
