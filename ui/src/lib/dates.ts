// Dates as Vietnamese users read and type them (dd/mm/yyyy), never through the webview's
// locale. Dates cross IPC as ISO "YYYY-MM-DD". Mirrors `chibo_core::dates`.

export const INVALID_DATE_MESSAGE =
  'Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026.';

/** Earliest year accepted, as in the backend. */
const MIN_YEAR = 1900;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The result of reading a typed date: empty text is a valid "no date". */
export type ParsedDate = { ok: true; iso: string | null } | { ok: false };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Reads "05/02/2026", "5/2/2026", "05-02-2026" or "05.02.2026" into "2026-02-05".
 * Rejects dates that do not exist on the calendar (31/02/1970) and anything else.
 */
export function parseDate(text: string): ParsedDate {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, iso: null };
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!match) return { ok: false };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false };
  }
  return { ok: true, iso: isoDate(year, month, day) };
}

/** "2026-02-05" → "05/02/2026"; null → "". Text that is not an ISO date is returned as is. */
export function formatDate(iso: string | null): string {
  if (iso === null) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** "2026-03-05T10:30:00" (as the backend sends a moment) → "10:30 ngày 05/03/2026". */
export function formatDateTime(timestamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(timestamp);
  return match ? `${match[2]} ngày ${formatDate(match[1] ?? '')}` : timestamp;
}

/**
 * A moment as "05/03/2026 10:30", from the backend's timestamp ("2026-03-05T10:30:12+07:00",
 * "2026-03-05T10:30:12") as written: the digits are those of the computer that recorded it,
 * whatever the webview's time zone. Other text is returned as is.
 */
export function formatTimestamp(timestamp: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(timestamp);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}` : timestamp;
}

/** The time of day of a moment on this computer's clock: "09:05:07". */
export function clockTime(moment: Date): string {
  return [moment.getHours(), moment.getMinutes(), moment.getSeconds()]
    .map((part) => pad(part, 2))
    .join(':');
}

/** The committee term as one line: "01/08/2025 – 31/07/2030". */
export function formatTerm(start: string | null, end: string | null): string {
  if (start !== null && end !== null) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start !== null) return `Từ ${formatDate(start)}`;
  if (end !== null) return `Đến ${formatDate(end)}`;
  return 'Chưa nhập nhiệm kỳ';
}

/** An ISO date from its parts: isoDate(2026, 3, 5) → "2026-03-05". */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The day of the week of an ISO date, Monday first: 0 = Thứ Hai … 6 = Chủ nhật. */
export function weekdayIndex(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  const sundayFirst = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  return (sundayFirst + 6) % 7;
}
