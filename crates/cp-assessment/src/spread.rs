//! How a list of values is spread: the five-number summary ([`Spread`]: how many, lowest,
//! lower quartile, median, upper quartile, highest) that a box plot draws, and how the
//! ratings of a 1–5 scale are spread ([`Ratings`]).
//!
//! Quantiles are interpolated linearly between order statistics ([`quantile`]): for the
//! `n` values sorted, x₀ ≤ x₁ ≤ … ≤ xₙ₋₁, and a probability `p` (0–1),
//!
//! > h = (n − 1) · p,  Q(p) = x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋+1 − x⌊h⌋)
//!
//! (x⌊h⌋+1 is x⌊h⌋ itself when ⌊h⌋ is the last index). This is definition 7 of Hyndman and
//! Fan (1996), the default of R's `quantile` and of numpy's `percentile` and `quantile`
//! (method "linear"); Excel's QUARTILE.INC and Python's `statistics.quantiles(…,
//! method="inclusive")` give the same quartiles, so a facilitator who checks the room's
//! CSV in a spreadsheet finds the same numbers. The median of an even count is the mean
//! of the two middle values; the quartiles of whole numbers are multiples of 0.25.

/// The lowest and the highest rating of a 1–5 scale question (`Answer::Scale` is
/// validated to this range).
pub const RATING_RANGE: (u8, u8) = (1, 5);

/// The five-number summary of a list of values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// How many values there are (at least one).
    pub n: usize,
    /// The lowest value.
    pub min: f64,
    /// The lower quartile, [`quantile`] 0.25.
    pub lower_quartile: f64,
    /// The median, [`quantile`] 0.5.
    pub median: f64,
    /// The upper quartile, [`quantile`] 0.75.
    pub upper_quartile: f64,
    /// The highest value.
    pub max: f64,
}

impl Spread {
    /// The five-number summary of `values`, in any order; values that are not finite
    /// (NaN, ±∞) are left out. `None` when no value is left.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Option<Spread> {
        let mut sorted: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        Some(Spread {
            n: sorted.len(),
            min: *sorted.first()?,
            lower_quartile: quantile(&sorted, 0.25)?,
            median: quantile(&sorted, 0.5)?,
            upper_quartile: quantile(&sorted, 0.75)?,
            max: *sorted.last()?,
        })
    }

    /// The summary's five values in order: lowest, lower quartile, median, upper
    /// quartile, highest.
    pub fn five(&self) -> [f64; 5] {
        [
            self.min,
            self.lower_quartile,
            self.median,
            self.upper_quartile,
            self.max,
        ]
    }
}

/// The quantile `p` (0–1; clamped to that range) of `sorted`, which must be in ascending
/// order, by linear interpolation between order statistics (definition 7, see the module
/// documentation). `None` for no values or a `p` that is NaN.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    if p.is_nan() {
        return None;
    }
    let h = last as f64 * p.clamp(0.0, 1.0);
    let below = h.floor();
    // 0 ≤ below ≤ last, so the conversion is exact and the index is in range.
    let i = below as usize;
    let low = *sorted.get(i)?;
    let high = sorted.get(i + 1).copied().unwrap_or(low);
    Some(low + (h - below) * (high - low))
}

/// A value as a CSV cell or a table shows it, the same in every language: at most two
/// decimals (every quartile of whole numbers is exact in two), a decimal point, and
/// trailing zeros dropped — `62.5`, `2.25`, `40`.
pub fn figure(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    // A tiny negative value rounds to "-0", which reads as a different number.
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A figure with its thousands grouped by commas, as [`figure`] rounds it: "1,200,000",
/// "1,250.5", "-12,000".
pub fn grouped(value: f64) -> String {
    let text = figure(value);
    let (whole, decimals) = text.split_at(text.find('.').unwrap_or(text.len()));
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    let mut out = String::from(&whole[..whole.len() - digits.len()]);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out + decimals
}

/// How the ratings of one 1–5 scale are spread: how many gave each rating, and their
/// five-number summary.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ratings {
    /// How many rated 1, 2, 3, 4 and 5 (`counts[0]` is the count of 1).
    pub counts: [usize; 5],
    /// The five-number summary of the same ratings; `None` when nobody rated.
    pub spread: Option<Spread>,
}

impl Ratings {
    /// The ratings in `values`; a value outside [`RATING_RANGE`] is left out of both the
    /// counts and the summary, so they always describe the same ratings.
    pub fn of(values: &[u8]) -> Ratings {
        let (lowest, highest) = RATING_RANGE;
        let valid: Vec<u8> = values
            .iter()
            .copied()
            .filter(|v| (lowest..=highest).contains(v))
            .collect();
        let mut counts = [0; 5];
        for v in &valid {
            if let Some(count) = counts.get_mut(usize::from(v - lowest)) {
                *count += 1;
            }
        }
        Ratings {
            counts,
            spread: Spread::of(valid.iter().map(|&v| f64::from(v))),
        }
    }

    /// How many rated at all (the sum of `counts`).
    pub fn rated(&self) -> usize {
        self.counts.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn five(values: &[f64]) -> Option<[f64; 5]> {
        Spread::of(values.iter().copied()).map(|s| s.five())
    }

    #[test]
    fn quartiles_interpolate_between_order_statistics() {
        // numpy's documented example: np.percentile([[10, 7, 4], [3, 2, 1]], 50) is 3.5.
        // By hand, sorted 1 2 3 4 7 10 (n − 1 = 5): p = 0.25 gives h = 1.25, so
        // 2 + 0.25 × (3 − 2) = 2.25; p = 0.5, h = 2.5: 3 + 0.5 × 1 = 3.5; p = 0.75,
        // h = 3.75: 4 + 0.75 × (7 − 4) = 6.25.
        assert_eq!(
            five(&[10.0, 7.0, 4.0, 3.0, 2.0, 1.0]),
            Some([1.0, 2.25, 3.5, 6.25, 10.0])
        );
        // numpy's other example, np.percentile(a, 50, axis=0), the columns' medians:
        // [10, 3] → 6.5, [7, 2] → 4.5, [4, 1] → 2.5.
        for (column, median) in [([10.0, 3.0], 6.5), ([7.0, 2.0], 4.5), ([4.0, 1.0], 2.5)] {
            assert_eq!(Spread::of(column).map(|s| s.median), Some(median));
        }
        // Five values: the quartiles fall on order statistics (h = 1, 2, 3).
        assert_eq!(
            five(&[50.0, 0.0, 100.0, 25.0, 75.0]),
            Some([0.0, 25.0, 50.0, 75.0, 100.0])
        );
        // Four values, h = 0.75, 1.5, 2.25: 0 + 0.75 × 20 = 15; (20 + 40) / 2 = 30;
        // 40 + 0.25 × 60 = 55.
        assert_eq!(
            five(&[100.0, 40.0, 20.0, 0.0]),
            Some([0.0, 15.0, 30.0, 55.0, 100.0])
        );
    }

    #[test]
    fn one_value_and_ties_give_a_flat_summary() {
        assert_eq!(five(&[42.0]), Some([42.0; 5]));
        assert_eq!(five(&[3.0, 3.0, 3.0]), Some([3.0; 5]));
        assert_eq!(Spread::of([42.0]).map(|s| s.n), Some(1));
    }

    #[test]
    fn no_values_no_summary_and_non_finite_values_are_left_out() {
        assert_eq!(Spread::of([]), None);
        assert_eq!(Spread::of([f64::NAN, f64::INFINITY]), None);
        let s = Spread::of([f64::NAN, 2.0, f64::NEG_INFINITY, 1.0]);
        assert_eq!(
            s.map(|s| (s.n, s.five())),
            Some((2, [1.0, 1.25, 1.5, 1.75, 2.0]))
        );
    }

    #[test]
    fn quantile_edges_never_panic() {
        let sorted = [1.0, 2.0, 4.0];
        assert_eq!(quantile(&sorted, 0.0), Some(1.0));
        assert_eq!(quantile(&sorted, 1.0), Some(4.0));
        assert_eq!(quantile(&sorted, -3.0), Some(1.0), "clamped");
        assert_eq!(quantile(&sorted, 7.0), Some(4.0), "clamped");
        assert_eq!(quantile(&sorted, f64::NAN), None);
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn figures_have_at_most_two_decimals() {
        let cases = [
            (40.0, "40"),
            (62.5, "62.5"),
            (2.25, "2.25"),
            (0.0, "0"),
            (-0.0, "0"),
            (-0.001, "0"),
            (100.0, "100"),
            (1.0 / 3.0, "0.33"),
        ];
        for (value, text) in cases {
            assert_eq!(figure(value), text, "{value}");
        }
    }

    #[test]
    fn ratings_count_each_step_of_the_scale() {
        let r = Ratings::of(&[5, 4, 4, 2, 5, 4]);
        assert_eq!(r.counts, [0, 1, 0, 3, 2]);
        assert_eq!(r.rated(), 6);
        // Sorted 2 4 4 4 5 5: h = 1.25 → 4; h = 2.5 → 4; h = 3.75 → 4 + 0.75 × 1 = 4.75.
        assert_eq!(r.spread.map(|s| s.five()), Some([2.0, 4.0, 4.0, 4.75, 5.0]));
        // Out of the scale: left out of both.
        let r = Ratings::of(&[0, 3, 6, 255]);
        assert_eq!((r.counts, r.rated()), ([0, 0, 1, 0, 0], 1));
        assert_eq!(r.spread.map(|s| s.n), Some(1));
        assert_eq!(Ratings::of(&[]), Ratings::default());
    }
}
