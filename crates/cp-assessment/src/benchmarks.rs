//! Facts for the cost of waste and the sector benchmarks, as data with their sources and
//! status (`content/benchmarks.json`, both languages' names in one file): standard-coal
//! conversion factors (GB/T 2589), reference shares of the cost of waste, and the levels
//! Ⅰ/Ⅱ/Ⅲ of the sectors' 清洁生产评价指标体系 that were found. docs/benchmarks.md lists every
//! value; `tests/benchmarks.rs` checks them.

use serde::{Deserialize, Serialize};

use crate::bank::ContentError;
use crate::content::parse;
use crate::regulation::SourceStatus;
use crate::vocabulary::{Language, Sector};

/// A name in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Name {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
}

impl Name {
    /// The name in `language`.
    pub fn of(&self, language: Language) -> &str {
        match language {
            Language::En => &self.en,
            Language::ZhCn => &self.zh_cn,
        }
    }
}

/// How much standard coal one unit of an energy carrier counts as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversion {
    /// Stable id, e.g. "electricity", "raw_coal", "natural_gas_gasfield".
    pub carrier: String,
    /// Its name.
    pub name: Name,
    /// kgce per unit.
    pub factor: f64,
    /// The unit: "kWh", "kg", "m³" or "MJ".
    pub per: String,
    /// The calorific basis.
    pub basis: String,
    /// The standard, its table, where it was read, and what is not confirmed.
    pub source: String,
    /// The table.
    pub locator: String,
    /// Where it was read.
    pub url: String,
    /// Verified or indicative.
    pub status: SourceStatus,
    /// What is and is not confirmed.
    pub note: String,
}

/// A reference figure for the cost of waste.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// Stable id.
    pub id: String,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// Who says so.
    pub source: String,
    /// The source as a reader cites it, in both languages.
    pub cite: Name,
    /// Where.
    pub url: String,
    /// Verified or indicative.
    pub status: SourceStatus,
}

/// Which way an indicator improves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Less is better (water, energy per unit).
    Lower,
    /// More is better (utilisation, yield).
    Higher,
}

/// One quantitative indicator of a sector's indicator system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: Name,
    /// The unit of the value.
    pub unit: String,
    /// The unit as each language writes it.
    pub unit_name: Name,
    /// What the value is per.
    pub per: String,
    /// Which way it improves.
    pub direction: Direction,
    /// A limiting indicator (限定性指标): a plant not meeting level Ⅲ on it cannot be rated.
    pub limiting: bool,
    /// The limits of levels Ⅰ, Ⅱ and Ⅲ.
    pub levels: [f64; 3],
    /// The table and item.
    pub locator: String,
    /// Verified or indicative.
    pub status: SourceStatus,
    /// Where it was read and what is not confirmed.
    pub note: String,
    /// Which of the plant's figures gives its value, if one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<FromFigures>,
}

/// How a plant's figures give an indicator's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FromFigures {
    /// The computed figure: "water_per_unit" (fresh water m³ per unit of output).
    pub figure: String,
    /// The output unit (`output_unit` option id) the indicator counts per.
    pub output_unit: String,
}

/// A level of an indicator system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Ⅰ 国际清洁生产领先水平.
    I,
    /// Ⅱ 国内清洁生产先进水平.
    II,
    /// Ⅲ 国内清洁生产一般水平.
    III,
    /// Short of level Ⅲ.
    BelowIII,
}

impl Indicator {
    /// The level a plant's `value` reaches; `None` for a value that is not a number.
    pub fn level(&self, value: f64) -> Option<Level> {
        if !value.is_finite() {
            return None;
        }
        let meets = |limit: f64| match self.direction {
            Direction::Lower => value <= limit,
            Direction::Higher => value >= limit,
        };
        let [one, two, three] = self.levels;
        Some(if meets(one) {
            Level::I
        } else if meets(two) {
            Level::II
        } else if meets(three) {
            Level::III
        } else {
            Level::BelowIII
        })
    }

    /// Whether the levels are in order: Ⅰ better than Ⅱ better than Ⅲ in the indicator's
    /// direction, all numbers.
    pub fn is_ordered(&self) -> bool {
        let [one, two, three] = self.levels;
        self.levels.iter().all(|l| l.is_finite())
            && match self.direction {
                Direction::Lower => one < two && two < three,
                Direction::Higher => one > two && two > three,
            }
    }
}

/// A sector's indicator system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct System {
    /// Its title.
    pub title: Name,
    /// Who issued it.
    pub issuer: String,
    /// The issuer as each language names it, where written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<Name>,
    /// Its number, where known.
    pub number: String,
    /// Its year, where known.
    pub year: Option<u32>,
    /// Where it (or the tabulation used) was read.
    pub url: String,
    /// What is and is not confirmed.
    pub note: String,
}

/// The indicators found for one of the app's sectors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectorBenchmarks {
    /// The app's sector.
    pub sector: Sector,
    /// The indicator system.
    pub system: System,
    /// Its quantitative indicators with levels; empty where none could be read.
    pub indicators: Vec<Indicator>,
}

/// The benchmarks file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Benchmarks {
    /// What the file is.
    pub note: String,
    /// Standard-coal conversion factors.
    pub conversion: Vec<Conversion>,
    /// Reference figures for the cost of waste.
    pub reference: Vec<Reference>,
    /// Sector indicator systems.
    pub sectors: Vec<SectorBenchmarks>,
}

/// `content/benchmarks.json`.
const BENCHMARKS: &str = include_str!("../../../content/benchmarks.json");

impl Benchmarks {
    /// The benchmarks compiled into the app.
    ///
    /// # Errors
    /// A [`ContentError`] if the file is malformed (caught by the tests).
    pub fn load() -> Result<Benchmarks, ContentError> {
        parse("benchmarks.json", BENCHMARKS)
    }

    /// The benchmarks compiled into the app, parsed once for the whole run; `None` if
    /// the file is malformed (ruled out by the tests).
    pub fn shared() -> Option<&'static Benchmarks> {
        static PARSED: std::sync::OnceLock<Option<Benchmarks>> = std::sync::OnceLock::new();
        PARSED.get_or_init(|| Benchmarks::load().ok()).as_ref()
    }

    /// The conversion factor of a carrier.
    pub fn conversion(&self, carrier: &str) -> Option<&Conversion> {
        self.conversion.iter().find(|c| c.carrier == carrier)
    }

    /// `quantity` of `carrier` in kilograms of standard coal equivalent; `None` for an
    /// unknown carrier or a quantity that is not a number of zero or more.
    pub fn to_kgce(&self, carrier: &str, quantity: f64) -> Option<f64> {
        let c = self.conversion(carrier)?;
        (quantity.is_finite() && quantity >= 0.0).then_some(quantity * c.factor)
    }

    /// The indicators of a sector; empty when none were found.
    pub fn of(&self, sector: Sector) -> &[Indicator] {
        self.sectors
            .iter()
            .find(|s| s.sector == sector)
            .map_or(&[], |s| s.indicators.as_slice())
    }
}
