//! Open warnings the app shows on the overview and `chibo warnings` prints. The app warns
//! and flags; it never decides.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::member::{probation_end, Member};
use crate::roster::standing_on;
use crate::settings::RuleSettings;
use crate::status::MemberStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something coming up.
    Notice,
    /// A rule is about to be broken.
    Warning,
    /// A rule is broken; the branch must act.
    Flag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    ProbationEnding,
    OfficialConsiderationDue,
    OfficialConsiderationOverdue,
    UnexcusedAbsenceWarning,
    UnexcusedAbsenceFlag,
    ExcusedAbsencesInARow,
    /// A held meeting not above the attendance threshold.
    LowAttendance,
    /// A held meeting with a member absent without an accepted reason.
    AbsentWithoutReason,
    /// A held meeting shorter than the minimum length.
    MeetingTooShort,
    /// A month over without a held regular meeting.
    MonthWithoutRegular,
    /// A quarter over without a held thematic meeting.
    QuarterWithoutThematic,
    /// A planned meeting whose date has passed and whose outcome is not recorded.
    MeetingNotRecorded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Warning {
    pub kind: WarningKind,
    pub severity: Severity,
    #[ts(type = "number | null")]
    pub member_id: Option<i64>,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    /// What and by when, in Vietnamese, citing the rule.
    pub message: String,
    #[ts(type = "string | null")]
    pub due: Option<NaiveDate>,
}

/// Probation warnings for one member on `today`: the probation ends within the notice
/// window; it has ended and full membership must be considered within the working-day
/// limit; or that limit has passed. A probationary member exempted or attending elsewhere
/// is still on probation and gets the same warnings.
pub fn probation_warnings(
    member: &Member,
    statuses: &[MemberStatus],
    today: NaiveDate,
    rules: &RuleSettings,
) -> Option<Warning> {
    if member.official_on.is_some() || !standing_on(member, statuses, today).on_roll() {
        return None;
    }
    let ends = probation_end(member.admitted_on, rules);
    let deadline = rules
        .days_off
        .value
        .add_working_days(ends, rules.official_consideration_working_days.value);
    let name = &member.full_name;
    let basis = &rules.official_consideration_working_days.basis;
    let (kind, severity, message, due) = if today < ends {
        let notice_from = ends - chrono::Days::new(rules.probation_warning_days.value.into());
        if today < notice_from {
            return None;
        }
        (
            WarningKind::ProbationEnding,
            Severity::Notice,
            format!(
                "{name} hết thời gian dự bị ngày {}; chuẩn bị xét công nhận đảng viên chính thức.",
                format_dmy(ends)
            ),
            ends,
        )
    } else if today <= deadline {
        (
            WarningKind::OfficialConsiderationDue,
            Severity::Warning,
            format!(
                "{name} đã hết thời gian dự bị ngày {}; phải xét công nhận chính thức trước {} \
                 ({} ngày làm việc, {basis}).",
                format_dmy(ends),
                format_dmy(deadline),
                rules.official_consideration_working_days.value
            ),
            deadline,
        )
    } else {
        (
            WarningKind::OfficialConsiderationOverdue,
            Severity::Flag,
            format!(
                "{name}: quá hạn xét công nhận chính thức (hạn {}, {basis}).",
                format_dmy(deadline)
            ),
            deadline,
        )
    };
    Some(Warning {
        kind,
        severity,
        member_id: Some(member.id),
        meeting_id: None,
        message,
        due: Some(due),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::tests::{member, status};
    use crate::status::StatusKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn warn(today: NaiveDate) -> Option<Warning> {
        // Admitted 02/12/2025: probation ends 02/12/2026 (a Wednesday).
        let m = member(7, d(2025, 12, 2), None);
        probation_warnings(&m, &[], today, &RuleSettings::default())
    }

    #[test]
    fn nothing_before_the_notice_window() {
        assert_eq!(warn(d(2026, 11, 1)), None);
    }

    #[test]
    fn probation_ending_within_thirty_days_is_a_notice() {
        let w = warn(d(2026, 11, 2)).unwrap();
        assert_eq!(w.kind, WarningKind::ProbationEnding);
        assert_eq!(w.due, Some(d(2026, 12, 2)));
        assert!(w.message.contains("02/12/2026"), "{}", w.message);
    }

    #[test]
    fn after_probation_the_consideration_deadline_counts_working_days() {
        let w = warn(d(2026, 12, 2)).unwrap();
        assert_eq!(w.kind, WarningKind::OfficialConsiderationDue);
        // 30 working days after Wed 02/12/2026, Friday 01/01/2027 (Tết Dương lịch) not
        // being one, is Thu 14/01/2027 (counting weekends only gave the 13th).
        assert_eq!(w.due, Some(d(2027, 1, 14)));
        assert_eq!(
            warn(d(2027, 1, 14)).unwrap().kind,
            WarningKind::OfficialConsiderationDue
        );
        let late = warn(d(2027, 1, 15)).unwrap();
        assert_eq!(late.kind, WarningKind::OfficialConsiderationOverdue);
        assert_eq!(late.severity, Severity::Flag);
    }

    #[test]
    fn an_announced_day_off_moves_the_consideration_deadline() {
        use crate::holidays::DayOffChange;
        let m = member(7, d(2025, 12, 2), None);
        let mut rules = RuleSettings::default();
        rules.days_off.value.changes.push(DayOffChange {
            date: d(2026, 12, 31),
            off: true,
            note: "Nghỉ thêm trước Tết Dương lịch".into(),
        });
        let w = probation_warnings(&m, &[], d(2026, 12, 2), &rules).unwrap();
        assert_eq!(w.due, Some(d(2027, 1, 15)));
        rules.days_off.value.changes[0].off = false;
        rules.days_off.value.changes[0].date = d(2027, 1, 2);
        let w = probation_warnings(&m, &[], d(2026, 12, 2), &rules).unwrap();
        // A working Saturday counts: one day sooner than without the table.
        assert_eq!(w.due, Some(d(2027, 1, 13)));
    }

    #[test]
    fn an_official_member_has_no_probation_warning() {
        let m = member(7, d(2025, 12, 2), Some(d(2026, 12, 2)));
        assert_eq!(
            probation_warnings(&m, &[], d(2026, 12, 3), &RuleSettings::default()),
            None
        );
    }

    #[test]
    fn a_probationary_member_exempted_or_sent_away_still_gets_the_deadlines() {
        let m = member(7, d(2025, 12, 2), None);
        for kind in [StatusKind::Exempted, StatusKind::SentAway] {
            let statuses = [status(kind, d(2026, 6, 1), None)];
            let w = probation_warnings(&m, &statuses, d(2026, 12, 3), &RuleSettings::default());
            assert_eq!(
                w.map(|w| w.kind),
                Some(WarningKind::OfficialConsiderationDue),
                "{kind:?}"
            );
        }
        let left = [status(StatusKind::TransferredOut, d(2026, 6, 1), None)];
        assert_eq!(
            probation_warnings(&m, &left, d(2026, 12, 3), &RuleSettings::default()),
            None
        );
    }
}
