//! Who is in the room: the count, the room codes they carry, the duplicates skipped and
//! the files refused.

use leptos::prelude::*;

use cp_assessment::content::Content;
use cp_assessment::labels::Joiner;
use cp_assessment::room_record::RoomRecord;

use crate::components::import::import_error_message;
use crate::i18n::t_string;
use crate::I18n;

/// Who is in the room: the count, the room codes they carry (with the choice to count only
/// this room's), the duplicates skipped and the files refused.
pub fn room_summary(
    i18n: I18n,
    c: &Content,
    record: &RoomRecord,
    only_own: RwSignal<bool>,
) -> impl IntoView {
    let room = &record.room;
    let count = room.participants.len();
    let codes = room.codes(&record.code);
    let code_line = (codes.other + codes.none > 0).then(|| {
        let text = t_string!(
            i18n,
            facilitator.codes_line,
            own = codes.own,
            other = codes.other,
            none = codes.none
        )
        .to_string();
        view! {
            <p data-testid="room-codes">{text}</p>
            <label class="choice no-print">
                <input
                    type="checkbox"
                    prop:checked=move || only_own.get()
                    on:change=move |ev| only_own.set(event_target_checked(&ev))
                />
                <span>{t_string!(i18n, facilitator.only_own).to_string()}</span>
            </label>
        }
    });
    let duplicates = (!room.duplicates.is_empty()).then(|| {
        let text = t_string!(
            i18n,
            facilitator.duplicates,
            count = room.duplicates.len(),
            list = c.join(&room.duplicates, Joiner::Items)
        )
        .to_string();
        view! { <p data-testid="duplicates">{text}</p> }
    });
    let prefix = t_string!(i18n, import.refused).to_string();
    let refused = (!room.refused.is_empty()).then(|| {
        let items = room
            .refused
            .iter()
            .map(|r| {
                let message = import_error_message(i18n, c, &r.error, r.from);
                // "Nothing was changed." suits a single import, not a room being filled.
                let reason = message.strip_prefix(&prefix).unwrap_or(&message).to_owned();
                let text = t_string!(
                    i18n,
                    facilitator.refused_item,
                    source = r.source.clone(),
                    reason = reason
                )
                .to_string();
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! {
            <h3 id="fac-refused-h">
                {t_string!(i18n, facilitator.refused_heading, count = room.refused.len()).to_string()}
            </h3>
            <ul data-testid="refused-list" aria-labelledby="fac-refused-h" class="fac-refused">{items}</ul>
        }
    });
    let sources = (count > 0).then(|| {
        let items = room
            .ordered(&record.code, false)
            .into_iter()
            .map(|p| {
                let code = p
                    .room
                    .as_ref()
                    .map(|c| format!(" · {c}"))
                    .unwrap_or_default();
                view! { <li>{format!("{}{code}", p.source)}</li> }
            })
            .collect_view();
        view! {
            <details class="fac-sources no-print">
                <summary>{t_string!(i18n, facilitator.sources_summary).to_string()}</summary>
                <ul>{items}</ul>
            </details>
        }
    });
    let count_text = if count == 0 {
        t_string!(i18n, facilitator.empty).to_string()
    } else if only_own.get() {
        t_string!(
            i18n,
            facilitator.count_own,
            counted = codes.own,
            count = count
        )
        .to_string()
    } else {
        t_string!(i18n, facilitator.count, count = count).to_string()
    };
    view! {
        <section aria-labelledby="fac-room-h" class="fac-room">
            <h2 id="fac-room-h">{t_string!(i18n, facilitator.room_heading).to_string()}</h2>
            <p class="fac-count" data-testid="participant-count">
                <strong>{count_text}</strong>
            </p>
            {code_line}
            {duplicates}
            {sources}
            {refused}
        </section>
    }
}
