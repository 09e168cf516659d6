//! Progress through the questionnaire, counted over the visible questions only.

use leptos::prelude::*;

use crate::domain::answers::Progress;

/// A labelled progress bar: "12 of 15 questions answered".
///
/// - `label`: what is being counted, e.g. "This part" or "Whole questionnaire".
/// - `progress`: answered and visible counts.
#[component]
pub fn ProgressBar(
    #[prop(into)] label: String,
    #[prop(into)] progress: Signal<Progress>,
) -> impl IntoView {
    let id = format!("progress-{}", label.to_lowercase().replace(' ', "-"));
    view! {
        <div class="progress">
            <span id=id.clone()>
                {label} ": "
                {move || {
                    let p = progress.get();
                    format!("{} of {} questions answered", p.answered, p.visible)
                }}
            </span>
            <progress
                aria-labelledby=id
                max=move || progress.get().visible.max(1)
                value=move || progress.get().answered
            ></progress>
        </div>
    }
}
