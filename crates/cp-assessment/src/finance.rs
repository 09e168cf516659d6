//! The figures of a CP option's feasibility study (audit step 5): simple payback, net
//! present value (NPV), NPV ratio (NPVR) and internal rate of return (IRR), computed as the
//! Chinese CP training material writes them (N = I / F; NPV = Σ F_j / (1 + i)^j − I;
//! NPVR = NPV / I; IRR where NPV = 0; cp-china-economics §3) and numpy-financial computes
//! them (the year-0 flow undiscounted, unlike Excel's NPV function).
//!
//! A cash-flow series holds one amount per year: index 0 is "now" (the investment, as a
//! negative amount, less any one-off subsidy), index t the net flow at the end of year t.
//! Every function returns `None` (or [`Irr::NoRate`]) instead of a wrong number for input
//! that has no answer — non-finite amounts, a rate at or below −100 %, no investment — and
//! runs in time bounded by the series' length.

/// The most years a series may hold; longer input is refused (`None`), which also bounds
/// the work of [`irr`].
pub const MAX_YEARS: usize = 100;

/// What the IRR search found.
#[derive(Clone, Debug, PartialEq)]
pub enum Irr {
    /// One rate makes the NPV zero.
    Rate(f64),
    /// No rate does: the flows do not change sign, or the NPV stays on one side of zero.
    NoRate,
    /// Several rates do (the flows change sign more than once): the IRR is not a
    /// meaningful measure, and the NPV at the chosen rate decides. Ascending.
    Several(Vec<f64>),
}

fn usable(flows: &[f64]) -> bool {
    !flows.is_empty() && flows.len() <= MAX_YEARS + 1 && flows.iter().all(|f| f.is_finite())
}

/// The NPV of `flows` at `rate` (0.08 = 8 % a year): Σ flows[t] / (1 + rate)^t.
pub fn npv(rate: f64, flows: &[f64]) -> Option<f64> {
    if !usable(flows) || !rate.is_finite() || rate <= -1.0 {
        return None;
    }
    let x = 1.0 / (1.0 + rate);
    let value = npv_at_discount(x, flows);
    value.is_finite().then_some(value)
}

/// Σ flows[t] · x^t by Horner's rule, x being the discount factor 1 / (1 + rate).
fn npv_at_discount(x: f64, flows: &[f64]) -> f64 {
    flows.iter().rev().fold(0.0, |acc, f| acc * x + f)
}

/// The NPV ratio: NPV per unit of the investment made now (`-flows[0]`); `None` when
/// nothing is invested now.
pub fn npvr(rate: f64, flows: &[f64]) -> Option<f64> {
    let investment = -*flows.first()?;
    if investment <= 0.0 {
        return None;
    }
    npv(rate, flows).map(|v| v / investment)
}

/// Simple payback in years: when the running total of the flows first reaches zero,
/// counting each year's flow as earned evenly through the year (so a constant flow F
/// against an investment I gives I / F). `Some(0.0)` when nothing is invested;
/// `None` when the flows never pay the investment back.
pub fn payback_years(flows: &[f64]) -> Option<f64> {
    if !usable(flows) {
        return None;
    }
    let mut total = flows[0];
    if total >= 0.0 {
        return Some(0.0);
    }
    for (year, &flow) in flows.iter().enumerate().skip(1) {
        let before = total;
        total += flow;
        if total >= 0.0 && flow > 0.0 {
            // The part of this year needed to cover what was still owed.
            return Some((year - 1) as f64 + (-before / flow));
        }
    }
    None
}

/// Points of the scan for sign changes of the NPV, over the discount factor
/// x = 1 / (1 + rate) from [`X_MIN`] (a rate of 999,900 %) to [`X_MAX`] (−99 %).
const SCAN_POINTS: usize = 4000;
const X_MIN: f64 = 1e-4;
const X_MAX: f64 = 100.0;
/// Bisection steps per bracket: the bracket shrinks below 1e-12 of its width.
const BISECTIONS: usize = 60;

/// The IRR: the rates at which the NPV is zero, found by scanning the NPV for sign changes
/// over rates from −99 % to 999,900 % a year and bisecting each bracket (60 steps). Roots
/// where the NPV touches zero without changing sign are not found, and rates outside the
/// range are reported as [`Irr::NoRate`].
pub fn irr(flows: &[f64]) -> Irr {
    if !usable(flows) {
        return Irr::NoRate;
    }
    let has_positive = flows.iter().any(|&f| f > 0.0);
    let has_negative = flows.iter().any(|&f| f < 0.0);
    if !(has_positive && has_negative) {
        return Irr::NoRate;
    }
    let step = (X_MAX / X_MIN).ln() / (SCAN_POINTS - 1) as f64;
    let point = |i: usize| X_MIN * (step * i as f64).exp();
    let mut roots: Vec<f64> = Vec::new();
    let mut prev_x = point(0);
    let mut prev = npv_at_discount(prev_x, flows);
    for i in 1..SCAN_POINTS {
        let x = point(i);
        let value = npv_at_discount(x, flows);
        if !value.is_finite() || !prev.is_finite() {
            prev_x = x;
            prev = value;
            continue;
        }
        if value == 0.0 {
            roots.push(x);
        } else if prev != 0.0 && (prev < 0.0) != (value < 0.0) {
            let (mut lo, mut hi, mut at_lo) = (prev_x, x, prev);
            for _ in 0..BISECTIONS {
                let mid = 0.5 * (lo + hi);
                let v = npv_at_discount(mid, flows);
                if (v < 0.0) == (at_lo < 0.0) {
                    lo = mid;
                    at_lo = v;
                } else {
                    hi = mid;
                }
            }
            roots.push(0.5 * (lo + hi));
        }
        prev_x = x;
        prev = value;
    }
    // Back from discount factors to rates, ascending (x falls as the rate rises).
    let mut rates: Vec<f64> = roots.iter().map(|x| 1.0 / x - 1.0).collect();
    rates.sort_by(f64::total_cmp);
    match rates.as_slice() {
        [] => Irr::NoRate,
        [one] => Irr::Rate(*one),
        _ => Irr::Several(rates),
    }
}
