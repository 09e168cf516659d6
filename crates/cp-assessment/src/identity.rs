//! Who a response is: the id that tells it apart from every other response (a UUID) and
//! when it was started and last changed (RFC 3339). The stored state, kept responses and
//! exported files each carry these three fields; this type keeps them together.

use crate::answers::Answers;
use crate::bank::Bank;
use crate::exchange::{new_response, ResponseFile, SharedResponse};
use crate::register::Register;
use crate::room_code::RoomCode;
use crate::state::{KeptResponse, SavedState};
use crate::vocabulary::Language;

/// A response's id and times.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// The response id (a UUID).
    pub response_id: String,
    /// When the response was started.
    pub created: String,
    /// When an answer last changed.
    pub updated: String,
}

impl Identity {
    /// A response started `now`, with the id `response_id`.
    pub fn new(response_id: String, now: String) -> Self {
        Identity {
            response_id,
            created: now.clone(),
            updated: now,
        }
    }

    /// The identity the three fields of a stored or exported response spell.
    fn of(response_id: &str, created: &str, updated: &str) -> Self {
        Identity {
            response_id: response_id.to_owned(),
            created: created.to_owned(),
            updated: updated.to_owned(),
        }
    }

    /// The first characters of the id, enough to tell files apart in a folder.
    pub fn short_id(&self) -> String {
        self.response_id.chars().take(8).collect()
    }

    /// The export of `answers` and `register` under this identity, made in workshop `room`
    /// if any (docs/format.md). It carries only the answers to questions shown
    /// ([`Bank::shared_answers`]): what leaves the device is what counts.
    pub fn export(
        &self,
        bank: &Bank,
        language: Language,
        answers: &Answers,
        register: &Register,
        room: Option<RoomCode>,
    ) -> ResponseFile {
        let answers = bank.shared_answers(answers);
        let mut file = new_response(bank, &self.response_id, &self.updated, language, answers);
        file.created = self.created.clone();
        file.room = room;
        file.register = register.clone();
        file
    }
}

impl SavedState {
    /// The identity of the saved response; `None` in states written before it was kept.
    pub fn identity(&self) -> Option<Identity> {
        (!self.response_id.is_empty())
            .then(|| Identity::of(&self.response_id, &self.created, &self.updated))
    }
}

impl KeptResponse {
    /// `answers` and `register` kept under `identity`.
    pub fn new(identity: Identity, answers: Answers, register: Register) -> Self {
        KeptResponse {
            response_id: identity.response_id,
            created: identity.created,
            updated: identity.updated,
            answers,
            register,
        }
    }

    /// The identity of the kept response.
    pub fn identity(&self) -> Identity {
        Identity::of(&self.response_id, &self.created, &self.updated)
    }
}

impl ResponseFile {
    /// The identity the file carries; `None` when it lacks one (a file written by hand),
    /// so that the app gives it a fresh one.
    pub fn identity(&self) -> Option<Identity> {
        (!self.needs_identity())
            .then(|| Identity::of(&self.response_id, &self.created, &self.updated))
    }
}

impl SharedResponse {
    /// The identity the link carries; `None` for a version 1 link, which has none.
    pub fn identity(&self) -> Option<Identity> {
        (!self.response_id.is_empty())
            .then(|| Identity::of(&self.response_id, &self.created, &self.updated))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    #[test]
    fn an_export_carries_the_identity_whole() {
        let content = Content::load(Language::En).unwrap_or_else(|e| panic!("{e}"));
        let mut id = Identity::new(
            "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e".to_owned(),
            "2026-11-29T09:00:00Z".to_owned(),
        );
        id.updated = "2026-11-29T10:00:00Z".to_owned();
        let file = id.export(
            &content.bank,
            Language::En,
            &Answers::new(),
            &Register::default(),
            None,
        );
        assert_eq!(file.identity(), Some(id.clone()));
        assert_eq!(id.short_id(), "0b8f7c4e");
        let kept = KeptResponse::new(id.clone(), Answers::new(), Register::default());
        assert_eq!(kept.identity(), id);
        assert_eq!(SavedState::new(Answers::new(), None).identity(), None);
    }
}
