import { describe, expect, it } from 'vitest';
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
import {
  DOCUMENT_FORMAT_LABELS,
  DOCUMENT_FORMATS,
  FILTER_LABELS,
  GENDER_LABELS,
  GENDERS,
  MEETING_DOCUMENT_LABELS,
  MEETING_DOCUMENTS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_STATUS_LABELS,
  MINUTES_STATUS_LABELS,
  QUALITY_LABELS,
  QUALITY_SCORES,
  RESOLUTION_KIND_LABELS,
  RESOLUTION_KINDS,
  ROLE_LABELS,
  ROLES,
  ROSTER_FILTERS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_KIND_LABELS,
  STATUS_KINDS,
  standingLabel,
  WEEKDAY_LABELS,
  WEEKDAY_SHORT_LABELS,
} from './labels';

/** Compiles only when the list names every member of the union (and nothing else). */
type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never]
  ? List
  : never;

const ALL_ROLES = ['secretary', 'deputy_secretary', 'committee_member', 'member'] as const;
const ALL_GENDERS = ['male', 'female'] as const;
const ALL_KINDS = [
  'exempted',
  'attached_here',
  'sent_away',
  'transferred_in',
  'transferred_out',
  'deceased',
  'removed',
  'expelled',
] as const;
const ALL_SEVERITIES = ['notice', 'warning', 'flag'] as const;
const ALL_FILTERS = ['on_roll', 'official', 'probationary', 'exempted', 'sent_away', 'former', 'all'] as const;
const ALL_MEETING_KINDS = ['regular', 'thematic', 'review', 'extraordinary', 'other'] as const;
const ALL_MEETING_STATUSES = ['planned', 'held', 'postponed', 'cancelled'] as const;

const roles: Exhaustive<Role, typeof ALL_ROLES> = ALL_ROLES;
const genders: Exhaustive<Gender, typeof ALL_GENDERS> = ALL_GENDERS;
const kinds: Exhaustive<StatusKind, typeof ALL_KINDS> = ALL_KINDS;
const severities: Exhaustive<Severity, typeof ALL_SEVERITIES> = ALL_SEVERITIES;
const filters: Exhaustive<RosterFilter, typeof ALL_FILTERS> = ALL_FILTERS;
const meetingKinds: Exhaustive<MeetingKind, typeof ALL_MEETING_KINDS> = ALL_MEETING_KINDS;
const meetingStatuses: Exhaustive<MeetingStatus, typeof ALL_MEETING_STATUSES> = ALL_MEETING_STATUSES;

const ALL_MINUTES_STATUSES = ['draft', 'approved'] as const;
const ALL_RESOLUTION_KINDS = ['ordinary', 'admission', 'official_membership', 'propose_expulsion'] as const;
const ALL_QUALITY_SCORES = ['good', 'fair', 'average', 'poor'] as const;
const ALL_MEETING_DOCUMENTS = ['minutes', 'sign_in_sheet', 'notice'] as const;
const ALL_DOCUMENT_FORMATS = ['docx', 'pdf'] as const;

const minutesStatuses: Exhaustive<MinutesStatus, typeof ALL_MINUTES_STATUSES> = ALL_MINUTES_STATUSES;
const resolutionKinds: Exhaustive<ResolutionKind, typeof ALL_RESOLUTION_KINDS> = ALL_RESOLUTION_KINDS;
const qualityScores: Exhaustive<QualityScore, typeof ALL_QUALITY_SCORES> = ALL_QUALITY_SCORES;
const meetingDocuments: Exhaustive<MeetingDocument, typeof ALL_MEETING_DOCUMENTS> = ALL_MEETING_DOCUMENTS;
const documentFormats: Exhaustive<DocumentFormat, typeof ALL_DOCUMENT_FORMATS> = ALL_DOCUMENT_FORMATS;

describe('labels', () => {
  it('name every role, gender, status kind, severity, filter and meeting kind and status in Vietnamese', () => {
    expect([...ROLES].sort()).toEqual([...roles].sort());
    expect([...GENDERS].sort()).toEqual([...genders].sort());
    expect([...STATUS_KINDS].sort()).toEqual([...kinds].sort());
    expect([...SEVERITIES].sort()).toEqual([...severities].sort());
    expect([...ROSTER_FILTERS].sort()).toEqual([...filters].sort());
    expect([...MEETING_KINDS].sort()).toEqual([...meetingKinds].sort());
    expect(Object.keys(MEETING_STATUS_LABELS).sort()).toEqual([...meetingStatuses].sort());
    const all = [
      ...roles.map((r) => ROLE_LABELS[r]),
      ...genders.map((g) => GENDER_LABELS[g]),
      ...kinds.map((k) => STATUS_KIND_LABELS[k]),
      ...severities.map((s) => SEVERITY_LABELS[s]),
      ...filters.map((f) => FILTER_LABELS[f]),
      ...meetingKinds.map((k) => MEETING_KIND_LABELS[k]),
      ...meetingStatuses.map((s) => MEETING_STATUS_LABELS[s]),
    ];
    for (const label of all) expect(label.trim()).not.toBe('');
  });

  it('use the words of the brief', () => {
    expect(ROLES.map((role) => ROLE_LABELS[role])).toEqual(['Bí thư', 'Phó bí thư', 'Chi ủy viên', 'Đảng viên']);
    expect(STATUS_KINDS.map((kind) => STATUS_KIND_LABELS[kind])).toEqual([
      'Miễn công tác và sinh hoạt đảng',
      'Sinh hoạt tạm thời tại chi bộ',
      'Đi sinh hoạt tạm thời nơi khác',
      'Chuyển sinh hoạt đến',
      'Chuyển sinh hoạt đi',
      'Từ trần',
      'Xóa tên',
      'Khai trừ',
    ]);
  });

  it('name meeting kinds and statuses as the backend and the schedule do', () => {
    expect(MEETING_KINDS.map((kind) => MEETING_KIND_LABELS[kind])).toEqual([
      'Sinh hoạt thường kỳ',
      'Sinh hoạt chuyên đề',
      'Kiểm điểm tự phê bình và phê bình',
      'Sinh hoạt bất thường',
      'Cuộc họp khác',
    ]);
    expect(meetingStatuses.map((status) => MEETING_STATUS_LABELS[status])).toEqual([
      'Dự kiến',
      'Đã họp',
      'Hoãn',
      'Hủy',
    ]);
  });

  it('name the minutes, their votes, quality and printable documents in the order offered', () => {
    expect(Object.keys(MINUTES_STATUS_LABELS).sort()).toEqual([...minutesStatuses].sort());
    expect(minutesStatuses.map((status) => MINUTES_STATUS_LABELS[status])).toEqual(['Nháp', 'Đã thông qua']);
    expect(RESOLUTION_KINDS).toEqual(resolutionKinds);
    expect(RESOLUTION_KINDS.map((kind) => RESOLUTION_KIND_LABELS[kind])).toEqual([
      'Thông thường (quá 1/2)',
      'Kết nạp đảng viên (2/3)',
      'Công nhận đảng viên chính thức (2/3)',
      'Đề nghị khai trừ (2/3)',
    ]);
    expect(QUALITY_SCORES).toEqual(qualityScores);
    expect(QUALITY_SCORES.map((score) => QUALITY_LABELS[score])).toEqual(['Tốt', 'Khá', 'Trung bình', 'Kém']);
    expect(MEETING_DOCUMENTS).toEqual(meetingDocuments);
    expect(DOCUMENT_FORMATS).toEqual(documentFormats);
    const all = [
      ...MEETING_DOCUMENTS.map((document) => MEETING_DOCUMENT_LABELS[document]),
      ...DOCUMENT_FORMATS.map((format) => DOCUMENT_FORMAT_LABELS[format]),
    ];
    for (const label of all) expect(label.trim()).not.toBe('');
  });

  it('name the days of the week from Monday, long and short', () => {
    expect(WEEKDAY_LABELS).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']);
    expect(WEEKDAY_SHORT_LABELS).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
  });

  it('give every standing a label, a member who left showing why', () => {
    const standings: Standing[] = [
      { kind: 'official' },
      { kind: 'probationary' },
      { kind: 'exempted' },
      { kind: 'sent_away' },
      { kind: 'not_on_roll' },
      { kind: 'left', status: 'transferred_out' },
      { kind: 'left', status: 'deceased' },
      { kind: 'left', status: 'removed' },
      { kind: 'left', status: 'expelled' },
    ];
    expect(standings.map(standingLabel)).toEqual([
      'Chính thức',
      'Dự bị',
      'Miễn sinh hoạt',
      'Sinh hoạt tạm thời nơi khác',
      'Chưa thuộc chi bộ',
      'Chuyển sinh hoạt đi',
      'Từ trần',
      'Xóa tên',
      'Khai trừ',
    ]);
  });
});
