//! docs/scoring.md documents every fit rule, so the documentation cannot silently drift
//! from the content.

#[test]
fn scoring_doc_lists_every_rule_id_and_constant() {
    let content = cp_assessment::content::Content::english().unwrap_or_else(|e| panic!("{e}"));
    let doc = include_str!("../../../docs/scoring.md");
    let missing: Vec<&str> = content
        .texts
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !doc.contains(&format!("`{id}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/scoring.md lacks rules {missing:?}"
    );
    for constant in [
        "MATURE_THRESHOLD",
        "STRONG_MOTIVE",
        "STRONG_POINTS",
        "MODERATE_POINTS",
        "SLIGHT_POINTS",
        "HALF_FIT_POINTS",
    ] {
        assert!(
            doc.contains(constant),
            "docs/scoring.md does not explain {constant}"
        );
    }
}
