//! The TypeScript declarations of every type that crosses the IPC boundary, generated from
//! the Rust types (ts-rs). `ui/src/lib/bindings.ts` is this text; a test fails when the
//! committed file drifts, and `UPDATE_BINDINGS=1 cargo test -p chibo-store` rewrites it.

use chibo_core::attendance::{Mark, Presence, RollCallCounts};
use chibo_core::attendance_history::{AttendanceEntry, AttendanceStats, YearAttendance};
use chibo_core::branch::{Branch, BranchInput};
use chibo_core::document::{Document, DocumentInput};
use chibo_core::holidays::{DayOffChange, Holiday, HolidayCalendar};
use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chibo_core::meeting_input::{Guest, MeetingInput};
use chibo_core::member::{Gender, Member, MemberInput, Role};
use chibo_core::minutes::{
    MinutesContent, MinutesItem, Opinion, QualityScore, Resolution, ResolutionKind, Task,
};
use chibo_core::name::NameParts;
use chibo_core::notice::NoticeIssue;
use chibo_core::planning::DayRule;
use chibo_core::rates::Fraction;
use chibo_core::roster::{RosterCounts, RosterEntry, Standing};
use chibo_core::settings::{AbsenceMeetings, NumberingReset, Rule, RuleSettings};
use chibo_core::status::{MemberStatus, StatusInput, StatusKind};
use chibo_core::task_review::{TaskToReview, TasksToReview};
use chibo_core::validation::FieldError;
use chibo_core::warnings::{Severity, Warning, WarningKind};
use ts_rs::{Config, TS};

use crate::attachments::{Attachment, AttachmentState};
use crate::attendance_history::AttendanceHistory;
use crate::backups::{BackupFile, BackupKind, BackupOverview, BackupSettings};
use crate::branches::VersionedSettings;
use crate::database_copy::DatabaseFacts;
use crate::info::{AppInfo, BranchSummary};
use crate::meeting_documents::{DocumentFormat, MeetingDocument};
use crate::meeting_record::{MeetingDetail, MemberChoice, StatusChange};
use crate::meetings::MeetingSummary;
use crate::members::{MemberDetail, MemberSaved, RosterFilter, RosterView};
use crate::minutes::{MinutesStatus, MinutesVersion, MinutesView};
use crate::prefs::Prefs;
use crate::restore::{BackupPreview, RestoreReport};
use crate::roll_call::{RollCall, RollCallLine};
use crate::roster_io::{
    DuplicateMatch, ImportPreview, ImportProblem, ImportResult, OnDuplicate, PreviewRow,
    RosterFormat,
};
use crate::verify::VerifyReport;

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        FieldError::decl(&cfg),
        BranchInput::decl(&cfg),
        Branch::decl(&cfg),
        Rule::<u32>::decl(&cfg),
        NumberingReset::decl(&cfg),
        Fraction::decl(&cfg),
        AbsenceMeetings::decl(&cfg),
        RuleSettings::decl(&cfg),
        VersionedSettings::decl(&cfg),
        Prefs::decl(&cfg),
        BranchSummary::decl(&cfg),
        AppInfo::decl(&cfg),
        NameParts::decl(&cfg),
        Gender::decl(&cfg),
        Role::decl(&cfg),
        MemberInput::decl(&cfg),
        Member::decl(&cfg),
        StatusKind::decl(&cfg),
        StatusInput::decl(&cfg),
        MemberStatus::decl(&cfg),
        Standing::decl(&cfg),
        RosterCounts::decl(&cfg),
        RosterEntry::decl(&cfg),
        RosterFilter::decl(&cfg),
        RosterView::decl(&cfg),
        MemberDetail::decl(&cfg),
        MemberSaved::decl(&cfg),
        Severity::decl(&cfg),
        WarningKind::decl(&cfg),
        Warning::decl(&cfg),
        ImportProblem::decl(&cfg),
        DuplicateMatch::decl(&cfg),
        PreviewRow::decl(&cfg),
        ImportPreview::decl(&cfg),
        OnDuplicate::decl(&cfg),
        ImportResult::decl(&cfg),
        RosterFormat::decl(&cfg),
        MeetingKind::decl(&cfg),
        MeetingStatus::decl(&cfg),
        MeetingSummary::decl(&cfg),
        DayRule::decl(&cfg),
        DayOffChange::decl(&cfg),
        HolidayCalendar::decl(&cfg),
        Holiday::decl(&cfg),
        Guest::decl(&cfg),
        MeetingInput::decl(&cfg),
        Document::decl(&cfg),
        DocumentInput::decl(&cfg),
        MeetingDetail::decl(&cfg),
        MemberChoice::decl(&cfg),
        StatusChange::decl(&cfg),
        Presence::decl(&cfg),
        Mark::decl(&cfg),
        RollCallCounts::decl(&cfg),
        RollCallLine::decl(&cfg),
        RollCall::decl(&cfg),
        AttendanceEntry::decl(&cfg),
        AttendanceStats::decl(&cfg),
        YearAttendance::decl(&cfg),
        AttendanceHistory::decl(&cfg),
        Opinion::decl(&cfg),
        MinutesItem::decl(&cfg),
        ResolutionKind::decl(&cfg),
        Resolution::decl(&cfg),
        Task::decl(&cfg),
        QualityScore::decl(&cfg),
        MinutesContent::decl(&cfg),
        MinutesStatus::decl(&cfg),
        MinutesVersion::decl(&cfg),
        TaskToReview::decl(&cfg),
        TasksToReview::decl(&cfg),
        NoticeIssue::decl(&cfg),
        MinutesView::decl(&cfg),
        AttachmentState::decl(&cfg),
        Attachment::decl(&cfg),
        BackupSettings::decl(&cfg),
        BackupKind::decl(&cfg),
        BackupFile::decl(&cfg),
        BackupOverview::decl(&cfg),
        DatabaseFacts::decl(&cfg),
        BackupPreview::decl(&cfg),
        RestoreReport::decl(&cfg),
        VerifyReport::decl(&cfg),
        MeetingDocument::decl(&cfg),
        DocumentFormat::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by chibo-store (src/bindings.rs). Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p chibo-store` after changing a type.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
