//! The results at a glance: what a manager takes in within a minute on a phone — where the
//! plant stands, what suits it, what waste costs it, the legal status — and ONE next step,
//! chosen by the rule of docs/scoring.md §8, so that every "next step" on the page agrees.

use super::{Assessment, AuditDuty};
use crate::bank::ContentError;
use crate::benchmarks::Level;
use crate::content::{Content, EngagementStage};
use crate::labels::Joiner;
use crate::register::{Register, Status};
use crate::regulation::{DutyStatus, Trigger};
use crate::templates::Templates;
use crate::vocabulary::{AuditStep, Language, MeasureCategory};

/// The one next step, in the order the rule tries them: the law first, then promises made
/// in the register, then the audit's own order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// China's rules require an audit (the plant is listed, or meets a trigger of art. 8)
    /// and none is under way or done (《清洁生产审核办法》 2016, art. 8); `step` is where it
    /// starts, the first audit step not in place.
    MandatoryAudit { why: Mandate, step: AuditStep },
    /// The plant audited because of toxic substances and the five-year repeat falls due
    /// this year or fell due earlier (办法 art. 8): the year it is due.
    RepeatAudit(i32),
    /// Options in the register past their deadline: how many, and the first one's title.
    Overdue { count: usize, first: String },
    /// The first audit step not yet in place [UNEP-CPA]; steps in place are skipped.
    AuditStep(AuditStep),
    /// Every step in place: the stage's move towards CP built into decisions [SEED].
    Stage(EngagementStage),
}

/// What the register adds to the summary, when it has options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegisterCount {
    /// Options neither rejected nor dropped.
    pub selected: usize,
    /// Options done.
    pub done: usize,
    /// Options past their deadline.
    pub overdue: usize,
}

/// Where the plant's figures stand against its sector's levels, when any indicator has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelCount {
    /// Indicators at level Ⅲ or short of it.
    pub behind: usize,
    /// Indicators with a level.
    pub of: usize,
}

/// The summary at the top of the results.
#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    /// The engagement stage.
    pub stage: EngagementStage,
    /// The three best-fitting categories, best first.
    pub top: Vec<MeasureCategory>,
    /// The legal check's outcome, for a plant in mainland China.
    pub duty: Option<DutyStatus>,
    /// The sector's levels, when the figures reach any.
    pub levels: Option<LevelCount>,
    /// The register's state, when it has options.
    pub register: Option<RegisterCount>,
    /// The one next step.
    pub next: NextStep,
}

/// Why an audit is required: the plant is on a list, or meets a trigger and is to ask the
/// authority that lists plants for it whether it is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mandate {
    /// On a published list, or notified.
    Listed,
    /// A trigger met; who to ask.
    Triggered(Lister),
}

/// Who lists a plant for a trigger: the environment bureau for emissions and toxic
/// substances, the energy-saving authorities for energy over the quota, as local notices
/// split the lists (practitioner review, 2026-12-07).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lister {
    /// 生态环境部门.
    Environment,
    /// 发展改革 or 工业和信息化 (节能主管部门).
    Energy,
    /// Triggers of both kinds are met.
    Both,
}

impl Lister {
    /// The lister for the triggers met.
    fn of(met: &[Trigger]) -> Lister {
        let energy = met.contains(&Trigger::EnergyQuota);
        match (energy, met.iter().any(|t| *t != Trigger::EnergyQuota)) {
            (true, false) => Lister::Energy,
            (true, true) => Lister::Both,
            _ => Lister::Environment,
        }
    }
}

/// The rule for the one next step (docs/scoring.md §8). `duty` is the legal check's outcome
/// when China's rules could be read; `audit_status` the answer to `audit_status`; `today`
/// is YYYY-MM-DD.
pub fn next_step(
    a: &Assessment,
    duty: Option<&AuditDuty>,
    audit_status: Option<&str>,
    register: &Register,
    today: &str,
) -> NextStep {
    if let Some(AuditDuty::China(d)) = duty {
        let audited = matches!(audit_status, Some("in_progress" | "done"));
        let why = match d.status {
            DutyStatus::Listed => Some(Mandate::Listed),
            DutyStatus::Triggered => Some(Mandate::Triggered(Lister::of(&d.met))),
            _ => None,
        };
        if let (Some(why), false) = (why, audited) {
            return NextStep::MandatoryAudit {
                why,
                step: a.readiness.current_step,
            };
        }
        let year = today.get(..4).and_then(|y| y.parse::<i32>().ok());
        if let (Some(due), Some(year), Some("done")) = (d.repeat_due, year, audit_status) {
            if due <= year {
                return NextStep::RepeatAudit(due);
            }
        }
    }
    let mut overdue = register.options.iter().filter(|o| o.is_overdue(today));
    if let Some(first) = overdue.next() {
        return NextStep::Overdue {
            count: 1 + overdue.count(),
            first: first.title.clone(),
        };
    }
    match a.readiness.current_step {
        AuditStep::Routinization if a.readiness.steps.iter().all(|s| s.is_mature()) => {
            NextStep::Stage(a.engagement)
        }
        step => NextStep::AuditStep(step),
    }
}

/// Gathers the summary; the arguments are those of [`next_step`].
pub fn glance(
    a: &Assessment,
    duty: Option<&AuditDuty>,
    audit_status: Option<&str>,
    register: &Register,
    today: &str,
) -> Glance {
    let levels = a.figures.as_ref().and_then(|f| {
        let of = f.standings.len();
        (of > 0).then(|| LevelCount {
            behind: f
                .standings
                .iter()
                .filter(|s| matches!(s.level, Level::III | Level::BelowIII))
                .count(),
            of,
        })
    });
    // The register's own summary counts statuses without the rejected options.
    let register_count = (!register.options.is_empty()).then(|| {
        let s = register.summary(today);
        RegisterCount {
            selected: s.by_status.iter().sum::<usize>() - s.by_status[Status::Dropped.index()],
            done: s.by_status[Status::Done(None).index()],
            overdue: s.overdue,
        }
    });
    Glance {
        stage: a.engagement,
        top: a.measures.iter().take(3).map(|m| m.category).collect(),
        duty: match duty {
            Some(AuditDuty::China(d)) => Some(d.status),
            _ => None,
        },
        levels,
        register: register_count,
        next: next_step(a, duty, audit_status, register, today),
    }
}

/// The summary's words, in one language (`content/<lang>/glance.json`).
#[derive(Clone, Debug, PartialEq)]
pub struct GlanceTexts(Templates);

const EN: &str = include_str!("../../../../content/en/glance.json");
const ZH_CN: &str = include_str!("../../../../content/zh-CN/glance.json");

/// The keys [`GlanceTexts`] must have.
pub const GLANCE_KEYS: [&str; 28] = [
    "duty",
    "reasons",
    "next_then",
    "heading",
    "stage",
    "top",
    "levels",
    "register",
    "next_heading",
    "next_listed",
    "next_triggered",
    "authority_environment",
    "authority_energy",
    "authority_both",
    "next_repeat",
    "next_overdue",
    "next_step",
    "next_stage",
    "contents",
    "details",
    "appendix",
    "register_heading",
    "register_intro",
    "measures_conclusion",
    "plan_conclusion",
    "readiness_conclusion",
    "motivation_conclusion",
    "none",
];

impl GlanceTexts {
    /// The texts of `language`.
    ///
    /// # Errors
    /// A [`ContentError`] if the file is malformed or lacks a text (caught by the tests).
    pub fn load(language: Language) -> Result<GlanceTexts, ContentError> {
        let json = match language {
            Language::En => EN,
            Language::ZhCn => ZH_CN,
        };
        Templates::parse("glance.json", json, &GLANCE_KEYS).map(GlanceTexts)
    }

    /// The text under `key`, its placeholders filled from `values`.
    pub fn get(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.0.get(key, values)
    }
}

impl Glance {
    /// The line naming the three best fits.
    pub fn top_line(&self, content: &Content, texts: &GlanceTexts) -> String {
        let names: Vec<&str> = self.top.iter().map(|&m| content.category_name(m)).collect();
        texts.get("top", &[("list", &content.join(&names, Joiner::Items))])
    }

    /// The line on the engagement stage: its title without the path's code (A, B2…), which
    /// means something only beside the path the stage section draws.
    pub fn stage_line(&self, content: &Content, texts: &GlanceTexts) -> Option<String> {
        let stage = content.stage(self.stage)?;
        Some(texts.get("stage", &[("stage", &stage.title)]))
    }

    /// The line on the sector's levels.
    pub fn levels_line(&self, texts: &GlanceTexts) -> Option<String> {
        let l = self.levels?;
        Some(texts.get(
            "levels",
            &[("behind", &l.behind.to_string()), ("of", &l.of.to_string())],
        ))
    }

    /// The line on the register.
    pub fn register_line(&self, texts: &GlanceTexts) -> Option<String> {
        let r = self.register?;
        Some(texts.get(
            "register",
            &[
                ("selected", &r.selected.to_string()),
                ("done", &r.done.to_string()),
                ("overdue", &r.overdue.to_string()),
            ],
        ))
    }

    /// The next step in words.
    pub fn next_text(&self, content: &Content, texts: &GlanceTexts) -> String {
        let step_text = |key: &str, step: AuditStep| {
            texts.get(
                key,
                &[
                    ("n", &step.number().to_string()),
                    ("name", content.step_name(step)),
                    ("advice", content.step_advice(step).unwrap_or_default()),
                ],
            )
        };
        match &self.next {
            // The law's duty, then where the audit starts: a first action, not only a call.
            NextStep::MandatoryAudit { why, step } => {
                let duty = match why {
                    Mandate::Listed => texts.get("next_listed", &[]),
                    Mandate::Triggered(lister) => {
                        let authority = texts.get(
                            match lister {
                                Lister::Environment => "authority_environment",
                                Lister::Energy => "authority_energy",
                                Lister::Both => "authority_both",
                            },
                            &[],
                        );
                        texts.get("next_triggered", &[("authority", &authority)])
                    }
                };
                let separator = content.bank.language().sentence_separator();
                format!("{duty}{separator}{}", step_text("next_then", *step))
            }
            NextStep::RepeatAudit(year) => texts.get("next_repeat", &[("year", &year.to_string())]),
            NextStep::Overdue { count, first } => texts.get(
                "next_overdue",
                &[("count", &count.to_string()), ("title", first)],
            ),
            NextStep::AuditStep(step) => step_text("next_step", *step),
            NextStep::Stage(stage) => texts.get(
                "next_stage",
                &[(
                    "move",
                    content.stage(*stage).map_or("", |s| s.next_move.as_str()),
                )],
            ),
        }
    }
}
