//! A workshop that counts nothing twice and lets nothing out that should stay: one
//! response is one participant however it arrives (file, share link, a device's outbox),
//! a response without answers is refused, links carry the response's id and room code,
//! exports carry no answer to a hidden question, and a room kept on the device reads back
//! whole.

mod common;
use common::{content, persona};
use cp_assessment::answers::{Answer, Answers};
use cp_assessment::bank::{Bank, Question, QuestionKind};
use cp_assessment::exchange::{
    decode_share, encode_share, import, to_json, ImportError, Outbox, ResponseFile,
};
use cp_assessment::identity::Identity;
use cp_assessment::room_code::RoomCode;
use cp_assessment::room_record::RoomRecord;
use cp_assessment::vocabulary::Language;
use cp_assessment::workshop::{CodeCounts, Room};

const ID: &str = "0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e";
const OTHER_ID: &str = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d";

fn code(text: &str) -> RoomCode {
    RoomCode::parse(text).unwrap_or_else(|| panic!("{text}"))
}

/// `answers` exported under `id`, last changed at `updated`, made in room K7PQ.
fn response(bank: &Bank, id: &str, updated: &str, answers: &Answers) -> ResponseFile {
    let mut identity = Identity::new(id.to_owned(), "2026-12-01T09:00:00Z".to_owned());
    identity.updated = updated.to_owned();
    identity.export(
        bank,
        Language::En,
        answers,
        &cp_assessment::register::Register::default(),
        Some(code("K7PQ")),
    )
}

/// The three ways a response reaches the facilitator.
#[derive(Clone, Copy, Debug)]
enum Via {
    File,
    Link,
    Outbox,
}

fn add(room: &mut Room, bank: &Bank, via: Via, file: &ResponseFile, other: &ResponseFile) {
    match via {
        Via::File => room.add_file("answers.json", to_json(file).as_bytes(), bank),
        Via::Link => room.add_share_link(
            "link",
            &format!("https://example.org/cp/#{}", encode_share(file)),
            bank,
        ),
        Via::Outbox => {
            let mut outbox = Outbox::new();
            outbox.put(other.clone());
            outbox.put(file.clone());
            room.add_file("outbox.json", outbox.to_json().as_bytes(), bank);
        }
    }
}

#[test]
fn a_response_counts_once_however_often_and_however_it_arrives() {
    let content = content();
    let bank = &content.bank;
    let older = response(bank, ID, "2026-12-01T10:00:00Z", &persona("p1"));
    let newer = response(bank, ID, "2026-12-01T11:00:00Z", &persona("p2"));
    let other = response(bank, OTHER_ID, "2026-12-01T10:30:00Z", &persona("p3"));
    let ways = [Via::File, Via::Link, Via::Outbox];
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    for order in orders {
        for times in 1..=3 {
            for (n, newer_at) in (0..3).enumerate() {
                let mut room = Room::new();
                for round in 0..times {
                    for (i, &w) in order.iter().enumerate() {
                        // One of the copies is the newer one, first round only.
                        let copy = if round == 0 && i == newer_at {
                            &newer
                        } else {
                            &older
                        };
                        add(&mut room, bank, ways[w], copy, &other);
                    }
                }
                let case = format!("order {order:?}, {times}×, newer copy {n}");
                assert!(room.refused.is_empty(), "{case}: {:?}", room.refused);
                let ids: Vec<&str> = room
                    .participants
                    .iter()
                    .map(|p| p.response_id.as_str())
                    .collect();
                // The outbox also brings one other response.
                assert_eq!(ids.len(), 2, "{case}: {ids:?}");
                assert_eq!(ids.iter().filter(|id| **id == ID).count(), 1, "{case}");
                let kept = room.participants.iter().find(|p| p.response_id == ID);
                assert_eq!(
                    kept.map(|p| &p.answers),
                    Some(&newer.answers),
                    "{case}: the newer copy stays"
                );
                assert_eq!(
                    room.participants.len() + room.duplicates.len(),
                    times * 4,
                    "{case}: every copy is either counted or named a duplicate"
                );
            }
        }
    }
}

#[test]
fn a_response_without_answers_is_refused_with_its_reason() {
    let content = content();
    let bank = &content.bank;
    let empty = response(bank, ID, "2026-12-01T10:00:00Z", &Answers::new());
    assert!(empty.answers.is_empty());
    assert_eq!(
        import(to_json(&empty).as_bytes(), bank),
        Err(ImportError::NoAnswers)
    );
    assert_eq!(
        decode_share(&encode_share(&empty), bank),
        Err(ImportError::NoAnswers)
    );
    // Only answers to hidden questions: nothing the respondent was shown.
    let mut hidden_only = Answers::new();
    hidden_only.set("violation_detail", Answer::Text("a secret".into()));
    let mut file = empty.clone();
    file.answers = hidden_only;
    assert_eq!(
        import(to_json(&file).as_bytes(), bank),
        Err(ImportError::NoAnswers)
    );

    let mut room = Room::new();
    room.add_file("empty.json", to_json(&empty).as_bytes(), bank);
    room.add_share_link("link 1", &encode_share(&empty), bank);
    let mut outbox = Outbox::new();
    outbox.put(response(
        bank,
        OTHER_ID,
        "2026-12-01T10:00:00Z",
        &persona("p4"),
    ));
    outbox.put(empty.clone());
    room.add_file("outbox.json", outbox.to_json().as_bytes(), bank);
    assert_eq!(
        room.participants.len(),
        1,
        "only the outbox's real response"
    );
    let refused: Vec<(&str, &str)> = room
        .refused
        .iter()
        .map(|r| (r.source.as_str(), r.error.code()))
        .collect();
    assert_eq!(
        refused,
        [
            ("empty.json", "no_answers"),
            ("link 1", "no_answers"),
            ("outbox.json #2", "no_answers")
        ]
    );
    assert_eq!(
        ImportError::NoAnswers.to_string(),
        "This response has no answers, so there is nothing to load or count."
    );
}

#[test]
fn a_link_carries_the_response_id_and_the_room_code() {
    let content = content();
    let bank = &content.bank;
    let file = response(bank, ID, "2026-12-01T10:00:00Z", &persona("p5"));
    let shared = decode_share(&encode_share(&file), bank).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shared.response_id, ID);
    assert_eq!(shared.room, Some(code("K7PQ")));
    assert_eq!(shared.updated, "2026-12-01T10:00:00Z");
    assert_eq!(
        shared.identity().map(|i| i.response_id),
        Some(ID.to_owned())
    );
    let mut room = Room::new();
    room.add_share_link("link 1", &encode_share(&file), bank);
    assert_eq!(room.participants[0].response_id, ID);
    assert_eq!(room.participants[0].room, Some(code("K7PQ")));
    // The export carries the code too, and an import reads it back.
    let read = import(to_json(&file).as_bytes(), bank).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.room, Some(code("K7PQ")));
    assert!(to_json(&file).contains("\"room\": \"K7PQ\""));
}

/// A valid answer of `q`'s kind, different from what a respondent would leave empty.
fn some_answer(q: &Question) -> Answer {
    match q.kind {
        QuestionKind::Single => Answer::Choice(q.options[0].id.clone()),
        QuestionKind::Multi => Answer::Choices(vec![q.options[0].id.clone()]),
        QuestionKind::Scale => Answer::Scale(3),
        QuestionKind::Number => Answer::Number(q.number.as_ref().map_or(1.0, |n| n.min.max(1.0))),
        QuestionKind::Text => Answer::Text("only for this device".into()),
    }
}

#[test]
fn an_export_never_contains_an_answer_to_a_hidden_question() {
    let content = content();
    let bank = &content.bank;
    let conditional: Vec<&Question> = bank
        .questions()
        .filter(|q| q.visible_if.is_some())
        .collect();
    assert!(conditional.len() >= 5, "the bank has follow-up questions");
    let mut hidden_seen = 0;
    for p in ["p1", "p2", "p3", "p4", "p5"] {
        let mut answers = persona(p);
        // Answer every follow-up, shown or not, as a respondent who changed their mind would.
        for q in &conditional {
            let a = some_answer(q);
            assert_eq!(a.validate(q), Ok(()), "{}", q.id);
            answers.set(q.id.clone(), a);
        }
        let hidden: Vec<&str> = conditional
            .iter()
            .filter(|q| !bank.is_visible(q, &answers))
            .map(|q| q.id.as_str())
            .collect();
        hidden_seen += hidden.len();
        let file = response(bank, ID, "2026-12-01T10:00:00Z", &answers);
        for id in &hidden {
            assert!(file.answers.get(id).is_none(), "{p}: {id} left the device");
            assert!(
                !to_json(&file).contains(&format!("\"{id}\"")),
                "{p}: {id} in the JSON"
            );
        }
        let shared = decode_share(&encode_share(&file), bank).unwrap_or_else(|e| panic!("{e}"));
        for id in &hidden {
            assert!(shared.answers.get(id).is_none(), "{p}: {id} in the link");
        }
        // Everything shown does leave: nothing the respondent saw is dropped.
        for (id, _) in answers.iter() {
            let shown = bank
                .question(id)
                .is_some_and(|q| bank.is_visible(q, &answers));
            assert_eq!(file.answers.get(id).is_some(), shown, "{p}: {id}");
        }
    }
    assert!(hidden_seen > 0, "some follow-up was hidden in some persona");
}

#[test]
fn the_room_shows_its_own_code_first_and_counts_the_rest() {
    let content = content();
    let bank = &content.bank;
    let mut room = Room::new();
    let mut stray = response(bank, OTHER_ID, "2026-12-01T10:00:00Z", &persona("p2"));
    stray.room = Some(code("ABCD"));
    room.add_file("stray.json", to_json(&stray).as_bytes(), bank);
    let mut plain = response(
        bank,
        "11111111-2222-4333-8444-555555555555",
        "2026-12-01T10:00:00Z",
        &persona("p3"),
    );
    plain.room = None;
    room.add_file("plain.json", to_json(&plain).as_bytes(), bank);
    room.add_file(
        "own.json",
        to_json(&response(bank, ID, "2026-12-01T10:00:00Z", &persona("p1"))).as_bytes(),
        bank,
    );
    assert_eq!(
        room.codes(&code("K7PQ")),
        CodeCounts {
            own: 1,
            other: 1,
            none: 1
        }
    );
    let order: Vec<&str> = room
        .ordered(&code("K7PQ"), false)
        .iter()
        .map(|p| p.source.as_str())
        .collect();
    assert_eq!(order, ["own.json", "stray.json", "plain.json"]);
    assert_eq!(room.ordered(&code("K7PQ"), true).len(), 1);
}

#[test]
fn a_kept_room_reads_back_whole() {
    let content = content();
    let bank = &content.bank;
    let mut record = RoomRecord::new(
        code("K7PQ"),
        "  Suzhou workshop, 6 December  ",
        "2026-12-06T09:00:00Z",
    );
    assert_eq!(record.name, "Suzhou workshop, 6 December");
    let file = response(bank, ID, "2026-12-01T10:00:00Z", &persona("p1"));
    record
        .room
        .add_file("a.json", to_json(&file).as_bytes(), bank);
    record
        .room
        .add_file("a again.json", to_json(&file).as_bytes(), bank);
    record.room.add_file("broken.json", b"{\"format\": 1", bank);
    record.room.add_file(
        "other.json",
        br#"{"format":"cp-self-assessment/response","version":1,"bank_id":"x"}"#,
        bank,
    );
    let mut bad = file.clone();
    bad.response_id = "nope".into();
    record
        .room
        .add_file("bad id.json", to_json(&bad).as_bytes(), bank);
    record.room.add_share_link("link 1", "r2.***", bank);
    let codes: Vec<&str> = record.room.refused.iter().map(|r| r.error.code()).collect();
    assert_eq!(
        codes,
        ["not_json", "other_questionnaire", "bad_field", "bad_link"]
    );
    let text = record.to_json();
    assert_eq!(RoomRecord::parse(&text), Some(record.clone()));
    let stored = record.to_stored();
    assert!(
        stored.starts_with("z1.") && stored.len() < text.len(),
        "{} vs {}",
        stored.len(),
        text.len()
    );
    assert_eq!(RoomRecord::parse(&stored), Some(record.clone()));
    // Damaged: cut, or not base64, or a deflate bomb: not read, never a panic.
    assert_eq!(RoomRecord::parse(&stored[..stored.len() / 2]), None);
    assert_eq!(RoomRecord::parse("z1.***"), None);
    // Not ours, or from a newer version: left alone.
    assert_eq!(RoomRecord::parse("{}"), None);
    assert_eq!(
        RoomRecord::parse(&text.replace("\"version\":1", "\"version\":9")),
        None
    );
}
