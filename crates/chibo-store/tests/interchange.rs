//! The interchange format on real data folders: the demo survives export → import into an
//! empty folder → export unchanged; every bad file (broken JSON, newer version, dangling
//! reference, altered minutes, wrong or missing attachment) is refused in Vietnamese with
//! nothing changed; importing twice updates; a second branch is added; export refuses
//! broken stored attachments; every field written is described in the schema.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chibo_core::branch::BranchInput;
use chibo_core::member::{MemberInput, Role};
use chibo_store::attachments::{AttachmentState, Check};
use chibo_store::interchange::{folder_beside, BranchAction, FORMAT_VERSION};
use chibo_store::{DataDir, Store};
use chrono::NaiveDate;
use serde_json::Value;
use tempfile::TempDir;

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn open(dir: &Path) -> Store {
    common::open_store(DataDir::new(dir)).unwrap()
}

/// A data folder with the demo branch (meetings, roll calls, approved and amended
/// minutes, an attachment).
fn demo() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let mut store = open(dir.path());
    store.create_demo(today()).unwrap();
    (dir, store)
}

/// Exports every branch of `store` to `<folder>/<name>`.
fn export_all(store: &Store, folder: &Path, name: &str) -> PathBuf {
    let out = folder.join(name);
    let ids: Vec<i64> = store
        .list_branches()
        .unwrap()
        .iter()
        .map(|b| b.id)
        .collect();
    store.export_interchange(&ids, &out).unwrap();
    out
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

fn without_exported_at(path: &Path) -> Value {
    let mut value = read_json(path);
    value
        .as_object_mut()
        .unwrap()
        .remove("exported_at")
        .unwrap();
    value
}

/// Every file of a folder with its bytes.
fn folder_content(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Every row of every table, and the attachments folder: what "nothing changed" compares.
fn dump(data: &Path) -> (Vec<String>, BTreeMap<String, Vec<u8>>) {
    let conn = rusqlite::Connection::open(data.join("chibo.sqlite3")).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut found: Vec<String> = stmt
            .query_map([], |row| {
                let values: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", values.join(" | ")))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        found.sort();
        rows.extend(found);
    }
    (rows, folder_content(&data.join("attachments")))
}

/// The demo exported to a folder of its own: (folder, file).
fn demo_file() -> (TempDir, PathBuf) {
    let (_data, store) = demo();
    let files = TempDir::new().unwrap();
    let file = export_all(&store, files.path(), "Bản Chắt.json");
    (files, file)
}

fn count(dir: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("chibo.sqlite3")).unwrap();
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

#[test]
fn the_demo_survives_export_import_and_export_again_unchanged() {
    let (files, first) = demo_file();
    let exported = read_json(&first);
    assert_eq!(exported["format"], "sotaychibo-interchange");
    assert_eq!(exported["version"], FORMAT_VERSION);
    let branch = &exported["branches"][0];
    let meetings = branch["meetings"].as_array().unwrap();
    assert!(meetings
        .iter()
        .any(|m| m["minutes"]["status"] == "approved"));
    assert!(meetings.iter().any(|m| m["minutes"]["earlier_versions"]
        .as_array()
        .is_some_and(|v| !v.is_empty())));
    assert!(meetings
        .iter()
        .any(|m| !m["attendance"].as_array().unwrap().is_empty()));
    assert_eq!(
        meetings
            .iter()
            .map(|m| m["attachments"].as_array().unwrap().len())
            .sum::<usize>(),
        1
    );
    assert_eq!(folder_content(&folder_beside(&first)).len(), 1);

    let target = TempDir::new().unwrap();
    let mut store = open(target.path());
    let done = store.import_interchange(&first).unwrap();
    assert!(done.written);
    assert_eq!(done.branches[0].action, BranchAction::Add);
    assert_eq!(done.new_attachment_files, 1);

    let second = export_all(&store, files.path(), "lần hai.json");
    assert_eq!(without_exported_at(&first), without_exported_at(&second));
    assert_eq!(
        folder_content(&folder_beside(&first)),
        folder_content(&folder_beside(&second))
    );

    // The imported data works: attachments intact, minutes hashes over the stored text.
    let branch_id = done.branches[0].branch_id.unwrap();
    let with_file = store
        .meetings_of_year(branch_id, 2026)
        .unwrap()
        .into_iter()
        .find_map(|m| {
            let list = store.attachments(m.id, Check::Hash).unwrap();
            (!list.is_empty()).then_some(list)
        })
        .expect("the attachment came along");
    assert_eq!(with_file[0].state, AttachmentState::Intact);
    assert_eq!(
        count(
            target.path(),
            "SELECT COUNT(*) FROM minutes WHERE content_hash IS NOT NULL"
        ),
        count(
            target.path(),
            "SELECT COUNT(*) FROM minutes WHERE status = 'approved'"
        )
    );
}

#[test]
fn minutes_hashes_in_the_target_match_the_stored_text() {
    let (_files, file) = demo_file();
    let target = TempDir::new().unwrap();
    let mut store = open(target.path());
    store.import_interchange(&file).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(target.path().join("chibo.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT content, content_hash FROM minutes WHERE content_hash IS NOT NULL
             UNION ALL SELECT content, content_hash FROM minutes_version",
        )
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(rows.len() > 5);
    for (content, hash) in rows {
        use sha2::Digest;
        let found: String = sha2::Sha256::digest(content.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(found, hash);
    }
}

/// Imports `file` into a data folder holding the demo and checks it was refused with a
/// Vietnamese message containing `expected`, with nothing changed.
fn refused(file: &Path, code: &str, expected: &str) {
    let (data, mut store) = demo();
    let before = dump(data.path());
    let preview = store.preview_interchange(file).unwrap_err();
    let err = store.import_interchange(file).unwrap_err();
    assert_eq!(preview.to_string(), err.to_string());
    assert_eq!(err.code(), code, "{err}");
    assert!(err.to_string().contains(expected), "{err}");
    // Users know records by kind, name and date, not by the file's keys or field names.
    let message = err.to_string();
    assert!(!message.contains("khóa"), "{message}");
    assert!(!message.contains("_at"), "{message}");
    assert!(!message.contains("expected"), "{message}");
    assert_eq!(dump(data.path()), before, "nothing may change");

    // An empty data folder stays empty too.
    let empty = TempDir::new().unwrap();
    let mut store = open(empty.path());
    assert!(store.import_interchange(file).is_err());
    assert!(store.list_branches().unwrap().is_empty());
    assert!(folder_content(&empty.path().join("attachments")).is_empty());
}

#[test]
fn a_broken_json_file_is_refused() {
    let (files, file) = demo_file();
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = files.path().join("cắt.json");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    refused(&cut, "validation", "không phải tệp JSON hợp lệ");

    let other = files.path().join("khác.json");
    std::fs::write(&other, br#"{"format": "something-else", "version": 1}"#).unwrap();
    refused(&other, "validation", "không phải tệp trao đổi dữ liệu");
    std::fs::write(&other, b"[1, 2, 3]").unwrap();
    refused(&other, "validation", "không phải tệp trao đổi dữ liệu");

    let missing = files.path().join("không có.json");
    refused(&missing, "not_found", "Không tìm thấy tệp");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let (_files, file) = demo_file();
    let mut value = read_json(&file);
    value["version"] = Value::from(FORMAT_VERSION + 1);
    // A newer version may change anything else too; the version is read first.
    value["branches"] = Value::from("a shape this version does not know");
    write_json(&file, &value);
    refused(&file, "incompatible", "phiên bản mới hơn");
}

#[test]
fn a_dangling_reference_is_refused() {
    let (_files, file) = demo_file();
    let original = read_json(&file);

    let mut value = original.clone();
    let meeting = value["branches"][0]["meetings"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| !m["attendance"].as_array().unwrap().is_empty())
        .unwrap();
    meeting["attendance"][0]["member_key"] = Value::from(9999);
    write_json(&file, &value);
    refused(
        &file,
        "validation",
        "người được điểm danh ghi là một người không có trong danh sách đảng viên của tệp",
    );

    let mut value = original.clone();
    value["branches"][0]["meetings"][0]["document_keys"] = Value::from(vec![77]);
    write_json(&file, &value);
    refused(
        &file,
        "validation",
        "có văn bản đã học không có trong sổ văn bản của tệp",
    );

    // Two members under one key are named, not the key.
    let mut value = original.clone();
    let members = value["branches"][0]["members"].as_array_mut().unwrap();
    let first_key = members[0]["key"].clone();
    let (first, second) = (
        members[0]["full_name"].as_str().unwrap().to_owned(),
        members[1]["full_name"].as_str().unwrap().to_owned(),
    );
    members[1]["key"] = first_key;
    write_json(&file, &value);
    refused(
        &file,
        "validation",
        &format!("hai đảng viên (đảng viên {first} và đảng viên {second}) mang cùng một mã số"),
    );
}

/// The file with member `who`'s statuses given one more, and the mark of `who` at `meeting`.
fn with_status_and_mark(original: &Value, status: Value, presence: &str) -> (Value, String) {
    let mut value = original.clone();
    let branch = &mut value["branches"][0];
    let meeting = branch["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| !m["attendance"].as_array().unwrap().is_empty())
        .unwrap();
    let date = branch["meetings"][meeting]["date"]
        .as_str()
        .unwrap()
        .to_owned();
    let key = branch["meetings"][meeting]["attendance"][0]["member_key"].clone();
    branch["meetings"][meeting]["attendance"][0]["presence"] = Value::from(presence);
    let member = branch["members"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["key"] == key)
        .unwrap();
    let name = member["full_name"].as_str().unwrap().to_owned();
    let mut status = status;
    status["start"] = Value::from(date);
    status["created_at"] = Value::from("2026-01-01T08:00:00+07:00");
    member["statuses"].as_array_mut().unwrap().push(status);
    (value, name)
}

#[test]
fn marks_the_roll_call_would_refuse_are_refused_in_a_file_too() {
    let (_files, file) = demo_file();
    let original = read_json(&file);

    // Marked present at a meeting on the day they had transferred out.
    let (value, name) = with_status_and_mark(
        &original,
        serde_json::json!({ "kind": "transferred_out" }),
        "present",
    );
    write_json(&file, &value);
    refused(
        &file,
        "validation",
        &format!("{name} được ghi “có mặt” nhưng không thuộc danh sách triệu tập ngày họp"),
    );

    // Marked absent while exempted on that day.
    let (value, name) = with_status_and_mark(
        &original,
        serde_json::json!({ "kind": "exempted", "end": null }),
        "unexcused",
    );
    write_json(&file, &value);
    refused(
        &file,
        "validation",
        &format!("{name} được ghi “vắng không lý do” nhưng được miễn sinh hoạt"),
    );

    // Exempted and marked as coming: accepted, as in the app.
    let (value, _) = with_status_and_mark(
        &original,
        serde_json::json!({ "kind": "exempted", "end": null }),
        "present",
    );
    write_json(&file, &value);
    let (_data, store) = demo();
    assert!(store.preview_interchange(&file).is_ok());
}

#[test]
fn an_unknown_status_or_an_impossible_date_is_refused() {
    let (_files, file) = demo_file();
    let original = read_json(&file);
    let mut value = original.clone();
    value["branches"][0]["meetings"][0]["status"] = Value::from("maybe");
    write_json(&file, &value);
    refused(&file, "validation", "dữ liệu không hợp lệ ở dòng");
    refused(
        &file,
        "validation",
        "giá trị “maybe” không thuộc các giá trị được phép",
    );

    let mut value = original.clone();
    value["branches"][0]["members"][0]
        .as_object_mut()
        .unwrap()
        .remove("full_name");
    write_json(&file, &value);
    refused(&file, "validation", "thiếu mục “full_name”");

    let mut value = original;
    value["branches"][0]["members"][0]["admitted_on"] = Value::from("2025-02-30");
    write_json(&file, &value);
    refused(&file, "validation", "dữ liệu không hợp lệ ở dòng");
}

#[test]
fn approved_minutes_edited_in_the_file_are_refused() {
    let (_files, file) = demo_file();
    let mut value = read_json(&file);
    let meeting = value["branches"][0]["meetings"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["minutes"]["status"] == "approved")
        .unwrap();
    meeting["minutes"]["content"]["resolutions"][0]["votes_for"] = Value::from(99);
    write_json(&file, &value);
    refused(&file, "validation", "không khớp mã băm");
}

fn attachment_copy(file: &Path) -> PathBuf {
    let files = folder_content(&folder_beside(file));
    let name = files.keys().next().unwrap();
    folder_beside(file).join(name)
}

#[test]
fn an_attachment_with_a_wrong_hash_is_refused() {
    let (_files, file) = demo_file();
    let copy = attachment_copy(&file);
    let mut bytes = std::fs::read(&copy).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&copy, bytes).unwrap();
    refused(&file, "validation", "không khớp mã băm SHA-256");
}

#[test]
fn a_missing_attachment_file_is_refused() {
    let (_files, file) = demo_file();
    std::fs::remove_file(attachment_copy(&file)).unwrap();
    refused(&file, "validation", "Thiếu tệp đính kèm");
}

#[test]
fn the_preview_tells_what_would_change_and_writes_nothing() {
    let (_files, file) = demo_file();
    let target = TempDir::new().unwrap();
    let store = open(target.path());
    let before = dump(target.path());
    let preview = store.preview_interchange(&file).unwrap();
    assert!(!preview.written);
    assert_eq!(preview.branches.len(), 1);
    assert_eq!(preview.branches[0].name, "Chi bộ thôn Bản Chắt");
    assert_eq!(preview.branches[0].action, BranchAction::Add);
    assert_eq!(preview.branches[0].incoming.members, 26);
    assert!(preview.branches[0].incoming.minutes > 10);
    assert_eq!(preview.branches[0].incoming.attachments, 1);
    assert_eq!(preview.new_attachment_files, 1);
    assert_eq!(dump(target.path()), before);
}

#[test]
fn importing_the_same_file_twice_updates_rather_than_duplicates() {
    let (files, file) = demo_file();
    let target = TempDir::new().unwrap();
    let mut store = open(target.path());
    let first = store.import_interchange(&file).unwrap();
    let after_first = dump(target.path());

    let preview = store.preview_interchange(&file).unwrap();
    assert_eq!(preview.branches[0].action, BranchAction::Update);
    assert_eq!(
        preview.branches[0].current,
        Some(preview.branches[0].incoming)
    );
    assert_eq!(preview.new_attachment_files, 0);
    let second = store.import_interchange(&file).unwrap();
    assert_eq!(second.branches[0].action, BranchAction::Update);
    assert_eq!(second.branches[0].branch_id, first.branches[0].branch_id);

    assert_eq!(store.list_branches().unwrap().len(), 1);
    let (rows, attachments) = dump(target.path());
    assert_eq!(rows.len(), after_first.0.len());
    assert_eq!(attachments, after_first.1);
    let again = export_all(&store, files.path(), "sau hai lần.json");
    assert_eq!(without_exported_at(&again), without_exported_at(&file));
}

#[test]
fn a_second_branch_is_added_to_an_existing_data_folder() {
    let (_files, demo_export) = demo_file();
    // Another secretary's branch, in a data folder of its own.
    let other = TempDir::new().unwrap();
    let mut store = open(other.path());
    let branch = store
        .create_branch(&BranchInput {
            name: "Chi bộ thôn Nà Hẩu".into(),
            parent_name: "Đảng bộ xã Tân Thành".into(),
            place: "Tân Thành".into(),
            term_start: None,
            term_end: None,
            founded_on: None,
        })
        .unwrap();
    store
        .create_member(
            branch.id,
            &MemberInput {
                full_name: "Giàng A Dìn".into(),
                name_parts: None,
                gender: None,
                birth_date: NaiveDate::from_ymd_opt(1980, 5, 1),
                hometown: String::new(),
                ethnicity: "Mông".into(),
                card_number: String::new(),
                admitted_on: NaiveDate::from_ymd_opt(2010, 5, 19).unwrap(),
                official_on: NaiveDate::from_ymd_opt(2011, 5, 19),
                official_reference: String::new(),
                role: Role::Secretary,
                post: String::new(),
                phone: String::new(),
                notes: String::new(),
            },
            today(),
        )
        .unwrap();
    let files = TempDir::new().unwrap();
    let other_file = export_all(&store, files.path(), "Nà Hẩu.json");
    assert!(
        !folder_beside(&other_file).exists(),
        "no attachments, no folder"
    );

    // The commune office already holds the demo branch.
    let office = TempDir::new().unwrap();
    let mut store = open(office.path());
    store.import_interchange(&demo_export).unwrap();
    let done = store.import_interchange(&other_file).unwrap();
    assert_eq!(done.branches[0].action, BranchAction::Add);
    let names: Vec<String> = store
        .list_branches()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["Chi bộ thôn Bản Chắt", "Chi bộ thôn Nà Hẩu"]);

    // Each branch exports as it came; all of them in one file too.
    let demo_id = store
        .resolve_branch(Some("Chi bộ thôn Bản Chắt"))
        .unwrap()
        .id;
    let demo_again = files.path().join("demo.json");
    store.export_interchange(&[demo_id], &demo_again).unwrap();
    assert_eq!(
        without_exported_at(&demo_again),
        without_exported_at(&demo_export)
    );
    let all = export_all(&store, files.path(), "cả xã.json");
    assert_eq!(read_json(&all)["branches"].as_array().unwrap().len(), 2);
}

#[test]
fn updating_a_branch_removes_attached_files_nothing_uses_any_more() {
    let (_files, file) = demo_file();
    let target = TempDir::new().unwrap();
    let mut store = open(target.path());
    store.import_interchange(&file).unwrap();
    assert_eq!(folder_content(&target.path().join("attachments")).len(), 1);

    let mut value = read_json(&file);
    for meeting in value["branches"][0]["meetings"].as_array_mut().unwrap() {
        meeting["attachments"] = Value::Array(Vec::new());
    }
    write_json(&file, &value);
    store.import_interchange(&file).unwrap();
    assert!(folder_content(&target.path().join("attachments")).is_empty());
}

#[test]
fn export_refuses_a_stored_attachment_that_is_missing_or_altered() {
    let (data, store) = demo();
    let stored = folder_content(&data.path().join("attachments"));
    let (name, bytes) = stored.iter().next().unwrap();
    let path = data.path().join("attachments").join(name);
    let out = TempDir::new().unwrap();
    let file = out.path().join("chi bộ.json");
    let ids = [store.list_branches().unwrap()[0].id];

    let mut altered = bytes.clone();
    altered[0] ^= 0xff;
    std::fs::write(&path, &altered).unwrap();
    let err = store.export_interchange(&ids, &file).unwrap_err();
    assert_eq!(err.code(), "corrupt");
    assert!(err.to_string().contains("đã bị thay đổi"), "{err}");

    std::fs::remove_file(&path).unwrap();
    let err = store.export_interchange(&ids, &file).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(
        err.to_string().contains("không còn trong thư mục dữ liệu"),
        "{err}"
    );

    assert!(folder_content(out.path()).is_empty(), "nothing written");
}

#[test]
fn export_refuses_a_missing_folder_without_writing_anything() {
    let (_data, store) = demo();
    let out = TempDir::new().unwrap();
    let file = out.path().join("không có").join("chi bộ.json");
    let ids = [store.list_branches().unwrap()[0].id];
    let err = store.export_interchange(&ids, &file).unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("không tồn tại"), "{err}");
    assert!(folder_content(out.path()).is_empty());
    let err = store
        .export_interchange(&[], &out.path().join("x.json"))
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
}

/// Every property name the schema describes, anywhere in it.
fn schema_properties(schema: &Value, into: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                into.extend(properties.keys().cloned());
            }
            for value in map.values() {
                schema_properties(value, into);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| schema_properties(v, into)),
        _ => {}
    }
}

/// Every object key of a document, with the path where it was first seen.
fn document_keys(value: &Value, path: &str, into: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                into.entry(key.clone()).or_insert_with(|| path.to_owned());
                document_keys(value, &format!("{path}.{key}"), into);
            }
        }
        Value::Array(list) => list
            .iter()
            .for_each(|v| document_keys(v, &format!("{path}[]"), into)),
        _ => {}
    }
}

#[test]
fn every_field_the_export_writes_is_described_in_the_schema() {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/interchange.schema.json");
    let schema = read_json(&schema_path);
    assert_eq!(
        schema["properties"]["version"]["maximum"], FORMAT_VERSION,
        "the schema is for the version written"
    );
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        required,
        [
            "format",
            "version",
            "exported_at",
            "app_version",
            "branches"
        ]
    );
    let mut described = BTreeSet::new();
    schema_properties(&schema, &mut described);

    let (_files, file) = demo_file();
    let mut written = BTreeMap::new();
    document_keys(&read_json(&file), "$", &mut written);
    let undescribed: Vec<String> = written
        .iter()
        .filter(|(key, _)| !described.contains(*key))
        .map(|(key, path)| format!("{path}.{key}"))
        .collect();
    assert!(undescribed.is_empty(), "not in the schema: {undescribed:?}");
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/interchange-format.md"),
    )
    .unwrap();
    let unexplained: Vec<&String> = written
        .keys()
        .filter(|key| !doc.contains(&format!("`{key}`")))
        .collect();
    assert!(unexplained.is_empty(), "not in the doc: {unexplained:?}");
}

/// Members and statuses pass the checks the app makes when they are entered (before, a file
/// could bring a status after a death, overlapping exemptions or a name with digits).
#[test]
fn members_and_statuses_the_app_would_refuse_are_refused_in_a_file_too() {
    let (_files, file) = demo_file();
    let original = read_json(&file);
    let with_member = |change: &dyn Fn(&mut Value)| {
        let mut value = original.clone();
        change(&mut value["branches"][0]["members"][0]);
        write_json(&file, &value);
        value["branches"][0]["members"][0]["full_name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let status = |kind: &str, start: &str, end: Option<&str>| {
        serde_json::json!({
            "kind": kind, "start": start, "end": end, "reference": "", "note": "",
            "created_at": "2026-06-01T08:00:00+07:00"
        })
    };

    with_member(&|m| m["full_name"] = Value::from("Nguyễn Văn 2"));
    refused(&file, "validation", "Họ và tên không được chứa chữ số");

    let name = with_member(&|m| {
        let statuses = m["statuses"].as_array_mut().unwrap();
        statuses.clear();
        statuses.push(status("deceased", "2025-01-01", None));
        statuses.push(status("exempted", "2025-06-01", None));
    });
    refused(
        &file,
        "validation",
        &format!("đảng viên {name}: biến động “Miễn công tác và sinh hoạt đảng” từ 01/06/2025"),
    );
    refused(&file, "validation", "không ghi thêm biến động sau đó");

    with_member(&|m| {
        let statuses = m["statuses"].as_array_mut().unwrap();
        statuses.clear();
        statuses.push(status("exempted", "2024-01-01", Some("2024-12-31")));
        statuses.push(status("exempted", "2024-06-01", None));
    });
    refused(&file, "validation", "Trùng thời gian");

    with_member(&|m| {
        m["statuses"]
            .as_array_mut()
            .unwrap()
            .push(status("exempted", "2026-06-01", None));
        let last = m["statuses"].as_array().unwrap().len() - 1;
        m["statuses"][last]["created_at"] = Value::from("hôm qua");
    });
    refused(&file, "validation", "không đúng dạng ngày giờ");

    // A second period after a transfer out and back is accepted.
    with_member(&|m| {
        let statuses = m["statuses"].as_array_mut().unwrap();
        statuses.clear();
        statuses.push(status("transferred_out", "2020-01-01", None));
        statuses.push(status("transferred_in", "2021-01-01", None));
    });
    let (_data, store) = demo();
    assert!(store.preview_interchange(&file).is_ok());
}
