//! Exchange formats end to end: every persona survives export → import exactly, every
//! kind of malformed file gets its own error code, and no input makes import or share-link
//! decoding panic.

use std::sync::atomic::{AtomicUsize, Ordering};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
mod common;
use common::persona;
use cp_assessment::answers::{Answer, Answers};
use cp_assessment::bank::Bank;
use cp_assessment::content::Content;
use cp_assessment::exchange::{
    decode_share, encode_share, import, new_response, to_json, ImportError, ResponseFile,
    MAX_IMPORT_BYTES, RESPONSE_VERSION,
};
use cp_assessment::vocabulary::Language;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use serde_json::{json, Value};

const ID: &str = "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e";
const NOW: &str = "2026-11-29T09:00:00Z";
const PERSONAS: [&str; 5] = ["p1", "p2", "p3", "p4", "p5"];

fn bank() -> Bank {
    Content::english().unwrap_or_else(|e| panic!("{e}")).bank
}

fn export(bank: &Bank, answers: Answers) -> ResponseFile {
    new_response(bank, ID, NOW, Language::En, answers)
}

/// A valid export of p1 as a JSON value, to be damaged by the tests.
fn valid_value(bank: &Bank) -> Value {
    serde_json::from_str(&to_json(&export(bank, persona("p1")))).unwrap_or_else(|e| panic!("{e}"))
}

fn code_of(bytes: &[u8], bank: &Bank) -> &'static str {
    match import(bytes, bank) {
        Ok(_) => "ok",
        Err(e) => {
            assert!(!e.to_string().is_empty());
            e.code()
        }
    }
}

/// The error code after `change` is applied to a valid export.
fn code_after(bank: &Bank, change: impl FnOnce(&mut Value)) -> &'static str {
    let mut v = valid_value(bank);
    change(&mut v);
    code_of(v.to_string().as_bytes(), bank)
}

fn set_answer(v: &mut Value, id: &str, answer: Value) {
    v["answers"][id] = answer;
}

#[test]
fn every_persona_round_trips_exactly() {
    let bank = bank();
    for p in PERSONAS {
        let file = export(&bank, persona(p));
        assert!(!file.needs_identity());
        let text = to_json(&file);
        assert_eq!(import(text.as_bytes(), &bank), Ok(file.clone()), "{p}");
        // Field order as documented.
        let keys: Vec<usize> = [
            "\"format\"",
            "\"version\"",
            "\"bank_id\"",
            "\"bank_version\"",
            "\"response_id\"",
            "\"created\"",
            "\"updated\"",
            "\"language\"",
            "\"answers\"",
        ]
        .iter()
        .map(|k| text.find(k).unwrap_or(usize::MAX))
        .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{p}: {keys:?}");
    }
}

#[test]
fn size_encoding_and_syntax_errors() {
    let bank = bank();
    let valid = to_json(&export(&bank, persona("p2")));
    // Too large is decided before parsing: even valid JSON padded with spaces.
    let mut big = valid.clone().into_bytes();
    big.resize(MAX_IMPORT_BYTES + 1, b' ');
    assert_eq!(code_of(&big, &bank), "too_large");
    assert_eq!(
        import(&vec![b'x'; 2_200_000], &bank).map_err(|e| e.to_string()),
        Err(
            "This file is too large (2.1 MB) to be a self-assessment export; the limit is 512 KB."
                .into()
        )
    );
    // A byte-order mark (as Windows editors write) is accepted.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), valid.as_bytes()].concat();
    assert_eq!(code_of(&with_bom, &bank), "ok");
    assert_eq!(code_of(b"\xFF\xFE{\x00}\x00", &bank), "not_text");
    assert_eq!(
        code_of(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xa3\x9f", &bank),
        "not_text"
    );
    assert_eq!(code_of(b"name,staff\nAcme,420\n", &bank), "not_json");
    assert_eq!(
        code_of(&valid.as_bytes()[..valid.len() / 2], &bank),
        "not_json"
    );
    assert_eq!(code_of(b"", &bank), "not_json");
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    assert_eq!(code_of(deep.as_bytes(), &bank), "too_deep");
    // Deeper than serde_json's own limit of 128, and unbalanced: still our error.
    assert_eq!(
        code_of("{\"a\":".repeat(5000).as_bytes(), &bank),
        "too_deep"
    );
    // Brackets inside strings do not count.
    let bracey = code_after(&bank, |v| {
        set_answer(
            v,
            "main_products",
            json!({"type": "text", "value": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{{{{"}),
        )
    });
    assert_eq!(bracey, "ok");
    assert_eq!(code_of(b"[1,2]", &bank), "not_a_response");
}

#[test]
fn duplicate_keys_are_refused_not_silently_resolved() {
    let bank = bank();
    let valid = to_json(&export(&bank, persona("p1")));
    let dup = valid.replacen(
        "\"answers\": {",
        "\"answers\": {\n    \"staff\": { \"type\": \"number\", \"value\": 999 },",
        1,
    );
    assert_eq!(
        import(dup.as_bytes(), &bank),
        Err(ImportError::DuplicateKey("staff".into()))
    );
    let dup_inner = valid.replacen(
        "\"type\": \"number\",",
        "\"type\": \"number\", \"type\": \"text\",",
        1,
    );
    assert_eq!(code_of(dup_inner.as_bytes(), &bank), "duplicate_key");
}

#[test]
fn header_errors_each_have_their_code() {
    let bank = bank();
    type Change = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "not_a_response",
            Box::new(|v| v["format"] = json!("cp-something-else/response")),
        ),
        (
            "not_a_response",
            Box::new(|v| {
                v.as_object_mut().map(|o| o.remove("format"));
            }),
        ),
        ("newer_version", Box::new(|v| v["version"] = json!(3))),
        ("unsupported_version", Box::new(|v| v["version"] = json!(0))),
        (
            "unsupported_version",
            Box::new(|v| {
                v.as_object_mut().map(|o| o.remove("version"));
            }),
        ),
        (
            "unsupported_version",
            Box::new(|v| v["version"] = json!("1")),
        ),
        (
            "other_questionnaire",
            Box::new(|v| v["bank_id"] = json!("energy-audit")),
        ),
        (
            "bad_field",
            Box::new(|v| v["response_id"] = json!("not-a-uuid")),
        ),
        ("bad_field", Box::new(|v| v["response_id"] = json!(42))),
        (
            "bad_field",
            Box::new(|v| v["created"] = json!("29/11/2026 09:00")),
        ),
        (
            "bad_field",
            Box::new(|v| v["updated"] = json!("2026-13-45T09:00:00Z")),
        ),
        ("bad_field", Box::new(|v| v["language"] = json!("fr"))),
        ("bad_field", Box::new(|v| v["answers"] = json!([]))),
        // Another bank version is fine while the ids still validate.
        ("ok", Box::new(|v| v["bank_version"] = json!(7))),
        (
            "ok",
            Box::new(|v| v["created"] = json!("2026-11-29T17:00:00+08:00")),
        ),
        ("ok", Box::new(|v| v["language"] = json!("zh-CN"))),
        ("ok", Box::new(|v| v["exported_by"] = json!("a later tool"))),
    ];
    for (expected, change) in cases {
        let mut v = valid_value(&bank);
        change(&mut v);
        assert_eq!(
            code_of(v.to_string().as_bytes(), &bank),
            expected,
            "{v:.200}"
        );
    }
    let mut v = valid_value(&bank);
    v["version"] = json!(3);
    assert_eq!(
        import(v.to_string().as_bytes(), &bank),
        Err(ImportError::NewerVersion(3))
    );
    v = valid_value(&bank);
    v["created"] = json!("yesterday");
    assert_eq!(
        import(v.to_string().as_bytes(), &bank),
        Err(ImportError::BadField("created"))
    );
    v = valid_value(&bank);
    v["bank_id"] = json!("energy-audit");
    assert_eq!(
        import(v.to_string().as_bytes(), &bank).map_err(|e| e.to_string()),
        Err("This file belongs to another questionnaire (\"energy-audit\").".into())
    );
}

#[test]
fn answer_errors_name_the_question() {
    let bank = bank();
    let mut v = valid_value(&bank);
    set_answer(
        &mut v,
        "zz_removed",
        json!({"type": "choice", "value": "a"}),
    );
    set_answer(&mut v, "aa_future", json!({"type": "unknown"}));
    let err = import(v.to_string().as_bytes(), &bank);
    assert_eq!(
        err,
        Err(ImportError::UnknownQuestions(vec![
            "aa_future".into(),
            "zz_removed".into()
        ]))
    );
    assert_eq!(
        err.map_err(|e| e.to_string()),
        Err(
            "This file answers questions this questionnaire does not have: aa_future, zz_removed."
                .into()
        )
    );

    let scale = bank
        .questions()
        .find(|q| q.driver.is_some())
        .map(|q| q.id.clone())
        .unwrap_or_default();
    let invalid = |id: &str, answer: Value| {
        let mut v = valid_value(&bank);
        set_answer(&mut v, id, answer);
        match import(v.to_string().as_bytes(), &bank) {
            Err(ImportError::InvalidAnswer { question, reason }) => (question, reason),
            other => panic!("{id}: {other:?}"),
        }
    };
    let (q, reason) = invalid(&scale, json!({"type": "scale", "value": 9}));
    assert_eq!(
        (q.as_str(), reason.as_str()),
        (scale.as_str(), "9 is outside the scale; choose 1 to 5.")
    );
    let (q, reason) = invalid("staff", json!({"type": "number", "value": -5}));
    assert_eq!(q, "staff");
    assert!(reason.contains("from 1 to 200000"), "{reason}");
    assert_eq!(
        invalid("staff", json!({"type": "number", "value": 4.5})).1,
        "Please enter a whole number, for example 420."
    );
    // Wrong types, whether or not they have an answer's shape.
    for wrong in [
        json!({"type": "text", "value": "many"}),
        json!({"type": "scale", "value": "high"}),
        json!(420),
        json!(null),
        json!({"type": "number"}),
    ] {
        assert_eq!(
            invalid("staff", wrong.clone()).1,
            "This answer does not fit the question.",
            "{wrong}"
        );
    }
    assert_eq!(
        invalid("sector", json!({"type": "choice", "value": "banking"})).0,
        "sector"
    );
    assert!(invalid(
        "main_products",
        json!({"type": "text", "value": "x".repeat(201)})
    )
    .1
    .contains("200 characters"));
    let e = ImportError::InvalidAnswer {
        question: "staff".into(),
        reason: "Please enter a whole number, for example 420.".into(),
    };
    assert_eq!(
        e.to_string(),
        "The answer to \"staff\" is not valid: Please enter a whole number, for example 420."
    );
}

#[test]
fn markup_in_text_is_kept_verbatim_as_data() {
    let bank = bank();
    let xss = "<img src=x onerror=alert(1)>";
    let mut answers = persona("p1");
    answers.set("main_products", Answer::Text(xss.into()));
    let file = export(&bank, answers);
    let back = import(to_json(&file).as_bytes(), &bank);
    assert_eq!(
        back.as_ref()
            .ok()
            .and_then(|f| f.answers.get("main_products")),
        Some(&Answer::Text(xss.into()))
    );
    assert_eq!(back, Ok(file));
}

#[test]
fn local_storage_state_is_migrated() {
    let bank = bank();
    let answers = persona("p3");
    let state = json!({
        "format": "cp-self-assessment/state",
        "version": 1,
        "answers": answers,
        "last_page": "/part/4",
        "language": "zh-CN",
    });
    let file = import(state.to_string().as_bytes(), &bank).unwrap_or_else(|e| panic!("{e}"));
    assert!(file.needs_identity());
    assert_eq!(
        (
            file.response_id.as_str(),
            file.created.as_str(),
            file.updated.as_str()
        ),
        ("", "", "")
    );
    assert_eq!(
        (file.format.as_str(), file.version),
        ("cp-self-assessment/response", RESPONSE_VERSION)
    );
    assert_eq!(
        (file.bank_id.as_str(), file.bank_version),
        (bank.id.as_str(), bank.version)
    );
    assert_eq!(file.language, Language::ZhCn);
    assert_eq!(file.answers, answers);
    // Older states have no language: the bank's is used.
    let old = json!({"format": "cp-self-assessment/state", "version": 1, "answers": answers});
    assert_eq!(
        import(old.to_string().as_bytes(), &bank).map(|f| f.language),
        Ok(Language::En)
    );
    // A state without answers has nothing to move.
    let empty = json!({"format": "cp-self-assessment/state", "version": 1, "answers": {}});
    assert_eq!(
        import(empty.to_string().as_bytes(), &bank),
        Err(ImportError::NoAnswers)
    );
    let newer = json!({"format": "cp-self-assessment/state", "version": 2, "answers": {}});
    assert_eq!(
        import(newer.to_string().as_bytes(), &bank),
        Err(ImportError::NewerVersion(2))
    );
    // Its answers are checked like any other.
    let bad = json!({"format": "cp-self-assessment/state", "version": 1, "answers": {"staff": {"type": "number", "value": -5}}});
    assert_eq!(code_of(bad.to_string().as_bytes(), &bank), "invalid_answer");
}

#[test]
fn error_codes_are_distinct() {
    let all = [
        ImportError::TooLarge(1),
        ImportError::NotText,
        ImportError::NotJson(String::new()),
        ImportError::TooDeep,
        ImportError::DuplicateKey(String::new()),
        ImportError::NotAResponse,
        ImportError::NewerVersion(2),
        ImportError::UnsupportedVersion,
        ImportError::OtherQuestionnaire(String::new()),
        ImportError::BadField("language"),
        ImportError::UnknownQuestions(vec![]),
        ImportError::InvalidAnswer {
            question: String::new(),
            reason: String::new(),
        },
        ImportError::BadLink,
    ];
    let mut codes: Vec<&str> = all.iter().map(ImportError::code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), all.len());
}

/// Applies up to a few byte flips, truncations and insertions to `base`.
fn mutate(base: &[u8], edits: &[(u8, usize, u8)]) -> Vec<u8> {
    let mut out = base.to_vec();
    for &(kind, at, byte) in edits {
        let i = at % (out.len() + 1);
        match kind % 3 {
            0 if i < out.len() => out[i] ^= byte.max(1),
            1 => out.truncate(i),
            _ => out.insert(i, byte),
        }
    }
    out
}

#[test]
fn import_never_panics() {
    let bank = bank();
    let export_bytes = to_json(&export(&bank, persona("p1"))).into_bytes();
    let share_bytes = encode_share(&export(&bank, persona("p1"))).into_bytes();
    let edits = || vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..8);
    let inputs = prop_oneof![
        vec(any::<u8>(), 0..=4096),
        edits().prop_map(move |e| mutate(&export_bytes, &e)),
        edits().prop_map(move |e| mutate(&share_bytes, &e)),
    ];
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    });
    let cases = AtomicUsize::new(0);
    let result = runner.run(&inputs, |bytes| {
        cases.fetch_add(1, Ordering::Relaxed);
        let _ = import(&bytes, &bank);
        let _ = decode_share(&String::from_utf8_lossy(&bytes), &bank);
        // The same bytes as a well-packed link, to reach the JSON and answer checks.
        let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 1);
        let _ = decode_share(&format!("r1.{}", URL_SAFE_NO_PAD.encode(&packed)), &bank);
        let _ = decode_share(&format!("r2.{}", URL_SAFE_NO_PAD.encode(packed)), &bank);
        Ok(())
    });
    println!(
        "import_never_panics: {} cases run",
        cases.load(Ordering::Relaxed)
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn share_links_round_trip_every_persona() {
    let bank = bank();
    for p in PERSONAS {
        let file = export(&bank, persona(p));
        let payload = encode_share(&file);
        println!("share payload {p}: {} characters", payload.len());
        assert!(payload.len() < 2000);
        let shared = decode_share(&payload, &bank).unwrap_or_else(|e| panic!("{p}: {e}"));
        assert_eq!(shared.answers, file.answers);
        assert_eq!(shared.response_id, file.response_id);
    }
}

/// An export of p1 with a register of `n` options, one of them studied and done.
fn with_register(bank: &Bank, n: u32) -> ResponseFile {
    use cp_assessment::register::{Bin, Feasibility, Register, Savings, Status};
    use cp_assessment::vocabulary::{Currency, MeasureCategory};
    let mut register = Register {
        currency: Some(Currency::Cny),
        options: Vec::new(),
    };
    for i in 0..n {
        let category = MeasureCategory::ALL[i as usize % 8];
        let _ = register.add(&format!("方案 {i} <b>x</b>"), category, "water");
    }
    if let Some(o) = register.options.first_mut() {
        o.bin = Bin::FeasibilityStudy;
        o.feasibility = Some(Feasibility {
            investment: 280_000.0,
            savings: Savings {
                energy: 100_000.0,
                ..Savings::default()
            },
            one_off: 0.0,
            life_years: 8,
            rate_percent: 6.0,
            class: None,
        });
        o.status = Status::Done(Some(91_000.5));
    }
    ResponseFile {
        register,
        ..export(bank, persona("p1"))
    }
}

#[test]
fn the_register_travels_with_the_export_and_old_files_still_load() {
    let bank = bank();
    let file = with_register(&bank, 200);
    let json = to_json(&file);
    assert!(json.contains("\"version\": 2"));
    let back = import(json.as_bytes(), &bank).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.register, file.register);
    assert_eq!(back.register.options.len(), 200);
    // A version 1 file (before the register) loads with an empty register.
    let mut v1 = valid_value(&bank);
    v1["version"] = json!(1);
    let old = import(v1.to_string().as_bytes(), &bank).unwrap_or_else(|e| panic!("{e}"));
    assert!(old.register.is_empty());
    assert_eq!(old.answers, persona("p1"));
    // An export without options leaves the register out altogether.
    assert!(!to_json(&export(&bank, persona("p1"))).contains("register"));
}

#[test]
fn a_register_that_does_not_fit_refuses_the_whole_file() {
    let bank = bank();
    let valid: Value =
        serde_json::from_str(&to_json(&with_register(&bank, 3))).unwrap_or_else(|e| panic!("{e}"));
    let damaged = |f: &dyn Fn(&mut Value)| {
        let mut v = valid.clone();
        f(&mut v);
        import(v.to_string().as_bytes(), &bank)
    };
    let cases: [&dyn Fn(&mut Value); 6] = [
        &|v| v["register"]["options"][0]["title"] = json!(""),
        &|v| v["register"]["options"][0]["deadline"] = json!("next week"),
        &|v| v["register"]["options"][0]["feasibility"]["life_years"] = json!(0),
        &|v| v["register"]["options"][1]["id"] = json!(1),
        &|v| v["register"]["currency"] = json!("btc"),
        &|v| v["register"] = json!([1, 2, 3]),
    ];
    for (i, case) in cases.iter().enumerate() {
        assert_eq!(
            damaged(case),
            Err(ImportError::BadField("register")),
            "case {i}"
        );
    }
    let message = ImportError::BadField("register").to_string();
    assert!(message.contains("\"register\""), "{message}");
}

#[test]
fn the_register_csv_is_the_option_summary_table_and_safe_in_excel() {
    use cp_assessment::exchange::{register_csv, REGISTER_CSV_HEADER};
    use cp_assessment::register::Bin;
    use cp_assessment::vocabulary::Currency;
    let content = Content::english().unwrap_or_else(|e| panic!("{e}"));
    let mut file = with_register(&content.bank, 3);
    file.register.options[1].owner = "=HYPERLINK(\"x\")".to_owned();
    file.register.options[2].bin = Bin::Rejected("-costs too much".to_owned());
    if let Some(f) = file.register.options[0].feasibility.as_mut() {
        f.savings.energy = 10_000.0;
    }
    let text = register_csv(&content, &file.register, Currency::Cny);
    assert!(text.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header, REGISTER_CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), 3);
    let cell = |r: usize, name: &str| {
        let c = REGISTER_CSV_HEADER
            .iter()
            .position(|h| *h == name)
            .unwrap_or(99);
        rows[r].get(c).unwrap_or("?").to_owned()
    };
    assert_eq!(cell(0, "title"), "方案 0 <b>x</b>");
    assert_eq!(cell(0, "category"), "Good housekeeping");
    assert_eq!(cell(0, "bin"), "feasibility_study");
    // 280,000 for 10,000 a year over 8 years: never paid back, NPV −217,902.06 at 6 %
    // (numpy_financial.npv(0.06, [-280000] + [10000] * 8)), IRR −21.70 % (its irr).
    assert_eq!(cell(0, "net_investment"), "280000");
    assert_eq!(cell(0, "payback_years"), "");
    assert_eq!(cell(0, "npv"), "-217902.06");
    assert_eq!(cell(0, "irr_percent"), "-21.7");
    assert_eq!(cell(0, "status"), "done");
    assert_eq!(cell(0, "measured_savings"), "91000.5");
    assert_eq!(cell(1, "owner"), "'=HYPERLINK(\"x\")");
    assert_eq!(cell(2, "bin"), "rejected");
    assert_eq!(cell(2, "rejected_because"), "'-costs too much");
    assert_eq!(cell(2, "npv"), "");
}
