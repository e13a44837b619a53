import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AttendanceEntry, AttendanceHistory, AttendanceStats } from '../../lib/bindings';
import AttendanceHistoryView from './AttendanceHistory.svelte';

const MEMBER_ID = 5;

function stats(fields: Partial<AttendanceStats>): AttendanceStats {
  return { meetings: 0, attended: 0, late: 0, left_early: 0, excused: 0, unexcused: 0, rate: null, ...fields };
}

function entry(meetingId: number, date: string, fields: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    meeting_id: meetingId,
    date,
    kind: 'regular',
    title: `Sinh hoạt thường kỳ tháng ${date.slice(5, 7)}`,
    presence: 'present',
    reason: '',
    reason_accepted: false,
    ...fields,
  };
}

const ENTRIES: AttendanceEntry[] = [
  entry(31, '2026-03-05', { presence: 'excused', reason: 'Đi công tác', reason_accepted: false }),
  entry(30, '2026-02-05', { presence: 'late' }),
  entry(22, '2025-12-05', { presence: 'excused', reason: 'Ốm', reason_accepted: true }),
  entry(21, '2025-11-05', { presence: 'unexcused' }),
  entry(20, '2025-10-06'),
];

const FULL: AttendanceHistory = {
  years: [
    { year: 2026, stats: stats({ meetings: 2, attended: 1, late: 1, excused: 1, rate: '50%' }) },
    { year: 2025, stats: stats({ meetings: 3, attended: 1, excused: 1, unexcused: 1, rate: '33,3%' }) },
  ],
  range: stats({ meetings: 5, attended: 2, late: 1, excused: 2, unexcused: 1, rate: '40%' }),
  entries: ENTRIES,
};

type Range = { from: string | null; until: string | null };

/** Answers member_attendance: the whole history, or only 2025 when asked from 2025-01-01. */
function mockAttendance(history: AttendanceHistory = FULL): Range[] {
  const asked: Range[] = [];
  mockIPC((command, args) => {
    if (command !== 'member_attendance') throw { code: 'internal', message: command, field: null };
    const { memberId, from, until } = args as Range & { memberId: number };
    expect(memberId).toBe(MEMBER_ID);
    asked.push({ from, until });
    if (from !== null && until !== null && until < from) {
      throw {
        code: 'validation',
        message: 'Ngày kết thúc (01/01/2025) phải từ ngày bắt đầu (31/12/2025) trở đi.',
        field: 'until',
      };
    }
    if (from === null && until === null) return history;
    return {
      ...history,
      range: stats({ meetings: 3, attended: 1, excused: 1, unexcused: 1, rate: '33,3%' }),
      entries: history.entries.filter((e) => e.date.startsWith('2025')),
    };
  });
  return asked;
}

async function renderHistory() {
  const user = userEvent.setup();
  render(AttendanceHistoryView, { memberId: MEMBER_ID });
  return { user };
}

describe('AttendanceHistory', () => {
  it('shows the years, the totals and the roll calls, the latest first', async () => {
    const asked = mockAttendance();
    await renderHistory();

    const year2026 = await screen.findByTestId('attendance-year-2026');
    expect(asked).toEqual([{ from: null, until: null }]);
    expect(within(year2026).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '2',
      '1',
      '1',
      '0',
      '1',
      '0',
      '50%',
    ]);
    expect(screen.getByTestId('attendance-year-2025')).toHaveTextContent('33,3%');
    expect(screen.getByTestId('attendance-range')).toHaveTextContent('Toàn bộ thời gian: 5 buổi');
    expect(screen.getByTestId('attendance-range-rate')).toHaveTextContent(/^40%$/);

    const entries = screen.getAllByTestId(/^attendance-entry-/);
    expect(entries.map((e) => e.dataset.testid)).toEqual(ENTRIES.map((e) => `attendance-entry-${e.meeting_id}`));
    expect(entries[0]).toHaveTextContent('05/03/2026');
    expect(entries[0]).toHaveTextContent('Sinh hoạt thường kỳ tháng 03');
    expect(entries[0]).toHaveTextContent('Vắng có lý do');
    expect(entries[0]).toHaveTextContent('Lý do: Đi công tác (không chấp nhận)');
    expect(entries[1]).toHaveTextContent('Muộn');
    expect(entries[1]).not.toHaveTextContent('Lý do');
    expect(entries[2]).toHaveTextContent('Lý do: Ốm');
    expect(entries[2]).not.toHaveTextContent('không chấp nhận');
    expect(entries[3]).toHaveTextContent('Vắng không lý do');
    expect(entries[4]).toHaveTextContent('Có mặt');
  });

  it('narrows the totals and the list to a range, and clears it', async () => {
    const asked = mockAttendance();
    const { user } = await renderHistory();

    await user.type(await screen.findByTestId('attendance-from'), '01/01/2025');
    await user.type(screen.getByTestId('attendance-until'), '31/12/2025');
    await user.click(screen.getByTestId('attendance-apply'));

    await waitFor(() => expect(screen.getByTestId('attendance-range-rate')).toHaveTextContent('33,3%'));
    expect(asked[asked.length - 1]).toEqual({ from: '2025-01-01', until: '2025-12-31' });
    expect(screen.getByTestId('attendance-range')).toHaveTextContent('01/01/2025 – 31/12/2025: 3 buổi');
    expect(screen.getAllByTestId(/^attendance-entry-/)).toHaveLength(3);
    // The years stay whole.
    expect(screen.getByTestId('attendance-year-2026')).toBeInTheDocument();

    await user.click(screen.getByTestId('attendance-clear'));
    await waitFor(() => expect(screen.getByTestId('attendance-range-rate')).toHaveTextContent('40%'));
    expect(asked[asked.length - 1]).toEqual({ from: null, until: null });
    expect(screen.getByTestId('attendance-from')).toHaveValue('');
    expect(screen.getByTestId('attendance-until')).toHaveValue('');
  });

  it('shows a refused range under its field', async () => {
    mockAttendance();
    const { user } = await renderHistory();

    await user.type(await screen.findByTestId('attendance-from'), '31/12/2025');
    await user.type(screen.getByTestId('attendance-until'), '01/01/2025{Enter}');

    expect(await screen.findByTestId('attendance-until-error')).toHaveTextContent(
      'Ngày kết thúc (01/01/2025) phải từ ngày bắt đầu (31/12/2025) trở đi.',
    );
    expect(screen.getByTestId('attendance-until')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('attendance-range')).toHaveTextContent('Toàn bộ thời gian');
  });

  it('does not ask for a date that cannot be read', async () => {
    const asked = mockAttendance();
    const { user } = await renderHistory();

    await user.type(await screen.findByTestId('attendance-from'), '31/02/2025');
    await user.click(screen.getByTestId('attendance-apply'));

    expect(await screen.findByTestId('attendance-from-error')).toHaveTextContent('Ngày không hợp lệ');
    expect(asked).toHaveLength(1);
  });

  it('says when there is no roll call yet', async () => {
    mockAttendance({ years: [], range: stats({}), entries: [] });
    await renderHistory();

    expect(await screen.findByTestId('attendance-empty')).toHaveTextContent('Chưa có buổi điểm danh nào.');
    expect(screen.queryByTestId('attendance-range')).toBeNull();
  });

  it('says when the range holds no roll call', async () => {
    mockAttendance({ ...FULL, entries: FULL.entries.filter((e) => e.date.startsWith('2026')) });
    const { user } = await renderHistory();

    await user.type(await screen.findByTestId('attendance-from'), '01/01/2025');
    await user.click(screen.getByTestId('attendance-apply'));

    expect(await screen.findByTestId('attendance-empty-range')).toHaveTextContent(
      'Không có buổi điểm danh nào trong khoảng này.',
    );
  });

  it('shows an error the backend gives', async () => {
    mockIPC(() => {
      throw { code: 'not_found', message: 'Không tìm thấy đảng viên.', field: null };
    });
    await renderHistory();

    expect(await screen.findByTestId('attendance-error')).toHaveTextContent('Không tìm thấy đảng viên.');
  });
});
