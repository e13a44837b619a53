//! Roll call (điểm danh) by the rules: who may be marked, the live counters, the vote
//! denominator (domain.md §3), and the absence warnings of a calendar year.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::roster::Eligibility;
use crate::settings::RuleSettings;
use crate::text::clean;
use crate::validation::{optional_text, FieldError};
use crate::warnings::{Severity, Warning, WarningKind};

pub const MAX_REASON_CHARS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// có mặt
    Present,
    /// đến muộn
    Late,
    /// về sớm
    LeftEarly,
    /// vắng có lý do
    Excused,
    /// vắng không lý do
    Unexcused,
}

impl Presence {
    pub fn attended(self) -> bool {
        matches!(
            self,
            Presence::Present | Presence::Late | Presence::LeftEarly
        )
    }
}

/// One member's mark at a roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mark {
    #[ts(type = "number")]
    pub member_id: i64,
    pub presence: Presence,
    /// Why the member was absent (free text: there is no closed list).
    pub reason: String,
    /// Whether the branch accepted the reason.
    pub reason_accepted: bool,
}

/// The counters shown while taking the roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct RollCallCounts {
    /// Official and probationary members summoned.
    pub summoned: u32,
    pub present_official: u32,
    pub present_probationary: u32,
    /// Exempted members who came anyway (they count in the vote).
    pub present_exempted: u32,
    pub absent_excused: u32,
    pub absent_unexcused: u32,
    pub unmarked: u32,
    /// Official members a resolution is counted against.
    pub vote_denominator: u32,
    /// Official members present who may vote.
    pub voters_present: u32,
    /// Attendance of those summoned, in percent; `null` before anyone is marked.
    pub attendance_percent: Option<u32>,
    /// Fewer voters present than the quorum warning of the settings; never blocks.
    pub below_quorum: bool,
}

/// Cleans the marks and refuses a member not summoned or marked twice.
pub fn validated_marks(eligibility: &Eligibility, marks: &[Mark]) -> Result<Vec<Mark>, FieldError> {
    let summoned: HashSet<i64> = eligibility
        .official
        .iter()
        .chain(&eligibility.probationary)
        .chain(&eligibility.exempted)
        .copied()
        .collect();
    let mut seen = HashSet::new();
    marks
        .iter()
        .map(|mark| {
            if !summoned.contains(&mark.member_id) {
                return Err(FieldError::new(
                    "marks",
                    format!(
                        "Đảng viên số {} không thuộc danh sách triệu tập ngày họp.",
                        mark.member_id
                    ),
                ));
            }
            if !seen.insert(mark.member_id) {
                return Err(FieldError::new(
                    "marks",
                    format!("Đảng viên số {} được điểm danh hai lần.", mark.member_id),
                ));
            }
            let reason = clean(&mark.reason);
            optional_text("reason", "Lý do vắng", &reason, MAX_REASON_CHARS)?;
            let absent_with_reason = mark.presence == Presence::Excused;
            Ok(Mark {
                reason: if absent_with_reason {
                    reason
                } else {
                    String::new()
                },
                reason_accepted: absent_with_reason && mark.reason_accepted,
                ..mark.clone()
            })
        })
        .collect()
}

/// The counters for `marks` against who was summoned.
pub fn count(eligibility: &Eligibility, marks: &[Mark], rules: &RuleSettings) -> RollCallCounts {
    let mark_of = |id: &i64| marks.iter().find(|m| m.member_id == *id);
    let mut c = RollCallCounts {
        summoned: (eligibility.official.len() + eligibility.probationary.len()) as u32,
        ..RollCallCounts::default()
    };
    let mut official_excused_accepted = 0;
    for (ids, official) in [
        (&eligibility.official, true),
        (&eligibility.probationary, false),
    ] {
        for id in ids {
            match mark_of(id).map(|m| (m.presence, m.reason_accepted)) {
                Some((p, _)) if p.attended() && official => c.present_official += 1,
                Some((p, _)) if p.attended() => c.present_probationary += 1,
                Some((Presence::Excused, accepted)) => {
                    c.absent_excused += 1;
                    if official && accepted {
                        official_excused_accepted += 1;
                    }
                }
                Some(_) => c.absent_unexcused += 1,
                None => c.unmarked += 1,
            }
        }
    }
    c.present_exempted = eligibility
        .exempted
        .iter()
        .filter(|id| mark_of(id).is_some_and(|m| m.presence.attended()))
        .count() as u32;
    c.vote_denominator =
        eligibility.official.len() as u32 - official_excused_accepted + c.present_exempted;
    c.voters_present = c.present_official + c.present_exempted;
    let marked = c.summoned - c.unmarked;
    if marked > 0 && c.summoned > 0 {
        c.attendance_percent =
            Some((c.present_official + c.present_probationary) * 100 / c.summoned);
    }
    c.below_quorum = marked > 0
        && c.voters_present * 100 < rules.quorum_warning_percent.value * c.vote_denominator;
    c
}

/// Absence warnings of one member for the calendar year of `year`, from their marks in date
/// order: unexcused absences at the warning and flag thresholds, and excused absences in a
/// row beyond the limit. Exempted members are never marked absent, so they never appear.
pub fn absence_warnings(
    member_id: i64,
    name: &str,
    history: &[(NaiveDate, Presence)],
    year: i32,
    rules: &RuleSettings,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let unexcused = history
        .iter()
        .filter(|(d, p)| d.year() == year && *p == Presence::Unexcused)
        .count() as u32;
    let (warn_at, flag_at) = (
        rules.unexcused_absence_warning.value,
        rules.unexcused_absence_flag.value,
    );
    if unexcused >= flag_at {
        warnings.push(Warning {
            kind: WarningKind::UnexcusedAbsenceFlag,
            severity: Severity::Flag,
            member_id: Some(member_id),
            meeting_id: None,
            message: format!(
                "{name}: {unexcused} lần vắng không lý do trong năm {year}; chi bộ xem xét, đề nghị \
                 xóa tên theo {} (ứng dụng không tự quyết định).",
                rules.unexcused_absence_flag.basis
            ),
            due: None,
        });
    } else if unexcused >= warn_at {
        warnings.push(Warning {
            kind: WarningKind::UnexcusedAbsenceWarning,
            severity: Severity::Warning,
            member_id: Some(member_id),
            meeting_id: None,
            message: format!(
                "{name}: {unexcused} lần vắng không lý do trong năm {year}; đến {flag_at} lần chi bộ \
                 phải xem xét ({}).",
                rules.unexcused_absence_flag.basis
            ),
            due: None,
        });
    }
    let in_a_row = history
        .iter()
        .rev()
        .take_while(|(_, p)| *p == Presence::Excused)
        .count() as u32;
    if in_a_row > rules.excused_absences_in_a_row.value {
        warnings.push(Warning {
            kind: WarningKind::ExcusedAbsencesInARow,
            severity: Severity::Warning,
            member_id: Some(member_id),
            meeting_id: None,
            message: format!(
                "{name}: vắng có lý do {in_a_row} lần liên tiếp (quá {} lần, {}).",
                rules.excused_absences_in_a_row.value, rules.excused_absences_in_a_row.basis
            ),
            due: None,
        });
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(id: i64, presence: Presence, accepted: bool) -> Mark {
        Mark {
            member_id: id,
            presence,
            reason: " ốm ".into(),
            reason_accepted: accepted,
        }
    }

    fn eligibility() -> Eligibility {
        Eligibility {
            official: vec![1, 2, 3, 4, 5, 6],
            probationary: vec![7],
            exempted: vec![8, 9],
        }
    }

    #[test]
    fn the_denominator_drops_accepted_absences_and_adds_exempted_who_attend() {
        let marks = [
            mark(1, Presence::Present, false),
            mark(2, Presence::Late, false),
            mark(3, Presence::Excused, true),
            mark(4, Presence::Excused, false),
            mark(5, Presence::Unexcused, false),
            mark(6, Presence::LeftEarly, false),
            mark(7, Presence::Present, false),
            mark(8, Presence::Present, false),
        ];
        let c = count(&eligibility(), &marks, &RuleSettings::default());
        assert_eq!(c.summoned, 7);
        assert_eq!(
            (
                c.present_official,
                c.present_probationary,
                c.present_exempted
            ),
            (3, 1, 1)
        );
        assert_eq!(
            (c.absent_excused, c.absent_unexcused, c.unmarked),
            (2, 1, 0)
        );
        // 6 official − 1 accepted absence + 1 exempted present.
        assert_eq!(c.vote_denominator, 6);
        // Probationary members do not vote.
        assert_eq!(c.voters_present, 4);
        assert_eq!(c.attendance_percent, Some(57));
        // 4/6 = 66.7 % < 67 %.
        assert!(c.below_quorum);
    }

    #[test]
    fn nothing_marked_gives_no_rate_and_no_quorum_warning() {
        let c = count(&eligibility(), &[], &RuleSettings::default());
        assert_eq!(c.unmarked, 7);
        assert_eq!(c.attendance_percent, None);
        assert!(!c.below_quorum);
    }

    #[test]
    fn a_member_not_summoned_or_marked_twice_is_refused() {
        let e = eligibility();
        assert_eq!(
            validated_marks(&e, &[mark(42, Presence::Present, false)])
                .unwrap_err()
                .field,
            "marks"
        );
        let twice = [
            mark(1, Presence::Present, false),
            mark(1, Presence::Late, false),
        ];
        assert!(validated_marks(&e, &twice)
            .unwrap_err()
            .message
            .contains("hai lần"));
        let long = Mark {
            reason: "x".repeat(301),
            ..mark(1, Presence::Excused, true)
        };
        assert_eq!(validated_marks(&e, &[long]).unwrap_err().field, "reason");
    }

    #[test]
    fn reasons_are_kept_only_for_excused_absences() {
        let marks = validated_marks(
            &eligibility(),
            &[
                mark(1, Presence::Present, true),
                mark(2, Presence::Excused, true),
            ],
        )
        .unwrap();
        assert_eq!(
            (marks[0].reason.as_str(), marks[0].reason_accepted),
            ("", false)
        );
        assert_eq!(
            (marks[1].reason.as_str(), marks[1].reason_accepted),
            ("ốm", true)
        );
    }

    fn d(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, 5).unwrap()
    }

    #[test]
    fn unexcused_absences_warn_at_two_and_flag_at_three_in_the_calendar_year() {
        let rules = RuleSettings::default();
        let mut history = vec![
            (
                NaiveDate::from_ymd_opt(2025, 12, 5).unwrap(),
                Presence::Unexcused,
            ),
            (d(1), Presence::Unexcused),
        ];
        assert!(absence_warnings(1, "A", &history, 2026, &rules).is_empty());
        history.push((d(2), Presence::Unexcused));
        let w = absence_warnings(1, "A", &history, 2026, &rules);
        assert_eq!(w[0].kind, WarningKind::UnexcusedAbsenceWarning);
        history.push((d(3), Presence::Unexcused));
        let w = absence_warnings(1, "A", &history, 2026, &rules);
        assert_eq!(
            (w[0].kind, w[0].severity),
            (WarningKind::UnexcusedAbsenceFlag, Severity::Flag)
        );
        assert!(w[0].message.contains("QĐ 24-QĐ/TW"));
    }

    #[test]
    fn more_than_three_excused_absences_in_a_row_warn() {
        let rules = RuleSettings::default();
        let mut history: Vec<_> = (1..=3).map(|m| (d(m), Presence::Excused)).collect();
        assert!(absence_warnings(1, "A", &history, 2026, &rules).is_empty());
        history.push((d(4), Presence::Excused));
        assert_eq!(
            absence_warnings(1, "A", &history, 2026, &rules)[0].kind,
            WarningKind::ExcusedAbsencesInARow
        );
        history.push((d(5), Presence::Present));
        assert!(absence_warnings(1, "A", &history, 2026, &rules).is_empty());
    }
}
