//! The top of the results (and of the printed report): date, the plant's profile and the
//! print button, then "In short", the box that joins where the plant stands, what suits
//! it best and the next step.

use leptos::prelude::*;

use cp_assessment::answers::Answers;
use cp_assessment::assess::{audit_duty, notes, Assessment, AuditDuty, Named};
use cp_assessment::content::Content;
use cp_assessment::labels::Joiner;
use cp_assessment::regulation::Regulation;

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

/// One box that joins the three results a manager acts on: where they stand, the best
/// fits, and the single next step (the stage's next move, which already points the way
/// from the current position towards CP built into decisions).
pub fn in_short(
    i18n: I18n,
    c: &Content,
    rules: Option<&Regulation>,
    a: &Assessment,
    answers: &Answers,
) -> impl IntoView {
    let top: Vec<&str> = a
        .measures
        .iter()
        .take(3)
        .map(|m| c.category_name(m.category))
        .collect();
    let stage_line = c
        .stage_label(a.engagement)
        .map(|stage| t_string!(i18n, results.in_short_stage, stage = stage).to_string());
    let cause_line = a.causes(c, answers).map(|cs| {
        let list: Vec<&str> = cs.categories.iter().map(|&m| c.category_name(m)).collect();
        let list = c.join(&list, Joiner::Items);
        let text = match cs.named {
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
        };
        view! { <p data-testid="in-short-causes">{text}</p> }
    });
    // Where China's rules were applied, their conclusion belongs with the stage.
    let duty_line = rules.and_then(|rules| {
        let duty = audit_duty(c, rules, answers);
        let conclusion = duty
            .conclusion(rules)
            .filter(|_| matches!(duty, AuditDuty::China(_)))?;
        let text = t_string!(
            i18n,
            results.in_short_duty,
            verdict = conclusion.title.clone()
        )
        .to_string();
        Some(view! { <p data-testid="in-short-duty">{text}</p> })
    });
    let step_line = c
        .stage(a.engagement)
        .map(|s| t_string!(i18n, results.in_short_step, step = s.next_move.clone()).to_string());
    view! {
        <section class="in-short" aria-labelledby="in-short-h" data-testid="in-short">
            <h2 id="in-short-h">{t_string!(i18n, results.in_short).to_string()}</h2>
            <p>{stage_line}</p>
            {duty_line}
            <p>{t_string!(i18n, results.in_short_measure, list = c.join(&top, Joiner::Items)).to_string()}</p>
            {cause_line}
            <p><strong>{step_line}</strong></p>
        </section>
    }
}
