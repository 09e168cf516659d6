//! Both languages are complete: every UI key and every content text exists in English and
//! Simplified Chinese, the two contents have the same structure (ids, options, rules,
//! weights), the Chinese texts contain no English words, and the assessment does not
//! depend on the language.

use std::collections::BTreeSet;

use cp_assessment::answers::Answers;
use cp_assessment::assess::assess;
use cp_assessment::content::Content;
use cp_assessment::vocabulary::Language;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn json(path: &str) -> Value {
    let text =
        std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Dotted paths of every string leaf.
fn leaf_keys(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                leaf_keys(v, &format!("{prefix}{k}."), out);
            }
        }
        _ => {
            out.insert(prefix.trim_end_matches('.').to_owned());
        }
    }
}

/// Keys whose string values are text for people (translated); everything else is
/// structure and must be identical across languages.
const TEXT_KEYS: [&str; 43] = [
    "list_separator",
    "clause_separator",
    "profile_separator",
    "text",
    "help",
    "unknown_hint",
    "title",
    "intro",
    "label",
    "unit",
    "language",
    "unknown",
    "none_chosen",
    "scale_of",
    "scale_labels",
    "name",
    "definition",
    "payback",
    "first_step",
    "examples",
    "reason",
    "description",
    "next_move",
    "met",
    "to_find_out",
    "clock",
    "repeat_due",
    "repeat_overdue",
    "penalty",
    "key_sector",
    "not_legal_advice",
    "help_china",
    "citation",
    "locator",
    "item",
    "chapter_title",
    "chapter_have",
    "chapter_partly",
    "chapter_missing",
    "chapter_unknown",
    "chapter_audit",
    "advice",
    "names",
];

/// Compares structure, returning the first difference.
fn same_structure(a: &Value, b: &Value, path: &str) -> Result<(), String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let kx: Vec<_> = x.keys().collect();
            let ky: Vec<_> = y.keys().collect();
            if kx != ky {
                return Err(format!("{path}: keys differ: {kx:?} vs {ky:?}"));
            }
            for (k, v) in x {
                let sub = format!("{path}/{k}");
                if TEXT_KEYS.contains(&k.as_str()) || (path.is_empty() && k == "help") {
                    texts_match(v, &y[k], &sub)?;
                } else {
                    same_structure(v, &y[k], &sub)?;
                }
            }
            Ok(())
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .try_for_each(|(i, (p, q))| same_structure(p, q, &format!("{path}[{i}]"))),
        _ if a == b => Ok(()),
        _ => Err(format!("{path}: {a} vs {b}")),
    }
}

/// Translated texts: same shape (lists of the same length, maps with the same keys) and
/// every string non-empty on both sides unless empty on both.
fn texts_match(a: &Value, b: &Value, path: &str) -> Result<(), String> {
    match (a, b) {
        (Value::String(x), Value::String(y)) if x.is_empty() == y.is_empty() => Ok(()),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .try_for_each(|(p, q)| texts_match(p, q, path)),
        (Value::Object(x), Value::Object(y)) if x.keys().eq(y.keys()) => x
            .iter()
            .try_for_each(|(k, v)| texts_match(v, &y[k], &format!("{path}/{k}"))),
        _ => Err(format!("{path}: translation missing or shaped differently")),
    }
}

/// Every string leaf under text keys.
fn texts(v: &Value, in_text: bool, out: &mut Vec<String>) {
    match v {
        Value::String(s) if in_text => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| texts(x, in_text, out)),
        Value::Object(m) => {
            for (k, x) in m {
                texts(
                    x,
                    in_text || TEXT_KEYS.contains(&k.as_str()) || k == "help",
                    out,
                );
            }
        }
        _ => {}
    }
}

/// Latin words allowed on Chinese pages: stage codes, standards and established
/// abbreviations practitioners use untranslated, units, and key-cap names (Esc).
pub const LATIN_ALLOWED: [&str; 25] = [
    "PDF", "JSON", "CSV", "KB", "Esc", "A", "B", "B2", "B1-a", "B1-b", "V", "V-B", "ISO", "NPV",
    "IRR", "pH", "COD", "VOCs", "RO", "PCB", "LED", "zh-CN", "en", "GB", "MFCA",
];

fn latin_words(s: &str) -> Vec<String> {
    // Interpolation placeholders such as {{ count }} are code, not visible text.
    let mut s = s.to_owned();
    while let (Some(a), Some(b)) = (s.find("{{"), s.find("}}")) {
        if b < a {
            break;
        }
        s.replace_range(a..b + 2, " ");
    }
    // A recommended national standard's code (GB/T 2589) is written as the standard writes it.
    let s = s.replace("GB/T", "GB");
    let mut words = Vec::new();
    let mut current = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() || (ch == '-' && !current.is_empty()) {
            current.push(ch);
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    words.push(current);
    words
        .into_iter()
        .map(|w| w.trim_end_matches('-').to_owned())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !LATIN_ALLOWED.contains(&w.as_str()) && !is_waste_code(w))
        .collect()
}

/// A code of China's national list of hazardous wastes (HW01–HW50), written as the list
/// writes it.
fn is_waste_code(word: &str) -> bool {
    word.strip_prefix("HW")
        .is_some_and(|n| n.len() == 2 && n.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn every_ui_key_exists_in_both_languages() {
    let mut en = BTreeSet::new();
    let mut zh = BTreeSet::new();
    leaf_keys(&json("locales/en.json"), "", &mut en);
    leaf_keys(&json("locales/zh-CN.json"), "", &mut zh);
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_zh.is_empty(),
        "only in en: {only_en:?}; only in zh-CN: {only_zh:?}"
    );
}

#[test]
fn content_has_the_same_structure_in_both_languages() {
    for file in [
        "bank.json",
        "measures.json",
        "assessment.json",
        "regulation.json",
        "figures.json",
        "glance.json",
    ] {
        let en = json(&format!("content/en/{file}"));
        let zh = json(&format!("content/zh-CN/{file}"));
        if let Err(e) = same_structure(&en, &zh, "") {
            panic!("{file}: {e}");
        }
    }
}

#[test]
fn chinese_texts_contain_no_english_words() {
    let mut all = Vec::new();
    for file in [
        "bank.json",
        "measures.json",
        "assessment.json",
        "regulation.json",
        "figures.json",
        "glance.json",
    ] {
        texts(&json(&format!("content/zh-CN/{file}")), false, &mut all);
    }
    texts(&json("locales/zh-CN.json"), true, &mut all);
    assert!(all.len() > 500, "only {} texts found", all.len());
    let offenders: Vec<(String, Vec<String>)> = all
        .into_iter()
        .map(|t| {
            let w = latin_words(&t);
            (t, w)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    assert!(
        offenders.is_empty(),
        "English words in zh-CN: {offenders:#?}"
    );
}

#[test]
fn the_latin_word_scan_catches_english() {
    assert_eq!(
        latin_words("按 ISO 14001 管理，pH 值"),
        Vec::<String>::new()
    );
    assert_eq!(latin_words("请选择 Next part"), vec!["Next", "part"]);
    assert_eq!(latin_words("阶段 B1-a"), Vec::<String>::new());
    assert_eq!(latin_words("属危险废物HW17，HW7 不是"), vec!["HW7"]);
    assert_eq!(latin_words("第 {{ n }} 部分 step"), vec!["step"]);
}

#[test]
fn both_languages_load_and_assess_identically() {
    let en = Content::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
    let zh = Content::load(Language::ZhCn).unwrap_or_else(|e| panic!("{e}"));
    for p in ["p1", "p2", "p3", "p4", "p5"] {
        let text = std::fs::read_to_string(format!(
            "{ROOT}/crates/cp-assessment/tests/fixtures/personas/{p}.json"
        ))
        .unwrap_or_default();
        let answers: Answers = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p}: {e}"));
        let a = assess(&en, &answers);
        let b = assess(&zh, &answers);
        let shape = |x: &cp_assessment::assess::Assessment| {
            (
                x.engagement,
                x.readiness.clone(),
                x.measures
                    .iter()
                    .map(|m| (m.category, m.score, m.raised_by.len(), m.lowered_by.len()))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(shape(&a), shape(&b), "{p}");
    }
}
