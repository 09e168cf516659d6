//! The plant's figures: the cost of waste, the intensities in their units and the sector's
//! levels, on hand-computed examples; unknown figures leave gaps, never zeros or NaN.

mod common;
use common::{content, persona};
use cp_assessment::answers::{Answer, Answers};
use cp_assessment::benchmarks::{Benchmarks, Level};
use cp_assessment::content::Content;
use cp_assessment::figures::{
    plant_figures, FigureTexts, FiguresReport, PlantFigures, FIGURE_QUESTIONS,
};
use cp_assessment::vocabulary::{Currency, Language, Sector};

fn benchmarks() -> Benchmarks {
    Benchmarks::load().unwrap_or_else(|e| panic!("{e}"))
}

/// A textile plant's figures and their report, in English.
fn textile_in_english(c: &Content, a: &Answers) -> (PlantFigures, FiguresReport) {
    let f = plant_figures(
        &c.bank,
        &benchmarks(),
        a,
        Some(Sector::Textile),
        Language::En,
    )
    .unwrap_or_else(|| panic!("one figure given"));
    let texts = FigureTexts::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
    let r = f.report(
        &texts,
        &c.bank,
        &benchmarks(),
        Some(Sector::Textile),
        Language::En,
    );
    (f, r)
}

/// The steel plant's figures section, in Chinese.
fn steel_plant_in_chinese() -> FiguresReport {
    let zh = Content::load(Language::ZhCn).unwrap_or_else(|e| panic!("{e}"));
    let texts = FigureTexts::load(Language::ZhCn).unwrap_or_else(|e| panic!("{e}"));
    let sector = Some(Sector::Metallurgy);
    plant_figures(
        &zh.bank,
        &benchmarks(),
        &steel_plant(),
        sector,
        Language::ZhCn,
    )
    .unwrap_or_else(|| panic!("figures"))
    .report(&texts, &zh.bank, &benchmarks(), sector, Language::ZhCn)
}

/// A steel plant in mainland China with every figure given.
fn steel_plant() -> Answers {
    let mut a = persona("p1");
    a.set("sector", Answer::Choice("metallurgy".into()));
    a.set("plant_location", Answer::Choice("mainland_china".into()));
    for (id, v) in [
        ("turnover", 60_000_000.0),
        ("output", 1_000_000.0),
        ("water_m3", 4_500_000.0),
        ("water_cost", 300_000.0),
        ("electricity_amount", 10_000_000.0),
        ("electricity_cost", 2_000_000.0),
        ("coal_amount", 5_000.0),
        ("coal_cost", 1_000_000.0),
        ("materials_t", 1_100_000.0),
        ("materials_cost", 10_000_000.0),
        ("material_loss", 5.0),
        ("treatment_cost", 200_000.0),
        ("disposal_cost", 50_000.0),
    ] {
        a.set(id, Answer::Number(v));
    }
    a.set("output_unit", Answer::Choice("t".into()));
    a.set(
        "energy_carriers",
        Answer::Choices(vec!["electricity".into(), "coal".into(), "steam".into()]),
    );
    a
}

#[test]
fn the_cost_of_waste_intensities_and_level_of_a_steel_plant() {
    let c = content();
    let f = plant_figures(
        &c.bank,
        &benchmarks(),
        &steel_plant(),
        Some(Sector::Metallurgy),
        Language::En,
    )
    .unwrap_or_else(|| panic!("figures given"));
    assert_eq!(
        f.currency,
        Currency::Cny,
        "a plant in mainland China counts in yuan"
    );
    // Materials lost: 5 % of ¥10,000,000. Energy spent on them: 5 % of the ¥3,000,000 of
    // electricity and coal. Water ¥300,000; treatment and disposal ¥250,000.
    assert_eq!(f.cost.material, Some(500_000.0));
    assert_eq!(f.cost.energy, Some(150_000.0));
    assert_eq!(f.cost.water, Some(300_000.0));
    assert_eq!(f.cost.waste_management, Some(250_000.0));
    assert_eq!(f.cost.total, 1_200_000.0);
    assert_eq!(f.cost.share_of_turnover, Some(0.02));
    assert!(!f.cost.partial);
    // 4,500,000 m³ for 1,000,000 t: 4.5 m³/t.
    assert_eq!(f.water_per_unit, Some(4.5));
    // 10,000,000 kWh × 0.1229 + 5,000 t × 1,000 kg × 0.7143 kgce/kg; steam has no factor.
    let kgce = f.energy_kgce.unwrap_or(f64::NAN);
    assert!((kgce - (1_229_000.0 + 3_571_500.0)).abs() < 1e-6, "{kgce}");
    assert_eq!(f.energy_left_out, vec!["steam".to_owned()]);
    assert_eq!(f.material_yield, Some(0.95));
    // 4.5 m³/t is short of level Ⅲ (4.1) for fresh water per tonne of steel.
    assert_eq!(f.standings.len(), 1);
    assert_eq!(f.standings[0].indicator.id, "fresh_water_per_t_steel");
    assert_eq!(f.standings[0].level, Level::BelowIII);

    let texts = FigureTexts::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
    let r = f.report(
        &texts,
        &c.bank,
        &benchmarks(),
        Some(Sector::Metallurgy),
        Language::En,
    );
    assert_eq!(
        r.total,
        "Waste costs the plant about ¥1,200,000 a year, not all of it avoidable. That is 2 % of turnover."
    );
    assert!(r.reference.contains("4.5 %"), "{}", r.reference);
    assert_eq!(r.rows[0].text, "¥500,000");
    assert_eq!(r.missing, None);
    assert!(r
        .intensities
        .contains(&"Fresh water: 4.5 m³ per tonne".to_owned()));
    assert!(
        r.intensities[1].starts_with("Energy: 4.8 kgce per tonne"),
        "{:?}",
        r.intensities
    );
    assert!(r.intensities[1].contains("Steam"));
    assert_eq!(r.levels[0].level, "below Ⅲ");
    assert!(r.levels[0].lagging);
    // Level Ⅰ is 3.5 m³/t: 78 % of 4.5.
    assert_eq!(r.gaps.len(), 1);
    assert!(r.gaps[0].contains("78 %"), "{}", r.gaps[0]);
    assert!(r
        .source
        .as_deref()
        .is_some_and(|s| s.contains("indicative")));
}

#[test]
fn partial_figures_give_a_partial_total_and_say_what_is_missing() {
    let c = content();
    let mut a = persona("p1");
    a.set("water_cost", Answer::Number(80_000.0));
    a.set("turnover", Answer::Unknown);
    a.set("currency", Answer::Choice("eur".into()));
    let (f, r) = textile_in_english(&c, &a);
    assert_eq!(f.currency, Currency::Eur);
    assert_eq!(f.cost.total, 80_000.0);
    assert!(f.cost.partial);
    assert_eq!(f.cost.share_of_turnover, None);
    assert!(
        r.total
            .starts_with("Waste costs the plant at least €80,000"),
        "{}",
        r.total
    );
    assert_eq!(r.rows[0].text, "not known");
    let missing = r.missing.unwrap_or_default();
    assert!(
        missing.contains("turnover") && missing.contains("raw materials"),
        "{missing}"
    );
    // No carrier chosen: the question to answer is which energy the plant buys.
    assert!(
        f.cost_missing.contains(&"energy_carriers"),
        "{:?}",
        f.cost_missing
    );
    // Carriers chosen without their cost: the missing figures are those costs, not the
    // carriers already answered (a newcomer was sent back to a question done).
    a.set(
        "energy_carriers",
        Answer::Choices(vec!["electricity".into(), "steam".into()]),
    );
    let (g, _) = textile_in_english(&c, &a);
    assert!(
        !g.cost_missing.contains(&"energy_carriers"),
        "{:?}",
        g.cost_missing
    );
    assert!(
        g.cost_missing.contains(&"electricity_cost") && g.cost_missing.contains(&"steam_cost"),
        "{:?}",
        g.cost_missing
    );
    // No official levels for textile dyeing yet: said so, with the reason.
    assert!(r.levels.is_empty());
    assert!(r
        .no_levels
        .is_some_and(|t| t.contains("could not yet be checked")));
}

#[test]
fn no_figure_or_only_i_dont_know_gives_no_section_and_never_nan() {
    let c = content();
    let mut a = persona("p2");
    assert_eq!(
        plant_figures(&c.bank, &benchmarks(), &a, None, Language::En),
        None
    );
    for id in FIGURE_QUESTIONS {
        if c.bank
            .question(id)
            .is_some_and(|q| q.unknown_hint.is_some())
        {
            a.set(id, Answer::Unknown);
        }
    }
    assert_eq!(
        plant_figures(&c.bank, &benchmarks(), &a, None, Language::En),
        None
    );
    // In Chinese, with a figure given: every text is filled, none says NaN or inf.
    let r = steel_plant_in_chinese();
    let all = format!("{r:?}");
    assert!(
        !all.contains("NaN") && !all.contains("inf") && !all.contains("{{"),
        "{all}"
    );
    assert!(r.total.contains("¥1,200,000"), "{}", r.total);
}

#[test]
fn turnover_alone_gives_no_cost_of_waste_rather_than_zero() {
    let c = content();
    let mut a = Answers::new();
    a.set("turnover", Answer::Number(250_000_000.0));
    let (f, r) = textile_in_english(&c, &a);
    assert!(!f.cost.is_known());
    let texts = FigureTexts::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
    // The summary leaves the line out; the section says what the total needs.
    assert_eq!(f.total_text(&texts, Language::En), None);
    assert!(
        r.total
            .starts_with("What waste costs cannot be worked out yet"),
        "{}",
        r.total
    );
    assert!(!r.total.contains("¥0"), "{}", r.total);
}

#[test]
fn every_text_of_the_section_is_there_in_both_languages() {
    for language in [Language::En, Language::ZhCn] {
        FigureTexts::load(language).unwrap_or_else(|e| panic!("{language:?}: {e}"));
    }
}

#[test]
fn chinese_sentences_are_joined_without_a_space() {
    let r = steel_plant_in_chinese();
    assert_eq!(
        r.total,
        "贵厂每年的废物成本约为 ¥1,200,000，并非全部可以避免。相当于营业收入的 2%。"
    );
}

#[test]
fn a_level_iii_or_worse_raises_the_categories_that_close_the_gap_and_says_why() {
    use cp_assessment::assess::assess;
    use cp_assessment::vocabulary::MeasureCategory;
    let c = content();
    let reasons = |a: &Answers, category: MeasureCategory| -> Vec<String> {
        assess(&c, a)
            .measures
            .iter()
            .find(|m| m.category == category)
            .map(|m| m.raised_by.iter().map(|r| r.rule_id.clone()).collect())
            .unwrap_or_default()
    };
    let lagging = steel_plant();
    assert!(reasons(&lagging, MeasureCategory::Housekeeping)
        .contains(&"lv_water_housekeeping".to_owned()));
    assert!(reasons(&lagging, MeasureCategory::Recovery).contains(&"lv_water_recovery".to_owned()));
    let evidence = assess(&c, &lagging)
        .measures
        .iter()
        .flat_map(|m| m.raised_by.clone())
        .find(|r| r.rule_id == "lv_water_recovery")
        .map(|r| r.evidence[0].answer.clone());
    assert_eq!(
        evidence.as_deref(),
        Some("4.5 m³/t steel (Ⅰ: 3.5 m³/t steel)")
    );
    // At level Ⅰ (3.0 m³/t) no level rule fires, and the fit is what the answers alone give.
    let mut leading = steel_plant();
    leading.set("water_m3", Answer::Number(3_000_000.0));
    assert!(!reasons(&leading, MeasureCategory::Recovery)
        .iter()
        .any(|r| r.starts_with("lv_")));
    let mut without = steel_plant();
    for id in FIGURE_QUESTIONS {
        without.clear(id);
    }
    let points = |a: &Answers| {
        assess(&c, a)
            .measures
            .iter()
            .find(|m| m.category == MeasureCategory::Recovery)
            .map_or(0, |m| m.points)
    };
    assert_eq!(points(&leading), points(&without));
    assert_eq!(points(&lagging), points(&without) + 12);
}

#[test]
fn the_results_csv_carries_the_cost_of_waste() {
    use cp_assessment::assess::assess;
    use cp_assessment::exchange::results_csv;
    let c = content();
    let answers = steel_plant();
    let text = results_csv(&c, &assess(&c, &answers), "id", Language::En);
    assert!(text.contains("cost,1,material,,500000,cny,\r\n"), "{text}");
    assert!(
        text.contains("cost,5,total,,1200000,cny,share_percent:2\r\n"),
        "{text}"
    );
    // Without figures, no cost rows.
    let none = results_csv(&c, &assess(&c, &persona("p1")), "id", Language::En);
    assert!(!none.contains("\r\ncost,"));
}
