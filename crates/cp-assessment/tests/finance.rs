//! The feasibility figures against published reference values: numpy-financial 1.0.0
//! (`numpy_financial.npv` and `.irr`, run on 2026-12-07 for the same cash flows; its NPV
//! takes the year-0 flow undiscounted, as this crate does), the worked example of the
//! numpy-financial documentation (`irr([-100, 39, 59, 55, 20]) = 0.28095`), Excel's
//! convention for contrast (the `financial` crate's README: Excel's NPV(10 %, −1000, 500,
//! 500, 500) = 221.30 discounts the first flow too; ours is 243.43), and the Chinese CP
//! training formulas (N = I / F for constant flows). A property test checks that no input
//! hangs or panics the functions and that every IRR found zeroes the NPV.

use cp_assessment::finance::{irr, npv, npvr, payback_years, Irr, MAX_YEARS};
use proptest::prelude::*;

/// Name, flows (year 0 first), rate, numpy-financial's NPV at that rate and its IRR.
const REFERENCE: [(&str, &[f64], f64, f64, f64); 10] = [
    (
        "constant savings, 5 years",
        &[-100000.0, 30000.0, 30000.0, 30000.0, 30000.0, 30000.0],
        0.08,
        19781.301112,
        0.152382371166,
    ),
    (
        "numpy-financial's documented example",
        &[-100.0, 39.0, 59.0, 55.0, 20.0],
        0.1,
        39.197459,
        0.280948421160,
    ),
    (
        "uneven savings over 10 years",
        &[
            -250000.0, 20000.0, 45000.0, 60000.0, 60000.0, 60000.0, 60000.0, 50000.0, 40000.0,
            30000.0, 20000.0,
        ],
        0.06,
        81227.863882,
        0.124889656474,
    ),
    (
        "a no/low-cost option paying back in months",
        &[-2000.0, 9000.0, 9000.0, 9000.0],
        0.08,
        21193.872885,
        4.472543521074,
    ),
    (
        "an option that loses money",
        &[-50000.0, 5000.0, 5000.0, 5000.0, 5000.0, 5000.0],
        0.08,
        -30036.449815,
        -0.194018520189,
    ),
    (
        "a subsidy received in year 1",
        &[
            -400000.0, 150000.0, 80000.0, 80000.0, 80000.0, 80000.0, 80000.0,
        ],
        0.1,
        12057.219593,
        0.111464433930,
    ),
    (
        "a high-cost option over 15 years",
        &[
            -2000000.0, 260000.0, 260000.0, 260000.0, 260000.0, 260000.0, 260000.0, 260000.0,
            260000.0, 260000.0, 260000.0, 260000.0, 260000.0, 260000.0, 260000.0, 260000.0,
        ],
        0.08,
        225464.458861,
        0.098031616943,
    ),
    (
        "a second investment in year 2",
        &[-100000.0, 40000.0, -50000.0, 60000.0, 60000.0, 60000.0],
        0.07,
        31241.997262,
        0.151783877698,
    ),
    (
        "a zero discount rate",
        &[-1000.0, 300.0, 300.0, 300.0, 300.0],
        0.0,
        200.0,
        0.077138472952,
    ),
    (
        "recovering less than the outlay",
        &[-1000.0, 100.0, 100.0],
        0.05,
        -814.058957,
        -0.629843788128,
    ),
];

#[test]
fn npv_and_irr_match_numpy_financial() {
    for (name, flows, rate, want_npv, want_irr) in REFERENCE {
        let got = npv(rate, flows).unwrap_or(f64::NAN);
        assert!(
            (got - want_npv).abs() < 0.01,
            "{name}: NPV {got} vs {want_npv}"
        );
        match irr(flows) {
            Irr::Rate(r) => assert!((r - want_irr).abs() < 1e-6, "{name}: IRR {r} vs {want_irr}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn npv_differs_from_excel_by_the_first_years_discount() {
    let flows = [-1000.0, 500.0, 500.0, 500.0];
    let ours = npv(0.1, &flows).unwrap_or(f64::NAN);
    assert!((ours - 243.43).abs() < 0.01, "{ours}");
    // Excel's NPV discounts every flow one more year: 243.43 / 1.1 = 221.30.
    assert!((ours / 1.1 - 221.30).abs() < 0.01);
}

#[test]
fn npvr_and_payback_follow_the_chinese_training_formulas() {
    // NPVR = NPV / I.
    let flows = [-100000.0, 30000.0, 30000.0, 30000.0, 30000.0, 30000.0];
    let r = npvr(0.08, &flows).unwrap_or(f64::NAN);
    assert!((r - 0.19781301112).abs() < 1e-6, "{r}");
    // N = I / F for a constant annual flow: 100,000 / 30,000 = 3.33 years.
    let n = payback_years(&flows).unwrap_or(f64::NAN);
    assert!((n - 100000.0 / 30000.0).abs() < 1e-9, "{n}");
    // Uneven flows: 245,000 of the 250,000 is back after five years and year 6 brings
    // 60,000, so the rest takes 5/60 of it: 5.083 years.
    let uneven = REFERENCE[2].1;
    let n = payback_years(uneven).unwrap_or(f64::NAN);
    assert!((n - (5.0 + 5000.0 / 60000.0)).abs() < 1e-9, "{n}");
    // Months, not years, for a no/low-cost option.
    let quick = payback_years(&[-2000.0, 9000.0]).unwrap_or(f64::NAN);
    assert!((quick - 2.0 / 9.0).abs() < 1e-9, "{quick}");
    // Nothing invested: paid back at once; never paid back: none.
    assert_eq!(payback_years(&[0.0, 10.0]), Some(0.0));
    assert_eq!(payback_years(&[-50000.0, 5000.0, 5000.0]), None);
    assert_eq!(npvr(0.08, &[0.0, 10.0]), None, "no investment, no ratio");
}

#[test]
fn no_sign_change_and_several_roots_are_said_so() {
    assert_eq!(irr(&[100.0, 100.0, 100.0]), Irr::NoRate, "only income");
    assert_eq!(irr(&[-100.0, -100.0]), Irr::NoRate, "only outlays");
    assert_eq!(irr(&[]), Irr::NoRate);
    assert_eq!(irr(&[-100.0, f64::NAN, 50.0]), Irr::NoRate);
    // −100 now, +230 next year, −132 the year after: NPV is zero at 10 % and at 20 %
    // (numpy-financial returns only the first).
    match irr(&[-100.0, 230.0, -132.0]) {
        Irr::Several(rates) => {
            assert_eq!(rates.len(), 2, "{rates:?}");
            assert!(
                (rates[0] - 0.1).abs() < 1e-9 && (rates[1] - 0.2).abs() < 1e-9,
                "{rates:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    // Break-even exactly at the rate.
    match irr(&[-1000.0, 1100.0]) {
        Irr::Rate(r) => assert!((r - 0.1).abs() < 1e-9),
        other => panic!("{other:?}"),
    }
}

#[test]
fn impossible_input_gives_no_figure() {
    assert_eq!(
        npv(-1.0, &[-100.0, 200.0]),
        None,
        "a rate of −100 % divides by zero"
    );
    assert_eq!(npv(f64::NAN, &[-100.0, 200.0]), None);
    assert_eq!(npv(0.1, &[f64::INFINITY]), None);
    assert_eq!(
        npv(0.1, &vec![1.0; MAX_YEARS + 2]),
        None,
        "more years than allowed"
    );
    assert!(npv(0.1, &vec![1.0; MAX_YEARS + 1]).is_some());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the flows, the functions return, and an IRR found makes the NPV zero
    /// (relative to the flows' size).
    #[test]
    fn nothing_hangs_or_panics_and_every_irr_zeroes_the_npv(
        flows in prop::collection::vec(prop_oneof![
            -1e9f64..1e9,
            Just(0.0),
            Just(f64::NAN),
            Just(f64::INFINITY),
        ], 0..=(MAX_YEARS + 3)),
        rate in -2.0f64..5.0,
    ) {
        let _ = npv(rate, &flows);
        let _ = npvr(rate, &flows);
        let _ = payback_years(&flows);
        let scale: f64 = flows.iter().map(|f| f.abs()).sum::<f64>().max(1.0);
        let check = |r: f64| {
            if let Some(v) = npv(r, &flows) {
                prop_assert!(v.abs() <= 1e-6 * scale * (1.0 + 1.0 / (1.0 + r)).powi(flows.len() as i32), "NPV {} at {}", v, r);
            }
            Ok(())
        };
        match irr(&flows) {
            Irr::Rate(r) => check(r)?,
            Irr::Several(rates) => for r in rates { check(r)?; },
            Irr::NoRate => {}
        }
    }
}
