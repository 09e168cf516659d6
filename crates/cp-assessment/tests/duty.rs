//! "Must we audit?" on a table of plants: each trigger alone, none, unknowns, a plant on
//! the list, outside China; the clock, the penalty and the sources in both languages; and
//! the readiness gaps by chapter of the audit report.

mod common;

use cp_assessment::answers::{Answer, Answers};
use cp_assessment::assess::{audit_duty, chapter_gaps, AuditDuty, ChapterCount};
use cp_assessment::content::Content;
use cp_assessment::regulation::{DutyStatus, Regulation, SourceStatus, Trigger};
use cp_assessment::vocabulary::Language;

use common::content;

/// The rules in the content's language.
fn rules_of(c: &Content) -> Regulation {
    Regulation::load(&c.bank).unwrap_or_else(|e| panic!("{e}"))
}

fn choice(id: &str) -> Answer {
    Answer::Choice(id.to_owned())
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| (*s).to_owned()).collect())
}

/// A plating shop in mainland China that meets no trigger and is on no list.
fn clean_plant() -> Answers {
    let mut a = Answers::new();
    a.set("sector", choice("electroplating"));
    a.set("plant_location", choice("mainland_china"));
    a.set("audit_required", choice("not_required"));
    a.set("over_limits", choices(&["none"]));
    a.set("energy_quota", choice("within"));
    a.set("hazardous_inputs", choice("no"));
    a.set("streams", choices(&["wastewater", "water"]));
    a
}

fn with(mut a: Answers, changes: &[(&str, Answer)]) -> Answers {
    for (id, answer) in changes {
        a.set(*id, answer.clone());
    }
    a
}

fn china(duty: &AuditDuty) -> (DutyStatus, Vec<Trigger>, Vec<Trigger>) {
    match duty {
        AuditDuty::China(c) => (c.status, c.met.clone(), c.unknown.clone()),
        other => panic!("expected a plant in China, got {other:?}"),
    }
}

/// A plant's name, its answers, and the outcome, triggers met and triggers not known.
type Case = (
    &'static str,
    Answers,
    DutyStatus,
    Vec<Trigger>,
    Vec<Trigger>,
);

#[test]
fn the_check_on_a_table_of_plants() {
    use DutyStatus::{Listed, NoTrigger, Triggered, Unclear};
    use Trigger::{EnergyQuota, OverQuota, OverStandard, Toxic};
    let c = content();
    let rules = rules_of(&c);
    let cases: Vec<Case> = vec![
        ("no trigger", clean_plant(), NoTrigger, vec![], vec![]),
        (
            "over a standard alone",
            with(
                clean_plant(),
                &[("over_limits", choices(&["over_standard"]))],
            ),
            Triggered,
            vec![OverStandard],
            vec![],
        ),
        (
            "over the total quota alone",
            with(clean_plant(), &[("over_limits", choices(&["over_quota"]))]),
            Triggered,
            vec![OverQuota],
            vec![],
        ),
        (
            "over the energy quota alone",
            with(clean_plant(), &[("energy_quota", choice("over"))]),
            Triggered,
            vec![EnergyQuota],
            vec![],
        ),
        (
            "toxic inputs alone, in small amounts",
            with(clean_plant(), &[("hazardous_inputs", choice("some"))]),
            Triggered,
            vec![Toxic],
            vec![],
        ),
        (
            "hazardous waste alone",
            with(
                clean_plant(),
                &[("streams", choices(&["wastewater", "hazardous_waste"]))],
            ),
            Triggered,
            vec![Toxic],
            vec![],
        ),
        (
            "all three",
            with(
                clean_plant(),
                &[
                    ("over_limits", choices(&["over_standard", "over_quota"])),
                    ("energy_quota", choice("over")),
                    ("hazardous_inputs", choice("yes")),
                ],
            ),
            Triggered,
            vec![OverStandard, OverQuota, EnergyQuota, Toxic],
            vec![],
        ),
        (
            "emissions not known",
            with(clean_plant(), &[("over_limits", Answer::Unknown)]),
            Unclear,
            vec![],
            vec![OverStandard, OverQuota],
        ),
        (
            "energy quota not known",
            with(clean_plant(), &[("energy_quota", Answer::Unknown)]),
            Unclear,
            vec![],
            vec![EnergyQuota],
        ),
        (
            "no energy quota for the product",
            with(clean_plant(), &[("energy_quota", choice("no_quota"))]),
            NoTrigger,
            vec![],
            vec![],
        ),
        (
            "toxic inputs not known, no hazardous waste named",
            with(clean_plant(), &[("hazardous_inputs", Answer::Unknown)]),
            Unclear,
            vec![],
            vec![Toxic],
        ),
        (
            "a trigger met outweighs an unknown",
            with(
                clean_plant(),
                &[
                    ("energy_quota", Answer::Unknown),
                    ("over_limits", choices(&["over_quota"])),
                ],
            ),
            Triggered,
            vec![OverQuota],
            vec![EnergyQuota],
        ),
        (
            "nothing answered but the location",
            with(
                Answers::new(),
                &[("plant_location", choice("mainland_china"))],
            ),
            Unclear,
            vec![],
            vec![OverStandard, OverQuota, EnergyQuota, Toxic],
        ),
        (
            "on the list, no trigger",
            with(clean_plant(), &[("audit_required", choice("required"))]),
            Listed,
            vec![],
            vec![],
        ),
    ];
    for (name, answers, status, met, unknown) in cases {
        let got = china(&audit_duty(&c, &rules, &answers));
        assert_eq!(got, (status, met, unknown), "{name}");
    }
    let outside = with(clean_plant(), &[("plant_location", choice("elsewhere"))]);
    assert_eq!(audit_duty(&c, &rules, &outside), AuditDuty::OutsideChina);
    let mut unsaid = clean_plant();
    unsaid.clear("plant_location");
    assert_eq!(audit_duty(&c, &rules, &unsaid), AuditDuty::LocationUnknown);
}

#[test]
fn key_sectors_and_the_five_year_repeat() {
    let c = content();
    let rules = rules_of(&c);
    let key = |sector: &str| match audit_duty(
        &c,
        &rules,
        &with(clean_plant(), &[("sector", choice(sector))]),
    ) {
        AuditDuty::China(d) => d.key_sector,
        _ => panic!("not in China"),
    };
    assert!(key("electroplating"));
    assert!(key("textile"));
    assert!(!key("machinery"));
    assert!(!key("electronics"));
    let done = |year: f64| {
        with(
            clean_plant(),
            &[
                ("hazardous_inputs", choice("yes")),
                ("audit_status", choice("done")),
                ("audit_year", Answer::Number(year)),
            ],
        )
    };
    let old = audit_duty(&c, &rules, &done(2019.0));
    let recent = audit_duty(&c, &rules, &done(2023.0));
    let report = old.report(&rules, 2026);
    assert!(
        report
            .clock
            .iter()
            .any(|l| l.contains("2024") && l.contains("overdue")),
        "{:?}",
        report.clock
    );
    let report = recent.report(&rules, 2026);
    assert!(
        report
            .clock
            .iter()
            .any(|l| l.contains("2028") && !l.contains("overdue")),
        "{:?}",
        report.clock
    );
    // Without the toxic trigger there is no five-year rule.
    let plain = with(
        clean_plant(),
        &[
            ("audit_status", choice("done")),
            ("audit_year", Answer::Number(2015.0)),
        ],
    );
    assert!(
        matches!(audit_duty(&c, &rules, &plain), AuditDuty::China(d) if d.repeat_due.is_none())
    );
}

#[test]
fn the_report_says_the_clock_the_penalty_and_its_sources_in_both_languages() {
    for language in [Language::En, Language::ZhCn] {
        let c = Content::load(language).unwrap_or_else(|e| panic!("{e}"));
        let rules = rules_of(&c);
        let over = with(clean_plant(), &[("over_limits", choices(&["over_quota"]))]);
        let r = audit_duty(&c, &rules, &over).report(&rules, 2026);
        assert_eq!(r.status, Some(DutyStatus::Triggered));
        assert!(!r.title.is_empty() && !r.text.is_empty());
        assert_eq!(r.met.len(), 1);
        assert_eq!(r.clock.len(), 2, "start and finish, disclosure");
        assert!(
            r.penalty
                .is_some_and(|p| p.contains("39") || p.contains("第三十九条")),
            "{language:?}"
        );
        assert!(r.key_sector.is_some());
        assert!(r.sources.len() >= 4);
        assert!(r.sources.iter().any(|s| s.status == SourceStatus::Verified));
        assert!(r.sources.iter().all(|s| s.url.starts_with("http")));
        assert!(r.not_legal_advice.is_some_and(|t| !t.is_empty()));

        let none = audit_duty(&c, &rules, &clean_plant()).report(&rules, 2026);
        assert_eq!(none.status, Some(DutyStatus::NoTrigger));
        assert!(none.penalty.is_none() && none.clock.is_empty() && none.met.is_empty());

        let unclear = with(clean_plant(), &[("energy_quota", Answer::Unknown)]);
        let r = audit_duty(&c, &rules, &unclear).report(&rules, 2026);
        assert_eq!(r.to_find_out.len(), 1);
        assert!(r.penalty.is_none());

        let abroad = with(clean_plant(), &[("plant_location", choice("elsewhere"))]);
        let r = audit_duty(&c, &rules, &abroad).report(&rules, 2026);
        assert_eq!(r.status, None);
        assert!(!r.title.is_empty() && r.sources.is_empty() && r.penalty.is_none());
        assert!(
            r.not_legal_advice.is_none(),
            "China's caveat is not shown abroad"
        );
    }
    let c = content();
    let rules = rules_of(&c);
    let listed = with(clean_plant(), &[("audit_required", choice("required"))]);
    let r = audit_duty(&c, &rules, &listed).report(&rules, 2026);
    assert!(r.title.starts_with("Yes"), "{}", r.title);
    assert!(r
        .clock
        .iter()
        .any(|l| l.contains("two months") && l.contains("one year")));
}

#[test]
fn readiness_gaps_are_named_by_the_report_chapter() {
    let c = content();
    let rules = rules_of(&c);
    let mut a = Answers::new();
    a.set("r_commitment", choice("written"));
    a.set("r_team", choice("none"));
    a.set("r_flowchart", choice("partial"));
    a.set("r_walkthrough", Answer::Unknown);
    let chapters = chapter_gaps(&c, &rules, &a);
    assert_eq!(chapters.len(), 7);
    let first = &chapters[0];
    assert_eq!(first.have, ["a written commitment of the leadership"]);
    assert_eq!(first.missing, ["an audit team with a named leader"]);
    assert_eq!(first.audit.len(), 2);
    assert!(!first.complete());
    let text = first.sentences(&c, &rules).join(" ");
    assert!(
        text.contains("Not yet: an audit team with a named leader."),
        "{text}"
    );
    assert!(
        text.starts_with("In place: a written commitment of the leadership."),
        "{text}"
    );
    assert!(text.ends_with("The audit itself produces: a work plan and budget, awareness raising and training of staff."), "{text}");
    let second = &chapters[1];
    assert_eq!(
        second.partly,
        ["a process flow chart with inputs and wastes"]
    );
    assert_eq!(
        second.unknown,
        ["a site inspection listing where waste arises"]
    );
    assert!(second
        .sentences(&c, &rules)
        .iter()
        .any(|s| s.contains("comparison with the sector's CP indicator system")));
    // The section's conclusion counts them: chapter 1 lacks its team; chapter 2 is partly
    // there and not known, which is not "missing".
    let count = ChapterCount::of(&chapters);
    assert_eq!((count.missing, count.of), (1, 7));
    assert!(!chapters[0].complete() && !chapters[1].complete());
    assert!(count.complete <= 5);
    // Nothing answered: every item a question can show is "not said", never "missing".
    let blank = chapter_gaps(&c, &rules, &Answers::new());
    assert!(blank
        .iter()
        .all(|ch| ch.have.is_empty() && ch.missing.is_empty()));
    let none = ChapterCount::of(&blank);
    assert_eq!((none.complete, none.missing, none.of), (0, 0, 7));
}

#[test]
fn chinese_authorities_are_named_only_for_plants_that_may_be_in_china() {
    let c = content();
    let rules = rules_of(&c);
    assert!(
        cp_assessment::assess::local_help(&c, &rules, &clean_plant())
            .is_some_and(|h| h.contains("ecology and environment"))
    );
    assert!(cp_assessment::assess::local_help(&c, &rules, &Answers::new()).is_some());
    let abroad = with(clean_plant(), &[("plant_location", choice("elsewhere"))]);
    assert_eq!(cp_assessment::assess::local_help(&c, &rules, &abroad), None);
    assert!(!c.texts.help.contains("bureau"), "{}", c.texts.help);
}
