//! A branch meeting (cuộc sinh hoạt): its kind, status, times and the standard agenda of
//! each kind.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// sinh hoạt thường kỳ (monthly)
    Regular,
    /// sinh hoạt chuyên đề (at least once a quarter)
    Thematic,
    /// kiểm điểm tự phê bình và phê bình
    Review,
    /// bất thường
    Extraordinary,
    Other,
}

impl MeetingKind {
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Regular => "Sinh hoạt thường kỳ",
            MeetingKind::Thematic => "Sinh hoạt chuyên đề",
            MeetingKind::Review => "Kiểm điểm tự phê bình và phê bình",
            MeetingKind::Extraordinary => "Sinh hoạt bất thường",
            MeetingKind::Other => "Cuộc họp khác",
        }
    }

    /// The standard order of business for a meeting of this kind (domain.md §2), editable
    /// per meeting.
    pub fn default_agenda(self) -> &'static [&'static str] {
        match self {
            MeetingKind::Regular => &[
                "Mở đầu: tuyên bố lý do, giới thiệu đại biểu, cử thư ký, điểm danh, báo cáo thu nộp đảng phí, thông qua chương trình",
                "Thông tin thời sự, văn bản của cấp trên",
                "Đánh giá thực hiện nghị quyết tháng trước",
                "Phương hướng, nhiệm vụ tháng tới",
                "Tình hình tư tưởng đảng viên; tự phê bình và phê bình",
                "Thảo luận",
                "Kết luận của chủ trì; biểu quyết; tự đánh giá chất lượng; thông qua biên bản",
            ],
            MeetingKind::Thematic => &[
                "Mở đầu: tuyên bố lý do, giới thiệu đại biểu, cử thư ký, điểm danh",
                "Trình bày báo cáo chuyên đề",
                "Thảo luận",
                "Kết luận của chủ trì; thông qua biên bản",
            ],
            MeetingKind::Review => &[
                "Mở đầu: tuyên bố lý do, cử thư ký, điểm danh",
                "Quán triệt gợi ý kiểm điểm của cấp trên",
                "Kiểm điểm tập thể chi bộ",
                "Đảng viên tự kiểm điểm; góp ý, phê bình",
                "Kết luận; biểu quyết; thông qua biên bản",
            ],
            MeetingKind::Extraordinary | MeetingKind::Other => &[
                "Mở đầu: tuyên bố lý do, cử thư ký, điểm danh",
                "Nội dung chính",
                "Kết luận; thông qua biên bản",
            ],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// dự kiến
    Planned,
    /// đã họp
    Held,
    /// hoãn
    Postponed,
    /// hủy
    Cancelled,
}

impl MeetingStatus {
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "Dự kiến",
            MeetingStatus::Held => "Đã họp",
            MeetingStatus::Postponed => "Hoãn",
            MeetingStatus::Cancelled => "Hủy",
        }
    }
}

/// The first moment and the last of a meeting, checked for order.
pub fn check_times(
    field: &str,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Result<(), FieldError> {
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            return Err(FieldError::new(
                field,
                format!(
                    "Giờ kết thúc ({}) phải sau giờ bắt đầu ({}).",
                    end.format("%H:%M"),
                    start.format("%H:%M")
                ),
            ));
        }
    }
    Ok(())
}

/// Length in minutes of a held meeting, when both times are known.
pub fn length_minutes(start: Option<NaiveTime>, end: Option<NaiveTime>) -> Option<i64> {
    Some((end? - start?).num_minutes()).filter(|m| *m > 0)
}

/// Refuses a date before the branch existed.
pub fn check_not_before(date: NaiveDate, earliest: Option<NaiveDate>) -> Result<(), FieldError> {
    match earliest {
        Some(first) if date < first => Err(FieldError::new(
            "date",
            format!(
                "Ngày họp ({}) trước ngày chi bộ bắt đầu có dữ liệu ({}).",
                crate::dates::format_dmy(date),
                crate::dates::format_dmy(first)
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn an_end_before_the_start_is_rejected() {
        let err = check_times("actual_end", Some(t(8, 0)), Some(t(7, 30))).unwrap_err();
        assert_eq!(err.field, "actual_end");
        assert!(err.message.contains("07:30"));
        assert!(check_times("actual_end", Some(t(8, 0)), Some(t(9, 30))).is_ok());
    }

    #[test]
    fn the_length_is_counted_in_minutes() {
        assert_eq!(length_minutes(Some(t(7, 30)), Some(t(9, 15))), Some(105));
        assert_eq!(length_minutes(Some(t(7, 30)), None), None);
    }

    #[test]
    fn every_kind_has_an_agenda_starting_with_the_opening() {
        for kind in [
            MeetingKind::Regular,
            MeetingKind::Thematic,
            MeetingKind::Review,
            MeetingKind::Other,
        ] {
            assert!(kind.default_agenda()[0].starts_with("Mở đầu"));
        }
    }
}
