//! The five personas of shared/personas.md give results of the expected shape: which
//! categories rank in the top three, which must not, and the engagement stage.

use cp_assessment::answers::Answers;
use cp_assessment::assess::{assess, Assessment};
use cp_assessment::content::{Content, EngagementStage};
use cp_assessment::vocabulary::MeasureCategory::{self, *};

fn persona(name: &str) -> (Content, Answers, Assessment) {
    let path = format!(
        "{}/tests/fixtures/personas/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let answers: Answers = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
    let content = Content::english().unwrap_or_else(|e| panic!("{e}"));
    let a = assess(&content, &answers);
    (content, answers, a)
}

fn ranking(a: &Assessment) -> Vec<MeasureCategory> {
    a.measures.iter().map(|m| m.category).collect()
}

fn top3(a: &Assessment) -> Vec<MeasureCategory> {
    ranking(a).into_iter().take(3).collect()
}

fn rank_of(a: &Assessment, c: MeasureCategory) -> usize {
    a.measures
        .iter()
        .find(|m| m.category == c)
        .map_or(99, |m| m.rank)
}

fn show(a: &Assessment) -> String {
    a.measures
        .iter()
        .map(|m| format!("{}:{}", m.category.as_str(), m.score))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_persona_answers_every_visible_question_validly() {
    for p in ["p1", "p2", "p3", "p4", "p5"] {
        let (content, answers, a) = persona(p);
        for (id, answer) in answers.iter() {
            let q = content
                .bank
                .question(id)
                .unwrap_or_else(|| panic!("{p}: unknown question {id}"));
            assert!(
                answer.validate(q).is_ok(),
                "{p}: {id} = {answer:?} is invalid"
            );
            assert!(
                content.bank.is_visible(q, &answers),
                "{p}: answers hidden question {id}"
            );
        }
        let missing: Vec<&str> = answers
            .missing(&content.bank)
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert!(missing.is_empty(), "{p}: unanswered {missing:?}");
        assert_eq!(a.progress.percent(), 100, "{p}");
    }
}

#[test]
fn p1_textile_mill_quick_wins_first_and_renovation_plan_used() {
    let (_, _, a) = persona("p1");
    let top = top3(&a);
    assert!(
        top.contains(&Housekeeping) && top.contains(&ProcessControl),
        "{}",
        show(&a)
    );
    assert!(
        !top.contains(&ByProduct) && !top.contains(&Product),
        "{}",
        show(&a)
    );
    // Technology change is fitted into the renovation plan: above the strategic rest.
    assert!(
        rank_of(&a, Technology) < rank_of(&a, Product),
        "{}",
        show(&a)
    );
    assert!(rank_of(&a, Recovery) <= 5, "{}", show(&a));
    let tech = a
        .measures
        .iter()
        .find(|m| m.category == Technology)
        .map(|m| &m.raised_by);
    assert!(tech.is_some_and(|r| r.iter().any(|r| r.rule_id == "tech_renovation")));
    assert_eq!(a.engagement, EngagementStage::AuditAhead);
}

#[test]
fn p2_plating_shop_cheap_measures_and_no_product_change() {
    let (_, _, a) = persona("p2");
    let top2: Vec<_> = ranking(&a).into_iter().take(2).collect();
    assert!(
        top2.contains(&Housekeeping) && top2.contains(&ProcessControl),
        "{}",
        show(&a)
    );
    let top = top3(&a);
    assert!(
        !top.contains(&Product) && !top.contains(&Technology),
        "{}",
        show(&a)
    );
    assert_eq!(
        rank_of(&a, Product).max(rank_of(&a, Technology)),
        8,
        "{}",
        show(&a)
    );
    // Cheap rinse changes (drip bars, spray and counter-current rinsing) stay in the top
    // five. Changed with the cause-based model (issue 17): recovery now ranks above them.
    // P2 throws away spent baths and sends its drag-out, mixed into the rinse water, to
    // treatment; a recovery (drag-out) tank that returns it to the bath needs no engineer
    // and is among the cheapest plating measures [EPA-P2], as the plating cases in
    // docs/validation.md also show.
    assert!(rank_of(&a, Equipment) <= 5, "{}", show(&a));
    assert!(rank_of(&a, Recovery) <= 3, "{}", show(&a));
    // Substitution is flagged as needing the customer's approval.
    let sub = a.measures.iter().find(|m| m.category == Substitution);
    assert!(sub.is_some_and(|m| m
        .lowered_by
        .iter()
        .any(|r| r.rule_id == "sub_buyer_spec" && r.text.contains("customer's approval"))));
    // Changed with the must-audit check (issue 18): P2 is in mainland China, uses
    // hexavalent chromium and broke a discharge standard, so the Measures (2016, art. 8)
    // require it to audit although it is on no list yet: "audit ahead", not "voluntary".
    assert_eq!(a.engagement, EngagementStage::AuditAhead);
}

#[test]
fn p3_brewery_b1a_with_by_products_recovery_and_equipment() {
    let (_, _, a) = persona("p3");
    let top = top3(&a);
    for c in [Recovery, Equipment] {
        assert!(top.contains(&c), "{c:?} not in top 3: {}", show(&a));
    }
    // Changed with the cause-based model (issue 17): by-products (spent grain as feed) come
    // fourth, after process control, which P3's measured rinsing (cleaning-in-place) losses
    // now raise; the brewery cases in docs/validation.md (Zhongce, Carlsberg, Hong Ha) also
    // implemented process control and equipment first.
    assert!(rank_of(&a, ByProduct) <= 4, "{}", show(&a));
    assert!(!top.contains(&Housekeeping), "{}", show(&a));
    assert_eq!(a.engagement, EngagementStage::MeasuresThenVague);
    // Routinization is not mature: the brewery thinks about CP only "in a general way".
    assert!(a
        .readiness
        .steps
        .iter()
        .any(|s| s.step.number() == 7 && !s.is_mature()));
}

#[test]
fn p4_juice_processor_report_without_audit_by_product_and_housekeeping() {
    let (_, _, a) = persona("p4");
    let top = top3(&a);
    assert!(
        top.contains(&ByProduct) && top.contains(&Housekeeping),
        "{}",
        show(&a)
    );
    assert!(
        !top.contains(&Technology) && !top.contains(&Product),
        "{}",
        show(&a)
    );
    assert_eq!(a.engagement, EngagementStage::ReportWithoutAudit);
    assert_eq!(a.readiness.current_step.number(), 1);
    // "I don't know" on the flow chart leaves it out of the step's score, never zero.
    let step2 = &a.readiness.steps[1];
    assert_eq!((step2.known, step2.asked, step2.score), (1, 2, Some(0)));
}

#[test]
fn p5_coatings_maker_substitution_and_product_change() {
    let (_, _, a) = persona("p5");
    let top = top3(&a);
    assert!(
        top.contains(&Substitution) && top.contains(&Product),
        "{}",
        show(&a)
    );
    assert!(rank_of(&a, Recovery) <= 5, "{}", show(&a));
    assert!(!top.contains(&ByProduct), "{}", show(&a));
    // Changed with the must-audit check (issue 18): a joint venture in mainland China that
    // produces hazardous waste (solvent drums) meets the toxic trigger (双有), so the audit is
    // mandatory for it: "audit ahead", not "voluntary".
    assert_eq!(a.engagement, EngagementStage::AuditAhead);
}

#[test]
fn print_rankings_for_docs() {
    for p in ["p1", "p2", "p3", "p4", "p5"] {
        let (_, _, a) = persona(p);
        println!(
            "{p}: {} | stage {:?} | readiness {:?} current {:?}",
            show(&a),
            a.engagement,
            a.readiness.overall,
            a.readiness.current_step
        );
    }
}
