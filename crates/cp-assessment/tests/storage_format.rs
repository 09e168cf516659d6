//! Every released shape of the stored state still loads: one fixture per released
//! version (tests/fixtures/storage/), read with today's parser. A newer version is refused
//! (and, in the app, left untouched).

use cp_assessment::state::{parse_state, StateError, STATE_VERSION};
use cp_assessment::vocabulary::Language;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/storage/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn version_1_as_first_released_loads_with_defaults() {
    let state = parse_state(&fixture("state-v1-initial.json")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(state.version, 1);
    assert_eq!(state.answers.len(), 55);
    assert_eq!(state.last_page.as_deref(), Some("/part/3"));
    assert_eq!(state.language, None);
    assert!(
        state.response_id.is_empty(),
        "the app gives it a new identity"
    );
}

#[test]
fn version_1_with_language_and_identity_loads() {
    let state =
        parse_state(&fixture("state-v1-with-identity.json")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(state.language, Some(Language::ZhCn));
    assert_eq!(state.response_id, "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e");
}

#[test]
fn a_newer_version_is_refused_not_misread() {
    let newer = fixture("state-v1-initial.json").replacen(
        "\"version\": 1",
        &format!("\"version\": {}", STATE_VERSION + 1),
        1,
    );
    assert_eq!(
        parse_state(&newer),
        Err(StateError::NewerVersion(STATE_VERSION + 1))
    );
}
