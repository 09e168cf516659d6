//! Steps 6 and 7 of the start-up (`crate::boot`): what the address carries — a share
//! link in its fragment, a workshop room's code in its query.

use cp_assessment::exchange::{decode_share, ImportSource, SHARE_PREFIX, SHARE_PREFIX_V1};
use cp_assessment::room_code::RoomCode;
use leptos::prelude::*;

use crate::browser;
use crate::languages;
use crate::state::import::{ImportState, PendingImport};
use crate::state::AppState;

/// Steps 6 and 7, in the saved answers' module (only it refers to this function): the
/// share link, then and whenever the fragment changes (a link pasted into the address bar
/// of an open tab changes only the fragment), and the room link.
pub(super) fn on_ready(app: AppState) {
    offer_share_link(app);
    gloo_events::EventListener::new(&gloo_utils::window(), "hashchange", move |_| {
        offer_share_link(app);
    })
    .forget();
    join_room_from_link(app);
}

/// Whether the address carries a workshop room's code still to be taken.
pub(super) fn room_link_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.contains("room="))
}

/// Step 7: the room code in the address (`?room=K7PQ`, from the facilitator's QR code)
/// goes into this device's settings, so that every response made here carries it; the
/// parameter is then taken out of the address. A code that is not one is ignored.
fn join_room_from_link(app: AppState) {
    if let Some(code) = browser::take_query_param("room").and_then(|c| RoomCode::parse(&c)) {
        app.device.update(|d| d.room = Some(code));
    }
}

/// The share link in the address, if there is one.
pub(super) fn share_link() -> Option<String> {
    browser::fragment().filter(|f| f.starts_with(SHARE_PREFIX) || f.starts_with(SHARE_PREFIX_V1))
}

/// Step 6: a share link's answers are offered, never applied silently, once the saved
/// answers are there to compare (the prompt says how many it replaces). The fragment is
/// then cleared, so a reload does not offer them again.
fn offer_share_link(app: AppState) {
    let (Some(fragment), Some(content)) =
        (share_link(), languages::shown(app.language.get_untracked()))
    else {
        return;
    };
    app.import
        .set(match decode_share(&fragment, &content.bank) {
            Ok(shared) => ImportState::Pending(PendingImport {
                identity: shared.identity(),
                answers: shared.answers,
                register: None,
                source: None,
            }),
            Err(e) => ImportState::Refused(e, ImportSource::Link),
        });
    browser::clear_fragment();
}
