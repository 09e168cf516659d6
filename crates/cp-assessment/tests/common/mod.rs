//! Helpers shared by the native test files.
#![allow(dead_code)]

use cp_assessment::answers::Answers;
use cp_assessment::content::Content;

/// The English content, or a test failure naming the problem.
pub fn content() -> Content {
    Content::english().unwrap_or_else(|e| panic!("{e}"))
}

/// A persona's answers from tests/fixtures/personas/<name>.json.
pub fn persona(name: &str) -> Answers {
    let path = format!(
        "{}/tests/fixtures/personas/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"))
}
