//! Workshop mode: a facilitator collects many respondents' exported files and share links
//! in a [`Room`] and shows the group's answers together ([`aggregate`], [`aggregate_csv`]).
//!
//! Pure and deterministic: files are checked by [`import_many`] (an export, a stored state
//! or a shared device's outbox), links by [`decode_share`], each participant is assessed
//! once by [`assess`], and the CSV cells go through [`neutralize`]. A response is one
//! participant however often and however it arrives: the room keys them by response id.
//! The app keeps the room on the device as a [`crate::room_record::RoomRecord`].

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::answers::Answers;
use super::assess::assess;
use super::assess::motivation::STRONG_MOTIVE;
use super::assess::readiness::round_percent;
use super::bank::Bank;
use super::content::{Content, EngagementStage};
use super::exchange::{
    decode_share, import_many, neutralize, ImportError, ImportSource, ResponseFile,
};
use super::register::Register;
use super::room_code::RoomCode;
use super::spread::{figure, Ratings, Spread};
use super::vocabulary::{
    closed_set, AuditStep, Currency, Driver, Language, MeasureCategory, Sector,
};

/// Size bands of enterprises, by headcount; where the limits lie depends on the
/// [`SizeScheme`] of the plant's location.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SizeBand {
    /// Micro enterprise.
    Micro,
    /// Small enterprise.
    Small,
    /// Medium-sized enterprise.
    Medium,
    /// Large enterprise (not an SME).
    Large,
}

impl SizeBand {
    /// Every band, smallest first.
    pub const ALL: [SizeBand; 4] = [
        SizeBand::Micro,
        SizeBand::Small,
        SizeBand::Medium,
        SizeBand::Large,
    ];

    /// Stable id: "micro", "small", "medium" or "large".
    pub fn as_str(self) -> &'static str {
        match self {
            SizeBand::Micro => "micro",
            SizeBand::Small => "small",
            SizeBand::Medium => "medium",
            SizeBand::Large => "large",
        }
    }
}

/// Whose definition of enterprise size applies, by where the plant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SizeScheme {
    /// Mainland China's industrial bands (工信部联企业〔2011〕300号, art. 4): micro below 20
    /// staff, small 20–299, medium 300–999, large 1,000 or more. The rule also counts
    /// revenue, which the questionnaire does not ask, so the bands here are by headcount.
    China,
    /// The EU SME definition (Recommendation 2003/361/EC) [EU-GAP], by headcount: micro
    /// below 10, small 10–49, medium 50–249, large 250 or more.
    Eu,
}

closed_set!(SizeScheme {
    China => "cn",
    Eu => "eu",
});

impl SizeScheme {
    /// The scheme of a plant by its `plant_location` answer; `fallback` when not given.
    pub fn of_location(location: Option<&str>, fallback: SizeScheme) -> SizeScheme {
        match location {
            Some("mainland_china") => SizeScheme::China,
            Some(_) => SizeScheme::Eu,
            None => fallback,
        }
    }

    /// The scheme assumed for a plant whose location is not given: China's where the
    /// content is Chinese (its readers' plants are mostly in mainland China), else the EU's.
    pub fn fallback_for(language: &str) -> SizeScheme {
        if Language::from_id(language) == Some(Language::ZhCn) {
            SizeScheme::China
        } else {
            SizeScheme::Eu
        }
    }

    /// The lowest headcounts of small, medium and large.
    fn lower_bounds(self) -> [f64; 3] {
        match self {
            SizeScheme::China => [20.0, 300.0, 1000.0],
            SizeScheme::Eu => [10.0, 50.0, 250.0],
        }
    }

    /// A band's staff range, language-neutral (used in [`aggregate_csv`]): "<20",
    /// "20–299", "300–999", ">=1000" for China.
    pub fn staff_range(self, band: SizeBand) -> String {
        let [small, medium, large] = self.lower_bounds();
        match band {
            SizeBand::Micro => format!("<{small}"),
            SizeBand::Small => format!("{small}\u{2013}{}", medium - 1.0),
            SizeBand::Medium => format!("{medium}\u{2013}{}", large - 1.0),
            SizeBand::Large => format!(">={large}"),
        }
    }

    /// The size band of an enterprise with `staff` employees (the "staff" answer, a whole
    /// number from 1 to 200,000; a non-number, which validation rules out, counts as large).
    pub fn band(self, staff: f64) -> SizeBand {
        let [small, medium, large] = self.lower_bounds();
        if staff < small {
            SizeBand::Micro
        } else if staff < medium {
            SizeBand::Small
        } else if staff < large {
            SizeBand::Medium
        } else {
            SizeBand::Large
        }
    }
}

/// One respondent in the room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Identity used to find duplicates: the response's UUID (files, outboxes and share
    /// links carry it); `"file:<source>"` for a migrated local-storage state and
    /// `"link:<16 hex digits>"` for a version 1 share link, which have none.
    pub response_id: String,
    /// When an answer of the response last changed (RFC 3339, as in the file or link);
    /// empty for version 1 links and migrated states.
    pub updated: String,
    /// Where it came from, as the caller named it (a file name, "link 3"…).
    pub source: String,
    /// The workshop room it was made in, if it says.
    #[serde(default)]
    pub room: Option<RoomCode>,
    /// The answers, checked against the bank.
    pub answers: Answers,
    /// The option register the response carries (files only; share links have none).
    #[serde(default)]
    pub register: Register,
}

/// A file or link that could not be added, with the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refused {
    /// Where it came from, as the caller named it.
    pub source: String,
    /// Why: the error of [`import_many`] or [`decode_share`] (use [`ImportError::code`]
    /// for a translated message).
    #[serde(deserialize_with = "stored_error")]
    pub error: ImportError,
    /// A file or a share link, for the message's wording; left out where stored for a file
    /// (rooms kept before it was recorded read as files).
    #[serde(default, skip_serializing_if = "ImportSource::is_file")]
    pub from: ImportSource,
}

/// The responses collected in a workshop: the participants, one per response id, and what
/// was skipped or refused on the way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Room {
    /// One entry per distinct response id, in the order first added.
    pub participants: Vec<Participant>,
    /// Sources skipped as duplicates (an older or equally recent copy of a response already
    /// in the room), in the order skipped.
    pub duplicates: Vec<String>,
    /// Files and links that could not be read, in the order added.
    pub refused: Vec<Refused>,
}

/// The time in `updated` for comparing copies; `None` (older than any time) when it is
/// empty or not RFC 3339.
fn updated_time(updated: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(updated, &Rfc3339).ok()
}

/// FNV-1a, 64 bits: a small stable hash, enough to recognise the same link twice.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Room {
    /// An empty room.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one file (bytes as read): an export, a stored state or a shared device's
    /// outbox, whose responses are added one by one (named "<source> #2"…). Invalid →
    /// refused (with [`import_many`]'s error; a response without answers is refused with
    /// [`ImportError::NoAnswers`], never counted). Migrated local-storage states without
    /// identity get response_id "file:<source>". De-duplicated by response_id: when two
    /// share an id the one with the later `updated` stays (an unparsable or empty time
    /// counts as oldest; on a tie the one already in the room stays); the other's source
    /// goes to `duplicates`.
    pub fn add_file(&mut self, source: &str, bytes: &[u8], bank: &Bank) {
        match import_many(bytes, bank) {
            Ok(entries) => {
                let many = entries.len() > 1;
                for (i, entry) in entries.into_iter().enumerate() {
                    let source = if many {
                        format!("{source} #{}", i + 1)
                    } else {
                        source.to_owned()
                    };
                    match entry {
                        Ok(file) => self.add_response(&source, file),
                        Err(error) => self.refuse(&source, error, ImportSource::File),
                    }
                }
            }
            Err(error) => self.refuse(source, error, ImportSource::File),
        }
    }

    /// Adds one response already read and checked (the app's own outbox, or an entry of a
    /// file); de-duplicated as [`Room::add_file`] says.
    pub fn add_response(&mut self, source: &str, file: ResponseFile) {
        let response_id = if file.response_id.is_empty() {
            format!("file:{source}")
        } else {
            file.response_id
        };
        self.admit(Participant {
            response_id,
            updated: file.updated,
            source: source.to_owned(),
            room: file.room,
            answers: file.answers,
            register: file.register,
        });
    }

    /// Adds a share link (a full URL or just the fragment payload "r2...."), under the
    /// response id it carries, so that the same response as a file and as a link counts
    /// once. A version 1 link carries none: its response_id is "link:" + the 16 hex digits
    /// of the FNV-1a 64 hash of the payload, so the same link twice is still a duplicate. A
    /// link that does not decode is refused with [`decode_share`]'s error (usually
    /// [`ImportError::BadLink`]).
    pub fn add_share_link(&mut self, source: &str, link: &str, bank: &Bank) {
        let link = link.trim();
        let payload = link.split_once('#').map_or(link, |(_, fragment)| fragment);
        match decode_share(payload, bank) {
            Ok(shared) => self.admit(Participant {
                response_id: if shared.response_id.is_empty() {
                    format!("link:{:016x}", fnv1a64(payload.as_bytes()))
                } else {
                    shared.response_id
                },
                updated: shared.updated,
                source: source.to_owned(),
                room: shared.room,
                answers: shared.answers,
                register: Register::default(),
            }),
            Err(error) => self.refuse(source, error, ImportSource::Link),
        }
    }

    /// How the participants' room codes compare with `code`, the room's own.
    pub fn codes(&self, code: &RoomCode) -> CodeCounts {
        let mut counts = CodeCounts::default();
        for p in &self.participants {
            match &p.room {
                Some(c) if c == code => counts.own += 1,
                Some(_) => counts.other += 1,
                None => counts.none += 1,
            }
        }
        counts
    }

    /// The participants, those with room code `code` first (each group in the order
    /// added); with `only_own`, those alone.
    pub fn ordered(&self, code: &RoomCode, only_own: bool) -> Vec<&Participant> {
        let own = |p: &&Participant| p.room.as_ref() == Some(code);
        let mut list: Vec<&Participant> = self.participants.iter().filter(own).collect();
        if !only_own {
            list.extend(self.participants.iter().filter(|p| !own(p)));
        }
        list
    }

    /// Whether nothing has been added yet (no participant, duplicate or refusal).
    pub fn is_empty(&self) -> bool {
        self.participants.is_empty() && self.duplicates.is_empty() && self.refused.is_empty()
    }

    /// Records `source` as refused with `error`; the app's own refusals (a file it could not
    /// read) come this way too.
    pub fn refuse(&mut self, source: &str, error: ImportError, from: ImportSource) {
        self.refused.push(Refused {
            source: source.to_owned(),
            error,
            from,
        });
    }

    /// Adds `p`, or keeps whichever copy of its response is newer.
    fn admit(&mut self, p: Participant) {
        match self
            .participants
            .iter_mut()
            .find(|q| q.response_id == p.response_id)
        {
            None => self.participants.push(p),
            Some(existing) => {
                if updated_time(&p.updated) > updated_time(&existing.updated) {
                    let older = std::mem::replace(existing, p);
                    self.duplicates.push(older.source);
                } else {
                    self.duplicates.push(p.source);
                }
            }
        }
    }
}

/// Reads a refusal's stored reason back; one this version does not know reads as a
/// damaged file rather than failing the whole room.
fn stored_error<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ImportError, D::Error> {
    let stored = serde_json::Value::deserialize(d)?;
    Ok(ImportError::from_stored(&stored).unwrap_or(ImportError::NotAResponse))
}

/// How many of a room's participants carry its own code, another one, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeCounts {
    /// With the room's own code.
    pub own: usize,
    /// With another room's code.
    pub other: usize,
    /// Without a code (opened from the plain address, or made before room codes).
    pub none: usize,
}

/// Upper bounds (inclusive) of the readiness bands 0–24, 25–49, 50–74 and 75–100.
const BAND_TOPS: [u8; 4] = [24, 49, 74, 100];

/// The band (0–3) of a readiness score 0–100.
fn readiness_band(score: u8) -> usize {
    BAND_TOPS.iter().position(|&top| score <= top).unwrap_or(3)
}

/// How the participants' readiness for one audit step is spread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepDistribution {
    /// The audit step.
    pub step: AuditStep,
    /// Participants whose readiness on this step is unknown (no counted answer).
    pub not_known: usize,
    /// Participants per readiness band: 0–24, 25–49, 50–74, 75–100 (75 is
    /// [`crate::assess::readiness::MATURE_THRESHOLD`], so the last band is "mature").
    pub bands: [usize; 4],
    /// Mean of the known step scores, 0–100, rounded; `None` when nobody's is known.
    pub mean: Option<u8>,
}

impl StepDistribution {
    /// Participants whose readiness on this step is known (the sum of `bands`).
    pub fn known(&self) -> usize {
        self.bands.iter().sum()
    }
}

/// How many participants hold one driver as a strong motive, next to the seed study's
/// citation count. Source: [SEED] (cp-reference §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReasonCount {
    /// The driver.
    pub driver: Driver,
    /// Participants rating it [`STRONG_MOTIVE`] or above (4–5 on the 1–5 scale).
    pub strong: usize,
    /// Participants who rated it at all.
    pub rated: usize,
    /// How often enterprises in the seed study cited it ([`Driver::seed_citations`]);
    /// `None` for the two drivers named without a count.
    pub seed_citations: Option<u32>,
}

/// The group's answers, counted over the participants' assessments. Every list has a fixed
/// length and order, zeros included, so charts and tables keep their shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    /// Number of participants.
    pub participants: usize,
    /// Participants per engagement stage, all of [`EngagementStage::ALL`] in that order.
    pub stages: Vec<(EngagementStage, usize)>,
    /// Participants whose plant must carry out a CP audit under China's rules: in mainland
    /// China and on a list or meeting a trigger ([`crate::assess::duty::audit_is_mandatory`]).
    pub mandatory_audit: usize,
    /// Readiness distribution of the seven audit steps, in order 1–7.
    pub readiness: Vec<StepDistribution>,
    /// The eleven drivers, in [`Driver::ALL`] order.
    pub reasons: Vec<ReasonCount>,
    /// All eight categories with how many participants have it among their three
    /// best-fitting (rank 1–3); most often first, ties by
    /// [`MeasureCategory::ladder_position`].
    pub top3: Vec<(MeasureCategory, usize)>,
    /// Participants per sector, in [`Sector::ALL`] order, then `None` (not answered).
    pub by_sector: Vec<(Option<Sector>, usize)>,
    /// Participants per size band (from the counted "staff" answer, banded by the
    /// scheme of the plant's location), in [`SizeBand::ALL`] order, then `None` (not
    /// answered or "I don't know").
    pub by_size: Vec<(Option<SizeBand>, usize)>,
    /// The size schemes the bands above were drawn with, in [`SizeScheme::ALL`] order.
    pub size_schemes: Vec<SizeScheme>,
    /// How the known step scores (0–100) are spread, per audit step in order 1–7; `None`
    /// when nobody's score on the step is known.
    pub readiness_spread: Vec<(AuditStep, Option<Spread>)>,
    /// How those who rated each driver rated it (1–5), in [`Driver::ALL`] order.
    pub ratings: Vec<(Driver, Ratings)>,
    /// The options the participants put in their registers.
    pub options: GroupRegister,
    /// What waste costs the participants' plants a year, per currency, from the figures
    /// they gave (in [`Currency::ALL`] order, only currencies present).
    pub cost_of_waste: Vec<CostOfWasteSpread>,
}

/// The cost of waste in one currency across the room.
#[derive(Clone, Debug, PartialEq)]
pub struct CostOfWasteSpread {
    /// The currency.
    pub currency: Currency,
    /// The sum of the plants' costs of waste (partial ones as given: a lower bound).
    pub total: f64,
    /// How the plants' costs are spread.
    pub spread: Spread,
    /// Plants whose cost is partial (some figure missing).
    pub partial: usize,
}

/// The room's option register: the options participants put in their registers, counted
/// by category and screening bin, and the savings the selected ones are estimated to bring.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupRegister {
    /// Participants with at least one option.
    pub participants: usize,
    /// Options in all.
    pub options: usize,
    /// All eight categories in [`MeasureCategory::ALL`] order, with their options per bin:
    /// not screened, do now, feasibility study, rejected.
    pub by_category: Vec<(MeasureCategory, [usize; 4])>,
    /// Options neither rejected nor dropped ([`crate::register::CpOption::is_selected`]).
    pub selected: usize,
    /// The annual savings estimated for the selected options, summed per currency (in
    /// [`Currency::ALL`] order, only currencies present); a register without a currency
    /// counts in the response's ([`crate::figures::answered_currency`]).
    pub estimated: Vec<(Currency, f64)>,
}

/// Adds one to the count of `key` in `counts`.
fn bump<K: PartialEq>(counts: &mut [(K, usize)], key: &K) {
    if let Some((_, n)) = counts.iter_mut().find(|(k, _)| k == key) {
        *n += 1;
    }
}

/// Counts the participants' assessments (each participant is assessed once, with
/// [`assess`]) into an [`Aggregate`].
pub fn aggregate(content: &Content, participants: &[Participant]) -> Aggregate {
    let bank = &content.bank;
    let mut stages: Vec<(EngagementStage, usize)> =
        EngagementStage::ALL.iter().map(|&s| (s, 0)).collect();
    // Per step: band counts, unknown count, sum of known scores.
    let mut steps: Vec<([usize; 4], usize, f64)> = vec![([0; 4], 0, 0.0); AuditStep::ALL.len()];
    let mut reasons: Vec<ReasonCount> = Driver::ALL
        .iter()
        .map(|&driver| ReasonCount {
            driver,
            strong: 0,
            rated: 0,
            seed_citations: driver.seed_citations(),
        })
        .collect();
    let mut top3: Vec<(MeasureCategory, usize)> =
        MeasureCategory::ALL.iter().map(|&c| (c, 0)).collect();
    let mut by_sector: Vec<(Option<Sector>, usize)> = Sector::ALL
        .iter()
        .map(|&s| (Some(s), 0))
        .chain([(None, 0)])
        .collect();
    let mut by_size: Vec<(Option<SizeBand>, usize)> = SizeBand::ALL
        .iter()
        .map(|&s| (Some(s), 0))
        .chain([(None, 0)])
        .collect();
    let fallback = SizeScheme::fallback_for(&bank.language);
    let mut mandatory_audit = 0;
    let mut schemes: Vec<SizeScheme> = Vec::new();
    // The values behind the spreads: known step scores per step, ratings per driver.
    let mut step_scores: Vec<Vec<f64>> = vec![Vec::new(); AuditStep::ALL.len()];
    let mut driver_ratings: Vec<Vec<u8>> = vec![Vec::new(); Driver::ALL.len()];
    let mut options = GroupRegister {
        by_category: MeasureCategory::ALL.iter().map(|&c| (c, [0; 4])).collect(),
        ..GroupRegister::default()
    };
    let mut estimated = [0.0; 3];
    let mut currencies: Vec<Currency> = Vec::new();
    let language = bank.language();
    let mut costs: Vec<(Currency, f64, bool)> = Vec::new();

    for p in participants {
        let a = assess(content, &p.answers);
        if let Some(f) = a.figures.as_ref().filter(|f| f.cost.total > 0.0) {
            costs.push((f.currency, f.cost.total, f.cost.partial));
        }
        if !p.register.is_empty() {
            options.participants += 1;
            let currency = p.register.currency_or(crate::figures::answered_currency(
                bank, &p.answers, language,
            ));
            let summary = p.register.summary("");
            let slot = Currency::ALL
                .iter()
                .position(|&c| c == currency)
                .unwrap_or(0);
            estimated[slot] += summary.estimated;
            if !currencies.contains(&currency) {
                currencies.push(currency);
            }
            for o in &p.register.options {
                options.options += 1;
                if o.is_selected() {
                    options.selected += 1;
                }
                if let Some((_, bins)) = options
                    .by_category
                    .iter_mut()
                    .find(|(c, _)| *c == o.category)
                {
                    bins[o.bin.index()] += 1;
                }
            }
        }
        bump(&mut stages, &a.engagement);
        for s in &a.readiness.steps {
            let Some(slot) = AuditStep::ALL.iter().position(|&x| x == s.step) else {
                continue;
            };
            let (bands, not_known, sum) = &mut steps[slot];
            match s.score {
                Some(score) => {
                    bands[readiness_band(score)] += 1;
                    *sum += f64::from(score);
                    step_scores[slot].push(f64::from(score));
                }
                None => *not_known += 1,
            }
        }
        for d in &a.motivation.drivers {
            if let Some(r) = reasons.iter_mut().find(|r| r.driver == d.driver) {
                if let Some(v) = d.importance {
                    let slot = Driver::ALL.iter().position(|&x| x == d.driver);
                    if let Some(values) = slot.and_then(|i| driver_ratings.get_mut(i)) {
                        values.push(v);
                    }
                    r.rated += 1;
                    if v >= STRONG_MOTIVE {
                        r.strong += 1;
                    }
                }
            }
        }
        for m in a.measures.iter().filter(|m| m.rank <= 3) {
            bump(&mut top3, &m.category);
        }
        bump(&mut by_sector, &a.sector);
        if crate::assess::duty::audit_is_mandatory(bank, &p.answers) {
            mandatory_audit += 1;
        }
        let scheme = SizeScheme::of_location(p.answers.choice(bank, "plant_location"), fallback);
        let band = p.answers.number(bank, "staff").map(|n| scheme.band(n));
        if band.is_some() && !schemes.contains(&scheme) {
            schemes.push(scheme);
        }
        bump(&mut by_size, &band);
    }

    top3.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.ladder_position().cmp(&b.0.ladder_position()))
    });
    Aggregate {
        participants: participants.len(),
        stages,
        mandatory_audit,
        readiness: AuditStep::ALL
            .iter()
            .zip(steps)
            .map(|(&step, (bands, not_known, sum))| StepDistribution {
                step,
                not_known,
                bands,
                mean: round_percent(sum, bands.iter().sum()),
            })
            .collect(),
        reasons,
        top3,
        by_sector,
        by_size,
        size_schemes: SizeScheme::ALL
            .iter()
            .copied()
            .filter(|s| schemes.contains(s))
            .collect(),
        readiness_spread: AuditStep::ALL
            .iter()
            .zip(step_scores)
            .map(|(&step, scores)| (step, Spread::of(scores)))
            .collect(),
        ratings: Driver::ALL
            .iter()
            .zip(driver_ratings)
            .map(|(&driver, values)| (driver, Ratings::of(&values)))
            .collect(),
        cost_of_waste: Currency::ALL
            .iter()
            .filter_map(|&currency| {
                let mine: Vec<&(Currency, f64, bool)> =
                    costs.iter().filter(|(c, _, _)| *c == currency).collect();
                Some(CostOfWasteSpread {
                    currency,
                    // To the cent, so that the order of the sum does not show.
                    total: (mine.iter().map(|(_, v, _)| v).sum::<f64>() * 100.0).round() / 100.0,
                    spread: Spread::of(mine.iter().map(|(_, v, _)| *v))?,
                    partial: mine.iter().filter(|(_, _, p)| *p).count(),
                })
            })
            .collect(),
        options: GroupRegister {
            estimated: Currency::ALL
                .iter()
                .zip(estimated)
                .filter(|(c, _)| currencies.contains(c))
                .map(|(&c, sum)| (c, sum))
                .collect(),
            ..options
        },
    }
}

/// The header row of [`aggregate_csv`].
pub const AGGREGATE_CSV_HEADER: [&str; 5] = ["section", "id", "name", "count", "detail"];

/// The aggregate as Excel-safe CSV: UTF-8 BOM, CRLF, every text cell through
/// exchange::neutralize; header `section,id,name,count,detail`; rows, in this order
/// (84 in all, and one per currency the registers use):
///
/// | section | id | name | count | detail |
/// |---|---|---|---|---|
/// | `participants` (1) | | | participants | `mandatory_audit:n`, those whose plant must audit under China's rules |
/// | `stage` (8) | stage code ("B1-a"…) | stage title | participants | |
/// | `readiness` (7) | step number 1–7 | step name | participants with a known score | `0–24:a 25–49:b 50–74:c 75–100:d not known:e mean:m` (m empty when unknown) |
/// | `reason` (11) | driver id | driver name | participants rating it 4–5 | `rated:r seed:s` (s empty without a seed count) |
/// | `top3` (8) | category id | category name | participants with it in their top three | |
/// | `sector` (12) | sector id, empty for not answered | option label of the bank's "sector" question, empty for not answered | participants | `not_answered` on the last row |
/// | `size` (5) | band id, empty for not answered | staff range ("10–49") | participants | `not_answered` on the last row |
/// | `readiness_spread` (7) | step number 1–7 | step name | participants with a known score | `min:a q1:b median:c q3:d max:e` (values empty when nobody's is known) |
/// | `importance_spread` (11) | driver id | driver name | participants who rated it | `1:a 2:b 3:c 4:d 5:e min:… q1:… median:… q3:… max:…` (how many rated 1…5; values empty when nobody rated it) |
/// | `options` (8) | category id | category name | options in it | `not_screened:a do_now:b feasibility_study:c rejected:d` |
/// | `options_savings` (0–3) | currency id | | selected options, all currencies | the summed annual savings estimated for them, in that currency |
/// | `cost_of_waste` (0–3) | currency id | | plants that gave figures in it | `total:… partial:… min:… q1:… median:… q3:… max:…` |
///
/// The spreads' values are [`crate::spread::figure`]s: at most two decimals, a decimal
/// point in every language; the quartiles are [`crate::spread::quantile`]'s, which
/// Excel's QUARTILE.INC gives too.
///
/// Names come from `content`, so the CSV is in the content's language.
pub fn aggregate_csv(content: &Content, aggregate: &Aggregate) -> String {
    let mut rows: Vec<[String; 5]> = Vec::new();
    let mut row = |cells: [&str; 5]| rows.push(cells.map(neutralize));
    let opt = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();

    row([
        "participants",
        "",
        "",
        &aggregate.participants.to_string(),
        &format!("mandatory_audit:{}", aggregate.mandatory_audit),
    ]);
    for (stage, n) in &aggregate.stages {
        let text = content.stage(*stage);
        let (code, title) = text.map_or(("", ""), |s| (s.code.as_str(), s.title.as_str()));
        row(["stage", code, title, &n.to_string(), ""]);
    }
    for s in &aggregate.readiness {
        let [a, b, c, d] = s.bands;
        let detail = format!(
            "0\u{2013}24:{a} 25\u{2013}49:{b} 50\u{2013}74:{c} 75\u{2013}100:{d} not known:{} mean:{}",
            s.not_known,
            opt(s.mean)
        );
        row([
            "readiness",
            &s.step.number().to_string(),
            content.step_name(s.step),
            &s.known().to_string(),
            &detail,
        ]);
    }
    for r in &aggregate.reasons {
        let seed = r.seed_citations.map(|s| s.to_string()).unwrap_or_default();
        let detail = format!("rated:{} seed:{seed}", r.rated);
        row([
            "reason",
            r.driver.as_str(),
            content.driver_name(r.driver),
            &r.strong.to_string(),
            &detail,
        ]);
    }
    for (category, n) in &aggregate.top3 {
        let name = content.category(*category).map_or("", |c| c.name.as_str());
        row(["top3", category.as_str(), name, &n.to_string(), ""]);
    }
    let sector_question = content.bank.question("sector");
    for (sector, n) in &aggregate.by_sector {
        let (id, name, detail) = match sector {
            Some(s) => {
                let label = sector_question
                    .and_then(|q| q.option(s.as_str()))
                    .map_or("", |o| o.label.as_str());
                (s.as_str(), label, "")
            }
            None => ("", "", "not_answered"),
        };
        row(["sector", id, name, &n.to_string(), detail]);
    }
    for (band, n) in &aggregate.by_size {
        let (id, name, detail) = match band {
            Some(b) => (
                b.as_str(),
                aggregate
                    .size_schemes
                    .iter()
                    .map(|s| format!("{}:{}", s.as_str(), s.staff_range(*b)))
                    .collect::<Vec<_>>()
                    .join(" "),
                "",
            ),
            None => ("", String::new(), "not_answered"),
        };
        row(["size", id, &name, &n.to_string(), detail]);
    }
    let summary = |spread: &Option<Spread>| {
        let [min, q1, median, q3, max] = spread.map(|s| s.five().map(figure)).unwrap_or_default();
        format!("min:{min} q1:{q1} median:{median} q3:{q3} max:{max}")
    };
    for (step, spread) in &aggregate.readiness_spread {
        let n = spread.map_or(0, |s| s.n);
        row([
            "readiness_spread",
            &step.number().to_string(),
            content.step_name(*step),
            &n.to_string(),
            &summary(spread),
        ]);
    }
    for (driver, ratings) in &aggregate.ratings {
        let [one, two, three, four, five] = ratings.counts;
        let detail = format!(
            "1:{one} 2:{two} 3:{three} 4:{four} 5:{five} {}",
            summary(&ratings.spread)
        );
        row([
            "importance_spread",
            driver.as_str(),
            content.driver_name(*driver),
            &ratings.rated().to_string(),
            &detail,
        ]);
    }
    for (category, bins) in &aggregate.options.by_category {
        let name = content.category(*category).map_or("", |c| c.name.as_str());
        let [a, b, c, d] = bins;
        let detail = format!("not_screened:{a} do_now:{b} feasibility_study:{c} rejected:{d}");
        let n: usize = bins.iter().sum();
        row(["options", category.as_str(), name, &n.to_string(), &detail]);
    }
    for (currency, sum) in &aggregate.options.estimated {
        let selected = aggregate.options.selected.to_string();
        row([
            "options_savings",
            currency.as_str(),
            "",
            &selected,
            &figure(*sum),
        ]);
    }
    for c in &aggregate.cost_of_waste {
        let detail = format!(
            "total:{} partial:{} {}",
            figure(c.total),
            c.partial,
            summary(&Some(c.spread))
        );
        row([
            "cost_of_waste",
            c.currency.as_str(),
            "",
            &c.spread.n.to_string(),
            &detail,
        ]);
    }
    crate::exchange::csv::excel_csv(AGGREGATE_CSV_HEADER, &rows).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_band_ids_are_stable() {
        let ids: Vec<&str> = SizeBand::ALL.iter().map(|b| b.as_str()).collect();
        assert_eq!(ids, ["micro", "small", "medium", "large"]);
    }

    #[test]
    fn readiness_bands_split_at_25_50_75() {
        let bands: Vec<usize> = [0, 24, 25, 49, 50, 74, 75, 100]
            .iter()
            .map(|&s| readiness_band(s))
            .collect();
        assert_eq!(bands, [0, 0, 1, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn unparsable_times_are_oldest() {
        assert!(updated_time("") < updated_time("1990-01-01T00:00:00Z"));
        assert!(updated_time("2026-01-01T10:00:00+08:00") < updated_time("2026-01-01T03:00:00Z"));
    }
}
