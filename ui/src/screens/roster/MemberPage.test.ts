import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AttendanceHistory } from '../../lib/bindings';
import { FakeBackend } from '../../test/fakeBackend';
import MemberPage from './MemberPage.svelte';

const NO_ATTENDANCE: AttendanceHistory = {
  years: [],
  range: { meetings: 0, attended: 0, late: 0, left_early: 0, excused: 0, unexcused: 0, rate: null },
  entries: [],
};

type Invoke = (command: string, args?: unknown) => Promise<unknown>;

/** The shared fake has no meetings: member_attendance is answered here, the rest by the fake. */
function answerAttendance(history: AttendanceHistory): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: Invoke } }).__TAURI_INTERNALS__;
  const fake = internals.invoke;
  mockIPC((command, args) => (command === 'member_attendance' ? history : fake(command, args)));
}

function renderPage(memberId: number, history: AttendanceHistory = NO_ATTENDANCE) {
  answerAttendance(history);
  const user = userEvent.setup();
  const props = { memberId, onBack: vi.fn(), onEdit: vi.fn(), onDeleted: vi.fn() };
  render(MemberPage, props);
  return { user, props };
}

describe('MemberPage', () => {
  it('shows the name, the standing and the record', async () => {
    const backend = new FakeBackend();
    const member = backend.addMember({
      full_name: 'Nguyễn Văn Đức',
      gender: 'male',
      birth_date: '1960-03-02',
      admitted_on: '1985-05-19',
      official_on: '1986-05-19',
      role: 'secretary',
    });
    renderPage(member.id);

    expect(await screen.findByTestId('member-name')).toHaveTextContent('Nguyễn Văn Đức');
    expect(screen.getByTestId('member-standing')).toHaveTextContent('Chính thức');
    expect(screen.getByTestId('member-detail-birth_date')).toHaveTextContent('02/03/1960');
    expect(screen.getByTestId('member-detail-role')).toHaveTextContent('Bí thư');
    expect(screen.getByTestId('member-detail-gender')).toHaveTextContent('Nam');
    expect(screen.queryByTestId('recognise-official')).toBeNull();
  });

  it("shows the member's attendance below the timeline", async () => {
    const backend = new FakeBackend();
    const member = backend.addMember({ full_name: 'Lò Thị Hoa' });
    const stats = { ...NO_ATTENDANCE.range, meetings: 1, attended: 1, rate: '100%' };
    renderPage(member.id, {
      years: [{ year: 2026, stats }],
      range: stats,
      entries: [
        {
          meeting_id: 8,
          date: '2026-03-05',
          kind: 'regular',
          title: 'Sinh hoạt thường kỳ tháng 03',
          presence: 'present',
          reason: '',
          reason_accepted: false,
        },
      ],
    });

    const history = await screen.findByTestId('attendance-history');
    expect(history.closest('section')).toHaveTextContent('Sinh hoạt');
    expect(await screen.findByTestId('attendance-entry-8')).toHaveTextContent('05/03/2026');
    expect(screen.getByTestId('attendance-year-2026')).toHaveTextContent('100%');
    const timeline = screen.getByTestId('member-timeline');
    expect(timeline.compareDocumentPosition(history) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lists admission, full membership and statuses in date order in the timeline', async () => {
    const backend = new FakeBackend();
    const member = backend.addMember({
      full_name: 'Hoàng Văn An',
      admitted_on: '1970-01-01',
      official_on: '1971-01-01',
      official_reference: 'Quyết định 3-QĐ/HU',
    });
    const exempted = backend.addStatus(member.id, {
      kind: 'exempted',
      start: '2020-01-01',
      reference: 'Quyết định 12-QĐ/ĐU',
      note: 'Tuổi cao',
    });
    const away = backend.addStatus(member.id, { kind: 'sent_away', start: '1970-06-01', end: '1970-09-30' });
    renderPage(member.id);

    const timeline = await screen.findByTestId('member-timeline');
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => item.dataset.testid)).toEqual([
      'timeline-admitted',
      `status-${away.id}`,
      'timeline-official',
      `status-${exempted.id}`,
    ]);
    expect(items[0]).toHaveTextContent('Vào Đảng (dự bị)');
    expect(items[1]).toHaveTextContent('01/06/1970 – 30/09/1970');
    expect(items[2]).toHaveTextContent('Chính thức');
    expect(items[2]).toHaveTextContent('Quyết định 3-QĐ/HU');
    expect(items[3]).toHaveTextContent('Miễn công tác và sinh hoạt đảng');
    expect(items[3]).toHaveTextContent('từ 01/01/2020');
    expect(items[3]).toHaveTextContent('Quyết định 12-QĐ/ĐU');
    expect(items[3]).toHaveTextContent('Tuổi cao');
    expect(screen.getByTestId('member-standing')).toHaveTextContent('Miễn sinh hoạt');
  });

  it('removes a status after confirmation', async () => {
    const backend = new FakeBackend();
    const member = backend.addMember({ full_name: 'Hoàng Văn An' });
    const status = backend.addStatus(member.id, { kind: 'exempted', start: '2020-01-01' });
    const { user } = renderPage(member.id);

    await user.click(await screen.findByTestId(`remove-status-${status.id}`));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Xóa biến động "Miễn công tác và sinh hoạt đảng"');
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(backend.callsTo('remove_status')).toHaveLength(0);

    await user.click(screen.getByTestId(`remove-status-${status.id}`));
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(screen.queryByTestId(`status-${status.id}`)).toBeNull());
    expect(backend.callsTo('remove_status')).toEqual([{ statusId: status.id }]);
    expect(backend.callsTo('roster_change_notice')).toEqual([{ memberId: member.id, from: '2020-01-01' }]);
    expect(screen.queryByTestId('roster-change-notice')).toBeNull();
  });

  it('recognises a probationary member as official', async () => {
    const backend = new FakeBackend();
    const member = backend.addMember({ full_name: 'Vi Văn Bình', admitted_on: '2024-01-10' });
    const { user } = renderPage(member.id);

    expect(await screen.findByTestId('member-standing')).toHaveTextContent('Dự bị');
    await user.click(screen.getByTestId('recognise-official'));
    await user.type(screen.getByTestId('recognise-official_on'), '10/01/2025');
    await user.type(screen.getByTestId('recognise-reference'), 'Quyết định 40-QĐ/ĐU');
    await user.click(screen.getByTestId('recognise-save'));

    expect(await screen.findByTestId('member-notice')).toHaveTextContent('Đã ghi công nhận đảng viên chính thức.');
    expect(backend.callsTo('recognise_official')).toEqual([
      { memberId: member.id, officialOn: '2025-01-10', reference: 'Quyết định 40-QĐ/ĐU' },
    ]);
    expect(screen.getByTestId('member-standing')).toHaveTextContent('Chính thức');
    expect(screen.queryByTestId('recognise-official')).toBeNull();
  });

  it('says which approved meetings a backdated change leaves as they were', async () => {
    const backend = new FakeBackend();
    const member = backend.addMember({ full_name: 'Vi Văn Bình', admitted_on: '2024-01-10' });
    const notice =
      'Thay đổi của Vi Văn Bình có hiệu lực trước 1 cuộc họp đã thông qua biên bản (05/01/2025): các cuộc họp này giữ nguyên danh sách và số liệu như khi thông qua.';
    backend.rosterChangeNotice = notice;
    const { user } = renderPage(member.id);

    await user.click(await screen.findByTestId('recognise-official'));
    await user.type(screen.getByTestId('recognise-official_on'), '10/01/2025');
    await user.type(screen.getByTestId('recognise-reference'), 'Quyết định 40-QĐ/ĐU');
    await user.click(screen.getByTestId('recognise-save'));

    expect(await screen.findByTestId('roster-change-notice')).toHaveTextContent(notice);
    expect(backend.callsTo('roster_change_notice')).toEqual([{ memberId: member.id, from: '2025-01-10' }]);

    // Opening another form clears it.
    await user.click(screen.getByTestId('record-status'));
    expect(screen.queryByTestId('roster-change-notice')).toBeNull();
  });

  it('reports the form as dirty while a status is being typed', async () => {
    const backend = new FakeBackend();
    const member = backend.addMember({ full_name: 'Vi Văn Bình' });
    answerAttendance(NO_ATTENDANCE);
    const user = userEvent.setup();
    let dirty = false;
    render(MemberPage, {
      memberId: member.id,
      onBack: vi.fn(),
      onEdit: vi.fn(),
      onDeleted: vi.fn(),
      get dirty() {
        return dirty;
      },
      set dirty(value: boolean) {
        dirty = value;
      },
    });

    await user.click(await screen.findByTestId('record-status'));
    await user.type(screen.getByTestId('status-reference'), 'QĐ 1');
    await waitFor(() => expect(dirty).toBe(true));
  });
});
