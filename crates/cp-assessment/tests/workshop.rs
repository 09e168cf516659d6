//! Workshop mode end to end: a room of generated exports, with duplicates and broken
//! files mixed in, aggregates to exactly what an independent count of the same
//! assessments gives; share links are de-duplicated; the CSV is Excel-safe.

use std::collections::BTreeMap;
use std::time::Instant;

mod common;
use common::{content, persona};
use cp_assessment::answers::{Answer, Answers, NONE_OPTION};
use cp_assessment::assess::assess;
use cp_assessment::bank::{Bank, QuestionKind};
use cp_assessment::benchmarks::Benchmarks;
use cp_assessment::content::{Content, EngagementStage};
use cp_assessment::exchange::{
    new_response, to_json, ImportError, ImportSource, MAX_IMPORT_BYTES, SHARE_PREFIX_V1,
};
use cp_assessment::figures::plant_figures;
use cp_assessment::register::{Bin, Feasibility, Register, Savings, Status};
use cp_assessment::room_record::RoomRecord;
use cp_assessment::spread::{Ratings, Spread};
use cp_assessment::vocabulary::{AuditStep, Currency, Driver, Language, MeasureCategory, Sector};
use cp_assessment::workshop::{
    aggregate, aggregate_csv, Aggregate, CostOfWasteSpread, GroupRegister, Participant,
    ReasonCount, Refused, Room, SizeBand, SizeScheme, StepDistribution,
};
use serde_json::{json, Value};

/// A 64-bit linear congruential generator (Knuth's MMIX constants): deterministic, no
/// crate needed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability 1 / n.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    /// A valid version-4 UUID, hyphenated lower case.
    fn uuid(&mut self) -> String {
        let mut b = [0u8; 16];
        for byte in &mut b {
            *byte = (self.next() & 0xff) as u8;
        }
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// Random but valid answers over the bank: each question visible given the earlier
/// answers gets a random answer of its kind, and about one in twelve is skipped.
fn random_answers(bank: &Bank, rng: &mut Lcg) -> Answers {
    let mut answers = Answers::new();
    for q in bank.questions() {
        if !bank.is_visible(q, &answers) || rng.one_in(12) {
            continue;
        }
        if q.allows_unknown() && rng.one_in(8) {
            answers.set(q.id.clone(), Answer::Unknown);
            continue;
        }
        let answer = match q.kind {
            QuestionKind::Single => {
                let o = &q.options[rng.below(q.options.len() as u64) as usize];
                Answer::Choice(o.id.clone())
            }
            QuestionKind::Multi => {
                let has_none = q.option(NONE_OPTION).is_some();
                if has_none && rng.one_in(5) {
                    Answer::Choices(vec![NONE_OPTION.to_owned()])
                } else {
                    Answer::Choices(
                        q.options
                            .iter()
                            .filter(|o| o.id != NONE_OPTION && rng.one_in(2))
                            .map(|o| o.id.clone())
                            .collect(),
                    )
                }
            }
            QuestionKind::Scale => Answer::Scale(1 + rng.below(5) as u8),
            QuestionKind::Number => {
                let spec = q.number.as_ref().unwrap_or_else(|| panic!("{}", q.id));
                // Log-spread upper bound, so that small and large values both occur.
                let span = 10f64.powi(rng.below(6) as i32);
                let hi = spec.max.min(spec.min + span);
                let whole = spec.min + rng.below((hi - spec.min) as u64 + 1) as f64;
                let v = if spec.integer || whole >= hi {
                    whole
                } else {
                    whole + rng.below(4) as f64 / 4.0
                };
                Answer::Number(v.min(spec.max))
            }
            QuestionKind::Text => {
                let max = q.max_len.unwrap_or(0).min(24);
                let len = rng.below(max as u64 + 1) as usize;
                let prefix = if rng.one_in(6) { "=" } else { "" };
                let body: String = (0..len)
                    .map(|_| (b'a' + rng.below(26) as u8) as char)
                    .collect();
                let text: String = format!("{prefix}{body}").chars().take(max).collect();
                Answer::Text(text)
            }
        };
        assert_eq!(answer.validate(q), Ok(()), "{}: {answer:?}", q.id);
        answers.set(q.id.clone(), answer);
    }
    answers
}

/// An RFC 3339 time in 2026, UTC, at hour 1–15 (so a duplicate can be placed an hour
/// earlier with a +08:00 offset).
fn random_time(rng: &mut Lcg) -> (String, u64, u64, u64) {
    let (month, day, hour) = (1 + rng.below(12), 1 + rng.below(28), 1 + rng.below(15));
    let time = format!(
        "2026-{month:02}-{day:02}T{hour:02}:{:02}:{:02}Z",
        rng.below(60),
        rng.below(60)
    );
    (time, month, day, hour)
}

/// One generated respondent: id, update time, answers and the exported file.
struct Generated {
    id: String,
    answers: Answers,
    json: String,
}

fn generate(bank: &Bank, rng: &mut Lcg) -> (Generated, (u64, u64, u64)) {
    let id = rng.uuid();
    let (time, month, day, hour) = random_time(rng);
    let answers = random_answers(bank, rng);
    let json = to_json(&new_response(
        bank,
        &id,
        &time,
        Language::En,
        answers.clone(),
    ));
    (Generated { id, answers, json }, (month, day, hour))
}

/// Readiness band by our own thresholds: 0–24, 25–49, 50–74, 75–100.
fn band_of(score: u8) -> usize {
    match score {
        0..=24 => 0,
        25..=49 => 1,
        50..=74 => 2,
        _ => 3,
    }
}

/// Quantile `p` of `values` counted here, independently of `spread::quantile`: the
/// position (n − 1)·p on the sorted values, 1-based as R's documentation writes it,
/// 1 + (n − 1)·p, split into whole and fraction.
fn expected_quantile(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let position = 1.0 + (v.len() as f64 - 1.0) * p;
    let j = position.floor() as usize;
    let g = position - j as f64;
    let x = |k: usize| v[k.min(v.len()) - 1];
    (1.0 - g) * x(j) + g * x(j + 1)
}

/// The five-number summary counted here.
fn expected_spread(values: &[f64]) -> Option<Spread> {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    Some(Spread {
        n: values.len(),
        min: *sorted.first()?,
        lower_quartile: expected_quantile(values, 0.25),
        median: expected_quantile(values, 0.5),
        upper_quartile: expected_quantile(values, 0.75),
        max: *sorted.last()?,
    })
}

/// The aggregate counted here, independently of `workshop::aggregate`.
fn expected_aggregate(content: &Content, all: &[&Answers]) -> Aggregate {
    let mut stages: BTreeMap<usize, usize> = BTreeMap::new();
    let mut bands = [[0usize; 4]; 7];
    let mut not_known = [0usize; 7];
    let mut sums = [0u32; 7];
    let mut strong = [0usize; 11];
    let mut rated = [0usize; 11];
    let mut top: BTreeMap<MeasureCategory, usize> = BTreeMap::new();
    let mut sectors: BTreeMap<Option<Sector>, usize> = BTreeMap::new();
    let mut sizes: BTreeMap<Option<SizeBand>, usize> = BTreeMap::new();
    let mut schemes: std::collections::BTreeSet<SizeScheme> = std::collections::BTreeSet::new();
    let mut mandatory = 0;
    let mut scores: [Vec<f64>; 7] = Default::default();
    let mut ratings: [Vec<f64>; 11] = Default::default();
    let mut rating_counts = [[0usize; 5]; 11];
    for answers in all {
        let a = assess(content, answers);
        let stage = EngagementStage::ALL
            .iter()
            .position(|s| *s == a.engagement)
            .unwrap_or_else(|| panic!("stage"));
        *stages.entry(stage).or_default() += 1;
        for (i, s) in a.readiness.steps.iter().enumerate() {
            assert_eq!(s.step.number() as usize, i + 1);
            match s.score {
                Some(v) => {
                    bands[i][band_of(v)] += 1;
                    sums[i] += u32::from(v);
                    scores[i].push(f64::from(v));
                }
                None => not_known[i] += 1,
            }
        }
        for (i, d) in a.motivation.drivers.iter().enumerate() {
            assert_eq!(d.driver, Driver::ALL[i]);
            if let Some(v) = d.importance {
                ratings[i].push(f64::from(v));
                rating_counts[i][usize::from(v) - 1] += 1;
                rated[i] += 1;
                if v >= 4 {
                    strong[i] += 1;
                }
            }
        }
        for m in &a.measures[..3] {
            *top.entry(m.category).or_default() += 1;
        }
        *sectors.entry(a.sector).or_default() += 1;
        // China's mandatory audit: in mainland China, and on a list or meeting a trigger.
        let choice_is = |id: &str, v: &[&str]| matches!(answers.get(id), Some(Answer::Choice(c)) if v.contains(&c.as_str()));
        let choices_have = |id: &str, v: &[&str]| matches!(answers.get(id), Some(Answer::Choices(c)) if c.iter().any(|x| v.contains(&x.as_str())));
        if choice_is("plant_location", &["mainland_china"])
            && (choice_is("audit_required", &["required"])
                || choices_have("over_limits", &["over_standard", "over_quota"])
                || choice_is("energy_quota", &["over"])
                || choice_is("hazardous_inputs", &["yes", "some"])
                || choices_have("streams", &["hazardous_waste"]))
        {
            mandatory += 1;
        }
        // English content: a plant not said to be in mainland China is banded as in the EU.
        let china = matches!(answers.get("plant_location"), Some(Answer::Choice(c)) if c == "mainland_china");
        let [small, medium, large] = if china {
            [20.0, 300.0, 1000.0]
        } else {
            [10.0, 50.0, 250.0]
        };
        let size = match answers.get("staff") {
            Some(Answer::Number(n)) if *n < small => Some(SizeBand::Micro),
            Some(Answer::Number(n)) if *n < medium => Some(SizeBand::Small),
            Some(Answer::Number(n)) if *n < large => Some(SizeBand::Medium),
            Some(Answer::Number(_)) => Some(SizeBand::Large),
            _ => None,
        };
        if size.is_some() {
            schemes.insert(if china {
                SizeScheme::China
            } else {
                SizeScheme::Eu
            });
        }
        *sizes.entry(size).or_default() += 1;
    }
    let mut top3: Vec<(MeasureCategory, usize)> = MeasureCategory::ALL
        .iter()
        .map(|c| (*c, top.get(c).copied().unwrap_or(0)))
        .collect();
    top3.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), c.ladder_position()));
    fn count<K: Ord>(m: &BTreeMap<K, usize>, k: K) -> usize {
        m.get(&k).copied().unwrap_or(0)
    }
    Aggregate {
        participants: all.len(),
        mandatory_audit: mandatory,
        stages: EngagementStage::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, count(&stages, i)))
            .collect(),
        readiness: AuditStep::ALL
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let known: usize = bands[i].iter().sum();
                StepDistribution {
                    step: *step,
                    not_known: not_known[i],
                    bands: bands[i],
                    mean: (known > 0).then(|| (f64::from(sums[i]) / known as f64).round() as u8),
                }
            })
            .collect(),
        reasons: Driver::ALL
            .iter()
            .enumerate()
            .map(|(i, d)| ReasonCount {
                driver: *d,
                strong: strong[i],
                rated: rated[i],
                seed_citations: d.seed_citations(),
            })
            .collect(),
        top3,
        by_sector: Sector::ALL
            .iter()
            .map(|s| Some(*s))
            .chain([None])
            .map(|s| (s, count(&sectors, s)))
            .collect(),
        by_size: SizeBand::ALL
            .iter()
            .map(|s| Some(*s))
            .chain([None])
            .map(|s| (s, count(&sizes, s)))
            .collect(),
        size_schemes: schemes.into_iter().collect(),
        readiness_spread: AuditStep::ALL
            .iter()
            .zip(&scores)
            .map(|(step, v)| (*step, expected_spread(v)))
            .collect(),
        ratings: Driver::ALL
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let r = Ratings {
                    counts: rating_counts[i],
                    spread: expected_spread(&ratings[i]),
                };
                (*d, r)
            })
            .collect(),
        cost_of_waste: expected_costs(content, all),
        // These participants carry no register; the room of registers is counted below.
        options: GroupRegister {
            by_category: MeasureCategory::ALL.iter().map(|&c| (c, [0; 4])).collect(),
            ..GroupRegister::default()
        },
    }
}

/// The cost of waste per currency, counted here from each plant's own figures: the sum,
/// the spread (by `expected_spread`) and how many are partial.
fn expected_costs(content: &Content, all: &[&Answers]) -> Vec<CostOfWasteSpread> {
    let benchmarks = Benchmarks::load().unwrap_or_else(|e| panic!("{e}"));
    let bank = &content.bank;
    let mut by: BTreeMap<&'static str, (Vec<f64>, usize)> = BTreeMap::new();
    for answers in all {
        let sector = answers.choice(bank, "sector").and_then(Sector::from_id);
        let Some(f) = plant_figures(bank, &benchmarks, answers, sector, Language::En) else {
            continue;
        };
        if f.cost.total > 0.0 {
            let entry = by.entry(f.currency.as_str()).or_default();
            entry.0.push(f.cost.total);
            entry.1 += usize::from(f.cost.partial);
        }
    }
    Currency::ALL
        .iter()
        .filter_map(|c| {
            let (values, partial) = by.get(c.as_str())?;
            Some(CostOfWasteSpread {
                currency: *c,
                total: (values.iter().sum::<f64>() * 100.0).round() / 100.0,
                spread: expected_spread(values)?,
                partial: *partial,
            })
        })
        .collect()
}

/// Five files that must be refused, with the code each gets.
fn broken_files(valid_json: &str) -> Vec<(String, Vec<u8>, &'static str)> {
    let valid: Value = serde_json::from_str(valid_json).unwrap_or_else(|e| panic!("{e}"));
    let changed = |f: &dyn Fn(&mut Value)| {
        let mut v = valid.clone();
        f(&mut v);
        v.to_string().into_bytes()
    };
    let mut big = valid_json.as_bytes().to_vec();
    big.resize(MAX_IMPORT_BYTES + 1, b' ');
    vec![
        (
            "broken-not-json.csv".into(),
            b"name,staff\nAcme,420\n".to_vec(),
            "not_json",
        ),
        (
            "broken-other-format.json".into(),
            changed(&|v| v["format"] = json!("cp-something-else/response")),
            "not_a_response",
        ),
        (
            "broken-newer.json".into(),
            changed(&|v| v["version"] = json!(3)),
            "newer_version",
        ),
        (
            "broken-unknown-question.json".into(),
            changed(&|v| v["answers"]["zz_removed"] = json!({"type": "choice", "value": "a"})),
            "unknown_questions",
        ),
        ("broken-too-large.json".into(), big, "too_large"),
    ]
}

#[test]
fn two_hundred_responses_with_duplicates_and_broken_files() {
    let content = content();
    let bank = &content.bank;
    let mut rng = Lcg(0x5eed_2026);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut kept: BTreeMap<String, Answers> = BTreeMap::new();
    let mut generated = Vec::new();
    for i in 0..200 {
        let (g, when) = generate(bank, &mut rng);
        files.push((format!("response-{i:03}.json"), g.json.clone().into_bytes()));
        kept.insert(g.id.clone(), g.answers.clone());
        generated.push((g, when));
    }
    assert_eq!(kept.len(), 200, "generated ids are unique");
    // Ten older copies of ten responses, with other answers. Their time is about two
    // hours earlier but written at +08:00, so it sorts *after* the original as text: only
    // a real time comparison keeps the newer copy.
    let mut dup_sources = Vec::new();
    for k in 0..10 {
        let (g, (month, day, hour)) = &generated[k * 19 + 3];
        let older = format!("2026-{month:02}-{day:02}T{:02}:30:00+08:00", hour + 6);
        let mut other = random_answers(bank, &mut rng);
        while other == g.answers {
            other = random_answers(bank, &mut rng);
        }
        let json = to_json(&new_response(bank, &g.id, &older, Language::En, other));
        let source = format!("older-copy-{k}.json");
        dup_sources.push(source.clone());
        files.push((source, json.into_bytes()));
    }
    let broken = broken_files(&generated[0].0.json);
    for (name, bytes, _) in &broken {
        files.push((name.clone(), bytes.clone()));
    }
    rng.shuffle(&mut files);
    // Some older copies must come first, so both replacement orders are exercised.
    let position = |s: &str| files.iter().position(|(n, _)| n == s);
    let dup_first = (0..10)
        .filter(|k| {
            let original = format!("response-{:03}.json", k * 19 + 3);
            position(&dup_sources[*k]) < position(&original)
        })
        .count();
    assert!(
        (1..10).contains(&dup_first),
        "{dup_first} older copies first"
    );

    let mut room = Room::new();
    for (name, bytes) in &files {
        room.add_file(name, bytes, bank);
    }
    assert_eq!(room.participants.len(), 200);
    let mut skipped = room.duplicates.clone();
    skipped.sort();
    assert_eq!(skipped, dup_sources);
    let mut codes: Vec<(&str, &str)> = room
        .refused
        .iter()
        .map(|r| (r.source.as_str(), r.error.code()))
        .collect();
    codes.sort();
    let mut expected_codes: Vec<(&str, &str)> =
        broken.iter().map(|(n, _, c)| (n.as_str(), *c)).collect();
    expected_codes.sort();
    assert_eq!(codes, expected_codes);
    // The newer answers were kept for every id, duplicated or not.
    for p in &room.participants {
        assert_eq!(kept.get(&p.response_id), Some(&p.answers), "{}", p.source);
        assert!(p.source.starts_with("response-"), "{}", p.source);
    }

    let all: Vec<&Answers> = kept.values().collect();
    let expected = expected_aggregate(&content, &all);
    let actual = aggregate(&content, &room.participants);
    assert_eq!(actual, expected);
    // The sample is varied enough for the comparison to mean something.
    assert!(actual.stages.iter().filter(|(_, n)| *n > 0).count() >= 5);
    assert!(
        actual.mandatory_audit > 0 && actual.mandatory_audit < actual.participants,
        "{} of {}",
        actual.mandatory_audit,
        actual.participants
    );
    assert_eq!(
        actual.size_schemes.len(),
        2,
        "both size rules in the sample"
    );
    assert!(
        actual.by_size.iter().all(|(_, n)| *n > 0),
        "{:?}",
        actual.by_size
    );
    assert!(actual
        .readiness
        .iter()
        .all(|s| s.bands.iter().sum::<usize>() > 0));
    assert_eq!(actual.top3.iter().map(|(_, n)| n).sum::<usize>(), 3 * 200);
    println!("aggregate of 200: {actual:?}");
}

#[test]
fn a_migrated_state_is_identified_by_its_source() {
    let content = content();
    let bank = &content.bank;
    let mut rng = Lcg(7);
    let answers = random_answers(bank, &mut rng);
    let state = json!({"format": "cp-self-assessment/state", "version": 1, "answers": answers});
    let mut room = Room::new();
    room.add_file("laptop.json", state.to_string().as_bytes(), bank);
    room.add_file("laptop.json", state.to_string().as_bytes(), bank);
    room.add_file("tablet.json", state.to_string().as_bytes(), bank);
    let ids: Vec<&str> = room
        .participants
        .iter()
        .map(|p| p.response_id.as_str())
        .collect();
    assert_eq!(ids, ["file:laptop.json", "file:tablet.json"]);
    assert_eq!(room.duplicates, ["laptop.json"]);
    assert_eq!(room.participants[0].updated, "");
    assert_eq!(room.participants[0].answers, answers);
}

/// A version 1 share payload (answers only), as links made before response ids were.
fn v1_link(answers: &Answers) -> String {
    use base64::Engine;
    let json = serde_json::to_vec(answers).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!(
        "{SHARE_PREFIX_V1}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    )
}

#[test]
fn version_1_share_links_are_deduplicated_and_damaged_ones_refused() {
    let content = content();
    let bank = &content.bank;
    let mut rng = Lcg(42);
    let answers = random_answers(bank, &mut rng);
    let payload = v1_link(&answers);
    let other = v1_link(&random_answers(bank, &mut rng));
    let mut room = Room::new();
    room.add_share_link(
        "link 1",
        &format!("https://example.org/cp/#{payload}"),
        bank,
    );
    room.add_share_link(
        "link 2",
        &format!("https://example.org/cp/#{payload}"),
        bank,
    );
    room.add_share_link("link 3", &format!("  {payload}\n"), bank);
    room.add_share_link("link 4", &other, bank);
    let cut = &payload[..payload.len() - 4];
    room.add_share_link("link 5", &format!("https://example.org/cp/#{cut}"), bank);
    room.add_share_link("link 6", "r1.***", bank);

    assert_eq!(room.participants.len(), 2);
    let p = &room.participants[0];
    assert_eq!((p.source.as_str(), p.updated.as_str()), ("link 1", ""));
    assert_eq!(p.answers, answers);
    assert!(p.response_id.starts_with("link:"), "{}", p.response_id);
    let hash = &p.response_id["link:".len()..];
    assert_eq!(hash.len(), 16);
    assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_ne!(room.participants[1].response_id, p.response_id);
    assert_eq!(room.duplicates, ["link 2", "link 3"]);
    let refused: Vec<(&str, &str)> = room
        .refused
        .iter()
        .map(|r| (r.source.as_str(), r.error.code()))
        .collect();
    assert_eq!(refused, [("link 5", "bad_link"), ("link 6", "bad_link")]);
    assert_eq!(room.refused[1].error, ImportError::BadLink);
    // Refused as links, so their messages speak of a link, not a file.
    assert!(room.refused.iter().all(|r| r.from == ImportSource::Link));
}

#[test]
fn a_refused_link_is_kept_as_a_link_and_older_rooms_read_as_files() {
    let content = content();
    let bank = &content.bank;
    let mut room = Room::new();
    room.add_share_link("link 1", "r2.***", bank);
    room.add_file("a.json", b"not json", bank);
    let stored = serde_json::to_value(&room.refused).unwrap_or_default();
    assert_eq!(
        stored,
        json!([
            {"source": "link 1", "error": {"code": "bad_link"}, "from": "link"},
            {"source": "a.json", "error": {"code": "not_json", "detail": stored[1]["error"]["detail"]}}
        ])
    );
    let back: Vec<Refused> = serde_json::from_value(stored).unwrap_or_default();
    assert_eq!(back, room.refused);
    // A room kept before the source was recorded: its refusals are files'.
    let old: Vec<Refused> =
        serde_json::from_value(json!([{"source": "b.json", "error": {"code": "too_deep"}}]))
            .unwrap_or_default();
    assert_eq!(old.len(), 1);
    assert_eq!(
        (old[0].error.clone(), old[0].from),
        (ImportError::TooDeep, ImportSource::File)
    );
}

#[test]
fn nobody_in_the_room_gives_zeros_of_the_right_shape() {
    let content = content();
    let a = aggregate(&content, &[]);
    assert_eq!(a.participants, 0);
    assert_eq!(a.stages.len(), EngagementStage::ALL.len());
    assert_eq!(a.readiness.len(), 7);
    assert!(a
        .readiness
        .iter()
        .all(|s| s.mean.is_none() && s.not_known == 0));
    assert_eq!(a.reasons.len(), 11);
    let ladder: Vec<u8> = a.top3.iter().map(|(c, _)| c.ladder_position()).collect();
    assert_eq!(ladder, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(a.by_sector.len(), 18);
    assert_eq!(a.by_sector.last(), Some(&(None, 0)));
    assert_eq!(a.by_size.len(), 5);
    assert!(a.size_schemes.is_empty());
    assert_eq!(a.readiness_spread.len(), 7);
    assert!(a.readiness_spread.iter().all(|(_, s)| s.is_none()));
    let drivers: Vec<Driver> = a.ratings.iter().map(|(d, _)| *d).collect();
    assert_eq!(drivers, Driver::ALL);
    assert!(a.ratings.iter().all(|(_, r)| *r == Ratings::default()));
}

#[test]
fn aggregate_csv_is_excel_safe_and_complete() {
    let content = content();
    let bank = &content.bank;
    let mut rng = Lcg(99);
    let participants: Vec<Participant> = (0..30)
        .map(|i| Participant {
            response_id: rng.uuid(),
            updated: String::new(),
            source: format!("=cmd|' /C calc'!A{i}"),
            room: None,
            answers: random_answers(bank, &mut rng),
            register: Register::default(),
        })
        .collect();
    let agg = aggregate(&content, &participants);
    let text = aggregate_csv(&content, &agg);
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no BOM"));
    assert!(body.contains("\r\n"));
    assert!(!body.replace("\r\n", "").contains('\n'));
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header, ["section", "id", "name", "count", "detail"]);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        rows.len(),
        1 + 8 + 7 + 11 + 8 + 18 + 5 + 7 + 11 + 8 + agg.cost_of_waste.len()
    );
    let section = |s: &str| -> Vec<&csv::StringRecord> {
        rows.iter().filter(|r| r.get(0) == Some(s)).collect()
    };
    let sizes: Vec<usize> = [
        "participants",
        "stage",
        "readiness",
        "reason",
        "top3",
        "sector",
        "size",
        "readiness_spread",
        "importance_spread",
        "options",
    ]
    .iter()
    .map(|s| section(s).len())
    .collect();
    assert_eq!(sizes, [1, 8, 7, 11, 8, 18, 5, 7, 11, 8]);
    for cell in rows.iter().flat_map(|r| r.iter()) {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
    }
    assert_eq!(section("participants")[0].get(3), Some("30"));
    let counts = |s: &str| -> usize {
        section(s)
            .iter()
            .map(|r| {
                r.get(3)
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(999)
            })
            .sum()
    };
    assert_eq!(counts("stage"), 30);
    assert_eq!(counts("sector"), 30);
    assert_eq!(counts("size"), 30);
    assert_eq!(counts("top3"), 90);
    let step1 = section("readiness")[0];
    assert_eq!(step1.get(1), Some("1"));
    assert_eq!(
        step1.get(2),
        Some(content.step_name(AuditStep::Preparation))
    );
    let s = &agg.readiness[0];
    let mean = s.mean.map(|m| m.to_string()).unwrap_or_default();
    assert_eq!(
        step1.get(4).map(str::to_owned),
        Some(format!(
            "0–24:{} 25–49:{} 50–74:{} 75–100:{} not known:{} mean:{mean}",
            s.bands[0], s.bands[1], s.bands[2], s.bands[3], s.not_known
        ))
    );
    let cost = section("reason")[0];
    assert_eq!(cost.get(1), Some("production_cost"));
    assert!(
        cost.get(4).is_some_and(|d| d.ends_with(" seed:23")),
        "{cost:?}"
    );
    let image = section("reason")[10];
    assert!(
        image.get(4).is_some_and(|d| d.ends_with(" seed:")),
        "{image:?}"
    );
    let textile = section("sector")[0];
    let label = bank
        .question("sector")
        .and_then(|q| q.option("textile"))
        .map(|o| o.label.as_str());
    assert_eq!((textile.get(1), textile.get(2)), (Some("textile"), label));
    let last = section("sector")[17];
    assert_eq!((last.get(1), last.get(2)), (Some(""), Some("")));
    let size_names: Vec<&str> = section("size").iter().filter_map(|r| r.get(1)).collect();
    assert_eq!(size_names, ["micro", "small", "medium", "large", ""]);
    // Stage rows carry the seed's codes; the top-3 rows follow the aggregate's order.
    let codes: Vec<&str> = section("stage").iter().filter_map(|r| r.get(1)).collect();
    assert!(codes.contains(&"B1-b") && codes.contains(&"A"), "{codes:?}");
    let top_ids: Vec<&str> = section("top3").iter().filter_map(|r| r.get(1)).collect();
    let agg_ids: Vec<&str> = agg.top3.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(top_ids, agg_ids);
    // The spreads: the same participants as the readiness and reason rows, five values each.
    let spread_counts: Vec<&str> = section("readiness_spread")
        .iter()
        .filter_map(|r| r.get(3))
        .collect();
    let known: Vec<String> = agg
        .readiness
        .iter()
        .map(|s| s.known().to_string())
        .collect();
    assert_eq!(spread_counts, known);
    let s = agg.readiness_spread[0]
        .1
        .unwrap_or_else(|| panic!("step 1 unknown"));
    let figure = cp_assessment::spread::figure;
    assert_eq!(
        section("readiness_spread")[0].get(4).map(str::to_owned),
        Some(format!(
            "min:{} q1:{} median:{} q3:{} max:{}",
            figure(s.min),
            figure(s.lower_quartile),
            figure(s.median),
            figure(s.upper_quartile),
            figure(s.max)
        ))
    );
    let importance = section("importance_spread");
    let rated: Vec<&str> = importance.iter().filter_map(|r| r.get(3)).collect();
    let reason_rated: Vec<String> = agg.reasons.iter().map(|r| r.rated.to_string()).collect();
    assert_eq!(rated, reason_rated);
    assert_eq!(importance[0].get(1), Some("production_cost"));
    let c = agg.ratings[0].1.counts;
    assert!(
        importance[0].get(4).is_some_and(|d| d.starts_with(&format!(
            "1:{} 2:{} 3:{} 4:{} 5:{} min:",
            c[0], c[1], c[2], c[3], c[4]
        ))),
        "{:?}",
        importance[0]
    );
}

/// The room of the personas P1, P2, P3, P5 and a P4 who answered neither question of
/// audit step 1 nor rated international markets.
fn persona_room() -> Vec<Participant> {
    let mut p4 = persona("p4");
    for id in ["r_commitment", "r_team", "m_international_markets"] {
        p4.clear(id);
    }
    let answers = [
        persona("p1"),
        persona("p2"),
        persona("p3"),
        p4,
        persona("p5"),
    ];
    answers
        .into_iter()
        .enumerate()
        .map(|(i, answers)| Participant {
            response_id: format!("persona-{i}"),
            updated: String::new(),
            source: format!("p{}.json", i + 1),
            room: None,
            answers,
            register: Register::default(),
        })
        .collect()
}

#[test]
fn a_room_of_personas_is_spread_as_counted_by_hand() {
    let content = content();
    let a = aggregate(&content, &persona_room());
    // Step scores by hand from the bank's readiness values (docs/scoring.md §2), in the
    // order P1, P2, P3, P4, P5:
    // 1: 40 40 → 40; 40 0 → 20; 40 40 → 40; not known; 100 40 → 70.
    // 2: 50 50 → 50; 0 0 → 0; 100 100 → 100; "I don't know" and 0 → 0; 100 50 → 75.
    // 3: 25 25 30 40 50 → 34; 25 25 30 0 0 → 16; all 100 → 100; 0 25 0 0 0 → 5;
    //    75 75 70 40 50 → 62.
    // 4: 50 0 → 25; 25; 50 100 → 75; 0; 75.   5 and 6: 25; 25; 75; 25; 75.
    // 7: 0; 0; 50 0 → 25; 0; 50 50 → 50.
    // Five known scores put the quartiles on the 2nd and 4th of them (h = 1, 2, 3). Step 1
    // has four: h = 0.75, 1.5, 2.25 on 20 40 40 70 give 20 + 0.75 × 20 = 35, 40 and
    // 40 + 0.25 × 30 = 47.5.
    let expected: [(usize, [f64; 5]); 7] = [
        (4, [20.0, 35.0, 40.0, 47.5, 70.0]),
        (5, [0.0, 0.0, 50.0, 75.0, 100.0]),
        (5, [5.0, 16.0, 34.0, 62.0, 100.0]),
        (5, [0.0, 25.0, 25.0, 75.0, 75.0]),
        (5, [25.0, 25.0, 25.0, 75.0, 75.0]),
        (5, [25.0, 25.0, 25.0, 75.0, 75.0]),
        (5, [0.0, 0.0, 0.0, 25.0, 50.0]),
    ];
    for (i, (step, spread)) in a.readiness_spread.iter().enumerate() {
        assert_eq!(*step, AuditStep::ALL[i]);
        let actual = spread.map(|s| (s.n, s.five()));
        assert_eq!(actual, Some(expected[i]), "step {}", i + 1);
    }
    // The band counts and the spreads describe the same participants.
    assert_eq!(a.readiness[0].known(), 4);
    assert_eq!(a.readiness[0].not_known, 1);

    // Ratings from the persona files, P1 P2 P3 P4 P5. Production cost 5 4 5 4 3: one 3,
    // two 4s, two 5s. International markets 5 1 1 – 5: h = 0.75, 1.5, 2.25 on 1 1 5 5
    // give 1, 1 + 0.5 × 4 = 3 and 5. Residents' complaints 2 2 2 5 1. Corporate image
    // 3 2 4 3 4.
    let rated = |d: Driver| {
        let (_, r) = a
            .ratings
            .iter()
            .find(|(x, _)| *x == d)
            .unwrap_or_else(|| panic!("{d:?}"));
        (r.counts, r.spread.map(|s| (s.n, s.five())))
    };
    assert_eq!(
        rated(Driver::ProductionCost),
        ([0, 0, 1, 2, 2], Some((5, [3.0, 4.0, 4.0, 5.0, 5.0])))
    );
    assert_eq!(
        rated(Driver::InternationalMarkets),
        ([2, 0, 0, 0, 2], Some((4, [1.0, 1.0, 3.0, 5.0, 5.0])))
    );
    assert_eq!(
        rated(Driver::ResidentsComplaints),
        ([1, 3, 0, 0, 1], Some((5, [1.0, 2.0, 2.0, 2.0, 5.0])))
    );
    assert_eq!(
        rated(Driver::CorporateImage),
        ([0, 1, 2, 2, 0], Some((5, [2.0, 3.0, 3.0, 4.0, 4.0])))
    );
    // Every driver's counts agree with the reasons' "rated" and "strong" counts.
    for ((driver, r), reason) in a.ratings.iter().zip(&a.reasons) {
        assert_eq!(*driver, reason.driver);
        assert_eq!(r.rated(), reason.rated, "{driver:?}");
        assert_eq!(r.counts[3] + r.counts[4], reason.strong, "{driver:?}");
        assert_eq!(r.spread.map_or(0, |s| s.n), reason.rated, "{driver:?}");
    }

    // The CSV carries the same figures.
    let csv = aggregate_csv(&content, &a);
    assert!(
        csv.contains("\r\nreadiness_spread,1,Preparation and organization,4,min:20 q1:35 median:40 q3:47.5 max:70\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",4,1:2 2:0 3:0 4:0 5:2 min:1 q1:1 median:3 q3:5 max:5\r\n"),
        "{csv}"
    );
}

#[test]
fn five_hundred_responses_timing() {
    let content = content();
    let bank = &content.bank;
    let mut rng = Lcg(500);
    let files: Vec<String> = (0..500).map(|_| generate(bank, &mut rng).0.json).collect();
    let start = Instant::now();
    let mut room = Room::new();
    for (i, f) in files.iter().enumerate() {
        room.add_file(&format!("r{i}.json"), f.as_bytes(), bank);
    }
    let imported = start.elapsed();
    let start = Instant::now();
    let agg = aggregate(&content, &room.participants);
    let aggregated = start.elapsed();
    let csv = aggregate_csv(&content, &agg);
    let mut record = RoomRecord::new(
        cp_assessment::room_code::RoomCode::from_random([1, 2, 3, 4]),
        "500",
        "2026-12-06T09:00:00Z",
    );
    record.room = room.clone();
    let start = Instant::now();
    let stored = record.to_stored();
    let packed = start.elapsed();
    let start = Instant::now();
    let back = RoomRecord::parse(&stored);
    let unpacked = start.elapsed();
    assert_eq!(back.as_ref(), Some(&record));
    println!(
        "500 responses kept: {} KB of JSON stored as {} KB (packed in {} ms, read back in {} ms)",
        record.to_json().len() / 1024,
        stored.len() / 1024,
        packed.as_millis(),
        unpacked.as_millis()
    );
    // Local storage holds about 5 MB: a room of 500 must leave room for several more.
    assert!(stored.len() < 1024 * 1024, "{} bytes", stored.len());
    assert_eq!(agg.participants, 500);
    assert!(!csv.is_empty());
    println!(
        "500 responses: import into room {} ms, aggregate {} ms",
        imported.as_millis(),
        aggregated.as_millis()
    );
}

/// The size bands on their boundary values: China's industrial headcount bands
/// (工信部联企业〔2011〕300号) for a plant in mainland China, the EU's elsewhere.
#[test]
fn size_bands_follow_the_plants_country_on_their_boundaries() {
    use SizeBand::{Large, Medium, Micro, Small};
    let china = [
        (1.0, Micro),
        (19.0, Micro),
        (20.0, Small),
        (299.0, Small),
        (300.0, Medium),
        (999.0, Medium),
        (1000.0, Large),
    ];
    let eu = [
        (9.0, Micro),
        (10.0, Small),
        (49.0, Small),
        (50.0, Medium),
        (249.0, Medium),
        (250.0, Large),
        (200_000.0, Large),
    ];
    for (staff, band) in china {
        assert_eq!(SizeScheme::China.band(staff), band, "China, {staff} staff");
    }
    for (staff, band) in eu {
        assert_eq!(SizeScheme::Eu.band(staff), band, "EU, {staff} staff");
    }
    // A 200-person plant is small in China and medium in the EU.
    assert_eq!(SizeScheme::China.band(200.0), Small);
    assert_eq!(SizeScheme::Eu.band(200.0), Medium);
    assert_eq!(
        SizeScheme::of_location(Some("mainland_china"), SizeScheme::Eu),
        SizeScheme::China
    );
    assert_eq!(
        SizeScheme::of_location(Some("elsewhere"), SizeScheme::China),
        SizeScheme::Eu
    );
    assert_eq!(
        SizeScheme::of_location(None, SizeScheme::China),
        SizeScheme::China
    );
    assert_eq!(SizeScheme::fallback_for("zh-CN"), SizeScheme::China);
    assert_eq!(SizeScheme::fallback_for("en"), SizeScheme::Eu);
    assert_eq!(SizeScheme::China.staff_range(Small), "20\u{2013}299");
    assert_eq!(SizeScheme::Eu.staff_range(Large), ">=250");
}

/// A register of `n` options cycling through the categories and bins, each with a study
/// saving `per_option` a year, the `dropped`-th dropped.
fn register_of(n: u32, per_option: f64, dropped: u32, currency: Option<Currency>) -> Register {
    let mut r = Register {
        currency,
        options: Vec::new(),
    };
    for i in 0..n {
        let category = MeasureCategory::ALL[i as usize % MeasureCategory::ALL.len()];
        let id = r
            .add(&format!("Option {i}"), category, "")
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut o = r.option(id).cloned().unwrap_or_else(|| panic!("added"));
        o.bin = match i % 4 {
            0 => Bin::NotScreened,
            1 => Bin::DoNow,
            2 => Bin::FeasibilityStudy,
            _ => Bin::Rejected("too dear".into()),
        };
        o.feasibility = Some(Feasibility {
            investment: 1_000.0,
            savings: Savings {
                water: per_option,
                ..Savings::default()
            },
            one_off: 0.0,
            life_years: 5,
            rate_percent: 6.0,
            class: None,
        });
        if i == dropped {
            o.status = Status::Dropped;
        }
        r.replace(o).unwrap_or_else(|e| panic!("{e:?}"));
    }
    r
}

#[test]
fn the_room_counts_three_participants_registers_by_category_and_bin() {
    let content = content();
    let bank = &content.bank;
    let registers = [
        register_of(5, 1_000.0, 99, Some(Currency::Cny)),
        register_of(9, 250.5, 4, Some(Currency::Cny)),
        register_of(3, 40.0, 99, Some(Currency::Eur)),
    ];
    let mut room = Room::new();
    for (i, register) in registers.iter().enumerate() {
        let mut file = new_response(
            bank,
            &format!("00000000-0000-4000-8000-00000000000{i}"),
            "2026-12-07T09:00:00Z",
            Language::En,
            persona("p1"),
        );
        file.register = register.clone();
        room.add_file(&format!("p{i}.json"), to_json(&file).as_bytes(), bank);
    }
    assert_eq!(room.participants.len(), 3, "{:?}", room.refused);
    let got = aggregate(&content, &room.participants).options;

    // Counted by hand: option i is in category i mod 8 and bin i mod 4 (3 = rejected).
    let mut by_category = vec![[0usize; 4]; 8];
    for n in [5, 9, 3] {
        for i in 0..n {
            by_category[i % 8][i % 4] += 1;
        }
    }
    // Selected: not rejected (i mod 4 = 3) and not dropped (option 4 of the second).
    // First: options 0,1,2,4 → 4 × 1,000. Second: 0,1,2,5,6,8 → 6 × 250.5 (4 dropped,
    // 3 and 7 rejected). Third: 0,1,2 → 3 × 40 euros.
    assert_eq!(got.participants, 3);
    assert_eq!(got.options, 17);
    assert_eq!(got.selected, 4 + 6 + 3);
    assert_eq!(
        got.by_category,
        MeasureCategory::ALL
            .iter()
            .copied()
            .zip(by_category)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        got.estimated,
        vec![(Currency::Cny, 4_000.0 + 1_503.0), (Currency::Eur, 120.0)]
    );
    let csv = aggregate_csv(&content, &aggregate(&content, &room.participants));
    assert!(csv.contains("options_savings,cny,,13,5503\r\n"), "{csv}");
    assert!(csv.contains("options,housekeeping,Good housekeeping,4,not_screened:4 do_now:0 feasibility_study:0 rejected:0"), "{csv}");
}
