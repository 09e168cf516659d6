//! The top of the results (and of the printed report): the summary at a glance with the
//! one next step, then date, the plant's profile and the print button; and the measures'
//! one-line conclusion, in terms of the causes named.

use leptos::prelude::*;

use cp_assessment::answers::Answers;
use cp_assessment::assess::{audit_duty, glance, notes, Assessment, AuditDuty, GlanceTexts, Named};
use cp_assessment::content::Content;
use cp_assessment::labels::Joiner;
use cp_assessment::register::Register;

use crate::components::print::PrintButton;
use crate::i18n::t_string;
use crate::I18n;

/// Date, profile line, what the respondent added in their own words, and the print
/// button, at the top of the results (and of the report).
pub fn report_header(i18n: I18n, c: &Content, answers: &Answers) -> impl IntoView {
    let date = t_string!(i18n, results.report_meta, date = crate::browser::today()).to_string();
    let profile = c.profile_line(answers).map(|line| {
        let text = t_string!(i18n, results.profile, profile = line).to_string();
        view! { <p class="profile" data-testid="profile">{text}</p> }
    });
    let notes = notes(c, answers);
    let notes = (!notes.is_empty()).then(|| {
        let items = notes
            .iter()
            .map(|n| view! { <dt>{n.question.clone()}</dt><dd>{n.answer.clone()}</dd> })
            .collect_view();
        view! {
            <h2 class="notes-heading">{t_string!(i18n, results.notes_heading).to_string()}</h2>
            <dl class="report-notes" data-testid="report-notes">{items}</dl>
        }
    });
    view! {
        <div class="report-header">
            <p class="report-date">{date}</p>
            {profile}
            {notes}
            <PrintButton label=t_string!(i18n, results.print).to_string() class="secondary" />
        </div>
    }
}

/// The summary at the top of the results, sized for one phone screen: stage, the three
/// best fits, the cost of waste and the sector's levels where figures were given, the legal
/// check's outcome in mainland China, the register's counts, and the one next step of the
/// domain's rule (docs/scoring.md §8), which no other part of the page contradicts.
pub fn at_a_glance(
    input: &super::input::Input,
    texts: &GlanceTexts,
    register: &Register,
) -> impl IntoView {
    let super::input::Input {
        c,
        rules,
        a,
        answers,
        ..
    } = *input;
    let duty = rules.map(|r| audit_duty(c, r, answers));
    let today = crate::browser::today();
    let g = glance(
        a,
        duty.as_ref(),
        answers.choice(&c.bank, "audit_status"),
        register,
        &today,
    );
    let cost = input
        .figure_texts
        .zip(a.figures.as_ref())
        .and_then(|(t, f)| f.total_text(t, input.language));
    let duty_line = rules.zip(duty.as_ref()).and_then(|(rules, duty)| {
        let conclusion = duty
            .conclusion(rules)
            .filter(|_| matches!(duty, AuditDuty::China(_)))?;
        Some(texts.get("duty", &[("verdict", &conclusion.title)]))
    });
    let line = |text: Option<String>, testid: &'static str| {
        text.map(|t| view! { <li data-testid=testid>{t}</li> })
    };
    view! {
        <section class="in-short" aria-labelledby="in-short-h" data-testid="in-short">
            <h2 id="in-short-h">{texts.get("heading", &[])}</h2>
            <ul class="glance">
                {line(g.stage_line(c, texts), "glance-stage")}
                {line(Some(g.top_line(c, texts)), "glance-top")}
                {line(cost, "glance-cost")}
                {line(g.levels_line(texts), "glance-levels")}
                {line(duty_line, "glance-duty")}
                {line(g.register_line(texts), "glance-register")}
            </ul>
            <h3 class="next-heading">{texts.get("next_heading", &[])}</h3>
            <p class="next-step" data-testid="next-step">{g.next_text(c, texts)}</p>
        </section>
    }
}

/// The causes named and the categories they raised, as the measures' one-line conclusion;
/// without causes, the best fits.
pub fn measures_conclusion(
    i18n: I18n,
    c: &Content,
    a: &Assessment,
    answers: &Answers,
    texts: &GlanceTexts,
) -> impl IntoView {
    let top: Vec<&str> = a
        .measures
        .iter()
        .take(3)
        .map(|m| c.category_name(m.category))
        .collect();
    let cause_line = a.causes(c, answers).map(|cs| {
        let list: Vec<&str> = cs.categories.iter().map(|&m| c.category_name(m)).collect();
        let list = c.join(&list, Joiner::Items);
        match cs.named {
            Named::Causes => t_string!(
                i18n,
                results.in_short_causes,
                causes = cs.text.clone(),
                list = list
            )
            .to_string(),
            Named::LossPoints => t_string!(
                i18n,
                results.in_short_losses,
                losses = cs.text.clone(),
                list = list
            )
            .to_string(),
        }
    });
    let best = texts.get(
        "measures_conclusion",
        &[("list", &c.join(&top, Joiner::Items))],
    );
    view! {
        <p class="conclusion"><strong>{best}</strong></p>
        {cause_line.map(|t| view! { <p class="conclusion" data-testid="in-short-causes">{t}</p> })}
    }
}
