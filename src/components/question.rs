//! One question as a `<fieldset>` with its `<legend>`, help text ("why we ask"), inputs
//! for its kind, and — for factual questions — "I don't know" with a hint where the data
//! is usually found. Every change is written to the shared answers at once.

use leptos::prelude::*;

use crate::i18n::{t, t_string, use_i18n};
use crate::state::use_app;
use crate::I18n;
use cp_assessment::answers::{Answer, AnswerError};
use cp_assessment::bank::{Question, QuestionKind};

/// "I don't know" in the current content language.
fn unknown_label() -> String {
    use_app()
        .with_content_untracked(|c| c.bank.words.unknown.clone())
        .unwrap_or_default()
}

/// A question, shown only while it is visible (its condition holds).
///
/// - `question`: the question from the bank.
#[component]
pub fn QuestionField(question: Question) -> impl IntoView {
    let app = use_app();
    // This question's own answer: an answer elsewhere on the page re-runs this memo (one
    // lookup and compare) but none of this question's inputs.
    let current = {
        let qid = question.id.clone();
        Memo::new(move |_| app.answers.with(|a| a.get(&qid).cloned()))
    };
    // A question without a condition is always shown: nothing to watch on each answer.
    if question.visible_if.is_none() {
        return fieldset(&question, current).into_any();
    }
    // A memo, so the fieldset is rebuilt only when visibility flips, never while typing.
    let visible = {
        let q = question.clone();
        Memo::new(move |_| {
            app.with_content_untracked(|c| app.answers.with(|a| c.bank.is_visible(&q, a)))
                .unwrap_or(true)
        })
    };
    (move || visible.get().then(|| fieldset(&question, current))).into_any()
}

/// A question's current answer (`None` while unanswered), tracked per question.
type Current = Memo<Option<Answer>>;

/// The fieldset of a visible question.
fn fieldset(q: &Question, current: Current) -> impl IntoView {
    let i18n = use_i18n();
    let id = &q.id;
    let legend_id = format!("q-{id}-legend");
    let help_id = format!("q-{id}-help");
    let described_by = help_id.clone();
    let inputs = match q.kind {
        QuestionKind::Single => single(q, current).into_any(),
        QuestionKind::Scale => scale(q, current).into_any(),
        QuestionKind::Multi => multi(q, current).into_any(),
        QuestionKind::Number => number(q, current, &legend_id).into_any(),
        QuestionKind::Text => text(q, current, &legend_id).into_any(),
    };
    view! {
        <fieldset class="question" id=format!("q-{id}") aria-describedby=described_by>
            <legend id=legend_id>{q.text.clone()}</legend>
            <p class="help" id=help_id>
                <span class="help-label">{t!(i18n, question.why_we_ask)}</span>
                {q.help.clone()}
            </p>
            {inputs}
            {q.unknown_hint.clone().map(|h| view! {
                <p class="hint"><span class="help-label">{t!(i18n, question.where_to_find)}</span>{h}</p>
            })}
        </fieldset>
    }
}

/// Radio buttons for a single-choice question, plus "I don't know" where offered.
fn single(q: &Question, current: Current) -> impl IntoView {
    let app = use_app();
    let name = q.id.clone();
    let options = q
        .options
        .iter()
        .map(|o| {
            let (qid, oid) = (q.id.clone(), o.id.clone());
            let checked = {
                let oid = oid.clone();
                move || current.with(|a| matches!(a, Some(Answer::Choice(c)) if *c == oid))
            };
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name.clone()
                        value=oid.clone()
                        prop:checked=checked
                        on:change=move |_| app.answer(&qid, Some(Answer::Choice(oid.clone())))
                    />
                    <span>{o.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="choices">
            {options}
            {q.allows_unknown().then(|| unknown_input(&q.id, current, true))}
        </div>
    }
}

/// "I don't know": a radio in a single-choice question's group, a checkbox elsewhere
/// (unchecking it removes the answer).
fn unknown_input(question_id: &str, current: Current, as_radio: bool) -> impl IntoView {
    let app = use_app();
    let qid = question_id.to_owned();
    let checked = move || current.with(|a| a == &Some(Answer::Unknown));
    view! {
        <label class="choice unknown">
            <input
                type=if as_radio { "radio" } else { "checkbox" }
                name=as_radio.then(|| qid.clone())
                value="unknown"
                prop:checked=checked
                on:change=move |ev| {
                    let on = as_radio || event_target_checked(&ev);
                    app.answer(&qid, on.then_some(Answer::Unknown));
                }
            />
            <span>{unknown_label()}</span>
        </label>
    }
}

/// Radio buttons 1–5 for an importance question.
fn scale(q: &Question, current: Current) -> impl IntoView {
    let app = use_app();
    // The page awaited the content before rendering (`route::table`), so it is there.
    let labels = app
        .with_content_untracked(|c| c.bank.words.scale_labels.clone())
        .unwrap_or_default();
    let buttons = (1u8..=5)
        .zip(labels)
        .map(|(value, label)| {
            let qid = q.id.clone();
            let checked = move || current.with(|a| a == &Some(Answer::Scale(value)));
            view! {
                <label class="choice scale-choice">
                    <input
                        type="radio"
                        name=q.id.clone()
                        value=value.to_string()
                        prop:checked=checked
                        on:change=move |_| app.answer(&qid, Some(Answer::Scale(value)))
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class="choices scale">{buttons}</div> }
}

/// Checkboxes for a multi-choice question.
fn multi(q: &Question, current: Current) -> impl IntoView {
    let app = use_app();
    let options = q
        .options
        .iter()
        .map(|o| {
            let (qid, oid) = (q.id.clone(), o.id.clone());
            let checked = {
                let oid = oid.clone();
                move || current.with(|a| matches!(a, Some(Answer::Choices(c)) if c.contains(&oid)))
            };
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        value=oid.clone()
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let next = current.with_untracked(|a| Answer::toggle_choice(a.as_ref(), &oid, on));
                            app.answer(&qid, Some(next));
                        }
                    />
                    <span>{o.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="choices">
            {options}
            {q.allows_unknown().then(|| unknown_input(&q.id, current, false))}
        </div>
    }
}

/// A number field that accepts "3.5" and "3,5" (and whole numbers only where the question
/// says so). While the entry is invalid a message shows and no answer is stored, so the
/// question counts as unanswered rather than keeping a value the field no longer shows.
fn number(q: &Question, current: Current, legend_id: &str) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let qid = q.id.clone();
    let error = RwSignal::new(None::<AnswerError>);
    let error_id = format!("q-{qid}-error");
    let unit = q
        .number
        .as_ref()
        .map(|n| n.unit.clone())
        .unwrap_or_default();
    // What is in the field, as typed; the saved answer changes only when it is valid.
    let raw = RwSignal::new(current.with_untracked(|a| match a {
        Some(Answer::Number(n)) => n.to_string(),
        _ => String::new(),
    }));
    let question = q.clone();
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        raw.set(typed.clone());
        if typed.trim().is_empty() {
            error.set(None);
            app.answer(&question.id, None);
            return;
        }
        match Answer::typed_number(&question, &typed) {
            Ok(answer) => {
                error.set(None);
                app.answer(&question.id, Some(answer));
            }
            Err(e) => {
                error.set(Some(e));
                app.answer(&question.id, None);
            }
        }
    };
    let unknown = move || current.with(|a| a == &Some(Answer::Unknown));
    let on_unknown = {
        let qid = qid.clone();
        move |ev| {
            let on = event_target_checked(&ev);
            if on {
                raw.set(String::new());
                error.set(None);
            }
            app.answer(&qid, on.then_some(Answer::Unknown));
        }
    };
    view! {
        <div class="number-field">
            <input
                id=format!("q-{qid}-input")
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-labelledby=legend_id.to_owned()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_id.clone()
                prop:value=raw
                on:input=on_input
            />
            <span class="unit">{unit}</span>
        </div>
        <p class="field-error" id=error_id aria-live="polite">
            {move || error.get().map(|e| error_message(i18n, e))}
        </p>
        {q.allows_unknown().then(|| view! {
            <label class="choice unknown">
                <input type="checkbox" prop:checked=unknown on:change=on_unknown />
                <span>{unknown_label()}</span>
            </label>
        })}
    }
}

/// A free-text field, saved on every keystroke, limited to the question's length.
fn text(q: &Question, current: Current, legend_id: &str) -> impl IntoView {
    let app = use_app();
    let qid = q.id.clone();
    let max = q.max_len.unwrap_or(0);
    let typed_chars = move || {
        current.with(|a| match a {
            Some(Answer::Text(t)) => t.chars().count(),
            _ => 0,
        })
    };
    let i18n = use_i18n();
    let count =
        move || t_string!(i18n, question.characters, count = typed_chars(), max = max).to_string();
    // Set once: the field is the only writer of this answer while the page is open.
    let initial = current.with_untracked(|a| match a {
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    });
    view! {
        <textarea
            aria-labelledby=legend_id.to_owned()
            maxlength=max
            rows="3"
            prop:value=initial
            on:input=move |ev| {
                let value: String = event_target_value(&ev).chars().take(max).collect();
                app.answer(&qid, (!value.is_empty()).then_some(Answer::Text(value)));
            }
        ></textarea>
        <p class="char-count">{count}</p>
    }
}

/// The message for an invalid answer, in the current language.
fn error_message(i18n: I18n, error: AnswerError) -> String {
    match error {
        AnswerError::NotANumber => t_string!(i18n, question.not_a_number).to_string(),
        AnswerError::NotWhole => t_string!(i18n, question.not_whole).to_string(),
        AnswerError::NumberOutOfRange { min, max } => {
            t_string!(i18n, question.out_of_range, min = min, max = max).to_string()
        }
        AnswerError::TooLong { max } => t_string!(i18n, question.too_long, max = max).to_string(),
        _ => t_string!(i18n, question.invalid).to_string(),
    }
}
