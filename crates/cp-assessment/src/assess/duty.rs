//! "Must we audit?": the answers checked against China's rules for mandatory CP audits
//! (《清洁生产促进法》 2012 art. 27 and 39; 《清洁生产审核办法》 2016 art. 8, 11 and 13;
//! key sectors of 环办科财〔2020〕27号). Sources and their status are in
//! `content/<lang>/regulation.json`; docs/scoring.md explains the check.

use crate::answers::Answers;
use crate::bank::Bank;
use crate::content::Content;
use crate::regulation::{Conclusion, DutyStatus, LegalSource, Regulation, Trigger};
use crate::vocabulary::Sector;

/// The questions the check reads, besides the sector and the audit's status.
pub const DUTY_QUESTIONS: [&str; 6] = [
    "plant_location",
    "audit_required",
    "over_limits",
    "energy_quota",
    "hazardous_inputs",
    "streams",
];

/// Years between two audits, at most, for a plant that meets the toxic trigger (办法 art. 8).
pub const REPEAT_YEARS: i32 = 5;

/// Whether the answers meet one trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Met {
    Yes,
    No,
    NotKnown,
}

/// The outcome of the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditDuty {
    /// The answers do not say where the plant is.
    LocationUnknown,
    /// Outside mainland China: China's rules do not apply.
    OutsideChina,
    /// In mainland China.
    China(ChinaDuty),
}

/// The check for a plant in mainland China.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChinaDuty {
    /// The conclusion.
    pub status: DutyStatus,
    /// The triggers the answers meet, in the order of article 8.
    pub met: Vec<Trigger>,
    /// The triggers the answers cannot tell.
    pub unknown: Vec<Trigger>,
    /// The plant's sector is a key sector for audits.
    pub key_sector: bool,
    /// For a plant meeting the toxic trigger whose last audit ended in a known year: the
    /// year by which the next is due.
    pub repeat_due: Option<i32>,
}

/// Whether the answers meet each trigger of article 8, in its order.
fn triggers(bank: &Bank, answers: &Answers) -> [(Trigger, Met); 4] {
    let over = answers.choices(bank, "over_limits");
    let over_met = |id: &str| match over {
        Some(ids) if ids.iter().any(|o| o == id) => Met::Yes,
        Some(_) => Met::No,
        None => Met::NotKnown,
    };
    let energy = match answers.choice(bank, "energy_quota") {
        Some("over") => Met::Yes,
        Some(_) => Met::No,
        None => Met::NotKnown,
    };
    // Any toxic raw material counts, in any amount; so does listed hazardous waste.
    let inputs = answers.choice(bank, "hazardous_inputs");
    let emits = answers
        .choices(bank, "streams")
        .map(|s| s.iter().any(|o| o == "hazardous_waste"));
    let toxic = match (inputs, emits) {
        (Some("yes" | "some"), _) | (_, Some(true)) => Met::Yes,
        (Some(_), Some(false)) => Met::No,
        _ => Met::NotKnown,
    };
    [
        (Trigger::OverStandard, over_met("over_standard")),
        (Trigger::OverQuota, over_met("over_quota")),
        (Trigger::EnergyQuota, energy),
        (Trigger::Toxic, toxic),
    ]
}

/// Whether a mandatory audit applies: the plant is in mainland China and is on a list or
/// meets a trigger. The engagement stage reads it, so that a plant the law requires to
/// audit is not told it acts voluntarily.
pub fn audit_is_mandatory(bank: &Bank, answers: &Answers) -> bool {
    answers.choice(bank, "plant_location") == Some("mainland_china")
        && (answers.choice(bank, "audit_required") == Some("required")
            || triggers(bank, answers).iter().any(|(_, m)| *m == Met::Yes))
}

/// Checks the answers against the rules.
pub fn audit_duty(content: &Content, rules: &Regulation, answers: &Answers) -> AuditDuty {
    let bank = &content.bank;
    match answers.choice(bank, "plant_location") {
        Some("mainland_china") => {}
        Some(_) => return AuditDuty::OutsideChina,
        None => return AuditDuty::LocationUnknown,
    }
    let verdicts = triggers(bank, answers);
    let toxic = verdicts[3].1;
    let pick = |want: Met| -> Vec<Trigger> {
        verdicts
            .iter()
            .filter(|(_, m)| *m == want)
            .map(|(t, _)| *t)
            .collect()
    };
    let met = pick(Met::Yes);
    let unknown = pick(Met::NotKnown);
    let status = if answers.choice(bank, "audit_required") == Some("required") {
        DutyStatus::Listed
    } else if !met.is_empty() {
        DutyStatus::Triggered
    } else if !unknown.is_empty() {
        DutyStatus::Unclear
    } else {
        DutyStatus::NoTrigger
    };
    let key_sector = answers
        .choice(bank, "sector")
        .and_then(Sector::from_id)
        .is_some_and(|s| rules.duty.key_sectors.contains(&s));
    let repeat_due = (toxic == Met::Yes && answers.choice(bank, "audit_status") == Some("done"))
        .then(|| answers.number(bank, "audit_year"))
        .flatten()
        // The bank bounds the year to 1990–2100, so the conversion is exact.
        .map(|y| y as i32 + REPEAT_YEARS);
    AuditDuty::China(ChinaDuty {
        status,
        met,
        unknown,
        key_sector,
        repeat_due,
    })
}

/// The authorities to ask for help, for a plant in mainland China or whose location is not
/// given (the rules name Chinese bureaus, which mean nothing elsewhere).
pub fn local_help<'a>(
    content: &Content,
    rules: &'a Regulation,
    answers: &Answers,
) -> Option<&'a str> {
    (answers.choice(&content.bank, "plant_location") != Some("elsewhere"))
        .then_some(rules.help_china.as_str())
}

/// The check as the results page shows it, in the content's language.
#[derive(Clone, Debug, PartialEq)]
pub struct DutyReport<'a> {
    /// Which outcome (for tests and styling): `None` outside China or location unknown.
    pub status: Option<DutyStatus>,
    /// The conclusion.
    pub title: &'a str,
    /// What it means.
    pub text: &'a str,
    /// The triggers met, one sentence each.
    pub met: Vec<&'a str>,
    /// What to find out, one sentence each.
    pub to_find_out: Vec<&'a str>,
    /// The deadlines, when they apply (listed or triggered).
    pub clock: Vec<String>,
    /// The penalty, when an audit is or will be mandatory.
    pub penalty: Option<&'a str>,
    /// The key-sector note.
    pub key_sector: Option<&'a str>,
    /// The sources cited, with their status.
    pub sources: Vec<&'a LegalSource>,
    /// Shown wherever China's rules were applied (not outside China or when the location
    /// is not given).
    pub not_legal_advice: Option<&'a str>,
}

impl AuditDuty {
    /// The conclusion's title and text; `None` only if the rules lack a text, which
    /// loading them rules out.
    pub fn conclusion<'a>(&self, rules: &'a Regulation) -> Option<&'a Conclusion> {
        let texts = &rules.duty;
        match self {
            AuditDuty::LocationUnknown => Some(&texts.location_unknown),
            AuditDuty::OutsideChina => Some(&texts.outside_china),
            AuditDuty::China(c) => texts.verdicts.get(&c.status),
        }
    }

    /// The report of this outcome; `year` is the current calendar year, to tell whether a
    /// repeat audit is overdue.
    pub fn report<'a>(&self, rules: &'a Regulation, year: i32) -> DutyReport<'a> {
        let texts = &rules.duty;
        let conclusion = self.conclusion(rules);
        let title = conclusion.map_or("", |c| c.title.as_str());
        let text = conclusion.map_or("", |c| c.text.as_str());
        let AuditDuty::China(china) = self else {
            // Outside China, or nowhere said: the conclusion alone.
            return DutyReport {
                status: None,
                title,
                text,
                met: Vec::new(),
                to_find_out: Vec::new(),
                clock: Vec::new(),
                penalty: None,
                key_sector: None,
                sources: Vec::new(),
                not_legal_advice: None,
            };
        };
        let mandatory = matches!(china.status, DutyStatus::Listed | DutyStatus::Triggered);
        let mut clock: Vec<String> = if mandatory {
            texts.clock.clone()
        } else {
            Vec::new()
        };
        if let Some(due) = china.repeat_due {
            let text = if year > due {
                &texts.repeat_overdue
            } else {
                &texts.repeat_due
            };
            clock.push(text.replace("{{ year }}", &due.to_string()));
        }
        DutyReport {
            status: Some(china.status),
            title,
            text,
            met: china
                .met
                .iter()
                .filter_map(|t| texts.met.get(t).map(String::as_str))
                .collect(),
            to_find_out: china
                .unknown
                .iter()
                .filter_map(|t| texts.to_find_out.get(t).map(String::as_str))
                .collect(),
            clock,
            penalty: mandatory.then_some(texts.penalty.as_str()),
            key_sector: china.key_sector.then_some(texts.key_sector.as_str()),
            sources: texts
                .sources
                .iter()
                .filter_map(|k| rules.source(k))
                .collect(),
            not_legal_advice: Some(&texts.not_legal_advice),
        }
    }
}
