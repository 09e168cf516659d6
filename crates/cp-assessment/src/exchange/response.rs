//! The JSON export of one response (`cp-self-assessment/response`, version 2: the answers
//! and the option register) and its import, which checks the whole file before anything of
//! it is used. Version 1 files, without a register, still load.
//!
//! An export looks like:
//!
//! ```json
//! {
//!   "format": "cp-self-assessment/response",
//!   "version": 2,
//!   "bank_id": "cp-self-assessment",
//!   "bank_version": 1,
//!   "response_id": "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e",
//!   "created": "2026-11-29T09:00:00Z",
//!   "updated": "2026-11-29T09:00:00Z",
//!   "language": "en",
//!   "room": "K7PQ",
//!   "answers": { "staff": { "type": "number", "value": 420.0 } },
//!   "register": { "currency": "cny", "options": [] }
//! }
//! ```
//!
//! [`import`] also reads the local-storage state (`cp-self-assessment/state`, see
//! [`crate::state`]) so that a respondent can move an older copy of their answers, and
//! [`import_many`] reads a shared device's outbox (`cp-self-assessment/outbox`), many
//! responses in one file, for the facilitator's room.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::answers::{Answer, AnswerError, Answers};
use crate::bank::Bank;
use crate::register::Register;
use crate::room_code::RoomCode;
use crate::state::{STATE_FORMAT, STATE_VERSION};
use crate::vocabulary::Language;

/// Format name written into every export.
pub const RESPONSE_FORMAT: &str = "cp-self-assessment/response";
/// Current version of the export format: 2 added the option register, which a version-1
/// reader would silently drop, so such a reader is told the file is newer instead.
pub const RESPONSE_VERSION: u32 = 2;
/// Largest file [`import`] reads, in bytes (512 KB; a full export is about 5 KB).
pub const MAX_IMPORT_BYTES: usize = 512 * 1024;
/// Format name of a shared device's outbox: the responses finished on it with "Next
/// participant", in one file.
pub const OUTBOX_FORMAT: &str = "cp-self-assessment/outbox";
/// Current version of the outbox format.
pub const OUTBOX_VERSION: u32 = 1;
/// Largest file [`import_many`] reads, in bytes (16 MB: an outbox of 2,000 full responses).
pub const MAX_OUTBOX_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of JSON arrays and objects accepted (an export needs 4 levels).
pub const MAX_DEPTH: usize = 32;

/// One exported response. Field order is the order written to the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponseFile {
    /// Always [`RESPONSE_FORMAT`].
    pub format: String,
    /// The format version it was written with ([`RESPONSE_VERSION`]).
    pub version: u32,
    /// Id of the question bank the answers belong to ([`Bank::id`]).
    pub bank_id: String,
    /// Version of that bank when the file was written ([`Bank::version`]); informative
    /// only: import accepts other bank versions as long as every answer still fits.
    pub bank_version: u32,
    /// The response's UUID, hyphenated lower case; empty after migrating a stored state
    /// (see [`ResponseFile::needs_identity`]).
    pub response_id: String,
    /// When the response was first exported, RFC 3339; empty after a migration.
    pub created: String,
    /// When it was last exported, RFC 3339; empty after a migration.
    pub updated: String,
    /// The language the respondent used.
    pub language: Language,
    /// The code of the workshop room the response was made in, if any (added within
    /// version 1: files without it read as `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<RoomCode>,
    /// The answers to the questions shown to the respondent, by question id.
    pub answers: Answers,
    /// The option register (version 2; empty in version 1 files and left out when empty).
    #[serde(default, skip_serializing_if = "Register::is_empty_unpriced")]
    pub register: Register,
}

impl ResponseFile {
    /// Whether the response lacks its id or times: true for a file migrated from the
    /// local-storage state, which has none and for which this pure module cannot generate
    /// them. The app then sets `response_id` to a fresh UUID and `created` and `updated` to
    /// the current time before using or exporting it.
    pub fn needs_identity(&self) -> bool {
        self.response_id.is_empty() || self.created.is_empty() || self.updated.is_empty()
    }
}

/// A new export of `answers` to `bank`. `response_id` is a UUID the app generated and
/// `now` the current time in RFC 3339 (e.g. "2026-11-29T09:00:00Z"); both creation and
/// update time are set to `now`. Neither is checked here: [`import`] checks them.
pub fn new_response(
    bank: &Bank,
    response_id: &str,
    now: &str,
    language: Language,
    answers: Answers,
) -> ResponseFile {
    ResponseFile {
        format: RESPONSE_FORMAT.to_owned(),
        version: RESPONSE_VERSION,
        bank_id: bank.id.clone(),
        bank_version: bank.version,
        response_id: response_id.to_owned(),
        created: now.to_owned(),
        updated: now.to_owned(),
        language,
        room: None,
        answers,
        register: Register::default(),
    }
}

/// The file's text: pretty-printed JSON, UTF-8, no BOM. Serialising these types cannot
/// fail (all map keys are strings); should it ever, the result is empty rather than a panic.
pub fn to_json(file: &ResponseFile) -> String {
    serde_json::to_string_pretty(file).unwrap_or_default()
}

/// Why a file (or a share link) could not be imported. Each variant has a stable
/// [`ImportError::code`] for translated messages; `Display` gives the English message.
/// Written as `{"code": …, "detail": …}` (a room kept on the device stores its refused
/// files so) and read back with [`ImportError::from_stored`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code", content = "detail", rename_all = "snake_case")]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`]; holds its size in bytes.
    TooLarge(usize),
    /// The file is not UTF-8 text (e.g. a spreadsheet or an image).
    NotText,
    /// The text is not JSON; holds the parser's detail (for developers, English only).
    NotJson(String),
    /// Arrays or objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// An object names the same key twice; holds the key.
    DuplicateKey(String),
    /// JSON, but without our format name (some other program's file).
    NotAResponse,
    /// Written by a newer version of the tool; holds the file's format version.
    NewerVersion(u32),
    /// The format version is missing, 0 or not a whole number.
    UnsupportedVersion,
    /// The answers belong to another question bank; holds that bank's id.
    OtherQuestionnaire(String),
    /// A required field is missing or malformed; holds the field name ("response_id",
    /// "created", "updated", "language", "bank_id", "bank_version", "room", "answers" or
    /// "register").
    BadField(&'static str),
    /// Answers to question ids the bank does not have; all of them, sorted.
    UnknownQuestions(Vec<String>),
    /// An answer that does not fit its question.
    InvalidAnswer {
        /// The question id.
        question: String,
        /// Why, as an [`AnswerError`] message.
        reason: String,
    },
    /// A share link that is cut off, altered or not a share link at all.
    BadLink,
    /// A response without a single answer to a question shown: nothing to load or count.
    NoAnswers,
    /// A shared device's outbox (many responses), which only the facilitator page loads.
    OutboxFile,
}

/// What answers to be imported came in, so that a refusal names it: "this file" for an
/// export or an outbox, "this link" for a share link.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    /// A file: an export, a stored state or a shared device's outbox.
    #[default]
    File,
    /// A share link.
    Link,
}

impl ImportSource {
    /// Whether it is a file (the default, left out where stored).
    pub fn is_file(&self) -> bool {
        *self == ImportSource::File
    }
}

/// The field names [`ImportError::BadField`] holds.
const FIELDS: [&str; 9] = [
    "response_id",
    "created",
    "updated",
    "language",
    "bank_id",
    "bank_version",
    "room",
    "answers",
    "register",
];

impl ImportError {
    /// The error written as `{"code": …, "detail": …}`, read back; `None` for a code this
    /// version does not know. (Not `Deserialize`: [`ImportError::BadField`] holds a
    /// `&'static str`, which serde could only borrow from `'static` input.)
    pub fn from_stored(stored: &Value) -> Option<ImportError> {
        let detail = stored.get("detail");
        let text = || detail.and_then(Value::as_str).map(str::to_owned);
        let number = || detail.and_then(Value::as_u64);
        Some(match stored.get("code")?.as_str()? {
            "too_large" => ImportError::TooLarge(usize::try_from(number()?).ok()?),
            "not_text" => ImportError::NotText,
            "not_json" => ImportError::NotJson(text().unwrap_or_default()),
            "too_deep" => ImportError::TooDeep,
            "duplicate_key" => ImportError::DuplicateKey(text()?),
            "not_a_response" => ImportError::NotAResponse,
            "newer_version" => ImportError::NewerVersion(u32::try_from(number()?).ok()?),
            "unsupported_version" => ImportError::UnsupportedVersion,
            "other_questionnaire" => ImportError::OtherQuestionnaire(text()?),
            "bad_field" => {
                let name = text()?;
                ImportError::BadField(FIELDS.iter().find(|f| **f == name).copied()?)
            }
            "unknown_questions" => ImportError::UnknownQuestions(
                detail?
                    .as_array()?
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
            ),
            "invalid_answer" => ImportError::InvalidAnswer {
                question: detail?.get("question")?.as_str()?.to_owned(),
                reason: detail?.get("reason")?.as_str()?.to_owned(),
            },
            "bad_link" => ImportError::BadLink,
            "no_answers" => ImportError::NoAnswers,
            "outbox_file" => ImportError::OutboxFile,
            _ => return None,
        })
    }
}

impl ImportError {
    /// Stable id of the variant, e.g. "too_large", used by the UI to pick a translated
    /// message (interpolating the variant's data).
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::TooLarge(_) => "too_large",
            ImportError::NotText => "not_text",
            ImportError::NotJson(_) => "not_json",
            ImportError::TooDeep => "too_deep",
            ImportError::DuplicateKey(_) => "duplicate_key",
            ImportError::NotAResponse => "not_a_response",
            ImportError::NewerVersion(_) => "newer_version",
            ImportError::UnsupportedVersion => "unsupported_version",
            ImportError::OtherQuestionnaire(_) => "other_questionnaire",
            ImportError::BadField(_) => "bad_field",
            ImportError::UnknownQuestions(_) => "unknown_questions",
            ImportError::InvalidAnswer { .. } => "invalid_answer",
            ImportError::BadLink => "bad_link",
            ImportError::NoAnswers => "no_answers",
            ImportError::OutboxFile => "outbox_file",
        }
    }
}

/// A size for people: "2.1 MB" from one mebibyte up, else whole kilobytes rounded up.
fn human_size(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let not_export = "This file is not a self-assessment export";
        match self {
            ImportError::TooLarge(bytes) => write!(
                f,
                "This file is too large ({}) to be a self-assessment export; the limit is {}.",
                human_size(*bytes),
                human_size(MAX_IMPORT_BYTES)
            ),
            ImportError::NotText => write!(f, "{not_export} (it is not a text file)."),
            ImportError::NotJson(_) => write!(f, "{not_export} (it is not JSON)."),
            ImportError::TooDeep => {
                write!(f, "{not_export} (its contents are nested far too deeply).")
            }
            ImportError::DuplicateKey(key) => write!(
                f,
                "This file is damaged: \"{key}\" appears twice in one place, so it is unclear which to use."
            ),
            ImportError::NotAResponse => {
                write!(f, "{not_export} (it was made by another program).")
            }
            ImportError::NewerVersion(v) => write!(
                f,
                "This file was made by a newer version of the tool (format version {v}); update the tool to open it."
            ),
            ImportError::UnsupportedVersion => write!(
                f,
                "This file does not say which format version it uses, so the tool cannot read it."
            ),
            ImportError::OtherQuestionnaire(id) => {
                write!(f, "This file belongs to another questionnaire (\"{id}\").")
            }
            ImportError::BadField(field) => write!(
                f,
                "This file is damaged: its \"{field}\" entry is missing or not valid."
            ),
            ImportError::UnknownQuestions(ids) => write!(
                f,
                "This file answers questions this questionnaire does not have: {}.",
                ids.join(", ")
            ),
            ImportError::InvalidAnswer { question, reason } => {
                write!(f, "The answer to \"{question}\" is not valid: {reason}")
            }
            ImportError::BadLink => write!(
                f,
                "This share link is incomplete or damaged; ask for the link again, or for the exported file."
            ),
            ImportError::NoAnswers => write!(
                f,
                "This response has no answers, so there is nothing to load or count."
            ),
            ImportError::OutboxFile => write!(
                f,
                "This file is a shared device's outbox with several responses; load it on the facilitator page."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads an exported response (or a local-storage state, migrated) and checks all of it
/// against `bank` before returning it.
///
/// Checks, in order: size; a UTF-8 byte-order mark is skipped; UTF-8; nesting depth (a scan
/// of the text before parsing, so deep input never reaches the parser); JSON; duplicate
/// keys anywhere; format name; format version; bank id; response id (a UUID, returned
/// hyphenated in lower case); created and updated times (RFC 3339, kept as written);
/// language; then the answers: each must have an answer's shape, every question id must
/// exist or be one the bank retired (that answer is kept as it is, never counted), every
/// answer to an asked question must fit it ([`Answer::validate`], which also limits text
/// length). The bank's version may differ. Unknown extra top-level fields are ignored.
///
/// A state (`cp-self-assessment/state`, version 1) becomes a response with this bank's id
/// and version, the state's language (else the bank's), and an empty id and times: see
/// [`ResponseFile::needs_identity`].
///
/// # Errors
/// The first problem found, as an [`ImportError`].
pub fn import(bytes: &[u8], bank: &Bank) -> Result<ResponseFile, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let Value::Object(file) = parse_json(text)? else {
        return Err(ImportError::NotAResponse);
    };
    let migrating = match file.get("format").and_then(Value::as_str) {
        Some(RESPONSE_FORMAT) => false,
        Some(STATE_FORMAT) => true,
        Some(OUTBOX_FORMAT) => return Err(ImportError::OutboxFile),
        _ => return Err(ImportError::NotAResponse),
    };
    import_object(file, migrating, bank)
}

/// Checks one response (or, `migrating`, a stored state) given as a JSON object whose
/// format name has been read; the rest of [`import`]'s checks.
fn import_object(
    mut file: Map<String, Value>,
    migrating: bool,
    bank: &Bank,
) -> Result<ResponseFile, ImportError> {
    check_version(
        &file,
        if migrating {
            STATE_VERSION
        } else {
            RESPONSE_VERSION
        },
    )?;
    let answers = file.remove("answers").unwrap_or(Value::Null);
    if migrating {
        let language = match file.get("language") {
            None | Some(Value::Null) => bank.language(),
            Some(_) => language(&file)?,
        };
        let answers = check_answers(answers, bank)?;
        let register = register(file.remove("register"))?;
        return Ok(ResponseFile {
            register,
            ..new_response(bank, "", "", language, answers)
        });
    }
    let bank_id = field(&file, "bank_id")?;
    if bank_id != bank.id {
        return Err(ImportError::OtherQuestionnaire(bank_id.to_owned()));
    }
    let bank_version = file
        .get("bank_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(ImportError::BadField("bank_version"))?;
    let response_id = Uuid::try_parse(field(&file, "response_id")?)
        .map_err(|_| ImportError::BadField("response_id"))?
        .hyphenated()
        .to_string();
    let created = timestamp(&file, "created")?;
    let updated = timestamp(&file, "updated")?;
    let language = language(&file)?;
    let room = room(&file)?;
    let answers = check_answers(answers, bank)?;
    let register = register(file.remove("register"))?;
    Ok(ResponseFile {
        bank_version,
        response_id,
        created,
        updated,
        room,
        register,
        ..new_response(bank, "", "", language, answers)
    })
}

/// A shared device's outbox: the responses finished on it, written as one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    /// Always [`OUTBOX_FORMAT`].
    pub format: String,
    /// The format version it was written with ([`OUTBOX_VERSION`]).
    pub version: u32,
    /// The responses, in the order they were finished.
    pub responses: Vec<ResponseFile>,
}

impl Outbox {
    /// An empty outbox.
    pub fn new() -> Self {
        Outbox {
            format: OUTBOX_FORMAT.to_owned(),
            version: OUTBOX_VERSION,
            responses: Vec::new(),
        }
    }

    /// Puts `response` in, replacing an earlier copy of the same response (same id), so
    /// the outbox holds each response once.
    pub fn put(&mut self, response: ResponseFile) {
        self.responses
            .retain(|r| r.response_id != response.response_id);
        self.responses.push(response);
    }

    /// Reads an outbox as the device stores it; `None` when the text is not an outbox of a
    /// version this app reads (its responses are checked when the room adds them).
    pub fn parse(text: &str) -> Option<Outbox> {
        let outbox: Outbox = serde_json::from_str(text).ok()?;
        (outbox.format == OUTBOX_FORMAT && (1..=OUTBOX_VERSION).contains(&outbox.version))
            .then_some(outbox)
    }

    /// The file's text (compact JSON: it is also what the device stores).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Reads a file that holds one response or many: an export or a stored state as
/// [`import`] reads them (one entry), or a shared device's outbox, each of whose responses
/// is checked like an export (one entry each, in the file's order).
///
/// # Errors
/// The outer error when the file as a whole cannot be read (too large for
/// [`MAX_OUTBOX_BYTES`], not text, not JSON, not ours, a newer version); each entry's own
/// error otherwise.
pub fn import_many(
    bytes: &[u8],
    bank: &Bank,
) -> Result<Vec<Result<ResponseFile, ImportError>>, ImportError> {
    if bytes.len() > MAX_OUTBOX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(body).map_err(|_| ImportError::NotText)?;
    let Value::Object(mut file) = parse_json(text)? else {
        return Err(ImportError::NotAResponse);
    };
    if file.get("format").and_then(Value::as_str) != Some(OUTBOX_FORMAT) {
        return Ok(vec![import(bytes, bank)]);
    }
    check_version(&file, OUTBOX_VERSION)?;
    let Some(Value::Array(responses)) = file.remove("responses") else {
        return Err(ImportError::BadField("answers"));
    };
    Ok(responses
        .into_iter()
        .map(|r| match r {
            Value::Object(r)
                if r.get("format").and_then(Value::as_str) == Some(RESPONSE_FORMAT) =>
            {
                check_version(&r, RESPONSE_VERSION)?;
                import_object(r, false, bank)
            }
            _ => Err(ImportError::NotAResponse),
        })
        .collect())
}

/// Checks the `version` field against the `current` version of the format.
fn check_version(file: &Map<String, Value>, current: u32) -> Result<(), ImportError> {
    match file.get("version").and_then(Value::as_u64) {
        None | Some(0) => Err(ImportError::UnsupportedVersion),
        Some(v) if v > u64::from(current) => Err(ImportError::NewerVersion(
            u32::try_from(v).unwrap_or(u32::MAX),
        )),
        Some(_) => Ok(()),
    }
}

/// The string field `name`, else [`ImportError::BadField`].
fn field<'a>(file: &'a Map<String, Value>, name: &'static str) -> Result<&'a str, ImportError> {
    file.get(name)
        .and_then(Value::as_str)
        .ok_or(ImportError::BadField(name))
}

/// The RFC 3339 time in field `name`, as written.
fn timestamp(file: &Map<String, Value>, name: &'static str) -> Result<String, ImportError> {
    let raw = field(file, name)?;
    OffsetDateTime::parse(raw, &Rfc3339).map_err(|_| ImportError::BadField(name))?;
    Ok(raw.to_owned())
}

/// The option register in the optional field "register", whole and checked
/// ([`Register::check`]): an option that does not fit refuses the file, so nothing of it
/// is half-loaded.
fn register(value: Option<Value>) -> Result<Register, ImportError> {
    match value {
        None | Some(Value::Null) => Ok(Register::default()),
        Some(v) => serde_json::from_value::<Register>(v)
            .ok()
            .filter(|r| r.check().is_ok())
            .ok_or(ImportError::BadField("register")),
    }
}

/// The room code in the optional field "room".
fn room(file: &Map<String, Value>) -> Result<Option<RoomCode>, ImportError> {
    match file.get("room") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(code)) => RoomCode::parse(code)
            .map(Some)
            .ok_or(ImportError::BadField("room")),
        Some(_) => Err(ImportError::BadField("room")),
    }
}

/// The language in field "language".
fn language(file: &Map<String, Value>) -> Result<Language, ImportError> {
    Language::from_id(field(file, "language")?).ok_or(ImportError::BadField("language"))
}

/// Checks answers given as a JSON object against `bank`: every entry must have an
/// answer's shape, every question id must exist (all unknown ids are reported, sorted)
/// and every answer must fit its question. Shared by [`import`] and share links.
///
/// # Errors
/// [`ImportError::BadField`]`("answers")` when `value` is not an object,
/// [`ImportError::InvalidAnswer`] or [`ImportError::UnknownQuestions`]; and
/// [`ImportError::NoAnswers`] when none of the answers is to a question shown.
pub(super) fn check_answers(value: Value, bank: &Bank) -> Result<Answers, ImportError> {
    let Value::Object(entries) = value else {
        return Err(ImportError::BadField("answers"));
    };
    // A map keyed by question id: iteration, and so the lists below, is sorted.
    let mut answers = Answers::new();
    for (id, raw) in entries {
        let answer: Answer =
            serde_json::from_value(raw).map_err(|_| ImportError::InvalidAnswer {
                question: id.clone(),
                reason: AnswerError::WrongType.to_string(),
            })?;
        answers.set(id, answer);
    }
    let unknown: Vec<String> = answers
        .iter()
        .filter(|(id, _)| bank.question(id).is_none() && !bank.is_retired(id))
        .map(|(id, _)| id.clone())
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownQuestions(unknown));
    }
    for (id, answer) in answers.iter() {
        if let Some(question) = bank.question(id) {
            answer
                .validate(question)
                .map_err(|e| ImportError::InvalidAnswer {
                    question: id.clone(),
                    reason: e.to_string(),
                })?;
        }
    }
    if bank.shared_answers(&answers).is_empty() {
        return Err(ImportError::NoAnswers);
    }
    Ok(answers)
}

/// Parses JSON text strictly: nesting at most [`MAX_DEPTH`] (checked on the text first)
/// and no object with a repeated key, anywhere.
///
/// # Errors
/// [`ImportError::TooDeep`], [`ImportError::NotJson`] or [`ImportError::DuplicateKey`].
pub(super) fn parse_json(text: &str) -> Result<Value, ImportError> {
    if nesting_depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let duplicate = Cell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = StrictValue {
        duplicate: &duplicate,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match (parsed, duplicate.take()) {
        (_, Some(key)) => Err(ImportError::DuplicateKey(key)),
        (Ok(value), None) => Ok(value),
        (Err(e), None) => Err(ImportError::NotJson(e.to_string())),
    }
}

/// The deepest nesting of `[` and `{` in `text`, ignoring brackets inside strings. Works
/// on any text, JSON or not.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Deserializes any JSON into a [`Value`] like serde_json does, but stops at the first
/// object key seen twice and records it in `duplicate` (serde_json keeps the last).
struct StrictValue<'a> {
    duplicate: &'a Cell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictValue {
            duplicate: self.duplicate,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                self.duplicate.set(Some(key));
                return Err(de::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(StrictValue {
                duplicate: self.duplicate,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(nesting_depth(r#"{"a":["[[[{{{"]}"#), 2);
        assert_eq!(nesting_depth(r#"{"a":"\"[[[", "b":[[1]]}"#), 3);
        assert_eq!(nesting_depth("]]]]"), 0);
    }

    #[test]
    fn duplicates_are_found_at_any_depth() {
        assert_eq!(
            parse_json(r#"{"a":1,"a":2}"#),
            Err(ImportError::DuplicateKey("a".into()))
        );
        assert_eq!(
            parse_json(r#"{"x":[{"type":"choice","type":"text"}]}"#),
            Err(ImportError::DuplicateKey("type".into()))
        );
        assert!(parse_json(r#"{"a":{"b":1},"b":{"b":2}}"#).is_ok());
        assert!(matches!(
            parse_json(r#"{"a":1} x"#),
            Err(ImportError::NotJson(_))
        ));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_size(2_200_000), "2.1 MB");
        assert_eq!(human_size(MAX_IMPORT_BYTES), "512 KB");
        assert_eq!(
            ImportError::TooLarge(2_200_000).to_string(),
            "This file is too large (2.1 MB) to be a self-assessment export; the limit is 512 KB."
        );
    }
}
