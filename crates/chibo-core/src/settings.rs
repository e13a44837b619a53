//! The branch's rule settings: every threshold of the Party rules, with the document it
//! comes from, editable because the rules change (they did in 2025). Never a literal in code.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::holidays::{self, HolidayCalendar};
use crate::meeting::MeetingKind;
use crate::rates::Fraction;
use crate::validation::{optional_text, FieldError};

/// A threshold and the rule document that sets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rule<T> {
    pub value: T,
    /// The document number and article, e.g. "HD 12-HD/BTCTW (18/01/2018)".
    pub basis: String,
}

impl<T> Rule<T> {
    fn new(value: T, basis: &str) -> Self {
        Self {
            value,
            basis: basis.to_owned(),
        }
    }
}

/// When the minutes counter ("Số 03-BB/CB") starts again from 01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NumberingReset {
    /// Once per committee term (nhiệm kỳ).
    PerTerm,
    /// Every calendar year.
    PerYear,
}

/// Which meetings the absence rules look at: months with an unexcused absence and excused
/// absences in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceMeetings {
    /// The monthly regular meeting only (the rules speak of "sinh hoạt chi bộ" each month).
    Regular,
    /// Regular and thematic meetings; a regular and a thematic meeting on one day are one
    /// sitting.
    RegularAndThematic,
}

impl AbsenceMeetings {
    pub fn counts(self, kind: MeetingKind) -> bool {
        match self {
            AbsenceMeetings::Regular => kind == MeetingKind::Regular,
            AbsenceMeetings::RegularAndThematic => {
                matches!(kind, MeetingKind::Regular | MeetingKind::Thematic)
            }
        }
    }
}

/// The thresholds a branch applies. Stored as JSON, one row per version; fields added
/// later take their default when an older version is read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RuleSettings {
    /// Attendance (present of those summoned) must be above this percent, compared exactly:
    /// at exactly this percent a meeting is flagged.
    pub attendance_warning_percent: Rule<u32>,
    /// Voters present of the vote denominator below this fraction shows a quorum warning;
    /// compared exactly (present × 3 ≥ denominator × 2 for 2/3); never blocks.
    pub quorum_warning: Rule<Fraction>,
    /// Months of a calendar year with an unexcused absence that raise a warning.
    pub unexcused_absence_warning: Rule<u32>,
    /// Months of a calendar year with an unexcused absence that flag the member for
    /// consideration (xóa tên).
    pub unexcused_absence_flag: Rule<u32>,
    /// Excused absences in a row (within a calendar year) above which a member is flagged.
    pub excused_absences_in_a_row: Rule<u32>,
    /// The meetings the absence rules count.
    pub absence_meetings: Rule<AbsenceMeetings>,
    /// Minimum length of a meeting, in minutes.
    pub min_meeting_minutes: Rule<u32>,
    /// Minimum length when the regular and thematic meetings share one sitting.
    pub min_combined_meeting_minutes: Rule<u32>,
    /// Members rated "xuất sắc" may be at most this percent of those rated "tốt".
    pub excellent_cap_percent: Rule<u32>,
    /// When document numbers start again from 01.
    pub minutes_numbering_reset: Rule<NumberingReset>,
    /// Youngest age at admission.
    pub min_admission_age: Rule<u32>,
    /// Length of the probation (dự bị), in months.
    pub probation_months: Rule<u32>,
    /// Working days after the probation within which full membership must be considered.
    pub official_consideration_working_days: Rule<u32>,
    /// Days ahead a probation end is announced.
    pub probation_warning_days: Rule<u32>,
    /// How far ahead a status change may be recorded, in days.
    pub status_future_days: Rule<u32>,
    /// The largest file that may be attached to a meeting, in megabytes.
    pub attachment_max_megabytes: Rule<u32>,
    /// The days off the Government announces each year over the statutory holidays (nghỉ
    /// bù, the actual Tết days, working Saturdays): working-day deadlines and planning
    /// follow them.
    pub days_off: Rule<HolidayCalendar>,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            attendance_warning_percent: Rule::new(85, "HD 12-HD/BTCTW (18/01/2018)"),
            quorum_warning: Rule::new(
                Fraction::new(2, 3),
                "Không có quy định chung; mức cảnh báo tự đặt",
            ),
            unexcused_absence_warning: Rule::new(2, "QĐ 24-QĐ/TW (2021), mục 8"),
            unexcused_absence_flag: Rule::new(3, "QĐ 24-QĐ/TW (2021), mục 8"),
            excused_absences_in_a_row: Rule::new(3, "HD 12-HD/BTCTW (18/01/2018)"),
            absence_meetings: Rule::new(
                AbsenceMeetings::Regular,
                "QĐ 24-QĐ/TW (2021), mục 8: bỏ sinh hoạt chi bộ ba tháng trong năm; chi bộ \
                 sinh hoạt thường kỳ mỗi tháng một lần (Điều lệ Đảng, Điều 24)",
            ),
            min_meeting_minutes: Rule::new(90, "HD 42-HD/BTCTW (28/10/2025)"),
            min_combined_meeting_minutes: Rule::new(120, "HD 42-HD/BTCTW (28/10/2025)"),
            excellent_cap_percent: Rule::new(20, "HD 21-HD/BTCTW (2019)"),
            minutes_numbering_reset: Rule::new(
                NumberingReset::PerTerm,
                "HD 36-HD/VPTW (03/4/2018)",
            ),
            min_admission_age: Rule::new(18, "Điều lệ Đảng, Điều 1"),
            probation_months: Rule::new(12, "Điều lệ Đảng, Điều 5"),
            official_consideration_working_days: Rule::new(30, "Điều lệ Đảng, Điều 5"),
            probation_warning_days: Rule::new(30, "Mức nhắc trước tự đặt"),
            status_future_days: Rule::new(31, "Mức tự đặt"),
            attachment_max_megabytes: Rule::new(100, "Mức tự đặt"),
            days_off: Rule::new(
                HolidayCalendar::default(),
                &format!(
                    "{}; thông báo nghỉ lễ, Tết hằng năm của Chính phủ",
                    holidays::BASIS
                ),
            ),
        }
    }
}

impl RuleSettings {
    /// The numeric thresholds with their field name, Vietnamese label and allowed range.
    fn numeric_rules(&self) -> [(&'static str, &'static str, &Rule<u32>, u32, u32); 13] {
        [
            (
                "attendance_warning_percent",
                "Tỷ lệ dự họp phải trên (%)",
                &self.attendance_warning_percent,
                1,
                100,
            ),
            (
                "unexcused_absence_warning",
                "Số tháng có vắng không lý do trong năm để cảnh báo",
                &self.unexcused_absence_warning,
                1,
                12,
            ),
            (
                "unexcused_absence_flag",
                "Số tháng có vắng không lý do trong năm để xem xét xóa tên",
                &self.unexcused_absence_flag,
                1,
                12,
            ),
            (
                "excused_absences_in_a_row",
                "Số lần vắng có lý do liên tiếp tối đa",
                &self.excused_absences_in_a_row,
                1,
                12,
            ),
            (
                "min_meeting_minutes",
                "Thời lượng sinh hoạt tối thiểu (phút)",
                &self.min_meeting_minutes,
                15,
                480,
            ),
            (
                "min_combined_meeting_minutes",
                "Thời lượng tối thiểu khi ghép thường kỳ và chuyên đề (phút)",
                &self.min_combined_meeting_minutes,
                15,
                480,
            ),
            (
                "excellent_cap_percent",
                "Tỷ lệ xuất sắc tối đa so với số hoàn thành tốt (%)",
                &self.excellent_cap_percent,
                0,
                100,
            ),
            (
                "min_admission_age",
                "Tuổi tối thiểu khi vào Đảng",
                &self.min_admission_age,
                16,
                30,
            ),
            (
                "probation_months",
                "Thời gian dự bị (tháng)",
                &self.probation_months,
                1,
                36,
            ),
            (
                "official_consideration_working_days",
                "Thời hạn xét công nhận chính thức (ngày làm việc)",
                &self.official_consideration_working_days,
                1,
                120,
            ),
            (
                "probation_warning_days",
                "Nhắc trước khi hết thời gian dự bị (ngày)",
                &self.probation_warning_days,
                1,
                120,
            ),
            (
                "status_future_days",
                "Số ngày được ghi trước một biến động",
                &self.status_future_days,
                0,
                366,
            ),
            (
                "attachment_max_megabytes",
                "Dung lượng tối đa của một tệp đính kèm (MB)",
                &self.attachment_max_megabytes,
                1,
                2000,
            ),
        ]
    }

    /// Checks every threshold is in a sensible range and the warning comes before the flag.
    pub fn validate(&self) -> Result<(), FieldError> {
        for (field, label, rule, min, max) in self.numeric_rules() {
            optional_text(field, "Căn cứ", &rule.basis, 200)?;
            if rule.value < min || rule.value > max {
                return Err(FieldError::new(
                    field,
                    format!("{label} phải từ {min} đến {max} (đang là {}).", rule.value),
                ));
            }
        }
        optional_text(
            "absence_meetings",
            "Căn cứ",
            &self.absence_meetings.basis,
            300,
        )?;
        optional_text("quorum_warning", "Căn cứ", &self.quorum_warning.basis, 200)?;
        self.quorum_warning
            .value
            .validate("quorum_warning", "Mức cảnh báo số người dự")?;
        optional_text(
            "minutes_numbering_reset",
            "Căn cứ",
            &self.minutes_numbering_reset.basis,
            200,
        )?;
        optional_text("days_off", "Căn cứ", &self.days_off.basis, 300)?;
        self.days_off_table()?;
        if self.unexcused_absence_warning.value > self.unexcused_absence_flag.value {
            return Err(FieldError::new(
                "unexcused_absence_warning",
                "Mức cảnh báo vắng không lý do không được lớn hơn mức xem xét.",
            ));
        }
        Ok(())
    }

    /// The settings as they are stored: checked, with the table of days off cleaned and
    /// sorted by date.
    pub fn cleaned(&self) -> Result<RuleSettings, FieldError> {
        self.validate()?;
        let mut settings = self.clone();
        settings.days_off.value = self.days_off_table()?;
        Ok(settings)
    }

    fn days_off_table(&self) -> Result<HolidayCalendar, FieldError> {
        self.days_off
            .value
            .validated()
            .map_err(|error| FieldError::new("days_off", error.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_rule_documents() {
        let settings = RuleSettings::default();
        assert!(settings.validate().is_ok());
        assert_eq!(settings.attendance_warning_percent.value, 85);
        assert_eq!(settings.min_meeting_minutes.value, 90);
        assert_eq!(settings.min_combined_meeting_minutes.value, 120);
        assert_eq!(settings.excellent_cap_percent.value, 20);
        assert!(settings.min_meeting_minutes.basis.contains("42-HD/BTCTW"));
    }

    #[test]
    fn the_table_of_days_off_is_checked_and_stored_sorted() {
        use crate::holidays::DayOffChange;
        let day = |d| chrono::NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let change = |d, note: &str| DayOffChange {
            date: day(d),
            off: true,
            note: note.into(),
        };
        let mut settings = RuleSettings::default();
        settings.days_off.value.changes = vec![change(4, "  Nghỉ bù  "), change(2, "Nghỉ thêm")];
        let cleaned = settings.cleaned().unwrap();
        let dates: Vec<_> = cleaned
            .days_off
            .value
            .changes
            .iter()
            .map(|c| c.date)
            .collect();
        assert_eq!(dates, [day(2), day(4)]);
        assert_eq!(cleaned.days_off.value.changes[1].note, "Nghỉ bù");

        settings
            .days_off
            .value
            .changes
            .push(change(2, "Trùng ngày"));
        let error = settings.cleaned().unwrap_err();
        assert_eq!(error.field, "days_off");
        assert!(error.message.contains("02/01/2027"), "{}", error.message);
        settings.days_off.value.changes = vec![change(2, "  ")];
        assert_eq!(settings.validate().unwrap_err().field, "days_off");
    }

    #[test]
    fn attendance_threshold_over_100_is_rejected() {
        let mut settings = RuleSettings::default();
        settings.attendance_warning_percent.value = 101;
        let err = settings.validate().unwrap_err();
        assert_eq!(err.field, "attendance_warning_percent");
    }

    #[test]
    fn warning_above_flag_is_rejected() {
        let mut settings = RuleSettings::default();
        settings.unexcused_absence_warning.value = 4;
        assert_eq!(
            settings.validate().unwrap_err().field,
            "unexcused_absence_warning"
        );
    }

    #[test]
    fn settings_missing_newer_fields_read_with_defaults() {
        let old = r#"{"attendance_warning_percent":{"value":90,"basis":"x"}}"#;
        let settings: RuleSettings = serde_json::from_str(old).unwrap();
        assert_eq!(settings.attendance_warning_percent.value, 90);
        assert_eq!(settings.min_meeting_minutes.value, 90);
    }
}
