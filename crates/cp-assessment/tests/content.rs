//! The built-in content is complete and consistent: the question bank has what the
//! questionnaire promises, and every rule, stage and example refers to something real.

use cp_assessment::bank::{PartId, QuestionKind};
use cp_assessment::content::Content;
use cp_assessment::vocabulary::{AuditStep, Driver};

fn content() -> Content {
    Content::english().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_bank_has_at_least_forty_questions_in_six_parts_the_figures_optional() {
    let c = content();
    assert_eq!(c.bank.parts.len(), 6);
    let figures = c.bank.part(PartId::Figures).map(|p| &p.questions);
    assert!(
        figures.is_some_and(|q| q.len() >= 20 && q.iter().all(|q| q.optional)),
        "every figure may be skipped"
    );
    let n = c.bank.questions().count();
    assert!(n >= 40, "only {n} questions");
    for part in &c.bank.parts {
        assert!(!part.questions.is_empty(), "{:?} is empty", part.id);
    }
}

#[test]
fn every_question_says_why_it_is_asked() {
    for q in content().bank.questions() {
        assert!(q.help.trim().len() >= 20, "{}: help text too short", q.id);
        assert!(
            q.text.trim().ends_with('?') || q.optional,
            "{}: not phrased as a question",
            q.id
        );
    }
}

#[test]
fn profile_asks_sector_size_ownership_exports_streams_and_requirement() {
    let c = content();
    let ids: Vec<&str> = c
        .bank
        .part(PartId::Profile)
        .map(|p| p.questions.iter().map(|q| q.id.as_str()).collect())
        .unwrap_or_default();
    for id in [
        "sector",
        "staff",
        "ownership",
        "export_share",
        "streams",
        "audit_required",
    ] {
        assert!(ids.contains(&id), "profile lacks {id}");
    }
    let streams = c.bank.question("streams").map(|q| q.options.len());
    assert_eq!(streams, Some(6));
    let ownership = c.bank.question("ownership").map(|q| q.options.len());
    assert_eq!(ownership, Some(6));
}

#[test]
fn readiness_part_covers_all_seven_steps_twice() {
    let c = content();
    let part = c
        .bank
        .part(PartId::Readiness)
        .map(|p| p.questions.clone())
        .unwrap_or_default();
    for step in AuditStep::ALL {
        let n = part.iter().filter(|q| q.audit_step == Some(*step)).count();
        assert_eq!(n, 2, "{} asked {n} times in part 3", step.as_str());
    }
}

#[test]
fn motivation_part_rates_all_eleven_drivers_on_one_to_five() {
    let c = content();
    let part = c
        .bank
        .part(PartId::Motivation)
        .map(|p| p.questions.clone())
        .unwrap_or_default();
    for d in Driver::ALL {
        let q = part.iter().find(|q| q.driver == Some(*d));
        assert!(
            q.is_some_and(|q| q.kind == QuestionKind::Scale),
            "{} not rated",
            d.as_str()
        );
    }
    let reason = c
        .bank
        .question("assessment_reason")
        .map(|q| q.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>());
    assert!(reason.is_some_and(|r| ["agency", "customer", "own"]
        .iter()
        .all(|x| r.iter().any(|o| o == x))));
}

#[test]
fn factual_questions_offer_i_dont_know_with_a_hint() {
    let c = content();
    for id in [
        "staff",
        "export_share",
        "water_metering",
        "energy_metering",
        "waste_records",
        "violations",
        "payback",
        "byproduct_buyers",
        "r_balance",
        "r_waste_cost",
    ] {
        let q = c
            .bank
            .question(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert!(
            q.unknown_hint.as_deref().is_some_and(|h| h.len() > 20),
            "{id}: no hint"
        );
    }
}

#[test]
fn there_are_conditional_questions_and_they_point_backwards() {
    // Bank::validate already rejects forward references; here: conditions exist at all.
    let c = content();
    let conditional: Vec<&str> = c
        .bank
        .questions()
        .filter(|q| q.visible_if.is_some())
        .map(|q| q.id.as_str())
        .collect();
    for id in ["audit_measures", "cp_since_audit", "violation_detail"] {
        assert!(conditional.contains(&id), "{id} should be conditional");
    }
}

#[test]
fn every_category_has_rules_that_raise_and_lower_it() {
    let c = content();
    for cat in cp_assessment::vocabulary::MeasureCategory::ALL {
        let rules: Vec<_> = c
            .texts
            .rules
            .iter()
            .filter(|r| r.category == *cat)
            .collect();
        let raise = rules
            .iter()
            .any(|r| cp_assessment::assess::measures::points(r.effect) > 0);
        let lower = rules
            .iter()
            .any(|r| cp_assessment::assess::measures::points(r.effect) < 0);
        assert!(raise && lower, "{} needs rules both ways", cat.as_str());
        assert!(
            rules.iter().all(|r| !r.source.is_empty()),
            "{}: a rule without a source",
            cat.as_str()
        );
    }
}

#[test]
fn sources_named_in_content_exist_in_the_reference() {
    const KEYS: [&str; 15] = [
        "CN-AUDIT",
        "CN-FIN",
        "SEED",
        "UNEP-CPA",
        "UNIDO-8",
        "MFPEA",
        "EPA-P2",
        "MY-DOE",
        "B4",
        "SHI-2008",
        "EU-GAP",
        "CIRCLEAN",
        "MILIEU",
        "SECO-2020",
        "UNEP-CPA",
    ];
    let c = content();
    let named = c
        .texts
        .rules
        .iter()
        .flat_map(|r| r.source.iter())
        .chain(c.texts.stages.iter().flat_map(|s| s.source.iter()))
        .chain(c.catalogue.categories.iter().flat_map(|x| x.sources.iter()));
    for key in named {
        assert!(KEYS.contains(&key.as_str()), "unknown source key {key}");
    }
}

#[test]
fn broken_content_is_reported_not_accepted() {
    let bank = include_str!("../../../content/en/bank.json");
    let measures = include_str!("../../../content/en/measures.json");
    let texts = include_str!("../../../content/en/assessment.json");
    let regulation = include_str!("../../../content/en/regulation.json");
    let bad_rule = texts.replacen(
        "\"question\": \"water_metering\"",
        "\"question\": \"no_such_question\"",
        1,
    );
    let e = Content::from_json(bank, measures, &bad_rule)
        .err()
        .map(|e| e.to_string());
    assert!(e.is_some_and(|e| e.contains("no_such_question")));
    let bad_bank = bank.replacen("\"id\": \"profile\"", "\"id\": \"practice\"", 1);
    assert!(Content::from_json(&bad_bank, measures, texts).is_err());
    assert!(Content::from_json("{", measures, texts).is_err());
    let bad_chapter =
        regulation.replacen("\"question\": \"r_team\"", "\"question\": \"no_team\"", 1);
    let c = Content::from_json(bank, measures, texts).unwrap_or_else(|e| panic!("{e}"));
    assert!(cp_assessment::regulation::Regulation::from_json(regulation, &c.bank).is_ok());
    let e = cp_assessment::regulation::Regulation::from_json(&bad_chapter, &c.bank)
        .err()
        .map(|e| e.to_string());
    assert!(e.is_some_and(|e| e.contains("no_team")));
    for language in cp_assessment::vocabulary::Language::ALL {
        let c = Content::load(*language).unwrap_or_else(|e| panic!("{e}"));
        let r = cp_assessment::regulation::Regulation::load(&c.bank);
        assert!(r.is_ok(), "{language:?}: {:?}", r.err());
    }
}

#[test]
fn the_welcome_pages_question_count_matches_the_bank_in_every_language() {
    use cp_assessment::answers::Answers;
    use cp_assessment::content::{ContentFiles, QUESTIONS_AT_START};
    for files in [ContentFiles::EN, ContentFiles::ZH_CN] {
        let content = Content::parse(files).expect("built-in content parses");
        assert_eq!(
            Answers::new().progress(&content.bank).visible,
            QUESTIONS_AT_START,
            "{:?}: update QUESTIONS_AT_START in src/domain/content.rs",
            files.language
        );
    }
}
