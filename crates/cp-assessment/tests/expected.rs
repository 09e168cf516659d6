//! The browser tests compare what the results page shows with what `assess` computes. This
//! test keeps that expectation honest: it writes nothing unless asked, and fails when the
//! committed fixture differs from `assess` (regenerate with `UPDATE_EXPECTED=1 cargo test
//! --test expected`).

use cp_assessment::answers::Answers;
use cp_assessment::assess::assess;
use cp_assessment::content::Content;
use serde_json::{json, Value};

fn expected(name: &str) -> Value {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/tests/fixtures/personas/{name}.json"))
        .unwrap_or_default();
    let answers: Answers = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let content = Content::english().unwrap_or_else(|e| panic!("{e}"));
    let a = assess(&content, &answers);
    json!({
        "measures": a.measures.iter().map(|m| json!({"category": m.category.as_str(), "rank": m.rank, "score": m.score, "cost_class": m.cost_class.as_str()})).collect::<Vec<_>>(),
        "readiness": a.readiness.steps.iter().map(|s| json!({"step": s.step.number(), "score": s.score})).collect::<Vec<_>>(),
        "current_step": a.readiness.current_step.number(),
        "drivers": a.motivation.drivers.iter().map(|d| json!({"driver": d.driver.as_str(), "importance": d.importance, "cited": d.driver.seed_citations()})).collect::<Vec<_>>(),
        "engagement": format!("{:?}", a.engagement),
    })
}

#[test]
fn committed_expectations_match_assess() {
    let root = env!("CARGO_MANIFEST_DIR");
    for name in ["p1", "p3"] {
        let path = format!("{root}/tests/fixtures/expected/{name}.json");
        let now = expected(name);
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            let text = serde_json::to_string_pretty(&now).unwrap_or_default();
            std::fs::write(&path, text + "\n").unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        let committed: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
                .unwrap_or_else(|e| {
                    panic!("{path}: {e} (run UPDATE_EXPECTED=1 cargo test --test expected)")
                });
        assert_eq!(
            committed, now,
            "{path} is stale: run UPDATE_EXPECTED=1 cargo test --test expected"
        );
    }
}
