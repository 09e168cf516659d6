//! The assessment's results as CSV that opens correctly in Excel: UTF-8 with a byte-order
//! mark (so Chinese names display), CRLF line ends (RFC 4180), quoting by the csv crate,
//! and every cell neutralised against formula injection ([`neutralize`]).
//!
//! Columns: `section,rank,id,name,score,cost_class,detail`. Rows, in this order:
//!
//! | section | rank | id | name | score | cost_class | detail |
//! |---|---|---|---|---|---|---|
//! | `response` (1 row) | | response id | language id | | | |
//! | `measure` (8) | 1–8, best fit first | category id | category name | fit 0–100 | `no_low` / `medium_high` | reasons, `(+) ` raising / `(−) ` lowering, joined by ` \| ` (a bracket first, so no formula guard is needed) |
//! | `readiness` (7) | step number 1–7 | step id | step name | readiness 0–100, empty when unknown | | `current` on the step to work on now |
//! | `motivation` (11) | driver number 1–11 in the seed's order | driver id | driver name | importance 1–5, empty when not rated | | family name |
//! | `stage` (1) | | stage code ("B1-a"…) | stage title | | | |
//! | `cost` (0 or 5, when figures were given) | 1–5 | `material`, `energy`, `water`, `waste_management`, `total` | | the amount a year, empty when not known | currency id | on `total`: `partial` when some figure is missing, and `share_percent:` the share of turnover when known |

use crate::assess::Assessment;
use crate::content::Content;
use crate::vocabulary::Language;

/// The header row.
pub const CSV_HEADER: [&str; 7] = [
    "section",
    "rank",
    "id",
    "name",
    "score",
    "cost_class",
    "detail",
];

/// Makes a cell safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading apostrophe, so it is shown as text and never
/// run as a formula. Other cells are returned unchanged.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The results of `assessment` as CSV text (see the module docs for the rows), names
/// taken from `content`, which should be in `language`. The first row after the header
/// records `response_id` and `language`. Starts with a UTF-8 byte-order mark.
pub fn results_csv(
    content: &Content,
    assessment: &Assessment,
    response_id: &str,
    language: Language,
) -> String {
    let opt = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut rows: Vec<[String; 7]> = Vec::new();
    let mut row = |cells: [&str; 7]| rows.push(cells.map(neutralize));

    row(["response", "", response_id, language.as_str(), "", "", ""]);
    for m in &assessment.measures {
        let raised = m.raised_by.iter().map(|r| format!("(+) {}", r.text));
        let lowered = m
            .lowered_by
            .iter()
            .map(|r| format!("(\u{2212}) {}", r.text));
        let detail = raised.chain(lowered).collect::<Vec<_>>().join(" | ");
        let name = content.category(m.category).map_or("", |c| c.name.as_str());
        let (rank, score) = (m.rank.to_string(), m.score.to_string());
        row([
            "measure",
            &rank,
            m.category.as_str(),
            name,
            &score,
            m.cost_class.as_str(),
            &detail,
        ]);
    }
    let current = assessment.readiness.current_step;
    for s in &assessment.readiness.steps {
        let detail = if s.step == current { "current" } else { "" };
        let (rank, score) = (s.step.number().to_string(), opt(s.score));
        row([
            "readiness",
            &rank,
            s.step.as_str(),
            content.step_name(s.step),
            &score,
            "",
            detail,
        ]);
    }
    for (i, d) in assessment.motivation.drivers.iter().enumerate() {
        let (rank, score) = ((i + 1).to_string(), opt(d.importance));
        let family = content.family_name(d.driver.family());
        row([
            "motivation",
            &rank,
            d.driver.as_str(),
            content.driver_name(d.driver),
            &score,
            "",
            family,
        ]);
    }
    let stage = content.stage(assessment.engagement);
    let (code, title) = stage.map_or(("", ""), |s| (s.code.as_str(), s.title.as_str()));
    row(["stage", "", code, title, "", "", ""]);
    if let Some(f) = &assessment.figures {
        let c = &f.cost;
        let amount = |v: Option<f64>| v.map(crate::spread::figure).unwrap_or_default();
        let mut detail = if c.partial {
            "partial".to_owned()
        } else {
            String::new()
        };
        if let Some(share) = c.share_of_turnover {
            detail = format!(
                "{detail} share_percent:{}",
                crate::spread::figure(share * 100.0)
            );
        }
        let currency = f.currency.as_str();
        let parts = [
            ("material", c.material),
            ("energy", c.energy),
            ("water", c.water),
            ("waste_management", c.waste_management),
            ("total", Some(c.total)),
        ];
        for (i, (id, value)) in parts.into_iter().enumerate() {
            let rank = (i + 1).to_string();
            let text = amount(value);
            let detail = if id == "total" { detail.trim() } else { "" };
            row(["cost", &rank, id, "", &text, currency, detail]);
        }
    }

    excel_csv(CSV_HEADER, &rows).unwrap_or_default()
}

/// Writes a UTF-8 BOM, `header` and `rows` as CSV with CRLF line ends: the shape Excel
/// opens correctly. Cells must already be neutralised.
///
/// # Errors
/// Only if writing to memory fails, which it does not in practice.
pub(crate) fn excel_csv<const N: usize>(
    header: [&str; N],
    rows: &[[String; N]],
) -> Result<String, Box<dyn std::error::Error>> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    out.write_record(header)?;
    for r in rows {
        out.write_record(r)?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}

/// The header row of [`register_csv`].
pub const REGISTER_CSV_HEADER: [&str; 17] = [
    "number",
    "title",
    "category_id",
    "category",
    "addresses",
    "owner",
    "deadline",
    "bin",
    "rejected_because",
    "currency",
    "net_investment",
    "annual_savings",
    "payback_years",
    "npv",
    "irr_percent",
    "status",
    "measured_savings",
];

/// The option register as Excel-safe CSV, the option summary table of an audit report
/// (方案汇总表): one row per option in register order. `bin` and `status` are the stable
/// ids of [`crate::register::Bin::id`] and [`crate::register::Status::id`]; text typed by
/// people is neutralised ([`neutralize`]), figures are plain numbers; the figures
/// are empty without a feasibility study, and `irr_percent` holds "none" or "several" when
/// there is no single IRR. Amounts are in `currency` (its id on every row). Category
/// names come from `content`.
pub fn register_csv(
    content: &Content,
    register: &crate::register::Register,
    currency: crate::vocabulary::Currency,
) -> String {
    use crate::finance::Irr;
    use crate::register::{Bin, Status};
    let number = |v: Option<f64>| v.map(crate::spread::figure).unwrap_or_default();
    let rows: Vec<[String; 17]> = register
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let f = o.figures();
            let irr = match f.as_ref().map(|f| &f.irr) {
                Some(Irr::Rate(r)) => crate::spread::figure(r * 100.0),
                Some(Irr::NoRate) => "none".to_owned(),
                Some(Irr::Several(_)) => "several".to_owned(),
                None => String::new(),
            };
            let reason = match &o.bin {
                Bin::Rejected(r) => r.as_str(),
                _ => "",
            };
            let measured = match o.status {
                Status::Done(m) => number(m),
                _ => String::new(),
            };
            // Text typed by people is neutralised; the figures are written here, so a
            // negative NPV stays a number.
            [
                (i + 1).to_string(),
                neutralize(&o.title),
                o.category.as_str().to_owned(),
                neutralize(content.category_name(o.category)),
                neutralize(&o.addresses),
                neutralize(&o.owner),
                o.deadline.clone(),
                o.bin.id().to_owned(),
                neutralize(reason),
                currency.as_str().to_owned(),
                number(f.as_ref().map(|f| f.net_investment)),
                number(f.as_ref().map(|f| f.annual)),
                number(f.as_ref().and_then(|f| f.payback_years)),
                number(f.as_ref().and_then(|f| f.npv)),
                irr,
                o.status.id().to_owned(),
                measured,
            ]
        })
        .collect();
    excel_csv(REGISTER_CSV_HEADER, &rows).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::assess::assess;

    #[test]
    fn formulas_are_neutralised_and_text_is_not() {
        assert!(neutralize("=HYPERLINK(\"http://x\",\"y\")").starts_with('\''));
        assert_eq!(neutralize("-5"), "'-5");
        for bad in ["+1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralize(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralize("Good housekeeping"), "Good housekeeping");
        assert_eq!(neutralize("42"), "42");
        assert_eq!(neutralize(""), "");
    }

    #[test]
    fn persona_csv_reads_back_with_every_row_and_no_formula() {
        let content = Content::english().unwrap_or_else(|e| panic!("{e}"));
        let json = include_str!("../../tests/fixtures/personas/p1.json");
        let answers: Answers = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
        let a = assess(&content, &answers);
        let text = results_csv(
            &content,
            &a,
            "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e",
            Language::En,
        );
        let body = text
            .strip_prefix('\u{feff}')
            .unwrap_or_else(|| panic!("no BOM"));
        let mut reader = ::csv::Reader::from_reader(body.as_bytes());
        let header = reader
            .headers()
            .map(|h| h.iter().map(str::to_owned).collect::<Vec<_>>());
        assert_eq!(header.ok(), Some(CSV_HEADER.map(str::to_owned).to_vec()));
        let rows: Vec<::csv::StringRecord> = reader
            .records()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{e}"));
        let count = |s: &str| rows.iter().filter(|r| r.get(0) == Some(s)).count();
        assert_eq!(
            [
                count("response"),
                count("measure"),
                count("readiness"),
                count("motivation"),
                count("stage")
            ],
            [1, 8, 7, 11, 1]
        );
        assert_eq!(rows.len(), 28);
        for cell in rows.iter().flat_map(|r| r.iter()) {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
        let first = rows.iter().find(|r| r.get(0) == Some("measure"));
        assert_eq!(first.and_then(|r| r.get(1)), Some("1"));
        assert_eq!(
            rows.iter().filter(|r| r.get(6) == Some("current")).count(),
            1
        );
        // Reason lists start with a bracket, so they show as written, with no guard.
        assert!(rows
            .iter()
            .any(|r| r.get(6).is_some_and(|d| d.starts_with("(+) "))));
        assert!(!rows
            .iter()
            .flat_map(|r| r.iter())
            .any(|c| c.starts_with('\'')));
    }
}
