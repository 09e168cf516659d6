//! Room codes: the short code a facilitator gives a workshop, carried by every response
//! made in it (exports, share links, a shared device's outbox), so that the room can tell
//! its own responses from strays.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answers::fold_full_width;

/// The symbols a code is made of: digits and capitals without 0, 1, I and O, which are
/// easily misread on a projector. 32 symbols, so a random byte maps onto them evenly.
pub const ROOM_CODE_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Length of a generated code (32^4, about a million codes).
pub const ROOM_CODE_LENGTH: usize = 4;
/// Longest code accepted when typed or read from a file.
pub const MAX_ROOM_CODE_LENGTH: usize = 8;

/// A room code such as "K7PQ": 4 to 8 symbols of [`ROOM_CODE_ALPHABET`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RoomCode(String);

impl RoomCode {
    /// The code a person typed or a link carried: spaces and hyphens around and inside
    /// are dropped, full-width characters folded and letters capitalised ("k7-pq" →
    /// "K7PQ"). `None` when the rest is not 4 to 8 symbols of the alphabet.
    pub fn parse(text: &str) -> Option<RoomCode> {
        let code: String = fold_full_width(text)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let fits = (ROOM_CODE_LENGTH..=MAX_ROOM_CODE_LENGTH).contains(&code.len())
            && code.bytes().all(|b| ROOM_CODE_ALPHABET.contains(&b));
        fits.then_some(RoomCode(code))
    }

    /// A code made from random bytes (the app supplies them from the browser).
    pub fn from_random(bytes: [u8; ROOM_CODE_LENGTH]) -> RoomCode {
        RoomCode(
            bytes
                .iter()
                .map(|b| char::from(ROOM_CODE_ALPHABET[usize::from(*b) % 32]))
                .collect(),
        )
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoomCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for RoomCode {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        RoomCode::parse(&text).ok_or_else(|| format!("not a room code: {text:?}"))
    }
}

impl From<RoomCode> for String {
    fn from(code: RoomCode) -> String {
        code.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_as_people_type_them() {
        for typed in ["K7PQ", "k7pq", " k7-pq ", "Ｋ７ＰＱ", "K7 PQ"] {
            assert_eq!(
                RoomCode::parse(typed).map(String::from),
                Some("K7PQ".into())
            );
        }
        for bad in [
            "",
            "K7P",
            "K7PQ0",
            "KOPQ",
            "K1PQ",
            "ABCDEFGHJ",
            "K7PQ!",
            "<b>",
        ] {
            assert_eq!(RoomCode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn random_codes_use_the_whole_alphabet_evenly() {
        assert_eq!(RoomCode::from_random([0, 31, 32, 255]).as_str(), "2Z2Z");
        for b in 0..=255u8 {
            let code = RoomCode::from_random([b, b.wrapping_mul(7), 3, 200]);
            assert_eq!(RoomCode::parse(code.as_str()), Some(code));
        }
    }
}
