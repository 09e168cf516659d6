//! The option register: the CP options a plant takes from the advice into the audit's later
//! steps — screening into the three bins practice uses (可行的无/低费方案, 初步可行的中/高费方案,
//! 不可行方案), the feasibility study (payback, NPV, NPVR, IRR from [`crate::finance`]) and
//! follow-up (status, measured savings). Pure data and arithmetic; the page that edits it
//! and the formats that carry it build on this.

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::bank::Bank;
use crate::finance::{irr, npv, npvr, payback_years, Irr, MAX_YEARS};
use crate::vocabulary::{Currency, MeasureCategory};

/// Longest option title, in characters (a sector example is under 200).
pub const MAX_TITLE: usize = 300;
/// Longest free text of the other fields, in characters.
pub const MAX_TEXT: usize = 200;
/// Most options one register holds.
pub const MAX_OPTIONS: usize = 500;

/// An amount as the register shows it: the currency's sign, thousands grouped with commas,
/// at most two decimals ("¥280,000", "€1,250.5", "−$3,000").
pub fn money(value: f64, currency: Currency) -> String {
    let text = crate::spread::grouped(value.abs());
    let sign = if value < 0.0 && text != "0" {
        "\u{2212}"
    } else {
        ""
    };
    format!("{sign}{}{text}", currency.symbol())
}

/// Years with one decimal, "2.8"; a whole number without it, "3".
pub fn years(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// Where screening put an option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "bin", content = "reason", rename_all = "snake_case")]
pub enum Bin {
    /// Not screened yet.
    NotScreened,
    /// Feasible no/low-cost option: do it now (可行的无/低费方案).
    DoNow,
    /// Initially feasible medium/high-cost option: it needs a feasibility study
    /// (初步可行的中/高费方案).
    FeasibilityStudy,
    /// Not feasible (不可行方案), with the reason.
    Rejected(String),
}

impl Bin {
    /// Its place in the order the register counts bins: not screened, do now,
    /// feasibility study, rejected.
    pub fn index(&self) -> usize {
        match self {
            Bin::NotScreened => 0,
            Bin::DoNow => 1,
            Bin::FeasibilityStudy => 2,
            Bin::Rejected(_) => 3,
        }
    }

    /// Its stable id: "not_screened", "do_now", "feasibility_study" or "rejected".
    pub fn id(&self) -> &'static str {
        ["not_screened", "do_now", "feasibility_study", "rejected"][self.index()]
    }
}

/// Where the option stands after screening.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "status",
    content = "measured_savings",
    rename_all = "snake_case"
)]
pub enum Status {
    /// Decided, not started.
    Planned,
    /// Being implemented.
    InProgress,
    /// Implemented; the savings measured against the baseline, per year, if known.
    Done(Option<f64>),
    /// Given up.
    Dropped,
}

impl Status {
    /// Its place in the order the register counts statuses: planned, in progress, done,
    /// dropped.
    pub fn index(&self) -> usize {
        match self {
            Status::Planned => 0,
            Status::InProgress => 1,
            Status::Done(_) => 2,
            Status::Dropped => 3,
        }
    }

    /// Its stable id: "planned", "in_progress", "done" or "dropped".
    pub fn id(&self) -> &'static str {
        ["planned", "in_progress", "done", "dropped"][self.index()]
    }
}

/// Annual savings by kind, in the register's currency.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Savings {
    /// Raw and auxiliary materials.
    pub material: f64,
    /// Energy.
    pub energy: f64,
    /// Water.
    pub water: f64,
    /// Waste treatment and disposal.
    pub treatment_disposal: f64,
    /// Other, such as maintenance and labour.
    pub other: f64,
}

impl Savings {
    /// The annual total.
    pub fn total(&self) -> f64 {
        self.material + self.energy + self.water + self.treatment_disposal + self.other
    }
}

/// The inputs of an option's feasibility study.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feasibility {
    /// The investment, now.
    pub investment: f64,
    /// Savings in each year of the option's life.
    pub savings: Savings,
    /// One-off savings or subsidies received now, which reduce the investment.
    pub one_off: f64,
    /// Years the option lasts.
    pub life_years: u32,
    /// The discount rate, in percent a year (the bank lending rate or the company's own).
    pub rate_percent: f64,
    /// The cost class the audit team chose; `None` to let the amount suggest it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<InvestmentClass>,
}

/// Why feasibility inputs were refused; the message is written for the manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeasibilityError {
    /// An amount is negative or not a number.
    BadAmount,
    /// The life is not between 1 and [`MAX_YEARS`] years.
    BadLife,
    /// The rate is not between −50 % and 100 %.
    BadRate,
    /// The one-off savings or subsidies are more than the investment.
    OneOffAboveInvestment,
}

impl std::fmt::Display for FeasibilityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeasibilityError::BadAmount => {
                f.write_str("Amounts must be numbers of zero or more (savings may be negative).")
            }
            FeasibilityError::BadLife => write!(f, "The life must be 1 to {MAX_YEARS} years."),
            FeasibilityError::BadRate => f.write_str("The discount rate must be −50 % to 100 %."),
            FeasibilityError::OneOffAboveInvestment => {
                f.write_str("One-off savings or subsidies cannot be more than the investment.")
            }
        }
    }
}

/// What the feasibility study gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// Net investment now: the investment less one-off savings.
    pub net_investment: f64,
    /// Annual savings.
    pub annual: f64,
    /// Simple payback in years; `None` if never paid back.
    pub payback_years: Option<f64>,
    /// NPV at the rate; `None` if it cannot be computed.
    pub npv: Option<f64>,
    /// NPV per unit of net investment; `None` without an investment.
    pub npvr: Option<f64>,
    /// The IRR.
    pub irr: Irr,
}

impl Feasibility {
    /// Checks the inputs: amounts finite, investment and one-off savings not negative
    /// (savings may be, for an option that costs more to run), life and rate in range.
    ///
    /// # Errors
    /// The first [`FeasibilityError`] found.
    pub fn check(&self) -> Result<(), FeasibilityError> {
        let s = &self.savings;
        let amounts = [
            self.investment,
            self.one_off,
            s.material,
            s.energy,
            s.water,
            s.treatment_disposal,
            s.other,
        ];
        if amounts.iter().any(|a| !a.is_finite()) || self.investment < 0.0 || self.one_off < 0.0 {
            return Err(FeasibilityError::BadAmount);
        }
        if !(1..=MAX_YEARS as u32).contains(&self.life_years) {
            return Err(FeasibilityError::BadLife);
        }
        if !(self.rate_percent.is_finite() && (-50.0..=100.0).contains(&self.rate_percent)) {
            return Err(FeasibilityError::BadRate);
        }
        if self.one_off > self.investment {
            return Err(FeasibilityError::OneOffAboveInvestment);
        }
        Ok(())
    }

    /// The cash flows: year 0 the net investment (negative), years 1 to the life the
    /// annual savings.
    pub fn flows(&self) -> Vec<f64> {
        let years = self.life_years.min(MAX_YEARS as u32) as usize;
        let mut flows = vec![self.savings.total(); years + 1];
        flows[0] = -(self.investment - self.one_off);
        flows
    }

    /// Payback, NPV, NPVR and IRR; `None` if the inputs fail [`Feasibility::check`].
    pub fn figures(&self) -> Option<Figures> {
        self.check().ok()?;
        let flows = self.flows();
        let rate = self.rate_percent / 100.0;
        Some(Figures {
            net_investment: -flows[0],
            annual: self.savings.total(),
            payback_years: payback_years(&flows),
            npv: npv(rate, &flows),
            npvr: npvr(rate, &flows),
            irr: irr(&flows),
        })
    }
}

/// The cost classes the Chinese training material sets payback norms for: medium cost 2–3
/// years at most (3), higher cost under 5, high cost under 10 (清洁生产可行性分析 courseware;
/// cp-china-economics §3, verified). The audit team sets the class; no national money
/// thresholds exist, so the yuan amounts of [`InvestmentClass::of`] only suggest one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestmentClass {
    /// No or low cost (无/低费): done during the audit, without a payback norm.
    Low,
    /// Medium cost (中费): payback at most 3 years.
    Medium,
    /// Higher cost (较高费): payback under 5 years.
    Higher,
    /// High cost (高费): payback under 10 years.
    High,
}

crate::vocabulary::closed_set!(InvestmentClass {
    Low => "low",
    Medium => "medium",
    Higher => "higher",
    High => "high",
});

impl InvestmentClass {
    /// The class a net investment in yuan suggests, following a public Chinese audit tool
    /// (below ¥100,000 low, to ¥1,000,000 medium, above high; indicative). It never
    /// suggests "higher", for which that tool has no threshold.
    pub fn of(net_investment: f64) -> InvestmentClass {
        if net_investment < 100_000.0 {
            InvestmentClass::Low
        } else if net_investment <= 1_000_000.0 {
            InvestmentClass::Medium
        } else {
            InvestmentClass::High
        }
    }

    /// The longest acceptable payback in years; `None` for no/low-cost options.
    pub fn payback_norm(self) -> Option<f64> {
        match self {
            InvestmentClass::Low => None,
            InvestmentClass::Medium => Some(3.0),
            InvestmentClass::Higher => Some(5.0),
            InvestmentClass::High => Some(10.0),
        }
    }

    /// Whether a payback of `years` meets the norm: at most 3 years for medium cost ("2–3
    /// years"), under 5 and under 10 for the higher classes, anything for no/low cost.
    pub fn accepts(self, years: f64) -> bool {
        match (self, self.payback_norm()) {
            (_, None) => true,
            (InvestmentClass::Medium, Some(norm)) => years <= norm,
            (_, Some(norm)) => years < norm,
        }
    }
}

/// The practitioners' decision rules applied to an option's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Payback within the class's norm (always true for no/low-cost options); false when
    /// never paid back; `None` when the class is not known.
    pub payback_ok: Option<bool>,
    /// NPV at least zero.
    pub npv_ok: bool,
    /// IRR at least the discount rate; `None` when there is no single IRR.
    pub irr_ok: Option<bool>,
}

impl Figures {
    /// Whether it pays back within `limit` years; never paying back is beyond any limit.
    pub fn pays_back_within(&self, limit: f64) -> bool {
        self.payback_years.is_some_and(|p| p <= limit + 1e-9)
    }

    /// The decision rules (payback norm of `class`, NPV ≥ 0, IRR ≥ the rate) for a rate
    /// in percent.
    pub fn decision(&self, rate_percent: f64, class: Option<InvestmentClass>) -> Decision {
        Decision {
            payback_ok: class.map(|c| self.payback_years.is_some_and(|p| c.accepts(p))),
            npv_ok: self.npv.is_some_and(|v| v >= 0.0),
            irr_ok: match self.irr {
                Irr::Rate(r) => Some(r * 100.0 >= rate_percent - 1e-9),
                _ => None,
            },
        }
    }
}

/// The longest payback the plant accepts, in years, from its answer to `payback` in part 5
/// ("up to 2 years" → 2); `None` for "more than 3 years", which sets no limit, or no answer.
pub fn accepted_payback(bank: &Bank, answers: &Answers) -> Option<f64> {
    match answers.choice(bank, "payback")? {
        "under_6m" => Some(0.5),
        "under_1y" => Some(1.0),
        "under_2y" => Some(2.0),
        "under_3y" => Some(3.0),
        _ => None,
    }
}

impl Feasibility {
    /// The cost class: the one chosen, else for amounts in yuan the one the net investment
    /// suggests ([`InvestmentClass::of`]); `None` when neither is known.
    pub fn class_in(&self, currency: Currency) -> Option<InvestmentClass> {
        self.class.or_else(|| {
            (currency == Currency::Cny).then(|| InvestmentClass::of(self.investment - self.one_off))
        })
    }
}

/// One option in the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CpOption {
    /// Unique in the register.
    pub id: u32,
    /// What to do.
    pub title: String,
    /// Its category.
    pub category: MeasureCategory,
    /// The stream or cause it addresses.
    #[serde(default)]
    pub addresses: String,
    /// Who is responsible.
    #[serde(default)]
    pub owner: String,
    /// By when, as YYYY-MM-DD; empty when not set.
    #[serde(default)]
    pub deadline: String,
    /// Where screening put it.
    pub bin: Bin,
    /// Its feasibility study, when done.
    #[serde(default)]
    pub feasibility: Option<Feasibility>,
    /// Where it stands.
    pub status: Status,
}

/// Why an option or register was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterError {
    /// The title is empty or longer than [`MAX_TITLE`].
    BadTitle,
    /// A text field is longer than [`MAX_TEXT`].
    TextTooLong,
    /// The deadline is not a date written YYYY-MM-DD.
    BadDeadline,
    /// The feasibility inputs are out of range.
    Feasibility(FeasibilityError),
    /// A measured saving is not a number.
    BadMeasured,
    /// More than [`MAX_OPTIONS`] options, or two with the same id.
    BadRegister,
}

impl CpOption {
    /// Checks the option as the register keeps it.
    ///
    /// # Errors
    /// The first [`RegisterError`] found.
    pub fn check(&self) -> Result<(), RegisterError> {
        let chars = |s: &str| s.chars().count();
        if self.title.trim().is_empty() || chars(&self.title) > MAX_TITLE {
            return Err(RegisterError::BadTitle);
        }
        let reason = match &self.bin {
            Bin::Rejected(r) => r.as_str(),
            _ => "",
        };
        if [self.addresses.as_str(), &self.owner, reason]
            .iter()
            .any(|s| chars(s) > MAX_TEXT)
        {
            return Err(RegisterError::TextTooLong);
        }
        if !self.deadline.is_empty() && !is_date(&self.deadline) {
            return Err(RegisterError::BadDeadline);
        }
        if let Some(f) = &self.feasibility {
            f.check().map_err(RegisterError::Feasibility)?;
        }
        if let Status::Done(Some(m)) = self.status {
            if !m.is_finite() {
                return Err(RegisterError::BadMeasured);
            }
        }
        Ok(())
    }

    /// Whether it counts as selected: neither rejected nor dropped.
    pub fn is_selected(&self) -> bool {
        !matches!(self.bin, Bin::Rejected(_)) && self.status != Status::Dropped
    }

    /// Whether its deadline has passed on `today` (YYYY-MM-DD) without it being done,
    /// dropped or rejected.
    pub fn is_overdue(&self, today: &str) -> bool {
        !matches!(self.bin, Bin::Rejected(_))
            && !self.deadline.is_empty()
            && self.deadline.as_str() < today
            && !matches!(self.status, Status::Done(_) | Status::Dropped)
    }
}

/// A date written YYYY-MM-DD that the calendar has.
fn is_date(text: &str) -> bool {
    // Exactly ten characters, so that "+2026-…" or a six-digit year is not a deadline.
    text.len() == 10
        && time::format_description::parse_borrowed::<2>("[year]-[month]-[day]")
            .is_ok_and(|format| time::Date::parse(text, &format).is_ok())
}

/// The register: options in the order they were added, with the currency their amounts
/// are in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Register {
    /// The currency of every amount; `None` until chosen (the page offers
    /// [`Currency::default_for`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The options.
    #[serde(default)]
    pub options: Vec<CpOption>,
}

/// One option on the effort × payback chart: what it costs now against how soon it pays.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// The option's id.
    pub id: u32,
    /// Its number in the register (1 = first), the label on the chart.
    pub number: usize,
    /// Its title.
    pub title: String,
    /// Its category.
    pub category: MeasureCategory,
    /// Net investment (the effort).
    pub net_investment: f64,
    /// Annual savings.
    pub annual: f64,
    /// Simple payback in years; `None` when never paid back.
    pub payback_years: Option<f64>,
}

/// The register summed up: the view to revisit each quarter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Options per bin: not screened, do now, feasibility study, rejected.
    pub by_bin: [usize; 4],
    /// Options per status (rejected ones left out): planned, in progress, done, dropped.
    pub by_status: [usize; 4],
    /// Annual savings estimated in the feasibility studies of the selected options.
    pub estimated: f64,
    /// Of those, the estimates of the options done.
    pub estimated_done: f64,
    /// Annual savings measured for the options done.
    pub measured: f64,
    /// Options past their deadline, not done or dropped.
    pub overdue: usize,
    /// Selected options whose feasibility study gives an estimate.
    pub with_estimate: usize,
    /// Options done whose savings were measured.
    pub with_measurement: usize,
}

impl Summary {
    /// Whether any amount is known yet: before a study or a measurement the sums are 0 by
    /// absence, not by finding, and must not read as a result.
    pub fn has_savings(&self) -> bool {
        self.with_estimate + self.with_measurement > 0
    }
}

impl CpOption {
    /// A new option, not screened, planned, with nothing else filled in.
    pub fn new(id: u32, title: &str, category: MeasureCategory) -> CpOption {
        CpOption {
            id,
            title: title.trim().to_owned(),
            category,
            addresses: String::new(),
            owner: String::new(),
            deadline: String::new(),
            bin: Bin::NotScreened,
            feasibility: None,
            status: Status::Planned,
        }
    }

    /// Its feasibility figures, when a study with valid inputs is there.
    pub fn figures(&self) -> Option<Figures> {
        self.feasibility.as_ref().and_then(Feasibility::figures)
    }
}

impl Register {
    /// Whether it holds no option.
    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
    }

    /// Whether it holds nothing at all, not even a chosen currency: such a register is
    /// left out of an export.
    pub fn is_empty_unpriced(&self) -> bool {
        self.options.is_empty() && self.currency.is_none()
    }

    /// The currency of its amounts, or `default` while none is chosen.
    pub fn currency_or(&self, default: Currency) -> Currency {
        self.currency.unwrap_or(default)
    }

    /// Adds an option titled `title` in `category`, addressing `addresses`; returns its id.
    ///
    /// # Errors
    /// [`RegisterError::BadRegister`] when the register is full, else what
    /// [`CpOption::check`] finds; the register is then unchanged.
    pub fn add(
        &mut self,
        title: &str,
        category: MeasureCategory,
        addresses: &str,
    ) -> Result<u32, RegisterError> {
        if self.options.len() >= MAX_OPTIONS {
            return Err(RegisterError::BadRegister);
        }
        let mut option = CpOption::new(self.next_id(), title, category);
        option.addresses = addresses.trim().to_owned();
        option.check()?;
        let id = option.id;
        self.options.push(option);
        Ok(id)
    }

    /// Whether an option with this title is already in the register (ignoring case and
    /// the spaces around it), so the same example is not added twice by mistake.
    pub fn has_title(&self, title: &str) -> bool {
        let title = title.trim().to_lowercase();
        self.options
            .iter()
            .any(|o| o.title.trim().to_lowercase() == title)
    }

    /// The option with id `id`.
    pub fn option(&self, id: u32) -> Option<&CpOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Replaces the option of the same id by `option` once it passes [`CpOption::check`].
    ///
    /// # Errors
    /// What the check finds; the register is then unchanged.
    pub fn replace(&mut self, option: CpOption) -> Result<(), RegisterError> {
        option.check()?;
        if let Some(slot) = self.options.iter_mut().find(|o| o.id == option.id) {
            *slot = option;
        }
        Ok(())
    }

    /// Removes the option with id `id`.
    pub fn remove(&mut self, id: u32) {
        self.options.retain(|o| o.id != id);
    }

    /// The options with feasibility figures, for the effort × payback chart, in register
    /// order.
    pub fn chart_points(&self) -> Vec<ChartPoint> {
        self.options
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                let f = o.figures()?;
                Some(ChartPoint {
                    id: o.id,
                    number: i + 1,
                    title: o.title.clone(),
                    category: o.category,
                    net_investment: f.net_investment,
                    annual: f.annual,
                    payback_years: f.payback_years,
                })
            })
            .collect()
    }

    /// Checks every option, their number and that ids are unique.
    ///
    /// # Errors
    /// The first [`RegisterError`] found.
    pub fn check(&self) -> Result<(), RegisterError> {
        if self.options.len() > MAX_OPTIONS {
            return Err(RegisterError::BadRegister);
        }
        let mut ids: Vec<u32> = self.options.iter().map(|o| o.id).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(RegisterError::BadRegister);
        }
        self.options.iter().try_for_each(CpOption::check)
    }

    /// The id for the next option added.
    pub fn next_id(&self) -> u32 {
        self.options.iter().map(|o| o.id + 1).max().unwrap_or(1)
    }

    /// Sums the register up on `today` (YYYY-MM-DD).
    pub fn summary(&self, today: &str) -> Summary {
        let mut s = Summary::default();
        for o in &self.options {
            s.by_bin[o.bin.index()] += 1;
            // A rejected option is not carried out: its status does not count.
            let rejected = matches!(o.bin, Bin::Rejected(_));
            if !rejected {
                s.by_status[o.status.index()] += 1;
            }
            let estimate = o
                .feasibility
                .filter(|f| f.check().is_ok())
                .map(|f| f.savings.total());
            if let (true, Some(e)) = (o.is_selected(), estimate) {
                s.estimated += e;
                s.with_estimate += 1;
            }
            if let (false, &Status::Done(measured)) = (rejected, &o.status) {
                s.estimated_done += estimate.unwrap_or(0.0);
                if let Some(m) = measured {
                    s.measured += m;
                    s.with_measurement += 1;
                }
            }
            if o.is_overdue(today) {
                s.overdue += 1;
            }
        }
        s
    }
}
