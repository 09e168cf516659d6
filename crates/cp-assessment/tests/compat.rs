//! What the app wrote before the questions changed for the cause-based model (issue 17) —
//! a saved state, an export and a share link of P1–P3, made on 2026-12-06 with that
//! version (tests/fixtures/compat/) — loads into this one with no answer lost: answers to
//! retired questions are kept as they were, the new questions start unanswered.

mod common;
use common::content;
use cp_assessment::answers::Answers;
use cp_assessment::assess::assess;
use cp_assessment::exchange::{decode_share, import};
use cp_assessment::state::parse_state;
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/compat/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The answers as JSON, to compare with what the file holds byte for byte in meaning.
fn as_json(answers: &Answers) -> Value {
    serde_json::to_value(answers).unwrap_or_else(|e| panic!("{e}"))
}

fn stored_answers(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
    v["answers"].clone()
}

/// The new questions are unanswered, so the loaded response is incomplete but assessed.
fn check_new_questions_start_unanswered(answers: &Answers) {
    let c = content();
    for id in [
        "loss_causes",
        "material_loss_where",
        "financing",
        "waste_heat",
    ] {
        assert!(answers.get(id).is_none(), "{id} answered");
    }
    let a = assess(&c, answers);
    assert!(a.progress.answered < a.progress.visible);
    assert_eq!(a.measures.len(), 8);
}

#[test]
fn a_saved_state_of_the_previous_version_loads_with_every_answer() {
    for p in ["p1", "p2", "p3"] {
        let text = fixture(&format!("{p}-state-2026-12.json"));
        let state = parse_state(&text).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        assert_eq!(as_json(&state.answers), stored_answers(&text), "{p}");
        // Answers to the retired questions are among them.
        assert!(state.answers.get("cp_practices").is_some(), "{p}");
        check_new_questions_start_unanswered(&state.answers);
    }
}

#[test]
fn an_export_of_the_previous_version_imports_with_every_answer() {
    let c = content();
    for p in ["p1", "p2", "p3"] {
        let text = fixture(&format!("{p}-export-2026-12.json"));
        let file = import(text.as_bytes(), &c.bank).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        assert_eq!(as_json(&file.answers), stored_answers(&text), "{p}");
        assert_eq!(file.bank_version, 1, "{p}: the file's bank version is kept");
        check_new_questions_start_unanswered(&file.answers);
    }
}

#[test]
fn a_share_link_of_the_previous_version_opens_with_every_answer() {
    let c = content();
    for p in ["p1", "p2", "p3"] {
        let link = fixture(&format!("{p}-share-link-2026-12.txt"));
        let export = fixture(&format!("{p}-export-2026-12.json"));
        let shared = decode_share(link.trim(), &c.bank).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        assert_eq!(as_json(&shared.answers), stored_answers(&export), "{p}");
        check_new_questions_start_unanswered(&shared.answers);
    }
}

#[test]
fn an_answer_to_a_question_that_never_was_is_still_refused() {
    let c = content();
    let text =
        fixture("p1-export-2026-12.json").replacen("\"cp_practices\"", "\"no_such_question\"", 1);
    assert!(import(text.as_bytes(), &c.bank).is_err());
}

/// What bank version 2 wrote (the questions as issue 17 left them; P1, P2, P3 and P5,
/// made on 2026-12-06 with that version) loads into version 3 with every answer: the
/// ownership answers keep their ids (P5's foreign-invested joint venture stays
/// `foreign_invested`, now "including Sino-foreign joint ventures"), the questions of the
/// must-audit check start unanswered, and the check asks where the plant is.
#[test]
fn bank_version_2_states_exports_and_links_load_into_version_3() {
    use cp_assessment::assess::{audit_duty, AuditDuty};
    use cp_assessment::regulation::Regulation;
    let c = content();
    let rules = Regulation::load(&c.bank).unwrap_or_else(|e| panic!("{e}"));
    for p in ["p1", "p2", "p3", "p5"] {
        let state_text = fixture(&format!("{p}-state-2026-12-06-v2.json"));
        let export_text = fixture(&format!("{p}-export-2026-12-06-v2.json"));
        let link = fixture(&format!("{p}-share-link-2026-12-06-v2.txt"));
        let state = parse_state(&state_text).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        let file = import(export_text.as_bytes(), &c.bank).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        let shared = decode_share(link.trim(), &c.bank).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        assert_eq!(file.bank_version, 2, "{p}");
        for answers in [&state.answers, &file.answers, &shared.answers] {
            assert_eq!(as_json(answers), stored_answers(&state_text), "{p}");
            let ownership = answers.choice(&c.bank, "ownership");
            assert!(ownership.is_some(), "{p}: ownership still counts");
            for id in ["plant_location", "over_limits", "energy_quota"] {
                assert!(answers.get(id).is_none(), "{p}: {id} answered");
            }
            assert_eq!(
                audit_duty(&c, &rules, answers),
                AuditDuty::LocationUnknown,
                "{p}"
            );
            let a = assess(&c, answers);
            assert!(a.progress.answered < a.progress.visible, "{p}");
        }
    }
    let p5 =
        parse_state(&fixture("p5-state-2026-12-06-v2.json")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        p5.answers.choice(&c.bank, "ownership"),
        Some("foreign_invested")
    );
}

/// The option register as the register page writes it (format 2, 2026-12-07), written out
/// by hand from docs/format.md: the export and the saved state, with a kept response
/// carrying its own register, load with every option, figure and status.
#[test]
fn a_register_written_as_documented_loads_whole() {
    use cp_assessment::finance::Irr;
    use cp_assessment::register::{Bin, InvestmentClass, Status};
    use cp_assessment::vocabulary::Currency;
    let c = content();
    let text = fixture("p1-export-2026-12-07-register.json");
    let file = import(text.as_bytes(), &c.bank).unwrap_or_else(|e| panic!("{e}"));
    let r = &file.register;
    assert_eq!(r.currency, Some(Currency::Cny));
    assert_eq!(r.options.len(), 3);
    assert_eq!(r.options[0].status, Status::Done(Some(42_000.0)));
    assert_eq!(r.options[2].bin, Bin::Rejected("无处安放水箱".into()));
    let study = r.options[1]
        .feasibility
        .unwrap_or_else(|| panic!("a study"));
    assert_eq!(study.class, Some(InvestmentClass::Medium));
    let figures = r.options[1].figures().unwrap_or_else(|| panic!("figures"));
    assert_eq!(figures.payback_years, Some(2.8));
    assert!(matches!(figures.irr, Irr::Rate(_)));
    assert_eq!(r.next_id(), 5, "ids need not be consecutive");
    assert_eq!(as_json(&file.answers), stored_answers(&text));

    let state = parse_state(&fixture("p1-state-2026-12-07-register.json"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&state.register, r);
    assert_eq!(state.kept[0].register.currency, Some(Currency::Eur));
    assert_eq!(state.kept[0].register.options[0].title, "Kept option");
}
