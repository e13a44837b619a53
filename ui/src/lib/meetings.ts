// Meetings as the screens need them: times typed as "HH:MM", dates with their weekday, the
// weeks of a calendar month, and the checks the meeting and document forms make before any
// round trip. The backend stays the authority: these mirror its messages.

import type { DocumentInput, Guest, MeetingInput } from './bindings';
import { daysInMonth, formatDate, isoDate, weekdayIndex } from './dates';
import { WEEKDAY_LABELS } from './labels';
import { cleanText } from './text';
import { requiredTextError } from './validation';

// ---- Times ----

export const INVALID_TIME_MESSAGE = 'Giờ không hợp lệ. Hãy nhập theo dạng giờ:phút, ví dụ 07:30.';

/** "07:30:00" (as the backend answers) → "07:30"; null → "". */
export function shortTime(time: string | null): string {
  return time === null ? '' : time.slice(0, 5);
}

/** The result of reading a typed time: empty text is a valid "no time". */
export type ParsedTime = { ok: true; time: string | null } | { ok: false };

/** Reads "07:30", "7:30", "7h30", "7g30" or "7h" into "07:30"; anything else is refused. */
export function parseTime(text: string): ParsedTime {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, time: null };
  const match = /^(\d{1,2})(?::(\d{2})|[hg](\d{2})?)$/i.exec(trimmed);
  if (!match) return { ok: false };
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? 0);
  if (hours > 23 || minutes > 59) return { ok: false };
  return { ok: true, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Minutes from `start` to `end` ("HH:MM"), when both are known and the end is later. */
export function minutesBetween(start: string | null, end: string | null): number | null {
  if (start === null || end === null) return null;
  const length = minutesOfDay(end) - minutesOfDay(start);
  return length > 0 ? length : null;
}

// ---- Dates and the calendar ----

/** "Thứ Năm, 05/03/2026" */
export function dateWithWeekday(iso: string): string {
  return `${WEEKDAY_LABELS[weekdayIndex(iso)]}, ${formatDate(iso)}`;
}

export interface Month {
  year: number;
  /** 1–12 */
  month: number;
}

/** The month of an ISO date. */
export function monthOf(iso: string): Month {
  const [year, month] = iso.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 1 };
}

/** The month `delta` months later (earlier when negative). */
export function shiftMonth({ year, month }: Month, delta: number): Month {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "Tháng 3/2026" */
export function monthTitle({ year, month }: Month): string {
  return `Tháng ${month}/${year}`;
}

/** The weeks of a month, Monday first, as ISO dates; the days of other months are null. */
export function monthGrid({ year, month }: Month): (string | null)[][] {
  const cells: (string | null)[] = Array<null>(weekdayIndex(isoDate(year, month, 1))).fill(null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

// ---- The meeting form ----

export type MeetingField = keyof MeetingInput;
export type MeetingErrors = Partial<Record<MeetingField, string>>;

const MEETING_FIELDS: readonly string[] = [
  'kind',
  'title',
  'date',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'place',
  'chair_id',
  'secretary_id',
  'guests',
  'agenda',
  'status',
  'status_reason',
  'document_ids',
] satisfies readonly MeetingField[];

export function isMeetingField(field: string | null): field is MeetingField {
  return field !== null && MEETING_FIELDS.includes(field);
}

/** Longest title or place accepted, in characters (as the backend). */
const MAX_TITLE_CHARS = 200;

function formTime(time: string | null): string | null {
  return time === null ? null : shortTime(time);
}

/** A meeting as the form edits it (a copy, times "HH:MM"). */
export function formInput(input: MeetingInput): MeetingInput {
  return {
    ...input,
    planned_start: formTime(input.planned_start),
    planned_end: formTime(input.planned_end),
    actual_start: formTime(input.actual_start),
    actual_end: formTime(input.actual_end),
    guests: input.guests.map((guest) => ({ ...guest })),
    agenda: [...input.agenda],
    document_ids: [...input.document_ids],
  };
}

function cleanGuest(guest: Guest): Guest {
  return {
    name: cleanText(guest.name),
    post: cleanText(guest.post),
    organisation: cleanText(guest.organisation),
  };
}

/** The input as the backend will store it: texts cleaned, blank agenda items and guest rows dropped. */
export function cleanMeetingInput(input: MeetingInput): MeetingInput {
  return {
    ...input,
    title: cleanText(input.title),
    place: cleanText(input.place),
    agenda: input.agenda.map(cleanText).filter((item) => item !== ''),
    guests: input.guests
      .map(cleanGuest)
      .filter((guest) => guest.name !== '' || guest.post !== '' || guest.organisation !== ''),
  };
}

function timeOrderError(start: string | null, end: string | null): string | null {
  if (start === null || end === null || minutesBetween(start, end) !== null) return null;
  return `Giờ kết thúc (${end}) phải sau giờ bắt đầu (${start}).`;
}

/** Every problem of a cleaned input the form can tell, by field; `today` is the app's. */
export function meetingErrors(input: MeetingInput, today: string): MeetingErrors {
  const errors: MeetingErrors = {};
  const title = requiredTextError('Chủ đề cuộc họp', input.title, MAX_TITLE_CHARS);
  if (title !== null) errors.title = title;
  const planned = timeOrderError(input.planned_start, input.planned_end);
  if (planned !== null) errors.planned_end = planned;
  const actual = timeOrderError(input.actual_start, input.actual_end);
  if (actual !== null) errors.actual_end = actual;
  if (input.status === 'held' && input.date > today) {
    errors.status = `Cuộc họp ngày ${formatDate(input.date)} chưa diễn ra nên chưa thể ghi "đã họp".`;
  }
  const unnamed = input.guests.findIndex((guest) => guest.name === '');
  if (unnamed >= 0) errors.guests = `Họ tên đại biểu thứ ${unnamed + 1} không được để trống.`;
  if (input.agenda.length === 0) errors.agenda = 'Chương trình cuộc họp cần ít nhất một nội dung.';
  return errors;
}

/** Fields of a postponement or cancellation the backend may refuse. */
export type StatusChangeField = 'reason' | 'new_date';

export function isStatusChangeField(field: string | null): field is StatusChangeField {
  return field === 'reason' || field === 'new_date';
}

// ---- The documents register ----

export type DocumentField = keyof DocumentInput;
export type DocumentErrors = Partial<Record<DocumentField, string>>;

const DOCUMENT_FIELDS: readonly string[] = [
  'number',
  'issued_on',
  'issuer',
  'title',
] satisfies readonly DocumentField[];

export function isDocumentField(field: string | null): field is DocumentField {
  return field !== null && DOCUMENT_FIELDS.includes(field);
}

export function cleanDocumentInput(input: DocumentInput): DocumentInput {
  return {
    ...input,
    number: cleanText(input.number),
    issuer: cleanText(input.issuer),
    title: cleanText(input.title),
  };
}

/** The missing required fields of a cleaned document (the backend checks the number's form). */
export function documentErrors(input: DocumentInput): DocumentErrors {
  const errors: DocumentErrors = {};
  if (input.number === '') errors.number = 'Số, ký hiệu văn bản không được để trống.';
  if (input.title === '') errors.title = 'Trích yếu không được để trống.';
  return errors;
}

/** "44-KH/TU (12/01/2026) — Trích yếu" for pickers and lists. */
export function documentLabel(document: Pick<DocumentInput, 'number' | 'issued_on' | 'title'>): string {
  const issued = document.issued_on === null ? '' : ` (${formatDate(document.issued_on)})`;
  return `${document.number}${issued} — ${document.title}`;
}
