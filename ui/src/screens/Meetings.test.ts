import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { DEMO_INPUT, FakeBackend } from '../test/fakeBackend';

async function openMeetings(backend: FakeBackend) {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByTestId('nav-meetings'));
  await screen.findByTestId('meetings-screen');
  return { user, backend };
}

/** A branch with a held meeting (roll call taken, minutes approved) and a postponed one. */
function branchWithMeetings(): FakeBackend {
  const backend = new FakeBackend([DEMO_INPUT]);
  backend.addMeeting(
    {
      title: 'Sinh hoạt thường kỳ tháng 02 năm 2026',
      date: '2026-02-05',
      planned_start: '07:30',
      status: 'held',
    },
    { marked: 10, attended: 9, locked_at: '2026-02-05T10:00:00' },
  );
  backend.addMeeting({
    kind: 'thematic',
    title: 'Học tập Kết luận 21-KL/TW',
    date: '2026-03-05',
    planned_start: '14:00',
    status: 'postponed',
    status_reason: 'Trùng lịch tiêm phòng của xã',
  });
  return backend;
}

describe('meetings list', () => {
  it('shows the year of the app today and invites planning it when empty', async () => {
    const { backend } = await openMeetings(new FakeBackend([DEMO_INPUT]));

    expect(screen.getByTestId('nav-meetings')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('meetings-year')).toHaveTextContent('2026');
    expect(await screen.findByTestId('meetings-empty')).toHaveTextContent('Năm 2026 chưa có cuộc họp nào.');
    expect(screen.getByTestId('meetings-empty-plan')).toBeInTheDocument();
    expect(backend.callsTo('meetings_of_year')).toEqual([{ branchId: 1, year: 2026 }]);
  });

  it('plans the year, then adds nothing when planned again', async () => {
    const { user, backend } = await openMeetings(new FakeBackend([DEMO_INPUT]));

    await user.click(await screen.findByTestId('meetings-plan'));
    const dialog = screen.getByTestId('plan-dialog');
    expect(dialog).toHaveTextContent('Lập kế hoạch năm 2026');
    expect(screen.getByTestId('plan-day')).toHaveValue('5');
    expect(screen.getByTestId('plan-day')).toHaveFocus();
    expect(screen.getByTestId('plan-avoid-sunday')).toBeChecked();
    await user.click(screen.getByTestId('plan-submit'));

    expect(await screen.findByTestId('plan-result')).toHaveTextContent('Đã thêm 16 cuộc họp vào lịch năm 2026.');
    expect(screen.queryByTestId('plan-dialog')).toBeNull();
    expect(backend.callsTo('plan_year')).toEqual([{ branchId: 1, year: 2026, rule: { day: 5, avoid_sunday: true, avoid_holidays: true } }]);
    const table = await screen.findByTestId('meetings-table');
    expect(within(table).getAllByRole('row')).toHaveLength(17);
    // 05/04/2026 is a Sunday: the April meeting moved to Monday.
    expect(table).toHaveTextContent('Thứ Hai, 06/04/2026');

    await user.click(screen.getByTestId('meetings-plan'));
    await user.keyboard('{Enter}');

    expect(await screen.findByTestId('plan-result')).toHaveTextContent(
      'Lịch năm 2026 đã đủ; không thêm cuộc họp nào.',
    );
    expect(within(screen.getByTestId('meetings-table')).getAllByRole('row')).toHaveLength(17);
  });

  it('refuses a day of the month outside 1–31 without calling the backend', async () => {
    const { user, backend } = await openMeetings(new FakeBackend([DEMO_INPUT]));

    await user.click(await screen.findByTestId('meetings-plan'));
    await user.clear(screen.getByTestId('plan-day'));
    await user.type(screen.getByTestId('plan-day'), '32{Enter}');

    expect(screen.getByTestId('plan-error-day')).toHaveTextContent('Ngày họp hằng tháng phải từ 1 đến 31.');
    expect(screen.getByTestId('plan-day')).toHaveFocus();
    expect(backend.callsTo('plan_year')).toHaveLength(0);
  });

  it('closes the plan dialog on Escape and gives focus back', async () => {
    const { user, backend } = await openMeetings(new FakeBackend([DEMO_INPUT]));

    await user.click(await screen.findByTestId('meetings-plan'));
    await user.keyboard('{Escape}');

    expect(screen.queryByTestId('plan-dialog')).toBeNull();
    expect(screen.getByTestId('meetings-plan')).toHaveFocus();
    expect(backend.callsTo('plan_year')).toHaveLength(0);
  });

  it('lists date and weekday, time, kind, title, status with reason, attendance and the lock', async () => {
    await openMeetings(branchWithMeetings());

    const held = await screen.findByTestId('meeting-row-1');
    const cells = within(held).getAllByRole('cell').map((cell) => cell.textContent?.trim());
    expect(cells.slice(0, 6)).toEqual([
      'Thứ Năm, 05/02/2026',
      '07:30',
      'Sinh hoạt thường kỳ',
      'Sinh hoạt thường kỳ tháng 02 năm 2026',
      'Đã họp',
      '9/10',
    ]);
    expect(within(held).getByTestId('meeting-locked-1')).toHaveTextContent('Biên bản đã thông qua');

    const postponed = screen.getByTestId('meeting-row-2');
    expect(postponed).toHaveTextContent('Sinh hoạt chuyên đề');
    expect(postponed).toHaveTextContent('Hoãn');
    expect(postponed).toHaveTextContent('Trùng lịch tiêm phòng của xã');
    expect(within(postponed).getByText('Hoãn')).toHaveAttribute('title', 'Lý do: Trùng lịch tiêm phòng của xã');
    expect(screen.getByTestId('meeting-attendance-2')).toHaveTextContent(/^$/);
    expect(within(postponed).queryByTestId('meeting-locked-2')).toBeNull();
  });

  it('opens a meeting with Enter on its row, and comes back to the same year', async () => {
    const { user } = await openMeetings(branchWithMeetings());

    (await screen.findByTestId('meeting-row-2')).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('meeting-heading')).toHaveTextContent('Học tập Kết luận 21-KL/TW');

    await user.click(screen.getByTestId('meeting-back'));
    expect(await screen.findByTestId('meeting-row-1')).toBeInTheDocument();
    expect(screen.getByTestId('meetings-year')).toHaveTextContent('2026');
  });

  it('moves between years', async () => {
    const { user, backend } = await openMeetings(branchWithMeetings());

    await screen.findByTestId('meetings-table');
    await user.click(screen.getByTestId('meetings-year-prev'));

    expect(screen.getByTestId('meetings-year')).toHaveTextContent('2025');
    expect(await screen.findByTestId('meetings-empty')).toHaveTextContent('Năm 2025 chưa có cuộc họp nào.');
    await user.click(screen.getByTestId('meetings-year-next'));
    expect(await screen.findByTestId('meeting-row-1')).toBeInTheDocument();
    expect(backend.callsTo('meetings_of_year').map((args) => args.year)).toEqual([2026, 2025, 2026]);
  });
});

describe('meetings calendar', () => {
  it('shows the month of today, Monday first, with a meeting on its day', async () => {
    const { user } = await openMeetings(branchWithMeetings());

    await user.click(await screen.findByTestId('meetings-view-calendar'));

    const calendar = screen.getByTestId('meetings-calendar');
    expect(screen.getByTestId('meetings-view-calendar')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('calendar-month')).toHaveTextContent('Tháng 3/2026');
    expect(within(calendar).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'CN',
    ]);
    const day = screen.getByTestId('calendar-day-2026-03-05');
    expect(within(day).getByTestId('calendar-meeting-2')).toHaveTextContent('14:00 Học tập Kết luận 21-KL/TW (Hoãn)');
    expect(screen.getByTestId('calendar-day-2026-03-10')).toHaveAttribute('aria-current', 'date');
    expect(screen.getByTestId('calendar-day-2026-03-05')).not.toHaveAttribute('aria-current');
    // 01/03/2026 is a Sunday: the last cell of the first row.
    const firstRow = within(calendar).getAllByRole('row')[1]!;
    expect(within(firstRow).getAllByRole('cell')[6]).toHaveAttribute('data-testid', 'calendar-day-2026-03-01');
  });

  it('moves between months, across the year, and opens a meeting', async () => {
    const { user, backend } = await openMeetings(branchWithMeetings());

    await user.click(await screen.findByTestId('meetings-view-calendar'));
    await user.click(screen.getByTestId('calendar-prev'));
    expect(screen.getByTestId('calendar-month')).toHaveTextContent('Tháng 2/2026');
    expect(screen.getByTestId('calendar-day-2026-02-05')).toContainElement(screen.getByTestId('calendar-meeting-1'));

    await user.click(screen.getByTestId('calendar-prev'));
    await user.click(screen.getByTestId('calendar-prev'));
    expect(await screen.findByTestId('calendar-month')).toHaveTextContent('Tháng 12/2025');
    expect(screen.getByTestId('meetings-year')).toHaveTextContent('2025');
    expect(backend.callsTo('meetings_of_year')).toContainEqual({ branchId: 1, year: 2025 });

    await user.click(screen.getByTestId('calendar-next'));
    await user.click(await screen.findByTestId('calendar-next'));
    await user.click(await screen.findByTestId('calendar-meeting-1'));
    expect(await screen.findByTestId('meeting-heading')).toHaveTextContent('Sinh hoạt thường kỳ tháng 02 năm 2026');

    await user.click(screen.getByTestId('meeting-back'));
    expect(await screen.findByTestId('calendar-month')).toHaveTextContent('Tháng 2/2026');
  });
});

describe('schedule export', () => {
  it('says where the schedule was saved', async () => {
    const { user, backend } = await openMeetings(branchWithMeetings());

    await user.click(await screen.findByTestId('meetings-export'));

    expect(await screen.findByTestId('meetings-notice')).toHaveTextContent(
      'Đã lưu lịch sinh hoạt năm 2026: /home/bithu/Tài liệu/lich-sinh-hoat-2026.xlsx',
    );
    expect(backend.callsTo('export_schedule')).toEqual([{ branchId: 1, year: 2026 }]);
  });

  it('says nothing when the save dialog is cancelled, and shows an error', async () => {
    const backend = branchWithMeetings();
    backend.schedulePath = null;
    const { user } = await openMeetings(backend);

    await user.click(await screen.findByTestId('meetings-export'));
    await waitFor(() => expect(backend.callsTo('export_schedule')).toHaveLength(1));
    expect(screen.queryByTestId('meetings-notice')).toBeNull();

    backend.failures.set('export_schedule', { code: 'io', message: 'Không ghi được tệp.', field: null });
    await user.click(screen.getByTestId('meetings-export'));
    expect(await screen.findByTestId('meetings-error')).toHaveTextContent('Không ghi được tệp.');
  });
});

describe('adding a meeting', () => {
  it('asks the kind and the date, then opens the form with the standard agenda', async () => {
    const { user, backend } = await openMeetings(new FakeBackend([DEMO_INPUT]));

    await user.click(await screen.findByTestId('meetings-add'));
    expect(screen.getByTestId('new-meeting-kind')).toHaveFocus();
    expect(screen.getByTestId('new-meeting-date')).toHaveValue('10/03/2026');
    await user.selectOptions(screen.getByTestId('new-meeting-kind'), 'thematic');
    await user.clear(screen.getByTestId('new-meeting-date'));
    await user.type(screen.getByTestId('new-meeting-date'), '20/03/2026');
    await user.click(screen.getByTestId('new-meeting-submit'));

    expect(await screen.findByTestId('meeting-heading')).toHaveTextContent('Cuộc họp mới');
    expect(backend.callsTo('new_meeting')).toEqual([{ kind: 'thematic', date: '2026-03-20' }]);
    expect(screen.getByTestId('meeting-kind')).toHaveValue('thematic');
    expect(screen.getByTestId('meeting-date')).toHaveValue('20/03/2026');
    expect(screen.getByTestId('agenda-item-0')).toHaveValue('Mở đầu: tuyên bố lý do, điểm danh');
    expect(screen.getByTestId('meeting-roll-call')).toBeDisabled();
    expect(screen.queryByTestId('meeting-delete')).toBeNull();
    expect(backend.callsTo('create_meeting')).toHaveLength(0);
  });

  it('needs a date', async () => {
    const { user, backend } = await openMeetings(new FakeBackend([DEMO_INPUT]));

    await user.click(await screen.findByTestId('meetings-add'));
    await user.clear(screen.getByTestId('new-meeting-date'));
    await user.click(screen.getByTestId('new-meeting-submit'));

    expect(screen.getByTestId('new-meeting-error-date')).toHaveTextContent('Hãy nhập ngày họp.');
    expect(backend.callsTo('new_meeting')).toHaveLength(0);
  });
});

describe('leaving with unsaved edits', () => {
  it('asks before leaving the meeting form for another screen or the list', async () => {
    const { user } = await openMeetings(branchWithMeetings());

    await user.click(await screen.findByTestId('meeting-row-2'));
    await user.type(await screen.findByTestId('meeting-place'), 'Nhà văn hóa thôn');
    await user.click(screen.getByTestId('nav-overview'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Bỏ các thay đổi chưa lưu?');
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(screen.getByTestId('meeting-place')).toHaveValue('Nhà văn hóa thôn');

    await user.click(screen.getByTestId('meeting-back'));
    expect(screen.getByTestId('confirm-dialog')).toBeInTheDocument();
    await user.click(screen.getByTestId('confirm-ok'));
    expect(await screen.findByTestId('meetings-table')).toBeInTheDocument();
  });

  it('"Sinh hoạt" again goes back to the list', async () => {
    const { user } = await openMeetings(branchWithMeetings());

    await user.click(await screen.findByTestId('meeting-row-1'));
    await screen.findByTestId('meeting-page');
    await user.click(screen.getByTestId('nav-meetings'));

    expect(await screen.findByTestId('meetings-table')).toBeInTheDocument();
  });
});
