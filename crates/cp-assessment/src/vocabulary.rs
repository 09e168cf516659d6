//! The closed sets of the Cleaner Production field: audit steps, motivation drivers and
//! their families, the eight measure categories, cost classes and sectors.
//!
//! Each set is an enum with a stable `as_str()` id (used in the content files, in stored
//! answers and in HTML attributes). The ids never change once released; display names
//! live in the content files of each language.

use serde::{Deserialize, Serialize};

/// Generates `ALL`, `as_str()` and `from_id()` for a fieldless enum whose serde names are
/// the snake_case ids listed here.
macro_rules! closed_set {
    ($ty:ident { $($variant:ident => $id:literal),+ $(,)? }) => {
        impl $ty {
            /// Every member, in the field's canonical order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The stable id used in content files, storage and HTML attributes.
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $id),+ }
            }

            /// Looks a member up by its stable id; `None` for an unknown id.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($ty::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use closed_set;

/// The languages the app is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
}

closed_set!(Language {
    En => "en",
    ZhCn => "zh-CN",
});

impl Language {
    /// What goes between two sentences: a space in English, nothing in Chinese.
    pub fn sentence_separator(self) -> &'static str {
        match self {
            Language::En => " ",
            Language::ZhCn => "",
        }
    }

    /// The language for a BCP 47 tag as browsers report them: any "zh…" tag is Simplified
    /// Chinese (the closest we have for every Chinese reader), any "en…" tag English;
    /// `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Language::ZhCn),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The first supported language in the browser's preference list; English otherwise.
    pub fn from_preferences<S: AsRef<str>>(tags: &[S]) -> Language {
        tags.iter()
            .find_map(|t| Language::from_tag(t.as_ref()))
            .unwrap_or_default()
    }
}

/// The seven steps of the CP audit (China's procedure; UNEP/UNIDO use the same backbone).
/// Source: [SEED], [UNEP-CPA], [EPA-P2], [MY-DOE] (cp-reference §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditStep {
    /// 1. Preparation and organization (筹划和组织).
    Preparation,
    /// 2. Preliminary assessment (预审核).
    PreliminaryAssessment,
    /// 3. Focused assessment (审核).
    FocusedAssessment,
    /// 4. Generation and screening of CP measures (方案的产生和筛选).
    OptionGeneration,
    /// 5. Feasibility study (可行性分析).
    FeasibilityStudy,
    /// 6. Implementation of measures (方案实施).
    Implementation,
    /// 7. Routinization — sustaining CP (持续清洁生产).
    Routinization,
}

closed_set!(AuditStep {
    Preparation => "preparation",
    PreliminaryAssessment => "preliminary_assessment",
    FocusedAssessment => "focused_assessment",
    OptionGeneration => "option_generation",
    FeasibilityStudy => "feasibility_study",
    Implementation => "implementation",
    Routinization => "routinization",
});

impl AuditStep {
    /// The step's number in the audit, 1–7.
    pub fn number(self) -> u8 {
        match self {
            AuditStep::Preparation => 1,
            AuditStep::PreliminaryAssessment => 2,
            AuditStep::FocusedAssessment => 3,
            AuditStep::OptionGeneration => 4,
            AuditStep::FeasibilityStudy => 5,
            AuditStep::Implementation => 6,
            AuditStep::Routinization => 7,
        }
    }
}

/// The three families of incentives in the seed study's framework. Source: [SEED] (§4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Economic benefits.
    Economic,
    /// Environmental-policy pressure.
    EnvironmentalPolicy,
    /// Social and individual motives.
    SocialIndividual,
}

closed_set!(Family {
    Economic => "economic",
    EnvironmentalPolicy => "environmental_policy",
    SocialIndividual => "social_individual",
});

/// The eleven drivers of CP action in the seed study's framework. Source: [SEED] (§4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Driver {
    /// Production cost reduction (economic; cited 23 times).
    ProductionCost,
    /// Product quality improvement (economic; 14).
    ProductQuality,
    /// International markets (economic; 17).
    InternationalMarkets,
    /// Energy and water conservation (economic; named, no count).
    EnergyWaterConservation,
    /// Abatement (pollution treatment) cost reduction (environmental policy; 9).
    AbatementCost,
    /// Discharge standards (environmental policy; 19).
    DischargeStandards,
    /// Total emission control (environmental policy; 10).
    TotalEmissionControl,
    /// Occupational health and safety (social; 6).
    OccupationalHealthSafety,
    /// Residents' complaints (social; 4).
    ResidentsComplaints,
    /// Personal concern for the environment (individual; 7).
    PersonalConcern,
    /// Corporate social image (social; named, no count).
    CorporateImage,
}

closed_set!(Driver {
    ProductionCost => "production_cost",
    ProductQuality => "product_quality",
    InternationalMarkets => "international_markets",
    EnergyWaterConservation => "energy_water_conservation",
    AbatementCost => "abatement_cost",
    DischargeStandards => "discharge_standards",
    TotalEmissionControl => "total_emission_control",
    OccupationalHealthSafety => "occupational_health_safety",
    ResidentsComplaints => "residents_complaints",
    PersonalConcern => "personal_concern",
    CorporateImage => "corporate_image",
});

impl Driver {
    /// The family the seed study puts this driver in. Source: [SEED].
    pub fn family(self) -> Family {
        use Driver::*;
        match self {
            ProductionCost | ProductQuality | InternationalMarkets | EnergyWaterConservation => {
                Family::Economic
            }
            AbatementCost | DischargeStandards | TotalEmissionControl => {
                Family::EnvironmentalPolicy
            }
            OccupationalHealthSafety | ResidentsComplaints | PersonalConcern | CorporateImage => {
                Family::SocialIndividual
            }
        }
    }

    /// How often enterprises in the seed study cited this reason for implementing CP
    /// measures; `None` for the two drivers the framework names without a count.
    /// Source: [SEED] "Reasons cited by enterprises" (cp-reference §4).
    pub fn seed_citations(self) -> Option<u32> {
        use Driver::*;
        match self {
            ProductionCost => Some(23),
            ProductQuality => Some(14),
            InternationalMarkets => Some(17),
            AbatementCost => Some(9),
            DischargeStandards => Some(19),
            TotalEmissionControl => Some(10),
            OccupationalHealthSafety => Some(6),
            ResidentsComplaints => Some(4),
            PersonalConcern => Some(7),
            EnergyWaterConservation | CorporateImage => None,
        }
    }
}

/// UNEP/UNIDO's eight CP option categories. Source: [UNIDO-8], [UNEP-CPA] (§3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureCategory {
    /// Good housekeeping (加强内部管理).
    Housekeeping,
    /// Input material substitution (原辅材料替代).
    Substitution,
    /// Better process control (过程控制优化).
    ProcessControl,
    /// Equipment modification (设备改造).
    Equipment,
    /// Technology change (技术工艺改造).
    Technology,
    /// On-site recovery and reuse (厂内回收利用).
    Recovery,
    /// Useful by-product (生产有用的副产品).
    ByProduct,
    /// Product modification (产品改进).
    Product,
}

closed_set!(MeasureCategory {
    Housekeeping => "housekeeping",
    Substitution => "substitution",
    ProcessControl => "process_control",
    Equipment => "equipment",
    Technology => "technology",
    Recovery => "recovery",
    ByProduct => "by_product",
    Product => "product",
});

impl MeasureCategory {
    /// Position on the cost ladder a newcomer climbs (0 = first): housekeeping and process
    /// control first, then substitution, equipment and recovery, then the strategic
    /// technology, by-product and product changes. Used only to break ties in the
    /// ranking. Source: [UNEP-CPA], [B4] (cp-reference §3, "Order of the cost ladder").
    pub fn ladder_position(self) -> u8 {
        use MeasureCategory::*;
        match self {
            Housekeeping => 0,
            ProcessControl => 1,
            Substitution => 2,
            Equipment => 3,
            Recovery => 4,
            Technology => 5,
            ByProduct => 6,
            Product => 7,
        }
    }
}

/// The two cost classes CP audits sort options into: no/low-cost options (无/低费方案) are
/// done during the audit; medium/high-cost ones (中/高费方案) go through a feasibility study.
/// Source: [SEED], [UNEP-CPA] (cp-reference §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostClass {
    /// No/low cost, quick payback: "do now".
    NoLow,
    /// Medium/high cost: "needs a feasibility study".
    MediumHigh,
}

closed_set!(CostClass {
    NoLow => "no_low",
    MediumHigh => "medium_high",
});

/// The currency a plant counts its money in: chosen once for the register (and the cost of
/// waste); yuan by default for a plant in mainland China or a Chinese-language response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Currency {
    /// Renminbi yuan (元).
    #[default]
    Cny,
    /// Euro.
    Eur,
    /// US dollar.
    Usd,
}

closed_set!(Currency {
    Cny => "cny",
    Eur => "eur",
    Usd => "usd",
});

impl Currency {
    /// The sign written before an amount.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Cny => "¥",
            Currency::Eur => "€",
            Currency::Usd => "$",
        }
    }

    /// The currency to offer first: yuan for a plant in mainland China or, with no
    /// location given, a Chinese-language response; else the US dollar.
    pub fn default_for(location: Option<&str>, language: Language) -> Currency {
        match (location, language) {
            (Some("mainland_china"), _) | (None, Language::ZhCn) => Currency::Cny,
            _ => Currency::Usd,
        }
    }
}

/// Industrial sectors the questionnaire offers, used to pick example measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Textile dyeing and finishing.
    Textile,
    /// Electroplating and metal finishing.
    Electroplating,
    /// Pulp and paper.
    PulpPaper,
    /// Food and beverage.
    FoodBeverage,
    /// Brewing and distilling.
    BrewingDistilling,
    /// Chemicals and coatings.
    ChemicalsCoatings,
    /// Leather tanning.
    Leather,
    /// Building materials.
    BuildingMaterials,
    /// Machinery.
    Machinery,
    /// Electronics.
    Electronics,
    /// Iron, steel and non-ferrous metals (a key audit sector, 环办科财〔2020〕27号).
    Metallurgy,
    /// Coking (a key audit sector).
    Coking,
    /// Pharmaceutical ingredients, APIs (a key audit sector).
    Pharmaceutical,
    /// Industrial coating lines (a key audit sector).
    IndustrialCoating,
    /// Packaging and printing (a key audit sector).
    PackagingPrinting,
    /// Power and heat generation (the energy key audit sector).
    Power,
    /// Any other sector.
    Other,
}

closed_set!(Sector {
    Textile => "textile",
    Electroplating => "electroplating",
    PulpPaper => "pulp_paper",
    FoodBeverage => "food_beverage",
    BrewingDistilling => "brewing_distilling",
    ChemicalsCoatings => "chemicals_coatings",
    Leather => "leather",
    BuildingMaterials => "building_materials",
    Machinery => "machinery",
    Electronics => "electronics",
    Metallurgy => "metallurgy",
    Coking => "coking",
    Pharmaceutical => "pharmaceutical",
    IndustrialCoating => "industrial_coating",
    PackagingPrinting => "packaging_printing",
    Power => "power",
    Other => "other",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for s in AuditStep::ALL {
            assert_eq!(AuditStep::from_id(s.as_str()), Some(*s));
            assert_eq!(
                serde_json::to_string(s).ok(),
                Some(format!("\"{}\"", s.as_str()))
            );
        }
        for d in Driver::ALL {
            assert_eq!(Driver::from_id(d.as_str()), Some(*d));
            assert_eq!(
                serde_json::to_string(d).ok(),
                Some(format!("\"{}\"", d.as_str()))
            );
        }
        for c in MeasureCategory::ALL {
            assert_eq!(MeasureCategory::from_id(c.as_str()), Some(*c));
        }
        for s in Sector::ALL {
            assert_eq!(Sector::from_id(s.as_str()), Some(*s));
        }
        assert_eq!(AuditStep::from_id("nope"), None);
    }

    #[test]
    fn seed_counts_match_the_reference_table() {
        let total: u32 = Driver::ALL.iter().filter_map(|d| d.seed_citations()).sum();
        // 23+14+17 + 9+19+10 + 6+4+7 = 109 citations in [SEED].
        assert_eq!(total, 109);
        assert_eq!(Driver::ALL.len(), 11);
        assert_eq!(
            Driver::ALL
                .iter()
                .filter(|d| d.family() == Family::Economic)
                .count(),
            4
        );
    }

    #[test]
    fn languages_from_browser_preferences() {
        assert_eq!(Language::from_preferences(&["zh-CN", "en"]), Language::ZhCn);
        assert_eq!(Language::from_preferences(&["zh-TW"]), Language::ZhCn);
        assert_eq!(
            Language::from_preferences(&["de-DE", "en-GB", "zh"]),
            Language::En
        );
        assert_eq!(Language::from_preferences(&["fr"]), Language::En);
        assert_eq!(Language::from_preferences::<&str>(&[]), Language::En);
        assert_eq!(Language::from_id("zh-CN"), Some(Language::ZhCn));
        assert_eq!(
            serde_json::to_string(&Language::ZhCn).ok(),
            Some("\"zh-CN\"".into())
        );
    }

    #[test]
    fn steps_are_numbered_one_to_seven_in_order() {
        let numbers: Vec<u8> = AuditStep::ALL.iter().map(|s| s.number()).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6, 7]);
    }
}
