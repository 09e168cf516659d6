//! Unit tests of the scoring rules, and the documented direction of single answers.

mod common;
use common::{content, persona};
use cp_assessment::answers::{Answer, Answers};
use cp_assessment::assess::readiness::MATURE_THRESHOLD;
use cp_assessment::assess::{assess, Assessment};
use cp_assessment::content::EngagementStage;
use cp_assessment::vocabulary::{AuditStep, Family, MeasureCategory};

fn choice(v: &str) -> Answer {
    Answer::Choice(v.into())
}

fn fit(a: &Assessment, c: MeasureCategory) -> (u8, usize) {
    a.measures
        .iter()
        .find(|m| m.category == c)
        .map_or((0, 99), |m| (m.score, m.rank))
}

/// A category's points (base plus reasons): what the ranking follows.
fn points(a: &Assessment, c: MeasureCategory) -> i32 {
    a.measures
        .iter()
        .find(|m| m.category == c)
        .map_or(0, |m| m.points)
}

#[test]
fn empty_answers_give_the_cost_ladder_and_unknown_readiness() {
    let c = content();
    let a = assess(&c, &Answers::new());
    let order: Vec<_> = a.measures.iter().map(|m| m.category).collect();
    use MeasureCategory::*;
    assert_eq!(
        order,
        vec![
            Housekeeping,
            ProcessControl,
            Substitution,
            Equipment,
            Recovery,
            Technology,
            ByProduct,
            Product
        ]
    );
    assert!(a.readiness.steps.iter().all(|s| s.score.is_none()));
    assert_eq!(a.readiness.overall, None);
    assert_eq!(a.readiness.current_step, AuditStep::Preparation);
    assert_eq!(
        a.readiness.next_step,
        Some(AuditStep::PreliminaryAssessment)
    );
    assert_eq!(a.motivation.leading_family, None);
    assert_eq!(a.engagement, EngagementStage::NotKnown);
    assert!(a
        .measures
        .iter()
        .all(|m| m.raised_by.is_empty() && m.lowered_by.is_empty()));
    assert!(a
        .measures
        .iter()
        .all(|m| (2..=4).contains(&m.examples.len())));
}

#[test]
fn i_dont_know_is_unknown_not_zero() {
    let c = content();
    let mut answers = Answers::new();
    answers.set("r_balance", choice("measured")); // 100
    answers.set("r_waste_cost", Answer::Unknown);
    let a = assess(&c, &answers);
    let step3 = &a.readiness.steps[2];
    // Step 3 also has water, energy and waste-record questions in part 2, unanswered.
    assert_eq!((step3.score, step3.known), (Some(100), 1));
    answers.set("r_waste_cost", choice("no")); // 0
    let a = assess(&c, &answers);
    assert_eq!(a.readiness.steps[2].score, Some(50));
}

#[test]
fn hidden_questions_never_count() {
    let c = content();
    let mut answers = Answers::new();
    // Answers to the follow-ups of an audit, but the audit is not done: hidden.
    answers.set("audit_measures", choice("medium_high"));
    answers.set("cp_since_audit", choice("routine"));
    answers.set("audit_status", choice("planned"));
    let a = assess(&c, &answers);
    // "I don't know" on the requirement is never read as "not required".
    let mut unsure = Answers::new();
    unsure.set("audit_status", choice("none"));
    unsure.set("audit_required", Answer::Unknown);
    assert_eq!(assess(&c, &unsure).engagement, EngagementStage::NotKnown);
    assert_eq!(a.engagement, EngagementStage::AuditAhead);
    let (hk, _) = fit(&a, MeasureCategory::Housekeeping);
    assert_eq!(
        hk, 50,
        "the hidden audit_measures answer must not lower housekeeping"
    );
    let before = answers.progress(&c.bank);
    answers.set("audit_status", choice("done"));
    let after = answers.progress(&c.bank);
    assert_eq!(
        after.visible,
        before.visible + 3,
        "audit_year, audit_measures, cp_since_audit appear"
    );
    assert_eq!(
        assess(&c, &answers).engagement,
        EngagementStage::BuiltIntoDecisions
    );
}

#[test]
fn engagement_follows_the_seed_path() {
    let c = content();
    let cases: &[(&[(&str, &str)], EngagementStage)] = &[
        (
            &[("audit_status", "report_from_past")],
            EngagementStage::ReportWithoutAudit,
        ),
        (
            &[("audit_status", "none"), ("audit_required", "required")],
            EngagementStage::AuditAhead,
        ),
        (
            &[("audit_status", "none"), ("audit_required", "not_required")],
            EngagementStage::Voluntary,
        ),
        (&[("audit_status", "none")], EngagementStage::NotKnown),
        (
            &[("audit_required", "not_required")],
            EngagementStage::NotKnown,
        ),
        (
            &[("audit_status", "in_progress")],
            EngagementStage::AuditAhead,
        ),
        (
            &[("audit_status", "planned"), ("audit_required", "required")],
            EngagementStage::AuditAhead,
        ),
        // A plant that plans an audit of its own accord is not one under an order.
        (
            &[
                ("audit_status", "planned"),
                ("audit_required", "not_required"),
            ],
            EngagementStage::VoluntaryAudit,
        ),
        (
            &[
                ("audit_status", "in_progress"),
                ("audit_required", "not_required"),
            ],
            EngagementStage::VoluntaryAudit,
        ),
        (
            &[("audit_status", "done"), ("audit_measures", "none")],
            EngagementStage::AuditWithoutMeasures,
        ),
        (
            &[("audit_status", "done"), ("audit_measures", "low_cost")],
            EngagementStage::MeasuresThenVague,
        ),
        (
            &[
                ("audit_status", "done"),
                ("audit_measures", "low_cost"),
                ("cp_since_audit", "vague"),
            ],
            EngagementStage::MeasuresThenVague,
        ),
        (
            &[
                ("audit_status", "done"),
                ("audit_measures", "medium_high"),
                ("cp_since_audit", "routine"),
            ],
            EngagementStage::BuiltIntoDecisions,
        ),
        // A plant in mainland China that meets a trigger of a mandatory audit (here an
        // emission quota exceeded) has the audit ahead whatever it said of a list.
        (
            &[
                ("audit_status", "none"),
                ("audit_required", "not_required"),
                ("plant_location", "mainland_china"),
                ("energy_quota", "over"),
            ],
            EngagementStage::AuditAhead,
        ),
        (
            &[
                ("audit_status", "planned"),
                ("audit_required", "not_required"),
                ("plant_location", "mainland_china"),
                ("hazardous_inputs", "some"),
            ],
            EngagementStage::AuditAhead,
        ),
        (
            &[
                ("audit_status", "none"),
                ("plant_location", "mainland_china"),
                ("energy_quota", "over"),
            ],
            EngagementStage::AuditAhead,
        ),
        // The same facts outside China change nothing.
        (
            &[
                ("audit_status", "none"),
                ("audit_required", "not_required"),
                ("plant_location", "elsewhere"),
                ("hazardous_inputs", "yes"),
            ],
            EngagementStage::Voluntary,
        ),
    ];
    for (given, expected) in cases {
        let mut answers = Answers::new();
        for (q, v) in *given {
            answers.set(*q, choice(v));
        }
        assert_eq!(assess(&c, &answers).engagement, *expected, "{given:?}");
    }
}

#[test]
fn readiness_marks_the_first_immature_step_as_current() {
    let c = content();
    let mut answers = Answers::new();
    for (q, v) in [
        ("r_commitment", "written"),
        ("r_team", "team"),
        ("r_flowchart", "complete"),
        ("r_walkthrough", "informal"),
    ] {
        answers.set(q, choice(v));
    }
    let a = assess(&c, &answers);
    assert_eq!(a.readiness.steps[0].score, Some(100));
    assert_eq!(a.readiness.steps[1].score, Some(MATURE_THRESHOLD)); // (100 + 50) / 2
    assert_eq!(a.readiness.current_step, AuditStep::FocusedAssessment);
    assert_eq!(a.readiness.next_step, Some(AuditStep::OptionGeneration));
    assert_eq!(a.readiness.overall, Some(88)); // mean of 100 and 75, rounded
}

#[test]
fn motivation_families_scale_one_to_five_onto_zero_to_hundred() {
    let c = content();
    let mut answers = Answers::new();
    answers.set("m_production_cost", Answer::Scale(5));
    answers.set("m_product_quality", Answer::Scale(3));
    answers.set("m_discharge_standards", Answer::Scale(1));
    let a = assess(&c, &answers);
    let fam = |f: Family| {
        a.motivation
            .families
            .iter()
            .find(|x| x.family == f)
            .and_then(|x| x.score)
    };
    assert_eq!(fam(Family::Economic), Some(75));
    assert_eq!(fam(Family::EnvironmentalPolicy), Some(0));
    assert_eq!(fam(Family::SocialIndividual), None);
    assert_eq!(a.motivation.leading_family, Some(Family::Economic));
}

/// Changing one answer of a persona moves the ranking in the direction docs/scoring.md
/// gives for that rule.
#[test]
fn one_answer_moves_the_ranking_in_the_documented_direction() {
    let c = content();
    use MeasureCategory::*;
    // P5 designs its own products; if the buyer fixed the specification, product
    // modification and substitution both drop (rules prod_customer, sub_buyer_spec).
    let p5 = persona("p5");
    let base = assess(&c, &p5);
    let mut changed = p5.clone();
    changed.set("product_spec", choice("customer"));
    let after = assess(&c, &changed);
    for cat in [Product, Substitution] {
        let (s0, r0) = fit(&base, cat);
        let (s1, r1) = fit(&after, cat);
        // The fit drops; the rank cannot rise (P5's other reasons for substitution,
        // its solvents among them, may keep it where it was).
        assert!(s1 < s0 && r1 >= r0, "{cat:?}: {s0}/{r0} -> {s1}/{r1}");
    }
    // P1 without its renovation plan, then with it: the plan raises technology change by
    // the strong effect (tech_renovation) and the renovation_scope follow-up appears.
    let mut p1_no_plan = persona("p1");
    p1_no_plan.set("renovation_plan", choice("none"));
    let before = assess(&c, &p1_no_plan);
    let (s0, r0) = fit(&before, Technology);
    let mut changed = p1_no_plan.clone();
    changed.set("renovation_plan", choice("planned"));
    let after = assess(&c, &changed);
    let (s1, r1) = fit(&after, Technology);
    assert_eq!(
        points(&after, Technology) - points(&before, Technology),
        20,
        "technology {s0} -> {s1}"
    );
    assert!(s1 > s0 && r1 <= r0);
    // P1 has no residue; a steady residue lifts by-products by 40 (bp_no_residue removed,
    // bp_steady added) and up the ranking.
    let p1 = persona("p1");
    let (s0, r0) = fit(&assess(&c, &p1), ByProduct);
    let mut changed = p1.clone();
    changed.set("residue", choice("steady"));
    let (s1, r1) = fit(&assess(&c, &changed), ByProduct);
    assert!(s1 > s0 && r1 < r0, "by-product {s0}/{r0} -> {s1}/{r1}");
    // "I don't know" instead of an answer removes that answer's effect, in both directions.
    let mut unknown = p1.clone();
    unknown.set("residue", Answer::Unknown);
    let (s2, _) = fit(&assess(&c, &unknown), ByProduct);
    assert!(s0 < s2 && s2 < s1);
    // A residue already sold is a by-product in place: it does not recommend one again, and
    // the reason says what remains.
    let mut sold = p1.clone();
    sold.set("residue", choice("sold"));
    let sold = assess(&c, &sold);
    let (s3, _) = fit(&sold, ByProduct);
    assert!(
        s0 < s3 && s3 < s2,
        "sold {s3} between none {s0} and unknown {s2}"
    );
    let by_product = sold.measures.iter().find(|m| m.category == ByProduct);
    let lowered: Vec<_> = by_product
        .map(|m| m.lowered_by.iter().map(|r| r.rule_id.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(lowered, vec!["bp_already_used"]);
    assert!(by_product.is_some_and(|m| m.raised_by.is_empty()));
}

#[test]
fn reasons_quote_the_answers_that_triggered_them() {
    let c = content();
    let a = assess(&c, &persona("p2"));
    let sub = a
        .measures
        .iter()
        .find(|m| m.category == MeasureCategory::Substitution);
    let reason = sub.and_then(|m| m.lowered_by.iter().find(|r| r.rule_id == "sub_buyer_spec"));
    let ev = reason.map(|r| r.evidence.clone()).unwrap_or_default();
    assert_eq!(ev.len(), 1);
    assert_eq!(
        ev[0].question,
        "Who fixes the specification of your products?"
    );
    assert_eq!(ev[0].answer, "The buyer fixes it (we make to order)");
}

#[test]
fn i_dont_know_answers_are_listed_where_they_could_change_a_fit() {
    let c = content();
    let a = assess(&c, &persona("p1"));
    // P1 does not know whether there are buyers for residues: by-products could change.
    let bp = a
        .measures
        .iter()
        .find(|m| m.category == MeasureCategory::ByProduct);
    let open = bp.map(|m| m.open_questions.clone()).unwrap_or_default();
    assert_eq!(open.len(), 1, "{open:?}");
    assert!(open[0].contains("buyers or users for residues"));
    let hk = a
        .measures
        .iter()
        .find(|m| m.category == MeasureCategory::Housekeeping);
    assert!(hk.is_some_and(|m| m.open_questions.is_empty()));
}

#[test]
fn head_counts_and_years_must_be_whole_numbers() {
    use cp_assessment::answers::AnswerError;
    let c = content();
    let staff = c.bank.question("staff").unwrap_or_else(|| panic!("staff"));
    assert_eq!(
        Answer::Number(42.5).validate(staff),
        Err(AnswerError::NotWhole)
    );
    assert_eq!(Answer::Number(42.0).validate(staff), Ok(()));
    assert!(matches!(
        Answer::Number(0.0).validate(staff),
        Err(AnswerError::NumberOutOfRange { .. })
    ));
}

#[test]
fn assess_is_deterministic() {
    let c = content();
    let p = persona("p3");
    assert_eq!(assess(&c, &p), assess(&c, &p));
}

#[test]
fn scores_stay_in_range_for_extreme_answers() {
    let c = content();
    // Every rule that raises housekeeping at once, and every rule that lowers technology.
    let mut answers = persona("p2");
    answers.set("capital", choice("none"));
    let a = assess(&c, &answers);
    assert!(a.measures.iter().all(|m| m.score <= 100));
    // Far more points than the middle of the scale: a high fit, yet below 100, so that
    // one more reason would still show.
    let housekeeping = fit(&a, MeasureCategory::Housekeeping);
    assert!(points(&a, MeasureCategory::Housekeeping) > 100);
    assert!((67..100).contains(&housekeeping.0), "{housekeeping:?}");
    assert_eq!(housekeeping.1, 1);
    assert!(points(&a, MeasureCategory::Technology) < 0);
    assert_eq!(fit(&a, MeasureCategory::Technology).0, 0);
}

#[test]
fn part_progress_counts_exactly_the_counted_answers() {
    use cp_assessment::bank::PartId;
    let c = content();
    let mut cases: Vec<Answers> = ["p1", "p2", "p3", "p4", "p5"]
        .into_iter()
        .map(persona)
        .collect();
    // Answers that are stored but do not count: blank text, a scale out of range, an
    // option the question does not have, a hidden question's answer.
    let mut odd = persona("p1");
    odd.set("main_products", Answer::Text("   ".into()));
    odd.set("m_production_cost", Answer::Scale(9));
    odd.set("sector", choice("no_such_option"));
    odd.set("audit_status", choice("none"));
    odd.set("audit_year", Answer::Number(2020.0));
    cases.push(odd);
    cases.push(Answers::new());
    for answers in &cases {
        for part in PartId::ALL {
            let shown: Vec<_> = c
                .bank
                .visible_questions(part, answers)
                .filter(|q| !q.optional)
                .collect();
            let answered = shown
                .iter()
                .filter(|q| answers.counted(&c.bank, &q.id).is_some())
                .count();
            let p = answers.part_progress(&c.bank, part);
            assert_eq!((p.answered, p.visible), (answered, shown.len()), "{part:?}");
        }
    }
}

#[test]
fn the_ranking_is_explained_by_the_causes_named() {
    use cp_assessment::assess::Named;
    let c = content();
    let p1 = persona("p1");
    let a = assess(&c, &p1);
    let summary = a
        .causes(&c, &p1)
        .unwrap_or_else(|| panic!("P1 names causes"));
    // P1's causes as the bank labels them, in the bank's order, as clauses.
    assert_eq!(summary.named, Named::Causes);
    assert!(
        summary.text.starts_with(
            "Equipment that is old, badly maintained, leaking or without controls; Settings not kept"
        ),
        "{}",
        summary.text
    );
    assert!(summary.text.ends_with("stock control"), "{}", summary.text);
    // Only the categories those causes raised, best first: P1 named equipment, settings
    // and management, so equipment, process control and housekeeping, not recovery.
    let mut cats = summary.categories.clone();
    cats.sort_by_key(|cat| cat.ladder_position());
    assert_eq!(
        cats,
        [
            MeasureCategory::Housekeeping,
            MeasureCategory::ProcessControl,
            MeasureCategory::Equipment
        ]
    );
    let ranks: Vec<usize> = summary
        .categories
        .iter()
        .map(|cat| fit(&a, *cat).1)
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    // No cause named: where most is lost, and the categories that raised.
    let mut places = p1.clone();
    places.clear("loss_causes");
    let summary = assess(&c, &places)
        .causes(&c, &places)
        .unwrap_or_else(|| panic!("P1 names loss points"));
    assert_eq!(summary.named, Named::LossPoints);
    assert!(
        summary.text.starts_with("Rinsing and cleaning"),
        "{}",
        summary.text
    );
    // Neither: no summary.
    let mut none = places.clone();
    for q in [
        "water_loss_where",
        "energy_loss_where",
        "material_loss_where",
    ] {
        none.clear(q);
    }
    assert_eq!(assess(&c, &none).causes(&c, &none), None);
}

#[test]
fn a_broken_limit_raises_once_whichever_answers_show_it() {
    use MeasureCategory::{Substitution, Technology};
    let c = content();
    let p1 = persona("p1");
    let base = assess(&c, &p1);
    let gain = |a: &Assessment, cat| points(a, cat) - points(&base, cat);
    let with = |pairs: &[(&str, Answer)]| {
        let mut answers = p1.clone();
        for (q, a) in pairs {
            answers.set(*q, a.clone());
        }
        assess(&c, &answers)
    };
    let over = Answer::Choices(vec!["over_standard".into()]);
    // Emissions over a standard are the same pressure as a fine: both categories rise.
    let a = with(&[("over_limits", over.clone())]);
    assert_eq!((gain(&a, Technology), gain(&a, Substitution)), (12, 12));
    // Shown by two answers, the breach still counts once, and both are quoted.
    let a = with(&[("over_limits", over), ("violations", choice("penalty"))]);
    assert_eq!((gain(&a, Technology), gain(&a, Substitution)), (12, 12));
    let tech = a.measures.iter().find(|m| m.category == Technology);
    let quoted = tech
        .and_then(|m| m.raised_by.iter().find(|r| r.rule_id == "tech_violation"))
        .map_or(0, |r| r.evidence.len());
    assert_eq!(quoted, 2);
    // Energy over the quota standard presses for a process change, not for other inputs.
    let a = with(&[("energy_quota", choice("over"))]);
    assert_eq!((gain(&a, Technology), gain(&a, Substitution)), (12, 0));
}
