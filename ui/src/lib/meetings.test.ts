import { describe, expect, it } from 'vitest';
import type { MeetingInput } from './bindings';
import {
  cleanDocumentInput,
  cleanMeetingInput,
  dateWithWeekday,
  documentErrors,
  documentLabel,
  formInput,
  isDocumentField,
  isMeetingField,
  isStatusChangeField,
  meetingErrors,
  minutesBetween,
  monthGrid,
  monthOf,
  monthTitle,
  parseTime,
  shiftMonth,
  shortTime,
} from './meetings';

function meeting(fields: Partial<MeetingInput> = {}): MeetingInput {
  return {
    kind: 'regular',
    title: 'Sinh hoạt thường kỳ tháng 03 năm 2026',
    date: '2026-03-05',
    planned_start: null,
    planned_end: null,
    actual_start: null,
    actual_end: null,
    place: '',
    chair_id: null,
    secretary_id: null,
    guests: [],
    agenda: ['Mở đầu'],
    status: 'planned',
    status_reason: '',
    document_ids: [],
    ...fields,
  };
}

describe('times', () => {
  it('shortens the backend answer to hours and minutes', () => {
    expect(shortTime('07:30:00')).toBe('07:30');
    expect(shortTime('19:05')).toBe('19:05');
    expect(shortTime(null)).toBe('');
  });

  it('reads the usual ways of typing a time', () => {
    expect(parseTime('07:30')).toEqual({ ok: true, time: '07:30' });
    expect(parseTime(' 7:30 ')).toEqual({ ok: true, time: '07:30' });
    expect(parseTime('7h30')).toEqual({ ok: true, time: '07:30' });
    expect(parseTime('14g')).toEqual({ ok: true, time: '14:00' });
    expect(parseTime('')).toEqual({ ok: true, time: null });
  });

  it('refuses what is not a time of day', () => {
    for (const text of ['24:00', '7:60', '7', '7:3', '07-30', 'bảy giờ', '7:30 sáng']) {
      expect(parseTime(text), text).toEqual({ ok: false });
    }
  });

  it('counts the minutes between two times, only forwards', () => {
    expect(minutesBetween('07:30', '09:15')).toBe(105);
    expect(minutesBetween('09:15', '07:30')).toBeNull();
    expect(minutesBetween('07:30', '07:30')).toBeNull();
    expect(minutesBetween('07:30', null)).toBeNull();
  });
});

describe('calendar', () => {
  it('writes a date with its weekday', () => {
    expect(dateWithWeekday('2026-03-05')).toBe('Thứ Năm, 05/03/2026');
    expect(dateWithWeekday('2026-04-05')).toBe('Chủ nhật, 05/04/2026');
  });

  it('names and moves between months across years', () => {
    expect(monthOf('2026-03-05')).toEqual({ year: 2026, month: 3 });
    expect(monthTitle({ year: 2026, month: 3 })).toBe('Tháng 3/2026');
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 3 }, 0)).toEqual({ year: 2026, month: 3 });
  });

  it('lays a month out in weeks starting on Monday', () => {
    // March 2026 starts on a Sunday and has 31 days: six rows.
    const weeks = monthGrid({ year: 2026, month: 3 });
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks[1]?.[0]).toBe('2026-03-02');
    expect(weeks[5]).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('fits February 2027 (starting on Monday) in four rows', () => {
    const weeks = monthGrid({ year: 2027, month: 2 });
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    expect(weeks[3]?.[6]).toBe('2027-02-28');
  });
});

describe('meeting form', () => {
  it('edits times as HH:MM and copies the lists', () => {
    const stored = meeting({ planned_start: '07:30:00', actual_end: '09:45:00', agenda: ['A'] });
    const edited = formInput(stored);
    expect(edited.planned_start).toBe('07:30');
    expect(edited.actual_end).toBe('09:45');
    expect(edited.planned_end).toBeNull();
    edited.agenda.push('B');
    expect(stored.agenda).toEqual(['A']);
  });

  it('cleans the texts and drops blank agenda items and guest rows', () => {
    const cleaned = cleanMeetingInput(
      meeting({
        title: '  Sinh hoạt   chuyên đề ',
        agenda: [' Mở đầu ', '   ', 'Kết luận'],
        guests: [
          { name: ' Lò Văn Hùng ', post: 'Phó Bí thư', organisation: '' },
          { name: '', post: ' ', organisation: '' },
        ],
      }),
    );
    expect(cleaned.title).toBe('Sinh hoạt chuyên đề');
    expect(cleaned.agenda).toEqual(['Mở đầu', 'Kết luận']);
    expect(cleaned.guests).toEqual([{ name: 'Lò Văn Hùng', post: 'Phó Bí thư', organisation: '' }]);
  });

  it('finds what the backend would refuse, with its messages', () => {
    expect(meetingErrors(meeting(), '2026-03-10')).toEqual({});
    expect(
      meetingErrors(
        meeting({
          title: '',
          planned_start: '09:00',
          planned_end: '08:00',
          actual_start: '07:30',
          actual_end: '07:30',
          agenda: [],
          guests: [{ name: '', post: 'Phó Bí thư', organisation: '' }],
          status: 'held',
          date: '2026-04-05',
        }),
        '2026-03-10',
      ),
    ).toEqual({
      title: 'Chủ đề cuộc họp không được để trống.',
      planned_end: 'Giờ kết thúc (08:00) phải sau giờ bắt đầu (09:00).',
      actual_end: 'Giờ kết thúc (07:30) phải sau giờ bắt đầu (07:30).',
      status: 'Cuộc họp ngày 05/04/2026 chưa diễn ra nên chưa thể ghi "đã họp".',
      guests: 'Họ tên đại biểu thứ 1 không được để trống.',
      agenda: 'Chương trình cuộc họp cần ít nhất một nội dung.',
    });
  });

  it('allows "đã họp" on the day itself', () => {
    expect(meetingErrors(meeting({ status: 'held', date: '2026-03-10' }), '2026-03-10')).toEqual({});
  });

  it('knows the fields a rejection may name', () => {
    expect(isMeetingField('secretary_id')).toBe(true);
    expect(isMeetingField('document_ids')).toBe(true);
    expect(isMeetingField('number')).toBe(false);
    expect(isMeetingField(null)).toBe(false);
    expect(isStatusChangeField('reason')).toBe(true);
    expect(isStatusChangeField('new_date')).toBe(true);
    expect(isStatusChangeField('title')).toBe(false);
  });
});

describe('documents', () => {
  it('asks for the number and the title', () => {
    const blank = cleanDocumentInput({ number: ' ', issued_on: null, issuer: '', title: '' });
    expect(documentErrors(blank)).toEqual({
      number: 'Số, ký hiệu văn bản không được để trống.',
      title: 'Trích yếu không được để trống.',
    });
    expect(isDocumentField('issued_on')).toBe(true);
    expect(isDocumentField('title')).toBe(true);
    expect(isDocumentField('agenda')).toBe(false);
  });

  it('is labelled by number, date and title', () => {
    expect(documentLabel({ number: '44-KH/TU', issued_on: '2026-01-12', title: 'Kế hoạch học tập' })).toBe(
      '44-KH/TU (12/01/2026) — Kế hoạch học tập',
    );
    expect(documentLabel({ number: '21-KL/TW', issued_on: null, title: 'Kết luận' })).toBe('21-KL/TW — Kết luận');
  });
});
