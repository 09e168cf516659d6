//! Every question earns its place: it is read by a rule or shown in the results, and every
//! motivation driver moves at least one measure category (issue 17).

mod common;
use common::content;
use cp_assessment::content::Content;
use cp_assessment::uses::{uses, Use};
use cp_assessment::vocabulary::{Driver, Language};

#[test]
fn every_question_is_read_by_a_rule_or_shown_in_the_results() {
    for c in [
        content(),
        Content::load(Language::ZhCn).unwrap_or_else(|e| panic!("{e}")),
    ] {
        let unused: Vec<String> = uses(&c)
            .into_iter()
            .filter(|(_, u)| u.is_empty())
            .map(|(id, _)| id)
            .collect();
        assert!(unused.is_empty(), "questions used nowhere: {unused:?}");
    }
}

#[test]
fn every_motivation_driver_moves_a_measure() {
    let c = content();
    let uses = uses(&c);
    for &driver in Driver::ALL {
        let q = c
            .bank
            .questions()
            .find(|q| q.driver == Some(driver))
            .unwrap_or_else(|| panic!("{driver:?}: no question"));
        let rules: Vec<&Use> = uses[&q.id]
            .iter()
            .filter(|u| matches!(u, Use::FitRule(_)))
            .collect();
        assert!(!rules.is_empty(), "{driver:?} ({}) moves no measure", q.id);
    }
}

#[test]
fn the_check_fails_on_a_question_nothing_reads() {
    // The test above can fail: a question added without a rule or a place in the report.
    let mut c = content();
    let mut extra = c.bank.parts[0].questions[0].clone();
    extra.id = "nobody_reads_this".into();
    extra.visible_if = None;
    c.bank.parts[0].questions.push(extra);
    let u = uses(&c);
    assert_eq!(u.get("nobody_reads_this"), Some(&Vec::new()));
}
