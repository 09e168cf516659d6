//! The option register: screening bins, the feasibility figures and the practitioners'
//! decision rules (payback norms by investment class, NPV ≥ 0, IRR ≥ the rate;
//! cp-china-economics §3), the follow-up summary, and what the register refuses.

use cp_assessment::finance::Irr;
use cp_assessment::register::{
    Bin, CpOption, Feasibility, FeasibilityError, InvestmentClass, Register, RegisterError,
    Savings, Status, MAX_OPTIONS,
};
use cp_assessment::vocabulary::{Currency, MeasureCategory};

fn option(id: u32, title: &str) -> CpOption {
    CpOption::new(id, title, MeasureCategory::Housekeeping)
}

/// A heat exchanger on the dye-house effluent: 300,000 yuan, a 20,000 subsidy, 95,000 of
/// energy and 5,000 of water saved a year for 8 years, at 6 %.
fn heat_recovery() -> Feasibility {
    Feasibility {
        investment: 300_000.0,
        savings: Savings {
            energy: 95_000.0,
            water: 5_000.0,
            ..Savings::default()
        },
        one_off: 20_000.0,
        life_years: 8,
        rate_percent: 6.0,
        class: None,
    }
}

#[test]
fn a_feasibility_study_gives_payback_npv_npvr_and_irr() {
    let f = heat_recovery();
    assert_eq!(f.flows().len(), 9);
    assert_eq!(f.flows()[0], -280_000.0);
    let figures = f.figures().unwrap_or_else(|| panic!("valid inputs"));
    assert_eq!(figures.annual, 100_000.0);
    // N = I / F = 280,000 / 100,000.
    assert_eq!(figures.payback_years, Some(2.8));
    // numpy_financial.npv(0.06, [-280000] + [100000] * 8) = 340,979.38;
    // numpy_financial.irr(...) = 0.317897 (numpy-financial 1.0.0, run on 2026-12-07).
    let npv = figures.npv.unwrap_or(f64::NAN);
    assert!((npv - 340_979.38).abs() < 0.01, "{npv}");
    assert!((figures.npvr.unwrap_or(f64::NAN) - 340_979.38 / 280_000.0).abs() < 1e-6);
    match figures.irr {
        Irr::Rate(r) => assert!((r - 0.317_897_428).abs() < 1e-6, "{r}"),
        other => panic!("{other:?}"),
    }
    // A medium-cost option (100,000 to 1,000,000 yuan) should pay back within 3 years.
    assert_eq!(InvestmentClass::of(280_000.0), InvestmentClass::Medium);
    assert_eq!(f.class_in(Currency::Cny), Some(InvestmentClass::Medium));
    let v = figures.decision(6.0, f.class_in(Currency::Cny));
    assert!(
        v.payback_ok == Some(true) && v.npv_ok && v.irr_ok == Some(true),
        "{v:?}"
    );
    // In euros the yuan thresholds do not apply: without a chosen class the payback is not
    // judged; chosen, it is.
    assert_eq!(f.class_in(Currency::Eur), None);
    assert_eq!(figures.decision(6.0, None).payback_ok, None);
    let chosen = Feasibility {
        class: Some(InvestmentClass::Higher),
        ..f
    };
    assert_eq!(
        chosen.class_in(Currency::Eur),
        Some(InvestmentClass::Higher)
    );
}

#[test]
fn each_cost_class_has_its_payback_norm() {
    // Medium cost at most 3 years, higher cost under 5, high cost under 10
    // (cp-china-economics §3); no/low cost has none.
    use InvestmentClass::*;
    let cases = [
        (Low, 40.0, true),
        (Medium, 3.0, true),
        (Medium, 3.01, false),
        (Higher, 4.99, true),
        (Higher, 5.0, false),
        (High, 9.99, true),
        (High, 10.0, false),
    ];
    for (class, years, ok) in cases {
        assert_eq!(class.accepts(years), ok, "{class:?} {years}");
    }
    assert_eq!(Low.payback_norm(), None);
    assert_eq!(
        [Medium, Higher, High].map(|c| c.payback_norm()),
        [Some(3.0), Some(5.0), Some(10.0)]
    );
    assert_eq!(InvestmentClass::of(99_999.0), Low);
    assert_eq!(InvestmentClass::of(1_000_001.0), High);
}

#[test]
fn the_decision_rules_say_no_where_the_numbers_do() {
    // 2,500,000 for 200,000 a year over 10 years: payback 12.5 years, beyond the high-cost
    // norm of 10; NPV negative at 8 %; IRR below it.
    let f = Feasibility {
        investment: 2_500_000.0,
        savings: Savings {
            material: 200_000.0,
            ..Savings::default()
        },
        one_off: 0.0,
        life_years: 10,
        rate_percent: 8.0,
        class: None,
    };
    let figures = f.figures().unwrap_or_else(|| panic!("valid inputs"));
    assert_eq!(
        figures.payback_years, None,
        "10 years of 200,000 never repay 2.5 million"
    );
    let v = figures.decision(8.0, f.class_in(Currency::Cny));
    assert!(
        v.payback_ok == Some(false) && !v.npv_ok && v.irr_ok == Some(false),
        "{v:?}"
    );
    // A no/low-cost option has no payback norm but still needs a positive NPV.
    let cheap = Feasibility {
        investment: 5_000.0,
        savings: Savings {
            water: 20_000.0,
            ..Savings::default()
        },
        one_off: 0.0,
        life_years: 3,
        rate_percent: 8.0,
        class: None,
    };
    let v = cheap
        .figures()
        .map(|f| f.decision(8.0, cheap.class_in(Currency::Cny)));
    assert_eq!(
        v.map(|v| (v.payback_ok, v.npv_ok)),
        Some((Some(true), true))
    );
    // Savings that do not cover running costs: no IRR, never paid back.
    let losing = Feasibility {
        savings: Savings {
            other: -1_000.0,
            ..Savings::default()
        },
        ..cheap
    };
    let figures = losing.figures().unwrap_or_else(|| panic!("valid inputs"));
    assert_eq!(figures.irr, Irr::NoRate);
    assert_eq!(figures.payback_years, None);
    assert_eq!(
        figures.decision(8.0, Some(InvestmentClass::Low)).irr_ok,
        None
    );
}

#[test]
fn bad_feasibility_inputs_are_refused_with_a_reason() {
    let f = heat_recovery();
    let cases = [
        (
            Feasibility {
                one_off: 300_001.0,
                ..f
            },
            FeasibilityError::OneOffAboveInvestment,
        ),
        (
            Feasibility {
                investment: -1.0,
                ..f
            },
            FeasibilityError::BadAmount,
        ),
        (
            Feasibility {
                one_off: f64::NAN,
                ..f
            },
            FeasibilityError::BadAmount,
        ),
        (
            Feasibility { life_years: 0, ..f },
            FeasibilityError::BadLife,
        ),
        (
            Feasibility {
                life_years: 101,
                ..f
            },
            FeasibilityError::BadLife,
        ),
        (
            Feasibility {
                rate_percent: 150.0,
                ..f
            },
            FeasibilityError::BadRate,
        ),
        (
            Feasibility {
                rate_percent: f64::INFINITY,
                ..f
            },
            FeasibilityError::BadRate,
        ),
    ];
    for (bad, why) in cases {
        assert_eq!(bad.check(), Err(why), "{bad:?}");
        assert_eq!(bad.figures(), None);
        assert!(!why.to_string().is_empty());
    }
}

#[test]
fn the_summary_counts_bins_statuses_savings_and_overdue_options() {
    let mut r = Register::default();
    let mut a = option(r.next_id(), "Fix leaking steam traps");
    a.bin = Bin::DoNow;
    a.status = Status::Done(Some(42_000.0));
    a.feasibility = Some(Feasibility {
        investment: 3_000.0,
        savings: Savings {
            energy: 40_000.0,
            ..Savings::default()
        },
        one_off: 0.0,
        life_years: 5,
        rate_percent: 6.0,
        class: None,
    });
    r.options.push(a);
    let mut b = option(r.next_id(), "Heat recovery from hot effluent");
    b.bin = Bin::FeasibilityStudy;
    b.feasibility = Some(heat_recovery());
    b.deadline = "2026-06-30".to_owned();
    b.status = Status::InProgress;
    r.options.push(b);
    let mut c = option(r.next_id(), "Replace the jet dyeing machines");
    c.bin = Bin::Rejected("No space in the dye house".to_owned());
    c.feasibility = Some(heat_recovery());
    c.deadline = "2026-01-31".to_owned();
    r.options.push(c);
    let mut d = option(r.next_id(), "Train operators on recipes");
    d.deadline = "2027-03-31".to_owned();
    r.options.push(d);
    assert_eq!(r.check(), Ok(()));
    assert_eq!(r.next_id(), 5);

    let s = r.summary("2026-12-07");
    assert_eq!(s.by_bin, [1, 1, 1, 1]);
    // A rejected option is not carried out: its status is not counted.
    assert_eq!(s.by_status, [1, 1, 1, 0]);
    // Only selected options count: the rejected one's estimate is left out.
    assert_eq!(s.estimated, 40_000.0 + 100_000.0);
    assert_eq!(s.estimated_done, 40_000.0);
    assert_eq!(s.measured, 42_000.0);
    // The heat recovery is late and in progress; the rejected option's deadline has passed
    // but it will not be done, so it is not late; training is not due yet.
    assert_eq!(s.overdue, 1);
    assert_eq!((s.with_estimate, s.with_measurement), (2, 1));
    assert!(s.has_savings());
    // Options without a study or a measurement have no savings to show, not savings of 0.
    let unstudied = Register {
        options: vec![option(1, "Train operators on recipes")],
        ..Register::default()
    };
    assert!(!unstudied.summary("2026-12-07").has_savings());
}

#[test]
fn the_register_refuses_what_it_cannot_keep() {
    let ok = option(1, "Fix leaks");
    assert_eq!(ok.check(), Ok(()));
    let mut empty = ok.clone();
    empty.title = "   ".to_owned();
    assert_eq!(empty.check(), Err(RegisterError::BadTitle));
    let mut long = ok.clone();
    long.title = "水".repeat(301);
    assert_eq!(long.check(), Err(RegisterError::BadTitle));
    let mut owner = ok.clone();
    owner.owner = "x".repeat(201);
    assert_eq!(owner.check(), Err(RegisterError::TextTooLong));
    for bad in [
        "2026-02-30",
        "2026-13-01",
        "7.12.2026",
        "2026-1-1",
        "２０２６-０１-０１",
    ] {
        let mut o = ok.clone();
        o.deadline = bad.to_owned();
        assert_eq!(o.check(), Err(RegisterError::BadDeadline), "{bad}");
    }
    let mut leap = ok.clone();
    leap.deadline = "2028-02-29".to_owned();
    assert_eq!(leap.check(), Ok(()));
    let mut measured = ok.clone();
    measured.status = Status::Done(Some(f64::NAN));
    assert_eq!(measured.check(), Err(RegisterError::BadMeasured));
    let twice = Register {
        currency: None,
        options: vec![option(3, "a"), option(3, "b")],
    };
    assert_eq!(twice.check(), Err(RegisterError::BadRegister));
    let full = Register {
        currency: None,
        options: (0..=MAX_OPTIONS as u32).map(|i| option(i, "x")).collect(),
    };
    assert_eq!(full.check(), Err(RegisterError::BadRegister));
}

#[test]
fn a_register_of_200_options_round_trips_through_json() {
    let r = Register {
        currency: None,
        options: (1..=200)
            .map(|i| {
                let mut o = option(i, &format!("Option {i}"));
                o.bin = if i % 3 == 0 {
                    Bin::Rejected(format!("reason {i}"))
                } else {
                    Bin::FeasibilityStudy
                };
                o.feasibility = Some(heat_recovery());
                o.status = if i % 5 == 0 {
                    Status::Done(Some(1.5))
                } else {
                    Status::Planned
                };
                o
            })
            .collect(),
    };
    assert_eq!(r.check(), Ok(()));
    let json = serde_json::to_string(&r).unwrap_or_default();
    let back: Register = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, r);
    assert!(
        json.contains(r#""bin":"rejected","reason":"reason 3""#),
        "{}",
        &json[..400]
    );
}

#[test]
fn options_are_added_found_replaced_and_removed_and_the_chart_takes_those_studied() {
    let mut r = Register::default();
    assert!(r.is_empty());
    assert_eq!(r.currency_or(Currency::Cny), Currency::Cny);
    let a = r
        .add(
            "  Fix leaking steam traps ",
            MeasureCategory::Housekeeping,
            "energy",
        )
        .unwrap_or_default();
    let b = r
        .add("Heat recovery", MeasureCategory::Recovery, "")
        .unwrap_or_default();
    assert_eq!((a, b), (1, 2));
    assert!(r.has_title("fix leaking steam traps"));
    assert_eq!(
        r.add("   ", MeasureCategory::Housekeeping, ""),
        Err(RegisterError::BadTitle)
    );
    assert_eq!(r.options.len(), 2, "a refused option is not added");
    let mut studied = r.option(b).cloned().unwrap_or_else(|| option(0, "missing"));
    studied.feasibility = Some(heat_recovery());
    assert_eq!(r.replace(studied.clone()), Ok(()));
    let mut bad = studied.clone();
    bad.deadline = "31/12/2026".to_owned();
    assert_eq!(r.replace(bad), Err(RegisterError::BadDeadline));
    assert_eq!(
        r.option(b),
        Some(&studied),
        "a refused edit changes nothing"
    );
    let points = r.chart_points();
    assert_eq!(points.len(), 1);
    assert_eq!(
        (
            points[0].number,
            points[0].net_investment,
            points[0].payback_years
        ),
        (2, 280_000.0, Some(2.8))
    );
    r.remove(a);
    assert_eq!(r.chart_points()[0].number, 1);
    assert_eq!(r.next_id(), 3, "a new id is above every id in use");
}

#[test]
fn amounts_are_read_as_managers_type_them_and_shown_grouped() {
    use cp_assessment::answers::parse_amount;
    use cp_assessment::register::{money, years};
    let read = [
        ("280000", Some(280_000.0)),
        ("280,000", Some(280_000.0)),
        ("1,200.50", Some(1_200.5)),
        ("２８０，０００", Some(280_000.0)),
        ("１２．５", Some(12.5)),
        ("2,5", Some(2.5)),
        (" -3,000 ", Some(-3_000.0)),
        ("12 500", None),
        ("1.2.3", None),
        ("abc", None),
        ("", None),
        ("1e9", None),
        ("30万", Some(300_000.0)),
        ("１．５万", Some(15_000.0)),
        ("2亿", Some(200_000_000.0)),
        ("万", None),
    ];
    for (typed, value) in read {
        assert_eq!(parse_amount(typed).ok(), value, "{typed:?}");
    }
    assert_eq!(money(280_000.0, Currency::Cny), "¥280,000");
    assert_eq!(money(1_250.5, Currency::Eur), "€1,250.5");
    assert_eq!(money(-3_000.0, Currency::Usd), "\u{2212}$3,000");
    assert_eq!(money(999.999, Currency::Cny), "¥1,000");
    assert_eq!(money(0.0, Currency::Cny), "¥0");
    assert_eq!(money(-0.001, Currency::Cny), "¥0");
    assert_eq!(
        (years(2.8), years(3.0), years(12.345)),
        ("2.8".into(), "3".into(), "12.3".into())
    );
}

#[test]
fn the_plants_own_payback_limit_is_read_from_part_5() {
    use cp_assessment::answers::{Answer, Answers};
    use cp_assessment::register::accepted_payback;
    let c = cp_assessment::content::Content::load(cp_assessment::vocabulary::Language::En)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut a = Answers::new();
    assert_eq!(accepted_payback(&c.bank, &a), None);
    for (id, limit) in [
        ("under_6m", Some(0.5)),
        ("under_1y", Some(1.0)),
        ("under_2y", Some(2.0)),
        ("under_3y", Some(3.0)),
        ("over_3y", None),
    ] {
        a.set("payback", Answer::Choice(id.into()));
        assert_eq!(accepted_payback(&c.bank, &a), limit, "{id}");
    }
    // 280,000 net, 100,000 a year: 2.8 years, beyond a two-year limit, within three.
    let f = heat_recovery()
        .figures()
        .unwrap_or_else(|| panic!("a complete study"));
    assert!(!f.pays_back_within(2.0));
    assert!(f.pays_back_within(3.0));
}
