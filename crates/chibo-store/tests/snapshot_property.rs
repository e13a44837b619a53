//! Property: whatever backdated changes are recorded on the roster afterwards, every meeting
//! whose minutes are approved keeps its roll call (lines, standings, marks, counts), its
//! minutes hash and its printed minutes exactly as they were approved.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chibo_core::meeting::MeetingStatus;
use chibo_core::status::{StatusInput, StatusKind};
use chibo_store::meeting_documents::MeetingDocument;
use chibo_store::Store;
use chrono::{Datelike, Days};
use proptest::prelude::*;

mod common;
use common::today;

/// What an approved meeting shows, to compare before and after.
type Frozen = Vec<(i64, String, Option<String>, String)>;

fn approved_meetings(store: &Store, branch: i64) -> Frozen {
    let mut frozen = Vec::new();
    for year in [today().year() - 1, today().year()] {
        for meeting in store.meetings_of_year(branch, year).unwrap() {
            if meeting.status != MeetingStatus::Held {
                continue;
            }
            let sheet = store.roll_call(meeting.id).unwrap();
            if !sheet.locked {
                continue;
            }
            let minutes = store.minutes(meeting.id).unwrap();
            let document = store
                .official_document(meeting.id, MeetingDocument::Minutes)
                .unwrap();
            frozen.push((
                meeting.id,
                serde_json::to_string(&sheet).unwrap(),
                minutes.content_hash,
                format!("{document:?}"),
            ));
        }
    }
    frozen
}

fn kinds() -> impl Strategy<Value = StatusKind> {
    prop_oneof![
        Just(StatusKind::Exempted),
        Just(StatusKind::SentAway),
        Just(StatusKind::AttachedHere),
        Just(StatusKind::TransferredOut),
        Just(StatusKind::Deceased),
        Just(StatusKind::Removed),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn backdated_changes_never_move_an_approved_meeting(
        changes in prop::collection::vec((0usize..40, kinds(), 0u64..420, prop::option::of(1u64..200)), 1..5),
    ) {
        let mut store = common::open_in_memory().unwrap();
        let branch = store.create_demo(today()).unwrap().id;
        let before = approved_meetings(&store, branch);
        prop_assert!(!before.is_empty(), "the demo has approved minutes");
        let members: Vec<i64> = {
            let sheet = store.roll_call(before[0].0).unwrap();
            sheet.lines().map(|l| l.member.id).collect()
        };
        for (index, kind, days_back, length) in changes {
            let member = members[index % members.len()];
            let start = today().checked_sub_days(Days::new(days_back)).unwrap();
            let end = length
                .filter(|_| kind.is_period())
                .and_then(|n| start.checked_add_days(Days::new(n)));
            // A change the rules refuse (before admission, overlapping…) changes nothing
            // either; the property holds for every change that is accepted.
            let _ = store.add_status(
                member,
                &StatusInput {
                    kind,
                    start,
                    end,
                    reference: "01-QĐ/ĐU".into(),
                    note: String::new(),
                },
                today(),
            );
        }
        prop_assert_eq!(approved_meetings(&store, branch), before);
    }
}
