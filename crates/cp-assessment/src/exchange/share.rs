//! Share links: the answers packed into the URL fragment (`…/#r1.<payload>`), so a
//! response can be passed on, or put into a QR code, without a server.
//!
//! Payload: [`SHARE_PREFIX`] followed by the compact JSON of the answers, deflated
//! (level 9) and encoded as URL-safe base64 without padding. A fully answered
//! questionnaire gives about 1,000–1,150 characters, which fits a QR code. Decoding checks
//! the answers exactly as [`super::response::import`] does.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

use super::response::{check_answers, parse_json, ImportError};
use crate::answers::Answers;
use crate::bank::Bank;

/// Starts every share payload; names the payload format, version 1.
pub const SHARE_PREFIX: &str = "r1.";
/// Longest payload [`decode_share`] reads, in characters (8 KB), checked before decoding.
pub const MAX_SHARE_CHARS: usize = 8 * 1024;
/// Largest inflated JSON [`decode_share`] accepts, in bytes (64 KB).
pub const MAX_SHARE_JSON_BYTES: usize = 64 * 1024;

/// The share payload of `answers`, prefix included (no `#`).
pub fn encode_share(answers: &Answers) -> String {
    // Serialising answers cannot fail (string keys only); an empty payload would not
    // decode, which is the honest outcome should it ever happen.
    let json = serde_json::to_vec(answers).unwrap_or_default();
    let packed = compress_to_vec(&json, 9);
    format!("{SHARE_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The answers in a share payload (as [`encode_share`] makes it, without the `#`),
/// checked against `bank`.
///
/// # Errors
/// [`ImportError::BadLink`] when the prefix is missing, the payload is longer than
/// [`MAX_SHARE_CHARS`], not base64, not deflate data, inflates beyond
/// [`MAX_SHARE_JSON_BYTES`] or is not UTF-8; otherwise the JSON and answer errors of
/// [`super::response::import`] (`NotJson`, `TooDeep`, `DuplicateKey`, `BadField("answers")`,
/// `InvalidAnswer`, `UnknownQuestions`).
pub fn decode_share(payload: &str, bank: &Bank) -> Result<Answers, ImportError> {
    if payload.len() > MAX_SHARE_CHARS {
        return Err(ImportError::BadLink);
    }
    let body = payload
        .strip_prefix(SHARE_PREFIX)
        .ok_or(ImportError::BadLink)?;
    let packed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| ImportError::BadLink)?;
    let json = decompress_to_vec_with_limit(&packed, MAX_SHARE_JSON_BYTES)
        .map_err(|_| ImportError::BadLink)?;
    let text = std::str::from_utf8(&json).map_err(|_| ImportError::BadLink)?;
    check_answers(parse_json(text)?, bank)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::content::Content;

    fn persona(json: &str) -> Answers {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_persona_round_trips_in_a_short_link() {
        let bank = Content::english().unwrap_or_else(|e| panic!("{e}")).bank;
        let personas = [
            include_str!("../../tests/fixtures/personas/p1.json"),
            include_str!("../../tests/fixtures/personas/p2.json"),
            include_str!("../../tests/fixtures/personas/p3.json"),
            include_str!("../../tests/fixtures/personas/p4.json"),
            include_str!("../../tests/fixtures/personas/p5.json"),
        ];
        for (i, json) in personas.iter().enumerate() {
            let answers = persona(json);
            let payload = encode_share(&answers);
            println!("share payload p{}: {} characters", i + 1, payload.len());
            assert!(
                payload.len() < 2000,
                "p{}: {} characters",
                i + 1,
                payload.len()
            );
            assert!(payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
            assert_eq!(decode_share(&payload, &bank), Ok(answers));
        }
    }

    #[test]
    fn damaged_links_are_rejected() {
        let bank = Content::english().unwrap_or_else(|e| panic!("{e}")).bank;
        let mut answers = Answers::new();
        answers.set("staff", Answer::Number(420.0));
        let payload = encode_share(&answers);
        let cut = &payload[..payload.len() - 4];
        for bad in [
            "",
            "r1.",
            "r2.abc",
            "r1.***",
            cut,
            &format!("r1.{}", "A".repeat(MAX_SHARE_CHARS)),
        ] {
            assert_eq!(decode_share(bad, &bank), Err(ImportError::BadLink), "{bad}");
        }
        // A well-formed link with an answer that does not fit is an answer error.
        answers.set("staff", Answer::Number(-5.0));
        assert_eq!(
            decode_share(&encode_share(&answers), &bank).map_err(|e| e.code()),
            Err("invalid_answer")
        );
        // A zip bomb stops at the inflate limit.
        let bomb = compress_to_vec(&vec![b' '; 10 * MAX_SHARE_JSON_BYTES], 9);
        let link = format!("{SHARE_PREFIX}{}", URL_SAFE_NO_PAD.encode(bomb));
        assert_eq!(decode_share(&link, &bank), Err(ImportError::BadLink));
    }
}
