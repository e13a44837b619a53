//! Roll call (điểm danh) by the rules: who may be marked, the live counters, the vote
//! denominator (domain.md §3), and the absence warnings of a calendar year.

use std::collections::{BTreeSet, HashSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::meeting::MeetingKind;
use crate::rates::{above_percent, percent_text};
use crate::roster::{Eligibility, Standing};
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
    /// As the UI and the documents say it.
    pub fn label(self) -> &'static str {
        match self {
            Presence::Present => "Có mặt",
            Presence::Late => "Muộn",
            Presence::LeftEarly => "Về sớm",
            Presence::Excused => "Vắng có lý do",
            Presence::Unexcused => "Vắng không lý do",
        }
    }

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

/// The counters shown while taking the roll call; stored in the roll call's snapshot (a
/// counter added later reads as 0 from an older snapshot).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RollCallCounts {
    /// Official and probationary members summoned.
    pub summoned: u32,
    pub present_official: u32,
    pub present_probationary: u32,
    /// Exempted members who came anyway (the official among them count in the vote).
    pub present_exempted: u32,
    /// Members attending elsewhere who came anyway: in no figure of the vote.
    pub present_sent_away: u32,
    /// Absent with a reason the branch accepted.
    pub absent_excused: u32,
    /// Absent without a reason, or with a reason the branch did not accept.
    pub absent_unexcused: u32,
    pub unmarked: u32,
    /// Official members a resolution is counted against.
    pub vote_denominator: u32,
    /// Official members present who may vote.
    pub voters_present: u32,
    /// Attendance of those summoned ("81,8%"), cut to one decimal; `null` before anyone is
    /// marked.
    pub attendance_rate: Option<String>,
    /// Attendance not above the settings' threshold (compared exactly); `false` before
    /// anyone is marked.
    pub below_attendance: bool,
    /// Fewer voters present than the quorum warning of the settings; never blocks.
    pub below_quorum: bool,
}

impl RollCallCounts {
    /// Official and probationary members present.
    pub fn present(&self) -> u32 {
        self.present_official + self.present_probationary
    }
}

/// Whether a mark counts as an absence without a reason the branch accepted (HD 12: "không
/// có đảng viên vắng mặt không có lý do"; QĐ 24, mục 8).
pub fn absent_without_accepted_reason(presence: Presence, reason_accepted: bool) -> bool {
    match presence {
        Presence::Unexcused => true,
        Presence::Excused => !reason_accepted,
        _ => false,
    }
}

/// Why a member of this standing on the meeting's date cannot be marked so, or `None`: the
/// summoned (official, probationary) any way; the exempted and those attending elsewhere
/// only as coming, since they are not summoned they cannot be absent (HD 12-HD/BTCTW);
/// nobody else. Every way a mark comes in (the roll call, an interchange file) asks this.
pub fn mark_refusal(standing: Standing, presence: Presence) -> Option<&'static str> {
    match standing {
        Standing::Official | Standing::Probationary => None,
        Standing::Exempted | Standing::SentAway if presence.attended() => None,
        Standing::Exempted | Standing::SentAway => Some(
            "được miễn sinh hoạt hoặc đang sinh hoạt tạm thời nơi khác vào ngày họp: không \
             được triệu tập nên không ghi vắng; chỉ ghi khi có mặt",
        ),
        Standing::NotOnRoll | Standing::Left(_) => Some("không thuộc danh sách triệu tập ngày họp"),
    }
}

fn refused(message: String) -> FieldError {
    FieldError::new("marks", message)
}

/// Cleans the marks and refuses a member not on the sheet, marked twice, or exempted or
/// attending elsewhere and marked absent (they are not summoned, so they cannot be absent).
pub fn validated_marks(eligibility: &Eligibility, marks: &[Mark]) -> Result<Vec<Mark>, FieldError> {
    let summoned: HashSet<i64> = eligibility
        .official
        .iter()
        .chain(&eligibility.probationary)
        .copied()
        .collect();
    let attend_only: HashSet<i64> = eligibility
        .exempted
        .iter()
        .chain(&eligibility.sent_away)
        .copied()
        .collect();
    let mut seen = HashSet::new();
    marks
        .iter()
        .map(|mark| {
            let id = mark.member_id;
            let standing = if summoned.contains(&id) {
                Standing::Official
            } else if attend_only.contains(&id) {
                Standing::Exempted
            } else {
                Standing::NotOnRoll
            };
            if let Some(why) = mark_refusal(standing, mark.presence) {
                return Err(refused(format!("Đảng viên số {id} {why}.")));
            }
            if !seen.insert(id) {
                return Err(refused(format!(
                    "Đảng viên số {id} được điểm danh hai lần."
                )));
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
                Some((Presence::Excused, true)) => {
                    c.absent_excused += 1;
                    if official {
                        official_excused_accepted += 1;
                    }
                }
                Some(_) => c.absent_unexcused += 1,
                None => c.unmarked += 1,
            }
        }
    }
    let attending = |ids: &[i64]| {
        ids.iter()
            .filter(|id| mark_of(id).is_some_and(|m| m.presence.attended()))
            .count() as u32
    };
    c.present_exempted = attending(&eligibility.exempted);
    c.present_sent_away = attending(&eligibility.sent_away);
    let exempted_voters = c.present_exempted - attending(&eligibility.exempted_probationary);
    c.vote_denominator =
        eligibility.official.len() as u32 - official_excused_accepted + exempted_voters;
    c.voters_present = c.present_official + exempted_voters;
    let marked = c.summoned - c.unmarked;
    if marked > 0 {
        c.attendance_rate = percent_text(c.present(), c.summoned);
        c.below_attendance = !above_percent(
            c.present(),
            c.summoned,
            rules.attendance_warning_percent.value,
        );
    }
    c.below_quorum = marked > 0
        && c.vote_denominator > 0
        && !rules
            .quorum_warning
            .value
            .reached_by(c.voters_present, c.vote_denominator);
    c
}

/// One roll-call mark of a member, as the absence rules read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbsenceMark {
    pub date: NaiveDate,
    pub kind: MeetingKind,
    pub presence: Presence,
    pub reason_accepted: bool,
}

/// Absence warnings of one member for the calendar year `year`, from their marks (any
/// order; exempted members are never marked absent, so they never appear):
/// - months of the year with an absence without an accepted reason from a meeting the
///   settings count, at the warning and the flag thresholds ("bỏ sinh hoạt … ba tháng trong
///   năm", QĐ 24-QĐ/TW, mục 8): two meetings of one month, or of one sitting, are one month;
/// - the longest run within the year of meetings the settings count, in date order, missed
///   with an accepted reason, beyond the limit (HD 12-HD/BTCTW): judged over the whole year,
///   so a run that ended still shows at the year-end review; meetings of other kinds in
///   between neither break nor extend it.
pub fn absence_warnings(
    member_id: i64,
    name: &str,
    marks: &[AbsenceMark],
    year: i32,
    rules: &RuleSettings,
) -> Vec<Warning> {
    let mut counted: Vec<&AbsenceMark> = marks
        .iter()
        .filter(|m| m.date.year() == year && rules.absence_meetings.value.counts(m.kind))
        .collect();
    counted.sort_by_key(|m| m.date);
    let mut warnings = Vec::new();
    let months: BTreeSet<u32> = counted
        .iter()
        .filter(|m| absent_without_accepted_reason(m.presence, m.reason_accepted))
        .map(|m| m.date.month())
        .collect();
    let unexcused = months.len() as u32;
    let month_list = months
        .iter()
        .map(|m| m.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let flag = &rules.unexcused_absence_flag;
    let member_warning = |kind, severity, message| Warning {
        kind,
        severity,
        member_id: Some(member_id),
        meeting_id: None,
        message,
        due: None,
    };
    if unexcused >= flag.value {
        warnings.push(member_warning(
            WarningKind::UnexcusedAbsenceFlag,
            Severity::Flag,
            format!(
                "{name}: vắng không có lý do được chấp nhận trong {unexcused} tháng của năm \
                 {year} (tháng {month_list}); chi bộ xem xét, đề nghị xóa tên theo {} (ứng \
                 dụng không tự quyết định).",
                flag.basis
            ),
        ));
    } else if unexcused >= rules.unexcused_absence_warning.value {
        warnings.push(member_warning(
            WarningKind::UnexcusedAbsenceWarning,
            Severity::Warning,
            format!(
                "{name}: vắng không có lý do được chấp nhận trong {unexcused} tháng của năm \
                 {year} (tháng {month_list}); đến {} tháng chi bộ phải xem xét ({}).",
                flag.value, flag.basis
            ),
        ));
    }
    let limit = &rules.excused_absences_in_a_row;
    if let Some(run) = longest_excused_run(&counted).filter(|run| run.len() as u32 > limit.value) {
        warnings.push(member_warning(
            WarningKind::ExcusedAbsencesInARow,
            Severity::Warning,
            format!(
                "{name}: vắng có lý do {} lần liên tiếp, từ {} đến {} (quá {} lần, {}).",
                run.len(),
                format_dmy(run[0].date),
                format_dmy(run[run.len() - 1].date),
                limit.value,
                limit.basis
            ),
        ));
    }
    warnings
}

/// The longest run of marks, in date order, absent with an accepted reason; marks of one
/// sitting (one day) are one meeting.
fn longest_excused_run<'a>(marks: &[&'a AbsenceMark]) -> Option<Vec<&'a AbsenceMark>> {
    let mut sittings: Vec<Vec<&AbsenceMark>> = Vec::new();
    for mark in marks {
        match sittings.last_mut() {
            Some(sitting) if sitting[0].date == mark.date => sitting.push(mark),
            _ => sittings.push(vec![mark]),
        }
    }
    let excused = |sitting: &Vec<&AbsenceMark>| {
        sitting
            .iter()
            .all(|m| m.presence == Presence::Excused && m.reason_accepted)
    };
    let mut best: Vec<&AbsenceMark> = Vec::new();
    let mut current: Vec<&AbsenceMark> = Vec::new();
    for sitting in &sittings {
        if excused(sitting) {
            current.push(sitting[0]);
            if current.len() > best.len() {
                best = current.clone();
            }
        } else {
            current.clear();
        }
    }
    (!best.is_empty()).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::AbsenceMeetings;
    use crate::status::StatusKind;

    #[test]
    fn who_may_be_marked_how_follows_the_standing_on_the_day() {
        let all = [
            Presence::Present,
            Presence::Late,
            Presence::LeftEarly,
            Presence::Excused,
            Presence::Unexcused,
        ];
        for presence in all {
            assert_eq!(mark_refusal(Standing::Official, presence), None);
            assert_eq!(mark_refusal(Standing::Probationary, presence), None);
            for standing in [Standing::Exempted, Standing::SentAway] {
                assert_eq!(
                    mark_refusal(standing, presence).is_none(),
                    presence.attended(),
                    "{standing:?} {presence:?}"
                );
            }
            for standing in [
                Standing::NotOnRoll,
                Standing::Left(StatusKind::TransferredOut),
                Standing::Left(StatusKind::Deceased),
            ] {
                assert!(mark_refusal(standing, presence).is_some());
            }
        }
    }

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
            exempted_probationary: vec![9],
            sent_away: vec![10],
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
            mark(9, Presence::Present, false),
            mark(10, Presence::Late, false),
        ];
        let c = count(&eligibility(), &marks, &RuleSettings::default());
        assert_eq!(c.summoned, 7);
        assert_eq!(c.present_sent_away, 1);
        assert_eq!(
            (
                c.present_official,
                c.present_probationary,
                c.present_exempted
            ),
            (3, 1, 2)
        );
        // The reason of member 4 was not accepted: an absence without reason.
        assert_eq!(
            (c.absent_excused, c.absent_unexcused, c.unmarked),
            (1, 2, 0)
        );
        // 6 official − 1 accepted absence + 1 official exempted present; the exempted
        // probationary member (9) and the member sent away (10) do not vote.
        assert_eq!(c.vote_denominator, 6);
        assert_eq!(c.voters_present, 4);
        assert_eq!(c.attendance_rate.as_deref(), Some("57,1%"));
        assert!(c.below_attendance);
        // 4/6 is exactly two thirds: no quorum warning.
        assert!(!c.below_quorum);
    }

    #[test]
    fn nothing_marked_gives_no_rate_and_no_quorum_warning() {
        let c = count(&eligibility(), &[], &RuleSettings::default());
        assert_eq!(c.unmarked, 7);
        assert_eq!(c.attendance_rate, None);
        assert!(!c.below_attendance && !c.below_quorum);
    }

    fn official(n: i64) -> Eligibility {
        Eligibility {
            official: (1..=n).collect(),
            ..Eligibility::default()
        }
    }

    fn present(ids: impl IntoIterator<Item = i64>) -> Vec<Mark> {
        ids.into_iter()
            .map(|id| mark(id, Presence::Present, false))
            .collect()
    }

    #[test]
    fn quorum_is_two_thirds_exactly_at_and_around_the_boundary() {
        let rules = RuleSettings::default();
        let mut marks = present(1..=4);
        marks.extend([5, 6].map(|id| mark(id, Presence::Unexcused, false)));
        assert!(!count(&official(6), &marks, &rules).below_quorum, "4/6");
        marks[3].presence = Presence::Unexcused;
        assert!(count(&official(6), &marks, &rules).below_quorum, "3/6");
        let mut marks = present(1..=67);
        marks.extend((68..=100).map(|id| mark(id, Presence::Unexcused, false)));
        assert!(
            !count(&official(100), &marks, &rules).below_quorum,
            "67/100"
        );
        marks[66].presence = Presence::Unexcused;
        assert!(count(&official(100), &marks, &rules).below_quorum, "66/100");
    }

    #[test]
    fn attendance_must_be_above_85_percent_exactly_85_is_below() {
        let rules = RuleSettings::default();
        let absent = |ids: std::ops::RangeInclusive<i64>| {
            ids.map(|id| mark(id, Presence::Excused, true))
                .collect::<Vec<_>>()
        };
        for (present_count, below, rate) in
            [(16, true, "80%"), (17, true, "85%"), (18, false, "90%")]
        {
            let mut marks = present(1..=present_count);
            marks.extend(absent(present_count + 1..=20));
            let c = count(&official(20), &marks, &rules);
            assert_eq!(c.below_attendance, below, "{present_count}/20");
            assert_eq!(c.attendance_rate.as_deref(), Some(rate));
        }
        // 11/13 = 84,6 %: it would read 85 % rounded; it is below.
        let mut marks = present(1..=11);
        marks.extend(absent(12..=13));
        let c = count(&official(13), &marks, &rules);
        assert!(c.below_attendance);
        assert_eq!(c.attendance_rate.as_deref(), Some("84,6%"));
    }

    #[test]
    fn exempted_and_sent_away_members_may_only_be_marked_as_attending() {
        let e = eligibility();
        for id in [8, 10] {
            for presence in [Presence::Excused, Presence::Unexcused] {
                let err = validated_marks(&e, &[mark(id, presence, true)]).unwrap_err();
                assert!(err.message.contains("không ghi vắng"), "{}", err.message);
            }
            assert!(validated_marks(&e, &[mark(id, Presence::Present, false)]).is_ok());
        }
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

    fn on(y: i32, m: u32, day: u32, kind: MeetingKind, presence: Presence) -> AbsenceMark {
        AbsenceMark {
            date: NaiveDate::from_ymd_opt(y, m, day).unwrap(),
            kind,
            presence,
            reason_accepted: presence == Presence::Excused,
        }
    }

    fn regular(m: u32, presence: Presence) -> AbsenceMark {
        on(2026, m, 5, MeetingKind::Regular, presence)
    }

    fn kinds(marks: &[AbsenceMark], rules: &RuleSettings) -> Vec<WarningKind> {
        absence_warnings(1, "A", marks, 2026, rules)
            .iter()
            .map(|w| w.kind)
            .collect()
    }

    #[test]
    fn unexcused_absences_warn_at_two_months_and_flag_at_three_in_the_calendar_year() {
        let rules = RuleSettings::default();
        let mut marks = vec![
            on(2025, 12, 5, MeetingKind::Regular, Presence::Unexcused),
            regular(1, Presence::Unexcused),
        ];
        assert!(kinds(&marks, &rules).is_empty());
        marks.push(regular(2, Presence::Unexcused));
        assert_eq!(
            kinds(&marks, &rules),
            [WarningKind::UnexcusedAbsenceWarning]
        );
        marks.push(regular(3, Presence::Unexcused));
        let w = absence_warnings(1, "A", &marks, 2026, &rules);
        assert_eq!(
            (w[0].kind, w[0].severity),
            (WarningKind::UnexcusedAbsenceFlag, Severity::Flag)
        );
        assert!(w[0].message.contains("QĐ 24-QĐ/TW"));
        assert!(w[0].message.contains("tháng 1, 2, 3"), "{}", w[0].message);
    }

    #[test]
    fn two_absences_in_one_month_are_one_month() {
        let rules = RuleSettings::default();
        let marks = [
            regular(1, Presence::Unexcused),
            on(2026, 1, 20, MeetingKind::Regular, Presence::Unexcused),
            on(2026, 1, 27, MeetingKind::Regular, Presence::Unexcused),
            regular(2, Presence::Unexcused),
        ];
        assert_eq!(
            kinds(&marks, &rules),
            [WarningKind::UnexcusedAbsenceWarning]
        );
    }

    #[test]
    fn thematic_meetings_count_only_when_the_settings_say_so() {
        let mut rules = RuleSettings::default();
        let marks = [
            regular(1, Presence::Unexcused),
            on(2026, 2, 20, MeetingKind::Thematic, Presence::Unexcused),
            on(2026, 3, 20, MeetingKind::Thematic, Presence::Unexcused),
        ];
        assert!(kinds(&marks, &rules).is_empty());
        rules.absence_meetings.value = AbsenceMeetings::RegularAndThematic;
        assert_eq!(kinds(&marks, &rules), [WarningKind::UnexcusedAbsenceFlag]);
    }

    #[test]
    fn a_reason_not_accepted_counts_as_an_absence_without_reason() {
        let rules = RuleSettings::default();
        let not_accepted = |m| AbsenceMark {
            reason_accepted: false,
            ..regular(m, Presence::Excused)
        };
        let marks = [
            not_accepted(1),
            not_accepted(2),
            regular(3, Presence::Excused),
        ];
        assert_eq!(
            kinds(&marks, &rules),
            [WarningKind::UnexcusedAbsenceWarning]
        );
        assert!(absent_without_accepted_reason(Presence::Excused, false));
        assert!(!absent_without_accepted_reason(Presence::Excused, true));
        assert!(!absent_without_accepted_reason(Presence::Late, false));
    }

    #[test]
    fn more_than_three_excused_absences_in_a_row_warn_for_the_whole_year() {
        let rules = RuleSettings::default();
        let mut marks: Vec<_> = (1..=3).map(|m| regular(m, Presence::Excused)).collect();
        assert!(
            kinds(&marks, &rules).is_empty(),
            "three in a row is the limit"
        );
        marks.push(regular(4, Presence::Excused));
        assert_eq!(kinds(&marks, &rules), [WarningKind::ExcusedAbsencesInARow]);
        // Attending again does not erase the run: the year-end review still sees it.
        marks.push(regular(5, Presence::Present));
        let w = absence_warnings(1, "A", &marks, 2026, &rules);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.contains("từ 05/01/2026 đến 05/04/2026"),
            "{}",
            w[0].message
        );
        // Last year's absences do not start this year's run.
        let across: Vec<_> = [
            on(2025, 11, 5, MeetingKind::Regular, Presence::Excused),
            on(2025, 12, 5, MeetingKind::Regular, Presence::Excused),
            regular(1, Presence::Excused),
            regular(2, Presence::Excused),
        ]
        .into();
        assert!(kinds(&across, &rules).is_empty());
    }

    #[test]
    fn a_thematic_meeting_attended_between_does_not_break_a_run_of_regular_ones() {
        let rules = RuleSettings::default();
        let mut marks: Vec<_> = (1..=4).map(|m| regular(m, Presence::Excused)).collect();
        marks.push(on(2026, 2, 20, MeetingKind::Thematic, Presence::Present));
        assert_eq!(kinds(&marks, &rules), [WarningKind::ExcusedAbsencesInARow]);
        // An absence without an accepted reason breaks it (it is counted apart).
        marks[2].reason_accepted = false;
        assert_eq!(kinds(&marks, &rules), Vec::<WarningKind>::new());
    }
}
