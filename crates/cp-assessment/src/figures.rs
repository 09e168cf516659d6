//! The plant's figures (the questionnaire's optional sixth part) turned into money and
//! levels: what waste costs a year ([`crate::cost`], a simplified MFCA), water and energy
//! per unit of product (energy in coal equivalent with the factors of
//! [`crate::benchmarks`]), the material yield, and where the plant stands against its
//! sector's cleaner-production levels. [`FiguresReport`] shapes it for the results page
//! in the texts of `content/<lang>/figures.json`, which, like the audit rules, only the
//! results page reads.

use crate::answers::Answers;
use crate::bank::{Bank, ContentError};
use crate::benchmarks::{Benchmarks, Indicator, Level, SectorBenchmarks};
use crate::cost::{cost_of_waste, CostInputs, CostOfWaste};
use crate::register::money;
use crate::regulation::SourceStatus;
use crate::spread::figure;
use crate::templates::Templates;
use crate::vocabulary::{Currency, Language, Sector};

/// The questions of the sixth part, all read here.
pub const FIGURE_QUESTIONS: [&str; 22] = [
    "currency",
    "turnover",
    "output_unit",
    "output",
    "water_m3",
    "water_cost",
    "energy_carriers",
    "electricity_amount",
    "electricity_cost",
    "coal_amount",
    "coal_cost",
    "natural_gas_amount",
    "natural_gas_cost",
    "steam_amount",
    "steam_cost",
    "oil_amount",
    "oil_cost",
    "materials_t",
    "materials_cost",
    "material_loss",
    "treatment_cost",
    "disposal_cost",
];

/// The figures an indicator's value can be computed from (`from.figure` in
/// `benchmarks.json`, `figure` of a level rule), each with the question that gives it.
pub const COMPUTED_FIGURES: [(&str, &str); 1] = [
    // Fresh water m³ per unit of output.
    ("water_per_unit", "water_m3"),
];

/// The question a computed figure is read from; `None` for a name not in
/// [`COMPUTED_FIGURES`].
pub fn figure_question(figure: &str) -> Option<&'static str> {
    COMPUTED_FIGURES
        .iter()
        .find(|(name, _)| *name == figure)
        .map(|(_, question)| *question)
}

/// Each energy carrier the part asks about: its option id, the conversion factor's carrier
/// in `benchmarks.json` and how many of that factor's units one unit asked is (a tonne of
/// coal is 1,000 kg). Steam has no factor there (its coal equivalent depends on its
/// pressure and temperature), so its quantity is not converted. Fuel oil's factor also
/// stands for diesel, 2 % apart (1.4286 against 1.4571 kgce/kg).
const CARRIERS: [(&str, Option<(&str, f64)>); 5] = [
    ("electricity", Some(("electricity", 1.0))),
    ("coal", Some(("raw_coal", 1000.0))),
    ("natural_gas", Some(("natural_gas_gasfield", 1.0))),
    ("steam", None),
    ("oil", Some(("fuel_oil", 1000.0))),
];

/// The words of the figures' section, in one language (`content/<lang>/figures.json`).
#[derive(Clone, Debug, PartialEq)]
pub struct FigureTexts(Templates);

const EN: &str = include_str!("../../../content/en/figures.json");
const ZH_CN: &str = include_str!("../../../content/zh-CN/figures.json");

/// The keys [`FigureTexts`] must have: every text the results and the room read.
const KEYS: [&str; 60] = [
    "heading",
    "intro",
    "nothing_given",
    "give_figures",
    "total",
    "total_partial",
    "total_unknown",
    "share",
    "reference",
    "chart_caption",
    "chart_series",
    "chart_table",
    "col_category",
    "material",
    "energy",
    "water",
    "waste_management",
    "not_known",
    "missing",
    "intensities_heading",
    "water_per_unit",
    "energy_per_unit",
    "energy_partial",
    "energy_total",
    "yield",
    "levels_heading",
    "levels_intro",
    "levels_abroad",
    "col_indicator",
    "col_yours",
    "col_level",
    "level_i",
    "level_ii",
    "level_iii",
    "level_below",
    "gap",
    "no_levels",
    "no_levels_sector",
    "no_levels_unit",
    "no_sector",
    "source",
    "status_verified",
    "status_indicative",
    "units",
    "year",
    "room_heading",
    "room_line",
    "room_partial",
    "room_none",
    "room_col_currency",
    "room_col_plants",
    "room_col_total",
    "room_col_min",
    "room_col_q1",
    "room_col_median",
    "room_col_q3",
    "room_col_max",
    "currency_cny",
    "currency_eur",
    "currency_usd",
];

impl FigureTexts {
    /// The texts of `language`.
    ///
    /// # Errors
    /// A [`ContentError`] if the file is malformed or lacks a text (caught by the tests).
    pub fn load(language: Language) -> Result<FigureTexts, ContentError> {
        let json = match language {
            Language::En => EN,
            Language::ZhCn => ZH_CN,
        };
        Templates::parse("figures.json", json, &KEYS).map(FigureTexts)
    }

    /// The text under `key`, its placeholders filled from `values`.
    pub fn get(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.0.get(key, values)
    }

    /// The name of an output unit ("tonne"), its id if unknown.
    pub fn unit<'a>(&'a self, id: &'a str) -> &'a str {
        self.0.name_in("units", id).unwrap_or(id)
    }
}

/// An indicator of the sector's system the plant's figures give a value for.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The indicator, with its levels and source.
    pub indicator: Indicator,
    /// The plant's value, in the indicator's unit.
    pub value: f64,
    /// The level that value reaches.
    pub level: Level,
}

/// What the figures give.
#[derive(Clone, Debug, PartialEq)]
pub struct PlantFigures {
    /// The currency of the amounts.
    pub currency: Currency,
    /// The cost of waste.
    pub cost: CostOfWaste,
    /// The questions of the cost of waste left without a figure, by id.
    pub cost_missing: Vec<&'static str>,
    /// The output unit and the annual output, when both are known.
    pub output: Option<(String, f64)>,
    /// Fresh water per unit of output, m³.
    pub water_per_unit: Option<f64>,
    /// Energy in all, kgce a year, from the carriers whose quantity is known.
    pub energy_kgce: Option<f64>,
    /// Carriers chosen whose quantity is not known or not convertible (option ids).
    pub energy_left_out: Vec<String>,
    /// The material yield, 0–1.
    pub material_yield: Option<f64>,
    /// The indicators of the sector the figures give a value for.
    pub standings: Vec<Standing>,
    /// The plant is outside mainland China: China's levels are only a reference to it.
    pub outside_china: bool,
}

/// The currency a response counts in: the one its figures' part names, else yuan for a
/// plant in mainland China or a Chinese-language response, else the US dollar
/// ([`Currency::default_for`]).
pub fn answered_currency(bank: &Bank, answers: &Answers, language: Language) -> Currency {
    answers
        .choice(bank, "currency")
        .and_then(Currency::from_id)
        .unwrap_or_else(|| Currency::default_for(answers.choice(bank, "plant_location"), language))
}

/// A number answer of the sixth part; `None` when not given or "I don't know".
fn number(bank: &Bank, answers: &Answers, id: &str) -> Option<f64> {
    answers
        .number(bank, id)
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// The questions to name when the energy cost is not known: which carriers the plant buys,
/// when none is chosen; else the cost of each one chosen (the carriers themselves were
/// answered, so naming them would send the respondent to a question already done).
fn energy_missing(carriers: &[String], energy_cost: Option<f64>) -> Vec<&'static str> {
    match (energy_cost, carriers.is_empty()) {
        (Some(_), _) => Vec::new(),
        (None, true) => vec!["energy_carriers"],
        (None, false) => carriers
            .iter()
            .filter_map(|c| {
                FIGURE_QUESTIONS
                    .iter()
                    .copied()
                    .find(|q| q.strip_suffix("_cost") == Some(c.as_str()))
            })
            .collect(),
    }
}

/// Reads the sixth part; `None` when none of its figures is given.
pub fn plant_figures(
    bank: &Bank,
    benchmarks: &Benchmarks,
    answers: &Answers,
    sector: Option<Sector>,
    language: Language,
) -> Option<PlantFigures> {
    let given = FIGURE_QUESTIONS
        .iter()
        .any(|id| number(bank, answers, id).is_some());
    if !given {
        return None;
    }
    let currency = answered_currency(bank, answers, language);
    let carriers = answers.choices(bank, "energy_carriers").unwrap_or_default();
    let energy_cost = carriers
        .iter()
        .filter_map(|c| number(bank, answers, &format!("{c}_cost")))
        .reduce(|a, b| a + b);
    let inputs = CostInputs {
        turnover: number(bank, answers, "turnover"),
        materials: number(bank, answers, "materials_cost"),
        loss_share: number(bank, answers, "material_loss").map(|p| p / 100.0),
        energy: energy_cost,
        water: number(bank, answers, "water_cost"),
        treatment: number(bank, answers, "treatment_cost"),
        disposal: number(bank, answers, "disposal_cost"),
    };
    let cost_missing: Vec<&'static str> = [
        ("turnover", inputs.turnover),
        ("materials_cost", inputs.materials),
        ("material_loss", inputs.loss_share),
        ("water_cost", inputs.water),
        ("treatment_cost", inputs.treatment),
        ("disposal_cost", inputs.disposal),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_none())
    .map(|(id, _)| id)
    .chain(energy_missing(carriers, energy_cost))
    .collect();

    let output = answers
        .choice(bank, "output_unit")
        .zip(number(bank, answers, "output"))
        .filter(|(_, o)| *o > 0.0)
        .map(|(u, o)| (u.to_owned(), o));
    let mut energy_left_out = Vec::new();
    let mut kgce: Option<f64> = None;
    for (id, conversion) in CARRIERS {
        if !carriers.iter().any(|c| c == id) {
            continue;
        }
        let converted = number(bank, answers, &format!("{id}_amount"))
            .zip(conversion)
            .and_then(|(q, (carrier, scale))| benchmarks.to_kgce(carrier, q * scale));
        match converted {
            Some(k) => kgce = Some(kgce.unwrap_or(0.0) + k),
            None => energy_left_out.push(id.to_owned()),
        }
    }
    let water_per_unit = number(bank, answers, "water_m3")
        .zip(output.as_ref())
        .map(|(w, (_, o))| w / o);
    let standings = sector
        .and_then(|s| benchmarks.sectors.iter().find(|b| b.sector == s))
        .map(|s| standings(s, output.as_ref(), water_per_unit))
        .unwrap_or_default();
    Some(PlantFigures {
        currency,
        cost: cost_of_waste(&inputs),
        cost_missing,
        water_per_unit,
        energy_kgce: kgce,
        energy_left_out,
        material_yield: inputs.loss_share.filter(|s| *s <= 1.0).map(|s| 1.0 - s),
        output,
        standings,
        outside_china: answers.choice(bank, "plant_location") == Some("elsewhere"),
    })
}

/// The sector's indicators these figures give a value for: fresh water per unit of output,
/// where the indicator counts it per the unit the plant gave.
fn standings(
    sector: &SectorBenchmarks,
    output: Option<&(String, f64)>,
    water_per_unit: Option<f64>,
) -> Vec<Standing> {
    sector
        .indicators
        .iter()
        .filter_map(|i| {
            let from = i.from.as_ref()?;
            let unit_fits = output.is_some_and(|(u, _)| *u == from.output_unit);
            let value = match from.figure.as_str() {
                "water_per_unit" if unit_fits => water_per_unit?,
                _ => return None,
            };
            Some(Standing {
                indicator: i.clone(),
                value,
                level: i.level(value)?,
            })
        })
        .collect()
}

/// One row of the cost of waste: its category's name and amount.
#[derive(Clone, Debug, PartialEq)]
pub struct CostRow {
    /// The category, in the texts' language.
    pub label: String,
    /// The amount a year; `None` when not known.
    pub amount: Option<f64>,
    /// The amount written with its currency, or "not known".
    pub text: String,
}

/// One row of the levels' table.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelRow {
    /// The indicator's name, ★ before a limiting one.
    pub indicator: String,
    /// The plant's value with the unit.
    pub yours: String,
    /// Levels Ⅰ, Ⅱ and Ⅲ with the unit.
    pub levels: [String; 3],
    /// The level reached.
    pub level: String,
    /// The level reached is Ⅲ or below.
    pub lagging: bool,
}

/// The figures' section as the results page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FiguresReport {
    /// The total and, when known, the share of turnover.
    pub total: String,
    /// The reference figures, with their sources.
    pub reference: String,
    /// The cost categories, in ISO 14051's order.
    pub rows: Vec<CostRow>,
    /// What was not given, if anything.
    pub missing: Option<String>,
    /// Water and energy per unit, the energy in all and the yield, as known.
    pub intensities: Vec<String>,
    /// The sector's indicators the figures reach a level on.
    pub levels: Vec<LevelRow>,
    /// One sentence per indicator at level Ⅲ or below: how far level Ⅰ is.
    pub gaps: Vec<String>,
    /// Why there are no levels, when there are none.
    pub no_levels: Option<String>,
    /// The indicator system's source and status, when levels are shown.
    pub source: Option<String>,
}

impl PlantFigures {
    /// The cost of waste in one sentence, with its share of turnover when known: the
    /// section's headline and the summary's line; `None` while no cost category is known,
    /// when a total of 0 would read as a finding.
    pub fn total_text(&self, texts: &FigureTexts, language: Language) -> Option<String> {
        let cost = &self.cost;
        if !cost.is_known() {
            return None;
        }
        let amount = money(cost.total, self.currency);
        let key = if cost.partial {
            "total_partial"
        } else {
            "total"
        };
        let mut total = texts.get(key, &[("amount", &amount)]);
        if let Some(share) = cost.share_of_turnover {
            total.push_str(language.sentence_separator());
            total.push_str(&texts.get("share", &[("share", &figure(share * 100.0))]));
        }
        Some(total)
    }

    /// The section's texts, in the language of `texts` and `bank` (for the missing
    /// questions' wording).
    pub fn report(
        &self,
        texts: &FigureTexts,
        bank: &Bank,
        benchmarks: &Benchmarks,
        sector: Option<Sector>,
        language: Language,
    ) -> FiguresReport {
        let c = self.currency;
        let cost = &self.cost;
        let total = self
            .total_text(texts, language)
            .unwrap_or_else(|| texts.get("total_unknown", &[]));
        let reference = {
            let find = |id: &str| benchmarks.reference.iter().find(|r| r.id == id);
            let (a, b) = (
                find("cost_of_waste_share_of_turnover"),
                find("disposal_share_of_true_cost"),
            );
            texts.get(
                "reference",
                &[
                    ("share", &a.map(|r| figure(r.value)).unwrap_or_default()),
                    ("source", a.map_or("", |r| r.cite.of(language))),
                    ("source2", b.map_or("", |r| r.cite.of(language))),
                ],
            )
        };
        let not_known = texts.get("not_known", &[]);
        let rows = [
            ("material", cost.material),
            ("energy", cost.energy),
            ("water", cost.water),
            ("waste_management", cost.waste_management),
        ]
        .into_iter()
        .map(|(key, amount)| CostRow {
            label: texts.get(key, &[]),
            amount,
            text: amount.map_or_else(|| not_known.clone(), |a| money(a, c)),
        })
        .collect();
        // Lists are joined as the bank's language joins them ("a, b" / "甲、乙").
        let separator = bank.words.list_separator.as_str();
        let question = |id: &str| {
            bank.question(id).map_or(id.to_owned(), |q| {
                q.text.trim_end_matches(['?', '？']).to_owned()
            })
        };
        let missing = (!self.cost_missing.is_empty()).then(|| {
            let list: Vec<String> = self.cost_missing.iter().map(|id| question(id)).collect();
            texts.get("missing", &[("list", &list.join(separator))])
        });
        let unit = self.output.as_ref().map(|(u, _)| texts.unit(u).to_owned());
        let mut intensities = Vec::new();
        if let (Some(w), Some(u)) = (self.water_per_unit, &unit) {
            intensities.push(texts.get("water_per_unit", &[("value", &figure(w)), ("unit", u)]));
        }
        if let Some(kgce) = self.energy_kgce {
            let carriers = bank.question("energy_carriers");
            let left: Vec<String> = self
                .energy_left_out
                .iter()
                .map(|id| {
                    carriers
                        .and_then(|q| q.option(id))
                        .map_or(id.clone(), |o| o.label.clone())
                })
                .collect();
            let partial = if left.is_empty() {
                String::new()
            } else {
                texts.get("energy_partial", &[("list", &left.join(separator))])
            };
            if let (Some((_, output)), Some(u)) = (&self.output, &unit) {
                let per = texts.get(
                    "energy_per_unit",
                    &[("value", &figure(kgce / output)), ("unit", u)],
                );
                intensities.push(format!("{per}{partial}"));
            }
            let all = texts.get("energy_total", &[("value", &figure(kgce / 1000.0))]);
            intensities.push(format!("{all}{partial}"));
        }
        if let Some(y) = self.material_yield {
            intensities.push(texts.get("yield", &[("value", &figure(y * 100.0))]));
        }
        let level_name = |l: Level| {
            texts.get(
                match l {
                    Level::I => "level_i",
                    Level::II => "level_ii",
                    Level::III => "level_iii",
                    Level::BelowIII => "level_below",
                },
                &[],
            )
        };
        let levels: Vec<LevelRow> = self
            .standings
            .iter()
            .map(|s| {
                let i = &s.indicator;
                let name = i.name.of(language);
                LevelRow {
                    indicator: if i.limiting {
                        format!("★ {name}")
                    } else {
                        name.to_owned()
                    },
                    yours: format!("{} {}", figure(s.value), i.unit_name.of(language)),
                    levels: i
                        .levels
                        .map(|l| format!("{} {}", figure(l), i.unit_name.of(language))),
                    level: level_name(s.level),
                    lagging: s.level >= Level::III,
                }
            })
            .collect();
        let gaps = self
            .standings
            .iter()
            .filter(|s| s.level >= Level::III && s.value > 0.0)
            .map(|s| {
                let ratio = s.indicator.levels[0] / s.value * 100.0;
                texts.get(
                    "gap",
                    &[
                        ("indicator", s.indicator.name.of(language)),
                        ("level", &level_name(s.level)),
                        ("ratio", &format!("{ratio:.0}")),
                    ],
                )
            })
            .collect();
        let system = sector.and_then(|s| benchmarks.sectors.iter().find(|b| b.sector == s));
        let no_levels = levels.is_empty().then(|| {
            let reason = match system {
                None => texts.get("no_sector", &[]),
                Some(s) if s.indicators.iter().all(|i| i.from.is_none()) => {
                    texts.get("no_levels_sector", &[])
                }
                Some(s) => {
                    let wanted = s
                        .indicators
                        .iter()
                        .find_map(|i| i.from.as_ref())
                        .map(|f| texts.unit(&f.output_unit).to_owned())
                        .unwrap_or_default();
                    texts.get("no_levels_unit", &[("unit", &wanted)])
                }
            };
            texts.get("no_levels", &[("reason", &reason)])
        });
        let source = (!levels.is_empty()).then(|| {
            let s = system.map(|s| &s.system);
            let status = if self
                .standings
                .iter()
                .all(|x| x.indicator.status == SourceStatus::Verified)
            {
                "status_verified"
            } else {
                "status_indicative"
            };
            texts.get(
                "source",
                &[
                    ("title", s.map_or("", |s| s.title.of(language))),
                    (
                        "issuer",
                        s.map_or("", |s| {
                            s.issuer_name
                                .as_ref()
                                .map_or(s.issuer.as_str(), |n| n.of(language))
                        }),
                    ),
                    (
                        "year",
                        &s.and_then(|s| s.year)
                            .map(|y| texts.get("year", &[("year", &y.to_string())]))
                            .unwrap_or_default(),
                    ),
                    ("status", &texts.get(status, &[])),
                ],
            )
        });
        FiguresReport {
            total,
            reference,
            rows,
            missing,
            intensities,
            levels,
            gaps,
            no_levels,
            source,
        }
    }
}
