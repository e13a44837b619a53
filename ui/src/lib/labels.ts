// Vietnamese words for every enum the backend sends. Each table is a Record over the
// union, so adding a variant in Rust (and regenerating bindings.ts) fails the type check
// until it has a label here. The lists keep the tables' order.

import type {
  DocumentFormat,
  Gender,
  MeetingDocument,
  MeetingKind,
  MeetingStatus,
  MinutesStatus,
  QualityScore,
  ResolutionKind,
  Role,
  RosterFilter,
  Severity,
  Standing,
  StatusKind,
} from './bindings';

export const ROLE_LABELS: Record<Role, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó bí thư',
  committee_member: 'Chi ủy viên',
  member: 'Đảng viên',
};

export const GENDER_LABELS: Record<Gender, string> = {
  male: 'Nam',
  female: 'Nữ',
};

export const STATUS_KIND_LABELS: Record<StatusKind, string> = {
  exempted: 'Miễn công tác và sinh hoạt đảng',
  attached_here: 'Sinh hoạt tạm thời tại chi bộ',
  sent_away: 'Đi sinh hoạt tạm thời nơi khác',
  transferred_in: 'Chuyển sinh hoạt đến',
  transferred_out: 'Chuyển sinh hoạt đi',
  deceased: 'Từ trần',
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
};

export type StandingKind = Standing['kind'];

/** The standings other than "left", which takes the label of the status that ended it. */
export const STANDING_LABELS: Record<Exclude<StandingKind, 'left'>, string> = {
  official: 'Chính thức',
  probationary: 'Dự bị',
  exempted: 'Miễn sinh hoạt',
  sent_away: 'Sinh hoạt tạm thời nơi khác',
  not_on_roll: 'Chưa thuộc chi bộ',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  flag: 'Cần xử lý',
  warning: 'Cảnh báo',
  notice: 'Lưu ý',
};

export const FILTER_LABELS: Record<RosterFilter, string> = {
  on_roll: 'Đang sinh hoạt',
  official: 'Chính thức',
  probationary: 'Dự bị',
  exempted: 'Miễn sinh hoạt',
  sent_away: 'Sinh hoạt nơi khác',
  former: 'Đã ra khỏi danh sách',
  all: 'Tất cả',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  regular: 'Sinh hoạt thường kỳ',
  thematic: 'Sinh hoạt chuyên đề',
  review: 'Kiểm điểm tự phê bình và phê bình',
  extraordinary: 'Sinh hoạt bất thường',
  other: 'Cuộc họp khác',
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Dự kiến',
  held: 'Đã họp',
  postponed: 'Hoãn',
  cancelled: 'Hủy',
};

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  draft: 'Nháp',
  approved: 'Đã thông qua',
};

/** What a resolution is about, with the majority it needs (Điều lệ Đảng, Điều 10). */
export const RESOLUTION_KIND_LABELS: Record<ResolutionKind, string> = {
  ordinary: 'Thông thường (quá 1/2)',
  admission: 'Kết nạp đảng viên (2/3)',
  official_membership: 'Công nhận đảng viên chính thức (2/3)',
  propose_expulsion: 'Đề nghị khai trừ (2/3)',
};

/** The branch's own score of the meeting's quality. */
export const QUALITY_LABELS: Record<QualityScore, string> = {
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  poor: 'Kém',
};

export const MEETING_DOCUMENT_LABELS: Record<MeetingDocument, string> = {
  minutes: 'Biên bản',
  sign_in_sheet: 'Danh sách ký tên dự họp',
  notice: 'Thông báo triệu tập',
};

export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = {
  docx: 'Word (.docx)',
  pdf: 'PDF',
};

/** The days of the week, Monday first (see `weekdayIndex`). */
export const WEEKDAY_LABELS = [
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
  'Chủ nhật',
] as const;

/** Column heads of a month calendar, Monday first. */
export const WEEKDAY_SHORT_LABELS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;

function keys<K extends string>(table: Record<K, string>): readonly K[] {
  return Object.keys(table) as K[];
}

export const ROLES = keys(ROLE_LABELS);
export const GENDERS = keys(GENDER_LABELS);
export const STATUS_KINDS = keys(STATUS_KIND_LABELS);
export const SEVERITIES = keys(SEVERITY_LABELS);
export const ROSTER_FILTERS = keys(FILTER_LABELS);
export const MEETING_KINDS = keys(MEETING_KIND_LABELS);
export const RESOLUTION_KINDS = keys(RESOLUTION_KIND_LABELS);
export const QUALITY_SCORES = keys(QUALITY_LABELS);
export const MEETING_DOCUMENTS = keys(MEETING_DOCUMENT_LABELS);
export const DOCUMENT_FORMATS = keys(DOCUMENT_FORMAT_LABELS);

/** "Chính thức", "Dự bị", … "Từ trần" (a member who left shows why). */
export function standingLabel(standing: Standing): string {
  switch (standing.kind) {
    case 'left':
      return STATUS_KIND_LABELS[standing.status];
    default:
      return STANDING_LABELS[standing.kind];
  }
}

/** The badge colour of a standing (a CSS class suffix). */
export type StandingTone = 'official' | 'probationary' | 'exempted' | 'away' | 'left' | 'none';

export function standingTone(standing: Standing): StandingTone {
  switch (standing.kind) {
    case 'official':
      return 'official';
    case 'probationary':
      return 'probationary';
    case 'exempted':
      return 'exempted';
    case 'sent_away':
      return 'away';
    case 'left':
      return 'left';
    case 'not_on_roll':
      return 'none';
  }
}
