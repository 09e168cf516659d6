//! Answers that arrive from a file or a share link: offered for confirmation, never
//! applied without a click (`AppState::apply_import` applies them).

use cp_assessment::answers::Answers;
use cp_assessment::exchange::{ImportError, ImportSource};
use cp_assessment::identity::Identity;
use cp_assessment::register::Register;

/// Answers from a file or a share link, validated in full, awaiting the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// The answers.
    pub answers: Answers,
    /// The option register the file carried; `None` for a share link, which carries none.
    pub register: Option<Register>,
    /// The identity the file carried; `None` for share links and files without one.
    pub identity: Option<Identity>,
    /// Where they come from: a file name, or `None` for a share link.
    pub source: Option<String>,
}

/// The last import, as the page shows it: one of these at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    /// Nothing to show.
    Idle,
    /// Answers awaiting confirmation before they replace the current ones.
    Pending(PendingImport),
    /// Confirmed answers were loaded.
    Loaded,
    /// The file or link was refused, for this reason; nothing was changed. Which of the two
    /// it was words the message.
    Refused(ImportError, ImportSource),
    /// A share link was opened but the code that reads it could not be fetched; the link
    /// stays in the address bar for a reload.
    LinkUnread,
}

impl ImportState {
    /// Whether the import prompt has something to show (a link that could not be read is
    /// said by the layout).
    pub fn is_shown(&self) -> bool {
        matches!(
            self,
            ImportState::Pending(_) | ImportState::Loaded | ImportState::Refused(..)
        )
    }
}
