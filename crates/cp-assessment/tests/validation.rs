//! The model against what enterprises actually did: published CP case studies, each
//! encoded as the answers its manager would have given before the CP work
//! (tests/fixtures/validation/, written down before their ranking was seen; README.md
//! there says how). Prints per case the ranking and whether the category of the measures
//! that brought the most is in the top three; docs/validation.md holds the table.
//!
//! The target (issue 17): the implemented main category in the top three in at least 80 %
//! of the cases, and no category a case shows unsuitable in any case's top three. The
//! first is not met: 19 of 27 cases on 2026-12-06 (docs/validation.md says which and why),
//! so the test holds the model at that level, and prints whether the target is met. On
//! 2026-12-07: 28 of 38, and 9 of the 11 cases held out (encoded after the rules last changed).

mod common;
use common::content;
use cp_assessment::answers::Answers;
use cp_assessment::assess::assess;
use cp_assessment::vocabulary::MeasureCategory;
use serde::Deserialize;

/// One case as encoded.
#[derive(Deserialize)]
struct Case {
    id: String,
    title: String,
    country: String,
    source: String,
    locator: String,
    implemented: Vec<String>,
    main: String,
    #[serde(default)]
    unsuitable: Vec<String>,
    /// The day a later batch was encoded; the first 27 cases have none.
    #[serde(default)]
    batch: Option<String>,
    answers: Answers,
}

/// The share of cases the issue asks for, in percent.
const TARGET_PERCENT: usize = 80;
/// The share measured on 2026-12-06 (19 of 27): the model may not fall below it.
const FLOOR_PERCENT: usize = 70;

fn cases() -> Vec<Case> {
    let dir = format!("{}/tests/fixtures/validation", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p:?}: {e}"))
        })
        .collect()
}

fn category(id: &str, case: &str) -> MeasureCategory {
    MeasureCategory::from_id(id).unwrap_or_else(|| panic!("{case}: unknown category {id}"))
}

#[test]
fn published_cases_find_what_the_enterprises_implemented() {
    let c = content();
    let cases = cases();
    assert!(cases.len() >= 15, "only {} cases", cases.len());
    let mut hits = 0;
    // Hits and cases per held-out batch, each encoded after the rules last changed.
    let mut held_out: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut unsuitable_on_top = Vec::new();
    println!("| case | country | main | implemented | ranking (fit) | main's rank | in top 3 |");
    println!("|---|---|---|---|---|---|---|");
    for case in &cases {
        for (id, answer) in case.answers.iter() {
            // Encoded against the questions of the time; a retired one is kept, not counted.
            if c.bank.is_retired(id) {
                continue;
            }
            let q = c
                .bank
                .question(id)
                .unwrap_or_else(|| panic!("{}: unknown question {id}", case.id));
            assert!(answer.validate(q).is_ok(), "{}: {id} invalid", case.id);
        }
        let a = assess(&c, &case.answers);
        let main = category(&case.main, &case.id);
        let rank = a
            .measures
            .iter()
            .find(|m| m.category == main)
            .map_or(9, |m| m.rank);
        let hit = rank <= 3;
        hits += usize::from(hit);
        if let Some(batch) = &case.batch {
            let tally = held_out.entry(batch.as_str()).or_default();
            tally.0 += usize::from(hit);
            tally.1 += 1;
        }
        let top3: Vec<MeasureCategory> = a.measures.iter().take(3).map(|m| m.category).collect();
        for u in &case.unsuitable {
            if top3.contains(&category(u, &case.id)) {
                unsuitable_on_top.push(format!("{}: {u}", case.id));
            }
        }
        for i in &case.implemented {
            category(i, &case.id);
        }
        // Every case is cited, down to the page or section.
        assert!(
            !case.source.trim().is_empty() && !case.locator.trim().is_empty(),
            "{}: no source or locator",
            case.id
        );
        let ranking: Vec<String> = a
            .measures
            .iter()
            .map(|m| format!("{} {}", m.category.as_str(), m.score))
            .collect();
        println!(
            "| `{}` {} | {} | {} | {} | {} | {} | {} |",
            case.id,
            case.title,
            case.country,
            case.main,
            case.implemented.join(", "),
            ranking.join(" · "),
            rank,
            if hit { "yes" } else { "**no**" }
        );
    }
    let rate = hits * 100 / cases.len();
    let met = if hits * 100 >= cases.len() * TARGET_PERCENT {
        "met"
    } else {
        "NOT MET"
    };
    println!(
        "\nmain category in the top three: {hits} of {} cases ({rate} %); target {TARGET_PERCENT} % {met}",
        cases.len()
    );
    for (batch, (hit, of)) in &held_out {
        println!("held out, batch {batch} (encoded after the rules last changed): {hit} of {of}");
    }
    assert!(
        unsuitable_on_top.is_empty(),
        "unsuitable categories in a top three: {unsuitable_on_top:?}"
    );
    assert!(
        hits * 100 >= cases.len() * FLOOR_PERCENT,
        "hit rate {rate} % below the {FLOOR_PERCENT} % measured before"
    );
}
