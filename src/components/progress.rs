//! Progress through the questionnaire, counted over the visible questions only.

use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};
use cp_assessment::answers::Progress;

/// A labelled progress bar: "This part: 12 of 15 questions answered".
///
/// - `id`: a stable id for the label element (unique on the page).
/// - `label`: what is being counted, e.g. "This part" (already translated).
/// - `progress`: answered and visible counts.
#[component]
pub fn ProgressBar(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] progress: Signal<Progress>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let p = progress.get();
        t_string!(
            i18n,
            progress.answered_of,
            label = label.get(),
            answered = p.answered,
            visible = p.visible
        )
        .to_string()
    };
    view! {
        <div class="progress">
            <span id=id.clone()>{text}</span>
            <progress
                aria-labelledby=id
                max=move || progress.get().visible.max(1)
                value=move || progress.get().answered
            ></progress>
        </div>
    }
}
