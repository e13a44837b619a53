//! Bad IPC input, by property: every command the window can call is fed arbitrary JSON
//! arguments, and valid arguments with one part replaced by arbitrary JSON. The arguments
//! go through serde exactly as Tauri decodes them (an undecodable one is refused before the
//! command runs); a decoded one reaches the store. Nothing may panic; a refusal must be a
//! user-facing code (`validation`, `not_found`, `conflict`, `locked`), and a refused call
//! must have written nothing (a second connection watches `PRAGMA data_version`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use chibo_core::meeting::MeetingStatus;
use chibo_store::backups::BackupSettings;
use chibo_store::{DataDir, Error, Store};
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn arg<T: DeserializeOwned>(args: &[Value], i: usize) -> Option<T> {
    serde_json::from_value(args.get(i)?.clone()).ok()
}

type Call = fn(&mut Store, &[Value]) -> Option<chibo_store::Result<()>>;

/// Each command of the window that takes input: its name, how it decodes and calls.
const COMMANDS: &[(&str, Call)] = &[
    ("create_branch", |s, a| {
        Some(s.create_branch(&arg(a, 0)?).map(drop))
    }),
    ("update_branch", |s, a| {
        Some(s.update_branch(arg(a, 0)?, &arg(a, 1)?).map(drop))
    }),
    ("select_branch", |s, a| {
        Some(s.select_branch(arg(a, 0)?).map(drop))
    }),
    ("branch_settings", |s, a| {
        Some(s.settings(arg(a, 0)?).map(drop))
    }),
    ("update_settings", |s, a| {
        Some(s.update_settings(arg(a, 0)?, &arg(a, 1)?).map(drop))
    }),
    ("set_text_scale", |s, a| {
        Some(s.set_text_scale(arg(a, 0)?).map(drop))
    }),
    ("roster", |s, a| {
        let search: String = arg(a, 2)?;
        Some(
            s.roster(arg(a, 0)?, arg(a, 1)?, &search, arg(a, 3)?)
                .map(drop),
        )
    }),
    ("member_detail", |s, a| {
        Some(s.member_detail(arg(a, 0)?, today()).map(drop))
    }),
    ("create_member", |s, a| {
        Some(s.create_member(arg(a, 0)?, &arg(a, 1)?, today()).map(drop))
    }),
    ("update_member", |s, a| {
        Some(s.update_member(arg(a, 0)?, &arg(a, 1)?, today()).map(drop))
    }),
    ("delete_member", |s, a| Some(s.delete_member(arg(a, 0)?))),
    ("add_status", |s, a| {
        Some(s.add_status(arg(a, 0)?, &arg(a, 1)?, today()).map(drop))
    }),
    ("remove_status", |s, a| Some(s.remove_status(arg(a, 0)?))),
    ("recognise_official", |s, a| {
        let reference: String = arg(a, 2)?;
        Some(
            s.recognise_official(arg(a, 0)?, arg(a, 1)?, &reference, today())
                .map(drop),
        )
    }),
    ("roster_change_notice", |s, a| {
        Some(s.roster_change_notice(arg(a, 0)?, arg(a, 1)?).map(drop))
    }),
    ("meetings_of_year", |s, a| {
        Some(s.meetings_of_year(arg(a, 0)?, arg(a, 1)?).map(drop))
    }),
    ("plan_year", |s, a| {
        Some(s.plan_year(arg(a, 0)?, arg(a, 1)?, arg(a, 2)?).map(drop))
    }),
    ("meeting_detail", |s, a| {
        Some(s.meeting_detail(arg(a, 0)?).map(drop))
    }),
    ("meeting_candidates", |s, a| {
        Some(s.meeting_candidates(arg(a, 0)?, arg(a, 1)?).map(drop))
    }),
    ("create_meeting", |s, a| {
        Some(s.create_meeting(arg(a, 0)?, &arg(a, 1)?, today()).map(drop))
    }),
    ("update_meeting", |s, a| {
        Some(s.update_meeting(arg(a, 0)?, &arg(a, 1)?, today()).map(drop))
    }),
    ("delete_meeting", |s, a| Some(s.delete_meeting(arg(a, 0)?))),
    ("change_meeting_status", |s, a| {
        Some(
            s.change_meeting_status(arg(a, 0)?, &arg(a, 1)?, today())
                .map(drop),
        )
    }),
    ("copy_agenda", |s, a| {
        Some(s.copy_agenda(arg(a, 0)?, arg(a, 1)?).map(drop))
    }),
    ("create_document", |s, a| {
        Some(
            s.create_document(arg(a, 0)?, &arg(a, 1)?, today())
                .map(drop),
        )
    }),
    ("update_document", |s, a| {
        Some(
            s.update_document(arg(a, 0)?, &arg(a, 1)?, today())
                .map(drop),
        )
    }),
    ("delete_document", |s, a| {
        Some(s.delete_document(arg(a, 0)?))
    }),
    ("roll_call", |s, a| Some(s.roll_call(arg(a, 0)?).map(drop))),
    ("roll_call_counts", |s, a| {
        let marks: Vec<chibo_core::attendance::Mark> = arg(a, 1)?;
        Some(s.roll_call_counts(arg(a, 0)?, &marks).map(drop))
    }),
    ("save_roll_call", |s, a| {
        let marks: Vec<chibo_core::attendance::Mark> = arg(a, 1)?;
        Some(s.save_roll_call(arg(a, 0)?, &marks, today()).map(drop))
    }),
    ("member_attendance", |s, a| {
        Some(
            s.member_attendance(arg(a, 0)?, arg(a, 1)?, arg(a, 2)?)
                .map(drop),
        )
    }),
    ("minutes", |s, a| Some(s.minutes(arg(a, 0)?).map(drop))),
    ("save_minutes", |s, a| {
        Some(s.save_minutes(arg(a, 0)?, &arg(a, 1)?).map(drop))
    }),
    ("approve_minutes", |s, a| {
        Some(s.approve_minutes(arg(a, 0)?).map(drop))
    }),
    ("amend_minutes", |s, a| {
        let reason: String = arg(a, 1)?;
        Some(s.amend_minutes(arg(a, 0)?, &reason).map(drop))
    }),
    ("attachments", |s, a| {
        Some(
            s.attachments(arg(a, 0)?, chibo_store::attachments::Check::Size)
                .map(drop),
        )
    }),
    ("add_attachments", |s, a| {
        let files: Vec<PathBuf> = arg(a, 1)?;
        Some(s.add_attachments(arg(a, 0)?, &files).map(drop))
    }),
    ("remove_attachment", |s, a| {
        Some(s.remove_attachment(arg(a, 0)?))
    }),
    ("set_backup_settings", |s, a| {
        let settings: BackupSettings = arg(a, 0)?;
        // A real second folder would be written to; keep arbitrary ones unreal.
        Some(s.set_backup_settings(&settings).map(drop))
    }),
];

/// Valid arguments for each command, taken from the demo.
fn samples(store: &Store) -> Vec<(&'static str, Vec<Value>)> {
    let branch = store.prefs().unwrap().current_branch_id.unwrap();
    let detail = store.branch(branch).unwrap();
    let roster = store
        .roster(branch, today(), "", Default::default())
        .unwrap();
    let member = roster.entries[3].member.id;
    let meetings = store.meetings_of_year(branch, 2026).unwrap();
    let planned = meetings
        .iter()
        .find(|m| m.status == MeetingStatus::Planned)
        .unwrap()
        .id;
    let held = meetings
        .iter()
        .rfind(|m| m.status == MeetingStatus::Held)
        .unwrap()
        .id;
    let meeting = serde_json::to_value(store.meeting_detail(planned).unwrap().meeting).unwrap();
    let sheet = store.roll_call(held).unwrap();
    let marks: Vec<Value> = sheet
        .summoned
        .iter()
        .filter_map(|l| l.mark.as_ref())
        .map(|m| serde_json::to_value(m).unwrap())
        .collect();
    let content = serde_json::to_value(store.minutes(held).unwrap().content).unwrap();
    let settings = serde_json::to_value(store.settings(branch).unwrap().settings).unwrap();
    let document = store.documents(branch).unwrap()[0].id;
    let branch_input = json!({
        "name": detail.name, "parent_name": detail.parent_name, "place": detail.place,
        "term_start": null, "term_end": null, "founded_on": null
    });
    let member_input = json!({
        "full_name": "Lường Văn Thử", "name_parts": null, "gender": "male",
        "birth_date": "1980-01-02", "hometown": "", "ethnicity": "Thái", "card_number": "",
        "admitted_on": "2001-05-19", "official_on": "2002-05-19", "official_reference": "",
        "role": "member", "post": "", "phone": "", "notes": ""
    });
    let status = json!({"kind": "exempted", "start": "2026-01-01", "end": null,
        "reference": "12-QĐ/CB", "note": ""});
    let doc = json!({"number": "21-KL/TW", "issued_on": "2021-10-25",
        "issuer": "Ban Chấp hành Trung ương", "title": "Kết luận"});
    vec![
        ("create_branch", vec![branch_input.clone()]),
        ("update_branch", vec![json!(branch), branch_input]),
        ("select_branch", vec![json!(branch)]),
        ("update_settings", vec![json!(branch), settings]),
        (
            "roster",
            vec![
                json!(branch),
                json!("2026-11-27"),
                json!("văn"),
                json!("on_roll"),
            ],
        ),
        ("create_member", vec![json!(branch), member_input.clone()]),
        ("update_member", vec![json!(member), member_input]),
        ("add_status", vec![json!(member), status]),
        (
            "recognise_official",
            vec![json!(member), json!("2026-11-01"), json!("01-QĐ/ĐU")],
        ),
        (
            "roster_change_notice",
            vec![json!(member), json!("2026-01-01")],
        ),
        (
            "plan_year",
            vec![
                json!(branch),
                json!(2027),
                json!({"day": 5, "avoid_sunday": true}),
            ],
        ),
        (
            "meeting_candidates",
            vec![json!(branch), json!("2026-12-05")],
        ),
        ("create_meeting", vec![json!(branch), meeting.clone()]),
        ("update_meeting", vec![json!(planned), meeting]),
        (
            "change_meeting_status",
            vec![
                json!(planned),
                json!({"status": "postponed", "reason": "Mưa lũ", "new_date": "2026-12-12"}),
            ],
        ),
        ("copy_agenda", vec![json!(planned), json!(held)]),
        ("create_document", vec![json!(branch), doc.clone()]),
        ("update_document", vec![json!(document), doc]),
        ("roll_call_counts", vec![json!(held), json!(marks.clone())]),
        ("save_roll_call", vec![json!(planned), json!(marks)]),
        (
            "member_attendance",
            vec![json!(member), json!("2025-01-01"), json!(null)],
        ),
        ("save_minutes", vec![json!(held), content]),
        (
            "amend_minutes",
            vec![json!(held), json!("Sửa lỗi chính tả")],
        ),
        (
            "set_backup_settings",
            vec![json!({"keep_daily": 7, "keep_monthly": 12,
            "second_folder": null})],
        ),
    ]
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-3i64..60).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::String),
        "[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}".prop_map(Value::String),
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}".prop_map(Value::String),
        prop::sample::select(vec![
            "held",
            "planned",
            "postponed",
            "cancelled",
            "present",
            "excused",
            "unexcused",
            "official",
            "exempted",
            "male",
            "member",
            "regular",
            "thematic",
            "on_roll",
            "../../etc/passwd",
            "/",
            "",
            "  ",
            "Đảng",
            "💥",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
        "\\PC{2000,4000}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,14}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// What replaces a part of valid arguments: mostly a value of the same JSON kind (so it
/// still decodes and reaches the rules), sometimes anything at all.
#[derive(Debug, Clone)]
struct Replacement {
    text: String,
    number: i64,
    anything: Value,
    same_kind: bool,
}

fn replacement() -> impl Strategy<Value = Replacement> {
    let text = prop_oneof![
        "\\PC{0,40}",
        Just(String::new()),
        Just("   ".to_owned()),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "(1899|1930|2026|2099|9999)-(01|02|12|13)-(01|29|30|31|00)",
        "[0-9]{1,2}:[0-9]{2}",
        "\\PC{300,2500}",
        prop::sample::select(vec![
            "../x.pdf", "Đ", "held", "excused", "official", "per_year"
        ])
        .prop_map(str::to_owned),
    ];
    let number = prop_oneof![
        -2i64..70,
        Just(i64::MAX),
        Just(i64::MIN),
        Just(i64::from(u32::MAX) + 1),
        0i64..3000,
    ];
    (text, number, arbitrary_json(), 0u8..4).prop_map(|(text, number, anything, kind)| {
        Replacement {
            text,
            number,
            anything,
            same_kind: kind > 0,
        }
    })
}

/// Replaces one part of `value` (a field at any depth, an array item, or the whole).
fn mutate(value: &mut Value, path: &[usize], with: &Replacement) {
    if let Some((&first, rest)) = path.split_first() {
        match value {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(first % map.len()).unwrap().clone();
                return mutate(map.get_mut(&key).unwrap(), rest, with);
            }
            Value::Array(items) if !items.is_empty() => {
                let len = items.len();
                if first % 5 == 4 {
                    let copy = items[first % len].clone();
                    items.push(copy); // the same entry twice
                    return;
                }
                return mutate(&mut items[first % len], rest, with);
            }
            _ => {}
        }
    }
    *value = match (&*value, with.same_kind) {
        (Value::String(_), true) => Value::String(with.text.clone()),
        (Value::Number(_), true) => Value::from(with.number),
        (Value::Bool(b), true) => Value::Bool(!b),
        (Value::Null, true) => Value::String(with.text.clone()),
        (Value::Array(_), true) => Value::Array(Vec::new()),
        _ => with.anything.clone(),
    };
}

fn data_version(watcher: &Connection) -> i64 {
    watcher
        .query_row("PRAGMA data_version", [], |r| r.get(0))
        .unwrap()
}

fn check(store: &mut Store, watcher: &Connection, name: &str, args: &[Value]) {
    let call = COMMANDS.iter().find(|(n, _)| *n == name).unwrap().1;
    let before = data_version(watcher);
    let Some(result) = call(store, args) else {
        return; // refused by the decoder, as Tauri refuses it
    };
    if let Err(err) = result {
        let code = err.code();
        assert!(
            matches!(code, "validation" | "not_found" | "conflict" | "locked"),
            "{name}({args:?}) gave {code}: {err}"
        );
        assert!(!matches!(err, Error::Internal(_)));
        assert_eq!(
            before,
            data_version(watcher),
            "{name} refused but wrote: {err}"
        );
    }
}

#[test]
fn arbitrary_json_never_panics_nor_half_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = common::open_store(DataDir::new(tmp.path())).unwrap();
    store.create_demo(today()).unwrap();
    let watcher = Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
    let samples = samples(&store);
    let names: Vec<&str> = COMMANDS.iter().map(|(n, _)| *n).collect();

    let mut runner = TestRunner::new(Config {
        cases: 600,
        failure_persistence: None,
        ..Config::default()
    });
    let store = std::cell::RefCell::new(store);
    let arbitrary = (
        prop::sample::select(names),
        prop::collection::vec(arbitrary_json(), 0..5),
    );
    runner
        .run(&arbitrary, |(name, args)| {
            check(&mut store.borrow_mut(), &watcher, name, &args);
            Ok(())
        })
        .unwrap();

    let mutated = (
        prop::sample::select(samples),
        prop::collection::vec(0usize..16, 0..4),
        replacement(),
        0usize..4,
    );
    let mut runner = TestRunner::new(Config {
        cases: 1200,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&mutated, |((name, mut args), path, with, which)| {
            let len = args.len();
            mutate(&mut args[which % len], &path, &with);
            check(&mut store.borrow_mut(), &watcher, name, &args);
            Ok(())
        })
        .unwrap();
    let store = store.into_inner();
    assert!(store.verify().unwrap().is_ok());
}
