import { describe, expect, it } from 'vitest';
import type {
  Gender,
  MeetingKind,
  MeetingStatus,
  Role,
  RosterFilter,
  Severity,
  Standing,
  StatusKind,
} from './bindings';
import {
  FILTER_LABELS,
  GENDER_LABELS,
  GENDERS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_STATUS_LABELS,
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
