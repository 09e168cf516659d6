//! The motivation profile: importance (1–5) of each of the seed study's eleven drivers,
//! and a 0–100 score per family. Source: [SEED] (cp-reference §4).

use crate::answers::Answers;
use crate::bank::Bank;
use crate::vocabulary::{Driver, Family};

use super::readiness::round_percent;

/// A driver rated at least this important (on 1–5) counts as a strong motive and is listed
/// among "your strongest reasons": 4 and 5 are the two upper points of the scale.
pub const STRONG_MOTIVE: u8 = 4;

/// The importance the respondent gave one driver.
#[derive(Clone, Debug, PartialEq)]
pub struct DriverScore {
    /// The driver.
    pub driver: Driver,
    /// Importance 1–5; `None` when not answered.
    pub importance: Option<u8>,
}

/// The score of one family.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyScore {
    /// The family.
    pub family: Family,
    /// Mean importance of its rated drivers mapped from 1–5 onto 0–100
    /// ((mean − 1) / 4 × 100); `None` when none is rated.
    pub score: Option<u8>,
    /// How many of its drivers were rated.
    pub rated: usize,
}

/// The motivation profile.
#[derive(Clone, Debug, PartialEq)]
pub struct MotivationProfile {
    /// All eleven drivers, in the seed's order.
    pub drivers: Vec<DriverScore>,
    /// The three families, in the seed's order.
    pub families: Vec<FamilyScore>,
    /// The family most of the strongest reasons belong to, so that the headline and the
    /// list of [`Self::strong_drivers`] agree; a tie, or no driver rated
    /// [`STRONG_MOTIVE`], goes to the higher family score, then the earlier family.
    /// `None` when no driver is rated (docs/scoring.md §3).
    pub leading_family: Option<Family>,
    /// Drivers rated [`STRONG_MOTIVE`] or above, strongest first.
    pub strong_drivers: Vec<Driver>,
    /// Why the assessment is done (option id of `assessment_reason`), if answered.
    pub assessment_reason: Option<String>,
}

/// Computes the motivation profile from the counted answers.
pub fn motivation(bank: &Bank, answers: &Answers) -> MotivationProfile {
    let importance = |d: Driver| -> Option<u8> {
        let q = bank.questions().find(|q| q.driver == Some(d))?;
        answers.scale(bank, &q.id)
    };
    let drivers: Vec<DriverScore> = Driver::ALL
        .iter()
        .map(|&driver| DriverScore {
            driver,
            importance: importance(driver),
        })
        .collect();
    let families: Vec<FamilyScore> = Family::ALL
        .iter()
        .map(|&family| {
            let rated: Vec<u8> = drivers
                .iter()
                .filter(|d| d.driver.family() == family)
                .filter_map(|d| d.importance)
                .collect();
            let sum: f64 = rated.iter().map(|&v| (f64::from(v) - 1.0) * 25.0).sum();
            FamilyScore {
                family,
                score: round_percent(sum, rated.len()),
                rated: rated.len(),
            }
        })
        .collect();
    let mut strong: Vec<&DriverScore> = drivers
        .iter()
        .filter(|d| d.importance.is_some_and(|v| v >= STRONG_MOTIVE))
        .collect();
    // Stable sort: equal importance keeps the seed's order.
    strong.sort_by_key(|d| std::cmp::Reverse(d.importance));
    // Strong reasons per family first, then the family's score: the headline names the
    // family of most of the reasons listed under it.
    let leading_family = families
        .iter()
        .filter_map(|f| {
            let strong = strong
                .iter()
                .filter(|d| d.driver.family() == f.family)
                .count();
            f.score.map(|s| (f.family, (strong, s)))
        })
        .fold(
            None,
            |best: Option<(Family, (usize, u8))>, (fam, key)| match best {
                Some((_, b)) if b >= key => best,
                _ => Some((fam, key)),
            },
        )
        .map(|(f, _)| f);
    MotivationProfile {
        strong_drivers: strong.iter().map(|d| d.driver).collect(),
        drivers,
        families,
        leading_family,
        assessment_reason: answers.choice(bank, "assessment_reason").map(str::to_owned),
    }
}
