//! An action that asks first: a button that opens an inline confirmation with the
//! question, the confirming button, optional extra buttons, and Cancel (focused, and
//! Escape does the same). Used by "Start over" and "Next participant".

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// A button whose action needs a confirmation.
///
/// - `id`: prefix of the element ids (unique on the page).
/// - `trigger_label`: the text of the button that opens the confirmation.
/// - `question`: what the confirmation asks.
/// - `confirm_label`: the text of the confirming button.
/// - `confirm_class`: its class (default "danger", red; "primary" when confirming loses
///   nothing).
/// - `show_trigger`: whether the opening button is shown at all (default: always).
/// - `extra`: more buttons between the question and the confirming button.
/// - `after`: more buttons after Cancel (a different, rarer choice).
/// - `confirming`: whether the confirmation is open, when the caller must close it too
///   (from a button in `after`).
/// - `on_confirm`: runs when the user confirms; the confirmation then closes.
#[component]
pub fn ConfirmAction(
    #[prop(into)] id: String,
    #[prop(into)] trigger_label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    #[prop(optional, into)] show_trigger: Option<Signal<bool>>,
    #[prop(optional)] confirm_class: Option<&'static str>,
    #[prop(optional)] extra: Option<ChildrenFn>,
    #[prop(optional)] after: Option<ChildrenFn>,
    #[prop(optional)] confirming: Option<RwSignal<bool>>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = confirming.unwrap_or_else(|| RwSignal::new(false));
    // Cancelled (button or Escape): focus goes back to the button that opened the
    // confirmation once it is shown again, not to the page's body (WCAG 2.4.3).
    let trigger = NodeRef::<leptos::html::Button>::new();
    let refocus = RwSignal::new(false);
    let cancel = move || {
        confirming.set(false);
        refocus.set(true);
    };
    Effect::new(move |_| {
        if !refocus.get() {
            return;
        }
        if let Some(button) = trigger.get() {
            let _ = button.focus();
            refocus.set(false);
        }
    });
    // Opened: focus moves to Cancel, inside the confirmation, so Escape reaches it (the
    // button that opened it is gone, and `autofocus` applies only when a page loads).
    let cancel_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let (true, Some(button)) = (confirming.get(), cancel_button.get()) {
            let _ = button.focus();
        }
    });
    let show_trigger = show_trigger.unwrap_or_else(|| Signal::derive(|| true));
    let question_id = format!("{id}-q");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="start-over">
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <Show when=move || show_trigger.get()>
                        <button type="button" class="secondary" node_ref=trigger on:click=move |_| confirming.set(true)>
                            {trigger_label}
                        </button>
                    </Show>
                }
            >
                <div
                    role="group"
                    aria-labelledby=question_id.clone()
                    aria-describedby=hint_id.clone()
                    class="confirm"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            cancel();
                        }
                    }
                >
                    <p id=question_id.clone()>{question}</p>
                    <p id=hint_id.clone() class="visually-hidden">{t!(i18n, start_over_hint)}</p>
                    {extra.as_ref().map(|extra| extra())}
                    <button type="button" class=confirm_class.unwrap_or("danger") on:click=move |_| {
                        on_confirm.run(());
                        confirming.set(false);
                    }>
                        {confirm_label}
                    </button>
                    <button type="button" class="secondary" node_ref=cancel_button on:click=move |_| cancel()>
                        {t!(i18n, cancel)}
                    </button>
                    {after.as_ref().map(|after| after())}
                </div>
            </Show>
        </div>
    }
}
