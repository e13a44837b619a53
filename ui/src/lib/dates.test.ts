import { describe, expect, it } from 'vitest';
import {
  clockTime,
  daysInMonth,
  formatDate,
  formatDateTime,
  formatTerm,
  formatTimestamp,
  isoDate,
  parseDate,
  weekdayIndex,
} from './dates';

describe('parseDate', () => {
  it('reads dd/mm/yyyy as an ISO date', () => {
    expect(parseDate('05/02/2026')).toEqual({ ok: true, iso: '2026-02-05' });
  });

  it('reads d/m/yyyy without leading zeros', () => {
    expect(parseDate('5/2/2026')).toEqual({ ok: true, iso: '2026-02-05' });
  });

  it('accepts dashes and dots as separators and ignores surrounding spaces', () => {
    expect(parseDate('05-02-2026')).toEqual({ ok: true, iso: '2026-02-05' });
    expect(parseDate(' 05.02.2026 ')).toEqual({ ok: true, iso: '2026-02-05' });
  });

  it('treats empty text as no date', () => {
    expect(parseDate('')).toEqual({ ok: true, iso: null });
    expect(parseDate('   ')).toEqual({ ok: true, iso: null });
  });

  it('rejects days that do not exist on the calendar', () => {
    expect(parseDate('31/02/1970')).toEqual({ ok: false });
    expect(parseDate('29/02/2025')).toEqual({ ok: false });
    expect(parseDate('31/04/2026')).toEqual({ ok: false });
    expect(parseDate('00/01/2026')).toEqual({ ok: false });
    expect(parseDate('01/13/2026')).toEqual({ ok: false });
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseDate('29/02/2000')).toEqual({ ok: true, iso: '2000-02-29' });
    expect(parseDate('29/02/1900')).toEqual({ ok: false });
  });

  it('rejects garbage, two-digit years, ISO input and years before 1900', () => {
    for (const text of ['abc', '05/02', '05/02/26', '2026-02-05', '5 2 2026', '05/02/2026x', '01/01/1899']) {
      expect(parseDate(text), text).toEqual({ ok: false });
    }
  });
});

describe('formatDate', () => {
  it('writes an ISO date as dd/mm/yyyy with leading zeros', () => {
    expect(formatDate('2026-02-05')).toBe('05/02/2026');
  });

  it('writes no date as empty text', () => {
    expect(formatDate(null)).toBe('');
  });

  it('round-trips with parseDate', () => {
    for (const iso of ['2025-08-01', '2030-07-31', '2024-02-29', '1999-12-31']) {
      const parsed = parseDate(formatDate(iso));
      expect(parsed).toEqual({ ok: true, iso });
    }
  });
});

describe('formatDateTime', () => {
  it('writes a moment as time then date', () => {
    expect(formatDateTime('2026-03-05T10:30:00')).toBe('10:30 ngày 05/03/2026');
    expect(formatDateTime('2026-03-05 07:05:59.123')).toBe('07:05 ngày 05/03/2026');
  });

  it('returns anything else as it is', () => {
    expect(formatDateTime('hôm qua')).toBe('hôm qua');
  });
});

describe('clockTime', () => {
  it('writes hours, minutes and seconds with two digits each', () => {
    expect(clockTime(new Date(2026, 2, 5, 9, 5, 7))).toBe('09:05:07');
    expect(clockTime(new Date(2026, 2, 5, 23, 59, 0))).toBe('23:59:00');
  });
});

describe('formatTerm', () => {
  it('joins both ends with an en dash', () => {
    expect(formatTerm('2025-08-01', '2030-07-31')).toBe('01/08/2025 – 31/07/2030');
  });

  it('says the term is missing when neither end is known', () => {
    expect(formatTerm(null, null)).toBe('Chưa nhập nhiệm kỳ');
  });

  it('names the one known end', () => {
    expect(formatTerm('2025-08-01', null)).toBe('Từ 01/08/2025');
    expect(formatTerm(null, '2030-07-31')).toBe('Đến 31/07/2030');
  });
});

describe('daysInMonth', () => {
  it('knows February of leap and common years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('isoDate', () => {
  it('pads the month and day', () => {
    expect(isoDate(2026, 3, 5)).toBe('2026-03-05');
    expect(isoDate(2026, 12, 31)).toBe('2026-12-31');
  });
});

describe('weekdayIndex', () => {
  it('counts from Monday, whatever the time zone', () => {
    expect(weekdayIndex('2026-03-09')).toBe(0);
    expect(weekdayIndex('2026-03-05')).toBe(3);
    expect(weekdayIndex('2026-04-05')).toBe(6);
    expect(weekdayIndex('2024-02-29')).toBe(3);
  });
});

describe('formatTimestamp', () => {
  it('shows the date and time as written in the timestamp, whatever its offset', () => {
    expect(formatTimestamp('2026-03-05T10:30:12+07:00')).toBe('05/03/2026 10:30');
    expect(formatTimestamp('2026-12-31T23:59:59-05:00')).toBe('31/12/2026 23:59');
    expect(formatTimestamp('2026-01-02T00:05:00Z')).toBe('02/01/2026 00:05');
    expect(formatTimestamp('2026-01-02 08:00:00')).toBe('02/01/2026 08:00');
  });

  it('leaves text that is not a timestamp as it is', () => {
    expect(formatTimestamp('hôm qua')).toBe('hôm qua');
  });
});
