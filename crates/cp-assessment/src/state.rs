//! The format of what the app keeps in the browser's local storage: the answers and the
//! page the respondent was on, with a format name and version so that later versions can
//! migrate it and never mistake another app's data for ours.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::register::Register;
use super::room_code::RoomCode;
use super::vocabulary::Language;

/// Format name written into every stored state.
pub const STATE_FORMAT: &str = "cp-self-assessment/state";
/// Current version of the stored state format.
pub const STATE_VERSION: u32 = 1;

/// Settings of this device, kept across participants.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceSettings {
    /// A shared device at a workshop: "Next participant" replaces "Start over".
    #[serde(default)]
    pub workshop: bool,
    /// Clear the current response after this many minutes without activity (0 = never),
    /// after a warning that offers more time (WCAG 2.2.1).
    #[serde(default)]
    pub idle_minutes: u32,
    /// The workshop room this device's responses are made in, carried by every export,
    /// link and outbox entry; set from the room's link (`?room=K7PQ`) or typed.
    #[serde(default)]
    pub room: Option<RoomCode>,
    /// The facilitator's PIN on a shared device (4 to 8 digits; empty for none): needed
    /// to open or export the outbox and to change these settings, so that the next
    /// participant cannot. It keeps people out of the page, not out of the browser's
    /// developer tools (docs/reliability.md).
    #[serde(default)]
    pub pin: String,
}

/// A response put aside on this device ("keep this response and start another").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KeptResponse {
    /// The response id (UUID).
    pub response_id: String,
    /// When it was started (RFC 3339).
    pub created: String,
    /// When an answer last changed (RFC 3339).
    pub updated: String,
    /// Its answers.
    pub answers: Answers,
    /// Its option register (added within version 1: older states read as empty).
    #[serde(default)]
    pub register: Register,
}

/// What is kept in local storage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedState {
    /// Always [`STATE_FORMAT`].
    pub format: String,
    /// The format version it was written with.
    pub version: u32,
    /// All answers, by question id.
    pub answers: Answers,
    /// The option register of the response (added within version 1: older states read
    /// as empty).
    #[serde(default)]
    pub register: Register,
    /// The app path the respondent was last on, e.g. "/part/3"; `None` before starting.
    #[serde(default)]
    pub last_page: Option<String>,
    /// The language the respondent chose; `None` until one was shown (added within
    /// version 1: older states without it read as `None`).
    #[serde(default)]
    pub language: Option<Language>,
    /// The response's id (a UUID) and when it was created and last changed (RFC 3339),
    /// recorded in exports; empty in states written before they were kept.
    #[serde(default)]
    pub response_id: String,
    /// See `response_id`.
    #[serde(default)]
    pub created: String,
    /// See `response_id`.
    #[serde(default)]
    pub updated: String,
    /// Other responses kept on this device, most recently kept first.
    #[serde(default)]
    pub kept: Vec<KeptResponse>,
    /// This device's settings.
    #[serde(default)]
    pub device: DeviceSettings,
}

impl SavedState {
    /// A state in the current format.
    pub fn new(answers: Answers, last_page: Option<String>) -> Self {
        SavedState {
            format: STATE_FORMAT.to_owned(),
            version: STATE_VERSION,
            answers,
            register: Register::default(),
            last_page,
            language: None,
            response_id: String::new(),
            created: String::new(),
            updated: String::new(),
            kept: Vec::new(),
            device: DeviceSettings::default(),
        }
    }
}

/// A [`SavedState`] borrowed from where the app keeps its parts, so that saving after
/// every answer serialises the answers in place instead of copying them first. Written
/// exactly as the [`SavedState`] with the same fields would be (same names, same order).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct SavedStateRef<'a> {
    /// Always [`STATE_FORMAT`].
    pub format: &'a str,
    /// The format version it is written with.
    pub version: u32,
    /// All answers, by question id.
    pub answers: &'a Answers,
    /// The option register.
    pub register: &'a Register,
    /// The app path the respondent was last on.
    pub last_page: Option<&'a str>,
    /// The language the respondent chose.
    pub language: Option<Language>,
    /// The response's id.
    pub response_id: &'a str,
    /// When the response was started.
    pub created: &'a str,
    /// When an answer last changed.
    pub updated: &'a str,
    /// Other responses kept on this device.
    pub kept: &'a [KeptResponse],
    /// This device's settings.
    pub device: &'a DeviceSettings,
}

impl SavedStateRef<'_> {
    /// The stored text.
    ///
    /// # Errors
    /// Only if serde_json fails, which plain strings, numbers and maps never make it do.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

impl<'a> From<&'a SavedState> for SavedStateRef<'a> {
    fn from(s: &'a SavedState) -> Self {
        SavedStateRef {
            format: &s.format,
            version: s.version,
            answers: &s.answers,
            register: &s.register,
            last_page: s.last_page.as_deref(),
            language: s.language,
            response_id: &s.response_id,
            created: &s.created,
            updated: &s.updated,
            kept: &s.kept,
            device: &s.device,
        }
    }
}

/// Why a stored text could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum StateError {
    /// Not JSON, or not the shape of a saved state.
    Corrupt(String),
    /// JSON written by something else under our key.
    NotOurs,
    /// Written by a newer version of the app, which this one does not understand.
    NewerVersion(u32),
}

/// Reads a stored state.
///
/// # Errors
/// [`StateError::NotOurs`] when the format name is missing or different,
/// [`StateError::NewerVersion`] for a version above [`STATE_VERSION`],
/// [`StateError::Corrupt`] for anything else that does not parse, or an option register
/// that fails [`crate::register::Register::check`].
pub fn parse_state(raw: &str) -> Result<SavedState, StateError> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let header: Header =
        serde_json::from_str(raw).map_err(|e| StateError::Corrupt(e.to_string()))?;
    if header.format.as_deref() != Some(STATE_FORMAT) {
        return Err(StateError::NotOurs);
    }
    match header.version {
        Some(v) if v > STATE_VERSION => Err(StateError::NewerVersion(v)),
        Some(_) => {
            let state: SavedState =
                serde_json::from_str(raw).map_err(|e| StateError::Corrupt(e.to_string()))?;
            // A register that does not pass its checks would be refused on the first edit;
            // it is treated like any damaged state, which the recovery screen keeps.
            let registers =
                std::iter::once(&state.register).chain(state.kept.iter().map(|k| &k.register));
            for register in registers {
                register
                    .check()
                    .map_err(|e| StateError::Corrupt(format!("register: {e:?}")))?;
            }
            Ok(state)
        }
        None => Err(StateError::Corrupt("no version".to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;

    #[test]
    fn round_trips() {
        let mut a = Answers::new();
        a.set("sector", Answer::Choice("textile".into()));
        a.set("main_products", Answer::Text("<b>dyed</b> fabric".into()));
        let s = SavedState::new(a, Some("/part/2".into()));
        let json = serde_json::to_string(&s).unwrap_or_default();
        assert_eq!(parse_state(&json), Ok(s));
    }

    #[test]
    fn the_borrowed_state_is_written_exactly_like_the_owned_one() {
        let mut a = Answers::new();
        a.set("sector", Answer::Choice("textile".into()));
        a.set("staff", Answer::Number(120.0));
        a.set(
            "streams",
            Answer::Choices(vec!["water".into(), "energy".into()]),
        );
        a.set("main_products", Answer::Text("\"quoted\" 针织布\n".into()));
        let mut kept_answers = Answers::new();
        kept_answers.set("m_production_cost", Answer::Scale(4));
        let mut full = SavedState::new(a.clone(), Some("/part/2".into()));
        full.language = Some(Language::ZhCn);
        full.response_id = "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e".into();
        full.created = "2026-11-29T09:00:00Z".into();
        full.updated = "2026-11-29T09:05:00Z".into();
        full.kept = vec![KeptResponse {
            response_id: "id".into(),
            created: "c".into(),
            updated: "u".into(),
            answers: kept_answers,
            register: Register::default(),
        }];
        let mut register = Register::default();
        let _ = register.add(
            "Fix leaking steam traps",
            crate::vocabulary::MeasureCategory::Housekeeping,
            "energy",
        );
        full.register = register;
        full.device = DeviceSettings {
            workshop: true,
            idle_minutes: 5,
            room: RoomCode::parse("K7PQ"),
            pin: "2468".into(),
        };
        for state in [full, SavedState::new(a, None), SavedState::default()] {
            let owned = serde_json::to_string(&state).unwrap_or_default();
            let borrowed = SavedStateRef::from(&state).to_json().unwrap_or_default();
            assert!(!owned.is_empty());
            assert_eq!(borrowed, owned);
            assert_eq!(
                parse_state(&borrowed).ok(),
                Some(state).filter(|s| !s.format.is_empty())
            );
        }
    }

    #[test]
    fn rejects_what_is_not_ours() {
        assert!(matches!(
            parse_state("{not json"),
            Err(StateError::Corrupt(_))
        ));
        assert!(matches!(parse_state("[1,2]"), Err(StateError::Corrupt(_))));
        assert!(matches!(parse_state(""), Err(StateError::Corrupt(_))));
        assert_eq!(parse_state(r#"{"theme":"dark"}"#), Err(StateError::NotOurs));
        assert_eq!(
            parse_state(r#"{"format":"cp-self-assessment/state","version":9,"answers":{}}"#),
            Err(StateError::NewerVersion(9))
        );
        assert!(matches!(
            parse_state(
                r#"{"format":"cp-self-assessment/state","version":1,"answers":{"x":{"type":"scale","value":"high"}}}"#
            ),
            Err(StateError::Corrupt(_))
        ));
    }
}
