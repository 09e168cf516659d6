//! The one next step on a table of plants (docs/scoring.md §8): the law's duty first, then
//! overdue register options, then the first audit step not in place (steps in place
//! skipped), and the stage's move once every step is in place; and the headline motive
//! agrees with the strongest reasons.

mod common;

use cp_assessment::answers::{Answer, Answers};
use cp_assessment::assess::{
    assess, audit_duty, glance, AuditDuty, GlanceTexts, Lister, Mandate, NextStep,
};
use cp_assessment::content::Content;
use cp_assessment::register::{Register, Status};
use cp_assessment::regulation::Regulation;
use cp_assessment::vocabulary::{AuditStep, Family, Language, MeasureCategory};

use common::content;

const TODAY: &str = "2026-12-07";

fn choice(id: &str) -> Answer {
    Answer::Choice(id.to_owned())
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| (*s).to_owned()).collect())
}

/// The best answer to every readiness question of the steps up to `last` (numbers 1–7),
/// and the worst to the others: steps 1..=last in place, the rest not started.
fn ready_up_to(c: &Content, answers: &mut Answers, last: u8) {
    for q in c.bank.questions().filter(|q| q.audit_step.is_some()) {
        let Some(step) = q.audit_step else { continue };
        let best = q.options.iter().max_by_key(|o| o.readiness.unwrap_or(0));
        let worst = q.options.iter().min_by_key(|o| o.readiness.unwrap_or(0));
        if let Some(o) = if step.number() <= last { best } else { worst } {
            answers.set(&q.id, choice(&o.id));
        }
    }
}

/// A plant outside China, steps 1..=`ready` in place.
fn plant(c: &Content, ready: u8) -> Answers {
    let mut a = Answers::new();
    a.set("sector", choice("food_beverage"));
    a.set("plant_location", choice("elsewhere"));
    ready_up_to(c, &mut a, ready);
    a
}

/// The same plant in mainland China, meeting the discharge-standard trigger.
fn chinese_plant(c: &Content, ready: u8, audit_status: &str) -> Answers {
    let mut a = plant(c, ready);
    a.set("plant_location", choice("mainland_china"));
    a.set("audit_required", choice("not_required"));
    a.set("over_limits", choices(&["over_standard"]));
    a.set("audit_status", choice(audit_status));
    a
}

/// `a` with `changes` made.
fn with_answers(mut a: Answers, changes: &[(&str, Answer)]) -> Answers {
    for (id, answer) in changes {
        a.set(*id, answer.clone());
    }
    a
}

/// A register with one option due on `deadline`, in `status`.
fn register(deadline: &str, status: Status) -> Register {
    let mut r = Register::default();
    let mut o = cp_assessment::register::CpOption::new(
        1,
        "Fix the steam leaks",
        MeasureCategory::Housekeeping,
    );
    o.deadline = deadline.to_owned();
    o.status = status.clone();
    let mut second = cp_assessment::register::CpOption::new(
        2,
        "Meter the boiler house",
        MeasureCategory::Housekeeping,
    );
    second.deadline = deadline.to_owned();
    second.status = status;
    r.options = vec![o, second];
    r
}

fn next(c: &Content, rules: &Regulation, answers: &Answers, reg: &Register) -> NextStep {
    let a = assess(c, answers);
    let duty = audit_duty(c, rules, answers);
    glance(
        &a,
        Some(&duty),
        answers.choice(&c.bank, "audit_status"),
        reg,
        TODAY,
    )
    .next
}

#[test]
fn the_next_step_follows_one_rule() {
    let c = content();
    let rules = Regulation::load(&c.bank).unwrap_or_else(|e| panic!("{e}"));
    let overdue = register("2026-11-30", Status::Planned);
    let on_time = register("2027-03-31", Status::Planned);
    let done_late = register("2026-11-30", Status::Done(None));
    let empty = Register::default();
    let mut repeat = chinese_plant(&c, 3, "done");
    repeat.set("over_limits", choices(&["none"]));
    repeat.set("energy_quota", choice("within"));
    repeat.set("hazardous_inputs", choice("yes"));
    repeat.set("audit_year", Answer::Number(2020.0));
    let mut listed = plant(&c, 7);
    listed.set("plant_location", choice("mainland_china"));
    listed.set("audit_required", choice("required"));
    listed.set("audit_status", choice("planned"));
    let table: Vec<(&str, Answers, &Register, NextStep)> =
        vec![
        (
            "a triggered plant that has not audited: the law comes first, before overdue options",
            chinese_plant(&c, 0, "none"),
            &overdue,
            NextStep::MandatoryAudit {
                why: Mandate::Triggered(Lister::Environment),
                step: AuditStep::Preparation,
            },
        ),
        (
            "energy over the quota alone: the energy-saving authority lists it",
            with_answers(
                chinese_plant(&c, 0, "none"),
                &[("over_limits", choices(&["none"])), ("energy_quota", choice("over"))],
            ),
            &on_time,
            NextStep::MandatoryAudit {
                why: Mandate::Triggered(Lister::Energy),
                step: AuditStep::Preparation,
            },
        ),
        (
            "emissions and energy both over: both authorities",
            with_answers(chinese_plant(&c, 0, "none"), &[("energy_quota", choice("over"))]),
            &on_time,
            NextStep::MandatoryAudit {
                why: Mandate::Triggered(Lister::Both),
                step: AuditStep::Preparation,
            },
        ),
        (
            "a listed plant with every step in place still starts the audit first",
            listed,
            &on_time,
            NextStep::MandatoryAudit {
                why: Mandate::Listed,
                step: AuditStep::Routinization,
            },
        ),
        (
            "a triggered plant already auditing: overdue options come next",
            chinese_plant(&c, 0, "in_progress"),
            &overdue,
            NextStep::Overdue { count: 2, first: "Fix the steam leaks".to_owned() },
        ),
        (
            "a toxic-trigger plant audited in 2020: the repeat was due by 2025",
            repeat,
            &on_time,
            NextStep::RepeatAudit(2025),
        ),
        (
            "outside China, overdue options before the audit steps",
            plant(&c, 0),
            &overdue,
            NextStep::Overdue { count: 2, first: "Fix the steam leaks".to_owned() },
        ),
        (
            "options done late are not overdue: the first step not in place",
            plant(&c, 0),
            &done_late,
            NextStep::AuditStep(AuditStep::Preparation),
        ),
        (
            "steps 1 and 2 in place are skipped",
            plant(&c, 2),
            &on_time,
            NextStep::AuditStep(AuditStep::FocusedAssessment),
        ),
        (
            "every step in place: the stage's move",
            plant(&c, 7),
            &empty,
            NextStep::Stage(assess(&c, &plant(&c, 7)).engagement),
        ),
    ];
    for (case, answers, reg, want) in table {
        assert_eq!(next(&c, &rules, &answers, reg), want, "{case}");
    }
}

#[test]
fn the_step_after_the_current_one_skips_steps_in_place() {
    let c = content();
    let mut answers = plant(&c, 0);
    // Step 1 not started, steps 2 and 3 in place, 4 not: after step 1 comes step 4.
    for q in c.bank.questions() {
        let Some(step) = q.audit_step else { continue };
        if matches!(step.number(), 2 | 3) {
            if let Some(o) = q.options.iter().max_by_key(|o| o.readiness.unwrap_or(0)) {
                answers.set(&q.id, choice(&o.id));
            }
        }
    }
    let r = assess(&c, &answers).readiness;
    assert_eq!(r.current_step, AuditStep::Preparation);
    assert_eq!(r.next_step, Some(AuditStep::OptionGeneration));
}

#[test]
fn the_headline_motive_is_the_family_of_most_strongest_reasons() {
    let c = content();
    let mut answers = Answers::new();
    // Economic: three strong reasons and one weak (mean 56); environmental policy: one
    // strong and two moderate (mean 58) — the case a newcomer found contradictory.
    for (id, v) in [
        ("m_production_cost", 5),
        ("m_product_quality", 4),
        ("m_international_markets", 4),
        ("m_energy_water_conservation", 1),
        ("m_abatement_cost", 3),
        ("m_discharge_standards", 5),
        ("m_total_emission_control", 3),
    ] {
        answers.set(id, Answer::Scale(v));
    }
    let m = assess(&c, &answers).motivation;
    let score = |f: Family| {
        m.families
            .iter()
            .find(|s| s.family == f)
            .and_then(|s| s.score)
    };
    assert!(
        score(Family::EnvironmentalPolicy) > score(Family::Economic),
        "{:?}",
        m.families
    );
    assert_eq!(m.leading_family, Some(Family::Economic));
    let economic = m
        .strong_drivers
        .iter()
        .filter(|d| d.family() == Family::Economic)
        .count();
    assert!(economic * 2 > m.strong_drivers.len());
}

#[test]
fn the_summary_speaks_both_languages() {
    let c = content();
    let rules = Regulation::load(&c.bank).unwrap_or_else(|e| panic!("{e}"));
    let answers = chinese_plant(&c, 2, "none");
    let a = assess(&c, &answers);
    let duty = audit_duty(&c, &rules, &answers);
    assert!(matches!(duty, AuditDuty::China(_)));
    let g = glance(
        &a,
        Some(&duty),
        Some("none"),
        &register("2026-11-30", Status::Planned),
        TODAY,
    );
    for language in [Language::En, Language::ZhCn] {
        let texts = GlanceTexts::load(language).unwrap_or_else(|e| panic!("{e}"));
        let content = Content::load(language).unwrap_or_else(|e| panic!("{e}"));
        let next = g.next_text(&content, &texts);
        assert!(!next.is_empty() && !next.contains("{{"), "{next}");
        let top = g.top_line(&content, &texts);
        assert!(top.contains(content.category_name(g.top[0])), "{top}");
        let reg = g.register_line(&texts).unwrap_or_default();
        assert!(reg.contains('2') && !reg.contains("{{"), "{reg}");
    }
    // Emissions over the standard: the environment bureau, not the energy authorities.
    let en = Content::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
    let texts = GlanceTexts::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
    let next = g.next_text(&en, &texts);
    assert!(
        next.contains("ask your environment bureau whether"),
        "{next}"
    );
    assert!(!next.contains("energy-saving"), "{next}");
    // Energy over the quota alone: the energy-saving authority.
    let energy = with_answers(
        answers,
        &[
            ("over_limits", choices(&["none"])),
            ("energy_quota", choice("over")),
        ],
    );
    let duty = audit_duty(&c, &rules, &energy);
    let g = glance(
        &assess(&c, &energy),
        Some(&duty),
        Some("none"),
        &Register::default(),
        TODAY,
    );
    let next = g.next_text(&en, &texts);
    assert!(next.contains("ask the energy-saving authority"), "{next}");
    assert!(!next.contains("environment bureau"), "{next}");
}
