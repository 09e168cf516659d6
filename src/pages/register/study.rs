//! An option's feasibility study: the investment, the annual savings by kind, the life and
//! the rate in; payback, NPV, NPVR and IRR out, each checked against the practitioners'
//! norms with their source.

use leptos::prelude::*;

use cp_assessment::finance::Irr;
use cp_assessment::register::{
    accepted_payback, money, years, CpOption, Feasibility, FeasibilityError, InvestmentClass,
    RegisterError, Savings,
};
use cp_assessment::spread::figure;
use cp_assessment::vocabulary::{Currency, Language};

use super::edit::{commit, currency};
use super::fields::{amount, input, refusal, select, Kind};
use crate::i18n::{t_string, use_i18n};
use crate::state::use_app;
use crate::I18n;

/// The life a new study starts with, in years; the manager changes it.
const DEFAULT_LIFE: u32 = 10;
/// The discount rate a new study starts with, in percent a year; the manager sets the
/// bank's lending rate or the company's own.
const DEFAULT_RATE: f64 = 8.0;

/// A study with nothing filled in but the default life and rate.
fn blank() -> Feasibility {
    Feasibility {
        investment: 0.0,
        savings: Savings::default(),
        one_off: 0.0,
        life_years: DEFAULT_LIFE,
        rate_percent: DEFAULT_RATE,
        class: None,
    }
}

/// The study's form and figures for option `id`.
pub fn feasibility_view(id: u32, option: Memo<Option<CpOption>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let study = move || option.with(|o| o.as_ref().and_then(|o| o.feasibility));
    // A memo, so that editing another option does not redraw this one's figures.
    let in_currency = Memo::new(move |_| currency(app));
    let key = move |name: &str| format!("opt-{id}-{name}");
    // Writes one figure of the study (starting one if there is none).
    let set = move |apply: fn(&mut Feasibility, f64)| {
        move |typed: String| {
            let value = amount(i18n, &typed)?.unwrap_or(0.0);
            commit(app, id, |o| {
                let mut f = o.feasibility.unwrap_or_else(blank);
                apply(&mut f, value);
                o.feasibility = Some(f);
            })
            .map_err(|e| refusal(i18n, &e))
        }
    };
    let shown = move |get: fn(&Feasibility) -> f64| {
        Signal::derive(move || study().map(|f| figure(get(&f))).unwrap_or_default())
    };
    let field = move |name: &str,
                      text: fn(I18n) -> String,
                      get: fn(&Feasibility) -> f64,
                      apply: fn(&mut Feasibility, f64)| {
        input(
            key(name),
            Signal::derive(move || text(i18n)),
            Kind::Number,
            shown(get),
            set(apply),
        )
    };
    let life = input(
        key("life"),
        Signal::derive(move || t_string!(i18n, register.life).to_string()),
        Kind::Number,
        Signal::derive(move || study().unwrap_or_else(blank).life_years.to_string()),
        move |typed| {
            let bad = || refusal(i18n, &RegisterError::Feasibility(FeasibilityError::BadLife));
            let value = amount(i18n, &typed)?.unwrap_or(0.0);
            if value.fract() != 0.0 || !(1.0..=100.0).contains(&value) {
                return Err(bad());
            }
            commit(app, id, |o| {
                let mut f = o.feasibility.unwrap_or_else(blank);
                f.life_years = value as u32;
                o.feasibility = Some(f);
            })
            .map_err(|e| refusal(i18n, &e))
        },
    );
    let rate = input(
        key("rate"),
        Signal::derive(move || t_string!(i18n, register.rate).to_string()),
        Kind::Number,
        Signal::derive(move || figure(study().unwrap_or_else(blank).rate_percent)),
        set(|f, v| f.rate_percent = v),
    );
    let classes = Signal::derive(move || {
        vec![
            ("auto", t_string!(i18n, register.class_auto).to_string()),
            ("low", t_string!(i18n, register.class_low).to_string()),
            ("medium", t_string!(i18n, register.class_medium).to_string()),
            ("higher", t_string!(i18n, register.class_higher).to_string()),
            ("high", t_string!(i18n, register.class_high).to_string()),
        ]
    });
    let class = select(
        key("class"),
        Signal::derive(move || t_string!(i18n, register.class).to_string()),
        classes,
        Signal::derive(move || {
            study()
                .and_then(|f| f.class)
                .map_or("auto", InvestmentClass::as_str)
        }),
        move |v| {
            let _ = commit(app, id, |o| {
                let mut f = o.feasibility.unwrap_or_else(blank);
                f.class = InvestmentClass::from_id(&v);
                o.feasibility = Some(f);
            });
        },
    );
    // Open once a study is begun or the option is screened as needing one; a memo, so that
    // it opens when that happens and otherwise stays as the manager left it.
    // The plant's own payback limit (part 5): read once, not on every edit of the study.
    let limit = Memo::new(move |_| {
        app.with_content(|c| app.answers.with(|a| accepted_payback(&c.bank, a)))
            .flatten()
    });
    let open = Memo::new(move |_| {
        option.with(|o| {
            o.as_ref().is_some_and(|o| {
                o.feasibility.is_some() || o.bin == cp_assessment::register::Bin::FeasibilityStudy
            })
        })
    });
    view! {
        <details class="feasibility" prop:open=open>
            <summary>{move || t_string!(i18n, register.feasibility).to_string()}</summary>
            <div class="option-fields">
                {field("investment", |i| t_string!(i, register.investment).to_string(), |f| f.investment, |f, v| f.investment = v)}
                {field("one-off", |i| t_string!(i, register.one_off).to_string(), |f| f.one_off, |f, v| f.one_off = v)}
            </div>
            <fieldset class="option-fields">
                <legend>{move || t_string!(i18n, register.savings_heading).to_string()}</legend>
                {field("material", |i| t_string!(i, register.saving_material).to_string(), |f| f.savings.material, |f, v| f.savings.material = v)}
                {field("energy", |i| t_string!(i, register.saving_energy).to_string(), |f| f.savings.energy, |f, v| f.savings.energy = v)}
                {field("water", |i| t_string!(i, register.saving_water).to_string(), |f| f.savings.water, |f, v| f.savings.water = v)}
                {field("treatment", |i| t_string!(i, register.saving_treatment).to_string(), |f| f.savings.treatment_disposal, |f, v| f.savings.treatment_disposal = v)}
                {field("other", |i| t_string!(i, register.saving_other).to_string(), |f| f.savings.other, |f, v| f.savings.other = v)}
            </fieldset>
            <div class="option-fields">{life}{rate}{class}</div>
            {move || figures_view(i18n, study(), in_currency.get(), app.language.get(), limit.get())}
        </details>
    }
}

/// The study's figures and how they meet the norms; a hint while there is no study.
fn figures_view(
    i18n: I18n,
    study: Option<Feasibility>,
    currency: Currency,
    language: Language,
    limit: Option<f64>,
) -> AnyView {
    let colon = if language == Language::ZhCn {
        "："
    } else {
        ": "
    };
    let Some((f, figures)) = study.and_then(|f| Some((f, f.figures()?))) else {
        return view! { <p class="hint">{t_string!(i18n, register.study_missing).to_string()}</p> }
            .into_any();
    };
    let na = || t_string!(i18n, register.not_applicable).to_string();
    let payback = figures.payback_years.map_or_else(
        || t_string!(i18n, register.never).to_string(),
        |y| t_string!(i18n, register.years, years = years(y)).to_string(),
    );
    let irr = match &figures.irr {
        Irr::Rate(r) => format!("{} %", figure(r * 100.0)),
        Irr::NoRate => t_string!(i18n, register.irr_none).to_string(),
        Irr::Several(rates) => {
            let rates: Vec<String> = rates
                .iter()
                .map(|r| format!("{} %", figure(r * 100.0)))
                .collect();
            t_string!(i18n, register.irr_several, rates = rates.join(", ")).to_string()
        }
    };
    let rate = figure(f.rate_percent);
    let class = f.class_in(currency);
    let decision = figures.decision(f.rate_percent, class);
    // The class the payback is judged by, chosen or suggested, is named with the verdict.
    let class_name = class.map(|c| match c {
        InvestmentClass::Low => t_string!(i18n, register.class_low).to_string(),
        InvestmentClass::Medium => t_string!(i18n, register.class_medium).to_string(),
        InvestmentClass::Higher => t_string!(i18n, register.class_higher).to_string(),
        InvestmentClass::High => t_string!(i18n, register.class_high).to_string(),
    });
    let (open, close) = if language == Language::ZhCn {
        ("（", "）")
    } else {
        (" (", ")")
    };
    let verdict = |ok: bool| {
        if ok {
            format!("✓ {}", t_string!(i18n, register.meets))
        } else {
            format!("✗ {}", t_string!(i18n, register.misses))
        }
    };
    let payback_check = match decision.payback_ok {
        Some(ok) => format!(
            "{}{colon}{}{open}{}{close}",
            t_string!(i18n, register.check_payback),
            verdict(ok),
            class_name.unwrap_or_default()
        ),
        None => t_string!(i18n, register.check_payback_unknown).to_string(),
    };
    let irr_check = match decision.irr_ok {
        Some(ok) => format!(
            "{}{colon}{}",
            t_string!(i18n, register.check_irr),
            verdict(ok)
        ),
        None => t_string!(i18n, register.check_irr_none).to_string(),
    };
    // The plant's own limit from part 5, beside the training material's norm.
    let own_check = limit.map(|l| {
        format!(
            "{}{colon}{}",
            t_string!(i18n, register.check_own_payback, limit = years(l)),
            verdict(figures.pays_back_within(l))
        )
    });
    let npv_check = format!(
        "{}{colon}{}",
        t_string!(i18n, register.check_npv),
        verdict(decision.npv_ok)
    );
    view! {
        <dl class="figures" data-testid="figures">
            <dt>{t_string!(i18n, register.net_investment).to_string()}</dt>
            <dd>{money(figures.net_investment, currency)}</dd>
            <dt>{t_string!(i18n, register.annual).to_string()}</dt>
            <dd>{money(figures.annual, currency)}</dd>
            <dt>{t_string!(i18n, register.payback).to_string()}</dt>
            <dd data-testid="payback">{payback}</dd>
            <dt>{t_string!(i18n, register.npv, rate = rate).to_string()}</dt>
            <dd data-testid="npv">{figures.npv.map_or_else(na, |v| money(v, currency))}</dd>
            <dt>{t_string!(i18n, register.npvr).to_string()}</dt>
            <dd>{figures.npvr.map_or_else(na, figure)}</dd>
            <dt>{t_string!(i18n, register.irr).to_string()}</dt>
            <dd data-testid="irr">{irr}</dd>
        </dl>
        <ul class="checks" data-testid="checks">
            <li>{payback_check}</li>
            {own_check.map(|c| view! { <li data-testid="own-payback">{c}</li> })}
            <li>{npv_check}</li>
            <li>{irr_check}</li>
        </ul>
        <p class="source">{t_string!(i18n, register.norms_source).to_string()}</p>
    }
    .into_any()
}
