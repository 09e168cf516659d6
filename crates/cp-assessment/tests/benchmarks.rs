//! The benchmark data and the cost-of-waste arithmetic: every table loads and is checked
//! (Ⅰ better than Ⅱ better than Ⅲ in the indicator's direction, unit and source present),
//! conversions and costs on hand-computed examples, and docs/benchmarks.md lists every
//! value.

use cp_assessment::benchmarks::{Benchmarks, Direction, Level};
use cp_assessment::cost::{cost_of_waste, CostInputs};
use cp_assessment::vocabulary::{Language, Sector};

fn data() -> Benchmarks {
    Benchmarks::load().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_table_loads_and_is_in_order_with_unit_and_source() {
    let b = data();
    assert!(b.conversion.len() >= 10);
    for c in &b.conversion {
        assert!(c.factor > 0.0 && c.factor.is_finite(), "{}", c.carrier);
        assert!(
            !c.per.is_empty() && !c.source.is_empty() && !c.url.is_empty(),
            "{}",
            c.carrier
        );
        assert!(!c.name.of(Language::En).is_empty() && !c.name.of(Language::ZhCn).is_empty());
    }
    let mut values = 0;
    for s in &b.sectors {
        assert!(!s.system.title.en.is_empty() && !s.system.title.zh_cn.is_empty());
        assert!(!s.system.url.is_empty(), "{:?}", s.sector);
        for i in &s.indicators {
            assert!(i.is_ordered(), "{:?} {}: {:?}", s.sector, i.id, i.levels);
            assert!(
                !i.unit.is_empty() && !i.locator.is_empty() && !i.note.is_empty(),
                "{}",
                i.id
            );
            values += 3;
        }
    }
    assert!(values >= 40, "{values} values");
    for r in &b.reference {
        assert!(
            r.value > 0.0 && !r.source.is_empty() && !r.url.is_empty(),
            "{}",
            r.id
        );
    }
}

#[test]
fn levels_follow_the_indicators_direction() {
    let b = data();
    let find = |sector: Sector, id: &str| {
        b.of(sector)
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    // Rinse water per m² and step: Ⅰ ≤ 8, Ⅱ ≤ 24, Ⅲ ≤ 40 L/m² (lower is better).
    let water = find(Sector::Electroplating, "water_per_m2_rinse");
    assert_eq!(water.direction, Direction::Lower);
    assert!(water.limiting);
    let cases = [
        (8.0, Level::I),
        (20.0, Level::II),
        (24.0, Level::II),
        (40.0, Level::III),
        (41.0, Level::BelowIII),
    ];
    for (v, level) in cases {
        assert_eq!(water.level(v), Some(level), "{v}");
    }
    assert_eq!(water.level(f64::NAN), None);
    // Zinc utilisation: Ⅰ ≥ 82 %, Ⅱ ≥ 80 %, Ⅲ ≥ 75 % (higher is better).
    let zinc = find(Sector::Electroplating, "zinc_utilisation");
    let cases = [
        (90.0, Level::I),
        (81.0, Level::II),
        (75.0, Level::III),
        (60.0, Level::BelowIII),
    ];
    for (v, level) in cases {
        assert_eq!(zinc.level(v), Some(level), "{v}");
    }
    // Steel: fresh water 3.5 / 3.8 / 4.1 m³/t.
    let steel = find(Sector::Metallurgy, "fresh_water_per_t_steel");
    assert_eq!(steel.level(3.9), Some(Level::III));
    // A sector without tables has no indicators, not made-up ones.
    assert!(b.of(Sector::Leather).is_empty());
}

#[test]
fn energy_converts_to_standard_coal_by_the_cited_factors() {
    let b = data();
    let close = |a: Option<f64>, want: f64| a.is_some_and(|v| (v - want).abs() < 1e-6);
    // 1,000,000 kWh × 0.1229 kgce/kWh (当量值).
    assert!(close(b.to_kgce("electricity", 1_000_000.0), 122_900.0));
    // 500 t of raw coal × 0.7143 kgce/kg.
    assert!(close(b.to_kgce("raw_coal", 500_000.0), 357_150.0));
    // 10,000 m³ of gas-field natural gas × 1.2143 kgce/m³.
    assert!(close(b.to_kgce("natural_gas_gasfield", 10_000.0), 12_143.0));
    // 2 t of diesel × 1.4571 kgce/kg.
    assert!(close(b.to_kgce("diesel", 2_000.0), 2_914.2));
    assert_eq!(b.to_kgce("electricity", -1.0), None);
    assert_eq!(b.to_kgce("electricity", f64::NAN), None);
    assert_eq!(b.to_kgce("moonlight", 1.0), None);
}

#[test]
fn the_cost_of_waste_on_hand_computed_examples() {
    // A dye house: 12 million yuan of dyes, chemicals and fabric with 5 % lost; 3 million
    // of energy; 0.8 million of water; 0.6 million treatment, 0.2 million disposal;
    // turnover 60 million.
    let full = CostInputs {
        turnover: Some(60e6),
        materials: Some(12e6),
        loss_share: Some(0.05),
        energy: Some(3e6),
        water: Some(0.8e6),
        treatment: Some(0.6e6),
        disposal: Some(0.2e6),
    };
    let c = cost_of_waste(&full);
    assert_eq!(c.material, Some(600_000.0)); // 12e6 × 5 %
    assert_eq!(c.energy, Some(150_000.0)); // 3e6 × 5 %
    assert_eq!(c.water, Some(800_000.0));
    assert_eq!(c.waste_management, Some(800_000.0)); // 0.6e6 + 0.2e6
    assert_eq!(c.total, 2_350_000.0);
    assert!(c
        .share_of_turnover
        .is_some_and(|s| (s - 2.35 / 60.0).abs() < 1e-12));
    assert!(!c.partial);
    // Disposal alone is 0.2 / 2.35 = 8.5 % of it: the "a tenth" reference holds here.

    // Only disposal known: a lower bound, said so; no share without turnover.
    let partial = cost_of_waste(&CostInputs {
        disposal: Some(0.2e6),
        ..CostInputs::default()
    });
    assert_eq!(partial.total, 200_000.0);
    assert!(partial.partial);
    assert_eq!(partial.material, None);
    assert_eq!(partial.share_of_turnover, None);

    // Nothing known: zero, partial, and no NaN anywhere.
    let none = cost_of_waste(&CostInputs::default());
    assert_eq!(none.total, 0.0);
    assert!(none.partial && none.share_of_turnover.is_none());

    // Nonsense counts as unknown: a loss share above 100 %, negative amounts, NaN,
    // a turnover of zero.
    let odd = cost_of_waste(&CostInputs {
        turnover: Some(0.0),
        materials: Some(1e6),
        loss_share: Some(1.5),
        energy: Some(f64::NAN),
        water: Some(-5.0),
        treatment: Some(100.0),
        disposal: None,
    });
    assert_eq!((odd.material, odd.energy, odd.water), (None, None, None));
    assert_eq!(odd.waste_management, Some(100.0));
    assert!(odd.partial && odd.share_of_turnover.is_none() && odd.total == 100.0);
}

#[test]
fn docs_list_every_value_with_its_source() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/benchmarks.md"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let b = data();
    for c in &b.conversion {
        assert!(doc.contains(&format!("`{}`", c.carrier)), "{}", c.carrier);
        assert!(
            doc.contains(&c.factor.to_string()),
            "{} {}",
            c.carrier,
            c.factor
        );
    }
    for s in &b.sectors {
        for i in &s.indicators {
            let row = doc
                .lines()
                .find(|l| l.contains(&format!("`{}`", i.id)))
                .unwrap_or_else(|| panic!("{} not in docs/benchmarks.md", i.id));
            for v in i.levels {
                assert!(row.contains(&v.to_string()), "{}: {v}", i.id);
            }
        }
    }
}

#[test]
fn every_indicator_computed_from_the_figures_names_a_figure_and_unit_the_app_has() {
    let bank = cp_assessment::content::Content::english()
        .unwrap_or_else(|e| panic!("{e}"))
        .bank;
    let units = bank
        .question("output_unit")
        .unwrap_or_else(|| panic!("no output_unit"));
    let b = cp_assessment::benchmarks::Benchmarks::load().unwrap_or_else(|e| panic!("{e}"));
    let computed: Vec<_> = b
        .sectors
        .iter()
        .flat_map(|s| &s.indicators)
        .filter_map(|i| i.from.as_ref().map(|f| (&i.id, f)))
        .collect();
    assert!(!computed.is_empty());
    for (id, from) in computed {
        assert!(
            cp_assessment::figures::figure_question(&from.figure).is_some(),
            "{id}: unknown figure {}",
            from.figure
        );
        assert!(
            units.option(&from.output_unit).is_some(),
            "{id}: unknown unit {}",
            from.output_unit
        );
    }
}
