//! Share links: a response packed into the URL fragment (`…/#r2.<payload>`), so it can be
//! passed on, or put into a QR code, without a server.
//!
//! Payload: [`SHARE_PREFIX`] followed by compact JSON, deflated (level 9) and encoded as
//! URL-safe base64 without padding. The JSON holds the response's id and times, its room
//! code if any, and its answers (`{"id":…,"created":…,"updated":…,"room":…,"answers":{…}}`),
//! so that a facilitator's room counts a response once whether it arrives as a link or a
//! file. A fully answered questionnaire gives about 1,100–1,300 characters, which fits a
//! QR code. Decoding checks it exactly as [`super::response::import`] checks a file.
//!
//! Links of version 1 (`#r1.`, answers only) still open; they carry no id.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;

use super::response::{check_answers, parse_json, ImportError, ResponseFile};
use crate::answers::Answers;
use crate::bank::Bank;
use crate::room_code::RoomCode;

/// Starts every share payload written now; names the payload format, version 2.
pub const SHARE_PREFIX: &str = "r2.";
/// Starts the payloads of version 1, which held the answers only.
pub const SHARE_PREFIX_V1: &str = "r1.";
/// Longest payload [`decode_share`] reads, in characters (8 KB), checked before decoding.
pub const MAX_SHARE_CHARS: usize = 8 * 1024;
/// Largest inflated JSON [`decode_share`] accepts, in bytes (64 KB).
pub const MAX_SHARE_JSON_BYTES: usize = 64 * 1024;

/// A response read from a share link.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedResponse {
    /// The response id (a UUID, hyphenated lower case); empty in a version 1 link.
    pub response_id: String,
    /// When it was started (RFC 3339); empty in a version 1 link.
    pub created: String,
    /// When an answer last changed (RFC 3339); empty in a version 1 link.
    pub updated: String,
    /// The workshop room it was made in, if any.
    pub room: Option<RoomCode>,
    /// The answers, checked against the bank.
    pub answers: Answers,
}

/// What a version 2 payload holds, borrowed from the response it is made of.
#[derive(serde::Serialize)]
struct Payload<'a> {
    id: &'a str,
    created: &'a str,
    updated: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<&'a RoomCode>,
    answers: &'a Answers,
}

/// The share payload of `response` (its id, times, room and answers; as exported, so with
/// the answers to questions shown only), prefix included (no `#`).
pub fn encode_share(response: &ResponseFile) -> String {
    let payload = Payload {
        id: &response.response_id,
        created: &response.created,
        updated: &response.updated,
        room: response.room.as_ref(),
        answers: &response.answers,
    };
    // Serialising strings and answers cannot fail; an empty payload would not decode,
    // which is the honest outcome should it ever happen.
    let json = serde_json::to_vec(&payload).unwrap_or_default();
    let packed = compress_to_vec(&json, 9);
    format!("{SHARE_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The response in a share payload (as [`encode_share`] makes it, or a version 1 payload;
/// without the `#`), checked against `bank`.
///
/// # Errors
/// [`ImportError::BadLink`] whenever the link itself is damaged: the prefix is missing, the
/// payload is longer than [`MAX_SHARE_CHARS`], not base64, not deflate data, inflates
/// beyond [`MAX_SHARE_JSON_BYTES`], is not UTF-8, or what it holds is not the JSON this
/// module writes (not JSON, nested too deeply, a key twice, an id, time, room code or
/// answers field that is not one). A link is only ever made by [`encode_share`], so any of
/// these means it was cut off or altered, and the one remedy is to ask for it again.
/// Otherwise the answers' errors of [`super::response::import`] (`InvalidAnswer`,
/// `UnknownQuestions`, `NoAnswers`), which the app words for a link
/// ([`super::ImportSource::Link`]).
pub fn decode_share(payload: &str, bank: &Bank) -> Result<SharedResponse, ImportError> {
    read_share(payload, bank).map_err(|e| match e {
        ImportError::NotJson(_)
        | ImportError::TooDeep
        | ImportError::DuplicateKey(_)
        | ImportError::BadField(_) => ImportError::BadLink,
        other => other,
    })
}

/// [`decode_share`] before a damaged link's errors are told as such.
fn read_share(payload: &str, bank: &Bank) -> Result<SharedResponse, ImportError> {
    if payload.len() > MAX_SHARE_CHARS {
        return Err(ImportError::BadLink);
    }
    let (version, body) = if let Some(body) = payload.strip_prefix(SHARE_PREFIX) {
        (2, body)
    } else if let Some(body) = payload.strip_prefix(SHARE_PREFIX_V1) {
        (1, body)
    } else {
        return Err(ImportError::BadLink);
    };
    let packed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| ImportError::BadLink)?;
    let json = decompress_to_vec_with_limit(&packed, MAX_SHARE_JSON_BYTES)
        .map_err(|_| ImportError::BadLink)?;
    let text = std::str::from_utf8(&json).map_err(|_| ImportError::BadLink)?;
    let value = parse_json(text)?;
    if version == 1 {
        return Ok(SharedResponse {
            response_id: String::new(),
            created: String::new(),
            updated: String::new(),
            room: None,
            answers: check_answers(value, bank)?,
        });
    }
    let Value::Object(mut fields) = value else {
        return Err(ImportError::BadLink);
    };
    let text_field = |name: &'static str| {
        fields
            .get(match name {
                "response_id" => "id",
                other => other,
            })
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or(ImportError::BadField(name))
    };
    let response_id = Uuid::try_parse(&text_field("response_id")?)
        .map_err(|_| ImportError::BadField("response_id"))?
        .hyphenated()
        .to_string();
    let time = |name: &'static str| {
        let raw = text_field(name)?;
        OffsetDateTime::parse(&raw, &Rfc3339).map_err(|_| ImportError::BadField(name))?;
        Ok::<String, ImportError>(raw)
    };
    let (created, updated) = (time("created")?, time("updated")?);
    let room = match fields.get("room") {
        None | Some(Value::Null) => None,
        Some(code) => Some(
            code.as_str()
                .and_then(RoomCode::parse)
                .ok_or(ImportError::BadField("room"))?,
        ),
    };
    let answers = check_answers(fields.remove("answers").unwrap_or(Value::Null), bank)?;
    Ok(SharedResponse {
        response_id,
        created,
        updated,
        room,
        answers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::content::Content;
    use crate::exchange::new_response;
    use crate::vocabulary::Language;

    const ID: &str = "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e";
    const NOW: &str = "2026-11-29T09:00:00Z";

    fn persona(json: &str) -> Answers {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn response(bank: &Bank, answers: Answers) -> ResponseFile {
        new_response(bank, ID, NOW, Language::En, answers)
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
            let mut file = response(&bank, bank.shared_answers(&persona(json)));
            file.room = RoomCode::parse("K7PQ");
            let payload = encode_share(&file);
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
            let shared = decode_share(&payload, &bank);
            assert_eq!(
                shared,
                Ok(SharedResponse {
                    response_id: ID.into(),
                    created: NOW.into(),
                    updated: NOW.into(),
                    room: file.room.clone(),
                    answers: file.answers.clone(),
                })
            );
        }
    }

    #[test]
    fn version_1_links_still_open_without_an_id() {
        let bank = Content::english().unwrap_or_else(|e| panic!("{e}")).bank;
        let mut answers = Answers::new();
        answers.set("staff", Answer::Number(420.0));
        let json = serde_json::to_vec(&answers).unwrap_or_default();
        let v1 = format!(
            "{SHARE_PREFIX_V1}{}",
            URL_SAFE_NO_PAD.encode(compress_to_vec(&json, 9))
        );
        let shared = decode_share(&v1, &bank).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((shared.response_id.as_str(), shared.room), ("", None));
        assert_eq!(shared.answers, answers);
    }

    #[test]
    fn damaged_links_are_rejected() {
        let bank = Content::english().unwrap_or_else(|e| panic!("{e}")).bank;
        let mut answers = Answers::new();
        answers.set("staff", Answer::Number(420.0));
        let payload = encode_share(&response(&bank, answers.clone()));
        let cut = &payload[..payload.len() - 4];
        for bad in [
            "",
            "r1.",
            "r2.",
            "r3.abc",
            "r2.***",
            cut,
            &format!("r2.{}", "A".repeat(MAX_SHARE_CHARS)),
        ] {
            assert_eq!(decode_share(bad, &bank), Err(ImportError::BadLink), "{bad}");
        }
        // A well-formed link with an answer that does not fit is an answer error.
        answers.set("staff", Answer::Number(-5.0));
        assert_eq!(
            decode_share(&encode_share(&response(&bank, answers)), &bank).map_err(|e| e.code()),
            Err("invalid_answer")
        );
        // A link without answers is refused: there is nothing to load.
        assert_eq!(
            decode_share(&encode_share(&response(&bank, Answers::new())), &bank),
            Err(ImportError::NoAnswers)
        );
        // An id that is not a UUID, or a payload that is not the JSON a link holds, is a
        // damaged link: what is wrong inside it is no use to the one who opened it.
        let mut file = response(&bank, Answers::new());
        file.answers.set("staff", Answer::Number(5.0));
        file.response_id = "not-an-id".into();
        assert_eq!(
            decode_share(&encode_share(&file), &bank),
            Err(ImportError::BadLink)
        );
        let packed = |json: &str| {
            format!(
                "{SHARE_PREFIX_V1}{}",
                URL_SAFE_NO_PAD.encode(compress_to_vec(json.as_bytes(), 9))
            )
        };
        for json in [
            "not json",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            r#"{"staff":{"type":"number","value":5},"staff":{"type":"unknown"}}"#,
            "[1]",
        ] {
            assert_eq!(
                decode_share(&packed(json), &bank),
                Err(ImportError::BadLink),
                "{json}"
            );
        }
        // What is wrong with the answers is said, in the link's own words (the app's).
        assert_eq!(
            decode_share(&packed(r#"{"no_such_question":{"type":"unknown"}}"#), &bank),
            Err(ImportError::UnknownQuestions(vec![
                "no_such_question".into()
            ]))
        );
        // A zip bomb stops at the inflate limit.
        let bomb = compress_to_vec(&vec![b' '; 10 * MAX_SHARE_JSON_BYTES], 9);
        let link = format!("{SHARE_PREFIX}{}", URL_SAFE_NO_PAD.encode(bomb));
        assert_eq!(decode_share(&link, &bank), Err(ImportError::BadLink));
    }
}
