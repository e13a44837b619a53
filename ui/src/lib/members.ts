// Members and their dated statuses as the forms and the member page need them. The backend
// stays the authority: these mirror its name split and its two "required" messages only.

import type {
  ImportPreview,
  ImportProblem,
  OnDuplicate,
  Member,
  MemberInput,
  MemberStatus,
  NameParts,
  PreviewRow,
  StatusInput,
  StatusKind,
} from './bindings';
import { formatDate } from './dates';
import { STATUS_KIND_LABELS } from './labels';
import { cleanText } from './text';

// ---- Names ----

/** First word họ, last word tên, the rest đệm; one word is only a tên. Mirrors `NameParts::split`. */
export function splitName(fullName: string): NameParts {
  const words = cleanText(fullName).split(' ').filter((word) => word !== '');
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}

export function cleanNameParts(parts: NameParts): NameParts {
  return {
    family: cleanText(parts.family),
    middle: cleanText(parts.middle),
    given: cleanText(parts.given),
  };
}

export function sameNameParts(a: NameParts, b: NameParts): boolean {
  return a.family === b.family && a.middle === b.middle && a.given === b.given;
}

// ---- The member form ----

export type MemberField = keyof MemberInput;
export type MemberErrors = Partial<Record<MemberField, string>>;

const MEMBER_FIELDS: readonly string[] = [
  'full_name',
  'name_parts',
  'gender',
  'birth_date',
  'hometown',
  'ethnicity',
  'card_number',
  'admitted_on',
  'official_on',
  'official_reference',
  'role',
  'post',
  'phone',
  'notes',
] satisfies readonly MemberField[];

export function isMemberField(field: string | null): field is MemberField {
  return field !== null && MEMBER_FIELDS.includes(field);
}

/** A blank member: ethnicity "Kinh", role "Đảng viên", no dates. */
export function emptyMemberInput(): MemberInput {
  return {
    full_name: '',
    name_parts: null,
    gender: null,
    birth_date: null,
    hometown: '',
    ethnicity: 'Kinh',
    card_number: '',
    admitted_on: '',
    official_on: null,
    official_reference: '',
    role: 'member',
    post: '',
    phone: '',
    notes: '',
  };
}

export function memberToInput(member: Member): MemberInput {
  return {
    full_name: member.full_name,
    name_parts: member.name_parts,
    gender: member.gender,
    birth_date: member.birth_date,
    hometown: member.hometown,
    ethnicity: member.ethnicity,
    card_number: member.card_number,
    admitted_on: member.admitted_on,
    official_on: member.official_on,
    official_reference: member.official_reference,
    role: member.role,
    post: member.post,
    phone: member.phone,
    notes: member.notes,
  };
}

/** Texts as the backend stores them (NFC, trimmed, spaces collapsed; notes only trimmed). */
export function cleanMemberInput(input: MemberInput): MemberInput {
  return {
    ...input,
    full_name: cleanText(input.full_name),
    name_parts: input.name_parts === null ? null : cleanNameParts(input.name_parts),
    hometown: cleanText(input.hometown),
    ethnicity: cleanText(input.ethnicity),
    card_number: cleanText(input.card_number),
    official_reference: cleanText(input.official_reference),
    post: cleanText(input.post),
    phone: cleanText(input.phone),
    notes: input.notes.normalize('NFC').trim(),
  };
}

/** The checks made before any round trip, with the backend's wording. */
export function memberErrors(input: MemberInput): MemberErrors {
  const errors: MemberErrors = {};
  if (input.full_name === '') errors.full_name = 'Họ và tên không được để trống.';
  if (input.admitted_on === '') errors.admitted_on = 'Ngày vào Đảng không được để trống.';
  return errors;
}

// ---- Statuses ----

/** Periods have an end date; events happen on one day; end statuses take the member off the roll. */
export type StatusNature = 'period' | 'event' | 'end';

export const STATUS_NATURE: Record<StatusKind, StatusNature> = {
  exempted: 'period',
  attached_here: 'period',
  sent_away: 'period',
  transferred_in: 'event',
  transferred_out: 'end',
  deceased: 'end',
  removed: 'end',
  expelled: 'end',
};

export const isPeriodKind = (kind: StatusKind): boolean => STATUS_NATURE[kind] === 'period';
export const isEndKind = (kind: StatusKind): boolean => STATUS_NATURE[kind] === 'end';

export type StatusField = keyof StatusInput;

const STATUS_FIELDS: readonly string[] = [
  'kind',
  'start',
  'end',
  'reference',
  'note',
] satisfies readonly StatusField[];

export function isStatusField(field: string | null): field is StatusField {
  return field !== null && STATUS_FIELDS.includes(field);
}

/** "05/02/2026 – 31/12/2026"; "từ 05/02/2026" for a period with no end; the day alone for an event. */
export function statusPeriod(kind: StatusKind, start: string, end: string | null): string {
  if (!isPeriodKind(kind)) return formatDate(start);
  return end === null ? `từ ${formatDate(start)}` : `${formatDate(start)} – ${formatDate(end)}`;
}

// ---- The member page's timeline ----

export interface TimelineItem {
  key: string;
  /** ISO date the item is placed at. */
  date: string;
  label: string;
  /** The dates as shown: "05/02/2026", "từ 05/02/2026", "05/02/2026 – 31/12/2026". */
  when: string;
  reference: string;
  note: string;
  /** The status behind the item; absent for admission and full membership. */
  status?: MemberStatus;
}

/** Admission, full membership and every status, by date (on one day, in that order). */
export function timeline(member: Member, statuses: readonly MemberStatus[]): TimelineItem[] {
  const items: TimelineItem[] = [
    {
      key: 'admitted',
      date: member.admitted_on,
      label: 'Vào Đảng (dự bị)',
      when: formatDate(member.admitted_on),
      reference: '',
      note: '',
    },
  ];
  if (member.official_on !== null) {
    items.push({
      key: 'official',
      date: member.official_on,
      label: 'Chính thức',
      when: formatDate(member.official_on),
      reference: member.official_reference,
      note: '',
    });
  }
  for (const status of statuses) {
    items.push({
      key: `status-${status.id}`,
      date: status.start,
      label: STATUS_KIND_LABELS[status.kind],
      when: statusPeriod(status.kind, status.start, status.end),
      reference: status.reference,
      note: status.note,
      status,
    });
  }
  // Array.prototype.sort is stable; ISO dates compare as text.
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---- Import ----

/** "Dòng 7, cột Ngày sinh: …"; "Dòng 7: …" for the whole row; the message alone for the file. */
export function describeProblem(problem: ImportProblem): string {
  if (problem.row_number === 0) return problem.message;
  const where =
    problem.column === ''
      ? `Dòng ${problem.row_number}`
      : `Dòng ${problem.row_number}, cột ${problem.column}`;
  return `${where}: ${problem.message}`;
}

/** Rows needing attention (problems or a match) shown at most; the rest are summed up. */
export const MAX_ATTENTION_ROWS = 500;
/** Plain valid rows shown at most. */
export const MAX_VALID_ROWS = 200;

export interface PreviewRows {
  /** The rows to render, in file order. */
  rows: PreviewRow[];
  /** Valid rows left out of the table. */
  hiddenValid: number;
  /** Rows with problems or matches left out of the table. */
  hiddenAttention: number;
}

/** Every row with a problem or a match (up to a limit) and the first valid rows: one pass. */
export function previewRows(
  all: readonly PreviewRow[],
  maxAttention = MAX_ATTENTION_ROWS,
  maxValid = MAX_VALID_ROWS,
): PreviewRows {
  const rows: PreviewRow[] = [];
  let attention = 0;
  let valid = 0;
  let hiddenValid = 0;
  let hiddenAttention = 0;
  for (const row of all) {
    if (row.problems.length > 0 || row.duplicate_of !== null) {
      if (attention < maxAttention) rows.push(row);
      else hiddenAttention += 1;
      attention += 1;
    } else {
      if (valid < maxValid) rows.push(row);
      else hiddenValid += 1;
      valid += 1;
    }
  }
  return { rows, hiddenValid, hiddenAttention };
}

/** How many members a confirmed import will create or update. */
export function importCount(preview: ImportPreview, onDuplicate: OnDuplicate): number {
  let count = 0;
  for (const row of preview.rows) {
    if (row.problems.length > 0) continue;
    if (row.duplicate_of !== null && onDuplicate === 'skip') continue;
    count += 1;
  }
  return count;
}

/** Whether any row (or the file) has a problem: nothing may be imported then. */
export function previewHasProblems(preview: ImportPreview): boolean {
  return preview.rows_with_problems > 0 || preview.rows.some((row) => row.problems.length > 0);
}

