//! What waste costs the plant a year: a simplified material flow cost accounting (MFCA,
//! ISO 14051:2011) over its cost categories — material, energy, system and waste
//! management — from a few annual figures a manager has. Materials lost are valued at their
//! purchase price; the energy that went into them is allocated by the same share, as the
//! single-quantity-centre MFCA of the Asian Productivity Organization does; system costs
//! (labour, depreciation) are not asked and not counted; waste management is the treatment
//! and disposal spend. Partial figures give a partial total, marked as such.

/// The annual figures, each `None` when not known ("I don't know" or not answered).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CostInputs {
    /// Turnover, for the share.
    pub turnover: Option<f64>,
    /// What the main raw materials cost.
    pub materials: Option<f64>,
    /// The share of them lost, 0–1 (purchases against output, a walk-through, a balance).
    pub loss_share: Option<f64>,
    /// What all energy carriers cost.
    pub energy: Option<f64>,
    /// What water costs (bought and discharged).
    pub water: Option<f64>,
    /// Wastewater treatment.
    pub treatment: Option<f64>,
    /// Waste disposal.
    pub disposal: Option<f64>,
}

/// The cost of waste by category.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CostOfWaste {
    /// Materials lost, at purchase price; `None` without materials and loss share.
    pub material: Option<f64>,
    /// Energy spent on the materials lost; `None` without energy cost and loss share.
    pub energy: Option<f64>,
    /// Water bought and discharged.
    pub water: Option<f64>,
    /// Treatment and disposal.
    pub waste_management: Option<f64>,
    /// The sum of the categories known.
    pub total: f64,
    /// The total as a share of turnover (0–1), when turnover is known and positive.
    pub share_of_turnover: Option<f64>,
    /// Some category could not be computed: the total is a lower bound.
    pub partial: bool,
}

impl CostOfWaste {
    /// Whether any category could be computed: before that the total is no finding.
    pub fn is_known(&self) -> bool {
        [
            self.material,
            self.energy,
            self.water,
            self.waste_management,
        ]
        .iter()
        .any(Option::is_some)
    }
}

fn amount(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite() && *x >= 0.0)
}

/// Computes the cost of waste; figures that are negative or not numbers count as unknown.
pub fn cost_of_waste(i: &CostInputs) -> CostOfWaste {
    let share = i
        .loss_share
        .filter(|s| s.is_finite() && (0.0..=1.0).contains(s));
    let material = amount(i.materials).zip(share).map(|(m, s)| m * s);
    let energy = amount(i.energy).zip(share).map(|(e, s)| e * s);
    let water = amount(i.water);
    let waste_management = match (amount(i.treatment), amount(i.disposal)) {
        (None, None) => None,
        (t, d) => Some(t.unwrap_or(0.0) + d.unwrap_or(0.0)),
    };
    let parts = [material, energy, water, waste_management];
    let total: f64 = parts.iter().flatten().sum();
    let partial = parts.iter().any(Option::is_none)
        || (amount(i.treatment).is_none() != amount(i.disposal).is_none());
    CostOfWaste {
        material,
        energy,
        water,
        waste_management,
        total,
        share_of_turnover: amount(i.turnover).filter(|t| *t > 0.0).map(|t| total / t),
        partial,
    }
}
