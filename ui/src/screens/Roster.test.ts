import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { RosterView } from '../lib/bindings';
import { DEMO_INPUT, FAKE_TODAY, FakeBackend } from '../test/fakeBackend';

function branchWithMembers(): FakeBackend {
  const backend = new FakeBackend([DEMO_INPUT]);
  backend.addMember({
    full_name: 'Nguyễn Văn Đức',
    birth_date: '1960-03-02',
    admitted_on: '1985-05-19',
    official_on: '1986-05-19',
    role: 'secretary',
  });
  backend.addMember({ full_name: 'Lò Thị Hoa', admitted_on: '2000-01-01', official_on: '2001-01-01' });
  const old = backend.addMember({ full_name: 'Hoàng Văn An', admitted_on: '1970-01-01', official_on: '1971-01-01' });
  backend.addStatus(old.id, { kind: 'exempted', start: '2020-01-01' });
  const young = backend.addMember({ full_name: 'Vi Văn Bình', admitted_on: FAKE_TODAY });
  backend.addStatus(young.id, { kind: 'attached_here', start: FAKE_TODAY });
  return backend;
}

async function openRoster(backend: FakeBackend) {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByTestId('nav-roster'));
  await screen.findByTestId('roster-summary');
  return { user, backend };
}

function lastRosterCall(backend: FakeBackend) {
  const calls = backend.callsTo('roster');
  return calls[calls.length - 1];
}

describe('roster', () => {
  it('asks for the roll of today by the backend clock, on the roll, without search', async () => {
    const { backend } = await openRoster(branchWithMembers());

    expect(lastRosterCall(backend)).toEqual({ branchId: 1, asOf: FAKE_TODAY, search: '', filter: 'on_roll' });
    expect(screen.getByTestId('roster-as-of')).toHaveValue('10/03/2026');
  });

  it('shows the counts of the RosterView in the summary line', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    backend.addMember({ full_name: 'Lò Thị Hoa' });
    const counts: RosterView['counts'] = {
      total: 25,
      official: 20,
      probationary: 2,
      exempted: 3,
      sent_away: 0,
      attached_here: 0,
    };
    backend.rosterOverride = (view) => ({ ...view, counts });
    await openRoster(backend);

    const summary = screen.getByTestId('roster-summary');
    expect(summary).toHaveTextContent(/^Tổng số: 25 · Chính thức: 20 · Dự bị: 2 · Miễn sinh hoạt: 3$/);
    expect(screen.getByTestId('count-total')).toHaveTextContent(/^25$/);
    expect(screen.getByTestId('count-official')).toHaveTextContent(/^20$/);
    expect(screen.getByTestId('count-probationary')).toHaveTextContent(/^2$/);
    expect(screen.getByTestId('count-exempted')).toHaveTextContent(/^3$/);
  });

  it('adds the sent-away and attached counts only when there are some', async () => {
    await openRoster(branchWithMembers());

    expect(screen.getByTestId('roster-summary')).toHaveTextContent(
      'Tổng số: 4 · Chính thức: 2 · Dự bị: 1 · Miễn sinh hoạt: 1 · Sinh hoạt tạm thời tại chi bộ: 1',
    );
    expect(screen.getByTestId('roster-summary')).not.toHaveTextContent('Sinh hoạt nơi khác');
  });

  it('lists STT, bold name, dates as dd/mm/yyyy, role and a standing badge', async () => {
    const { backend } = await openRoster(branchWithMembers());

    const row = screen.getByTestId('roster-row-1');
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent?.trim());
    expect(cells.slice(1, 7)).toEqual(['Nguyễn Văn Đức', '02/03/1960', 'Bí thư', '19/05/1985', '19/05/1986', 'Chính thức']);
    expect(within(screen.getByTestId('roster-row-4')).getByText('tạm thời')).toBeInTheDocument();
    expect(within(screen.getByTestId('roster-row-3')).getByText('Miễn sinh hoạt')).toBeInTheDocument();
    // One call for the overview's counts, one for the list.
    expect(backend.callsTo('roster')).toHaveLength(2);
  });

  it('calls roster with the typed text and shows the results', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.type(screen.getByTestId('roster-search'), 'Hoa');

    await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ search: 'Hoa', filter: 'on_roll' }));
    await waitFor(() => expect(screen.queryByTestId('roster-row-1')).toBeNull());
    expect(screen.getByTestId('roster-row-2')).toBeInTheDocument();
  });

  it('passes "duc" typed without accents as is (the backend folds it)', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.type(screen.getByTestId('roster-search'), 'duc');

    await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ search: 'duc' }));
    expect(await screen.findByTestId('roster-row-1')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('roster-row-2')).toBeNull());
  });

  it('does not let a slower answer to older text overwrite a newer one', async () => {
    const { user, backend } = await openRoster(branchWithMembers());
    backend.delays.set('roster', (args) => (args.search === 'Hoà' ? 300 : 0));

    const search = screen.getByTestId('roster-search');
    await user.type(search, 'Hoà');
    await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ search: 'Hoà' }));
    // Until the answer comes, the older results are marked as updating.
    expect(screen.queryByTestId('roster-table')).toBeNull();
    expect(screen.getByTestId('roster-table-updating')).toHaveAttribute('aria-busy', 'true');
    await user.type(search, 'ng');
    await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ search: 'Hoàng' }));
    await waitFor(() => expect(screen.queryByTestId('roster-row-2')).toBeNull());
    expect(screen.getByTestId('roster-row-3')).toBeInTheDocument();
    expect(screen.getByTestId('roster-table')).toHaveAttribute('aria-busy', 'false');

    // The answer for "Hoà" (Lò Thị Hoa and Hoàng Văn An) arrives late and is dropped.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.queryByTestId('roster-row-2')).toBeNull();
    expect(screen.getByTestId('roster-row-3')).toBeInTheDocument();
  });

  it('says nothing matched, quoting the search', async () => {
    const { user } = await openRoster(branchWithMembers());

    await user.type(screen.getByTestId('roster-search'), 'Xuân');

    expect(await screen.findByTestId('roster-empty')).toHaveTextContent(
      'Không tìm thấy đảng viên nào khớp với "Xuân".',
    );
  });

  it('Escape clears the search and "/" focuses it', async () => {
    const { user, backend } = await openRoster(branchWithMembers());
    const search = screen.getByTestId('roster-search');

    await user.type(search, 'Hoa');
    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ search: '' }));

    screen.getByTestId('add-member').focus();
    await user.keyboard('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
  });

  it('sends the filter of the button pressed and marks it pressed', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.click(screen.getByTestId('roster-filter-exempted'));

    await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ filter: 'exempted', search: '' }));
    expect(screen.getByTestId('roster-filter-exempted')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('roster-filter-on_roll')).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(screen.queryByTestId('roster-row-1')).toBeNull());
    expect(screen.getByTestId('roster-row-3')).toBeInTheDocument();

    for (const filter of ['official', 'probationary', 'sent_away', 'former', 'all', 'on_roll']) {
      await user.click(screen.getByTestId(`roster-filter-${filter}`));
      await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ filter }));
    }
  });

  it('asks again for the date typed in "Tính đến ngày"', async () => {
    const { user, backend } = await openRoster(branchWithMembers());
    const asOf = screen.getByTestId('roster-as-of');

    await user.clear(asOf);
    await user.type(asOf, '01/01/1990');

    await waitFor(() => expect(lastRosterCall(backend)).toMatchObject({ asOf: '1990-01-01' }));
    await waitFor(() => expect(screen.getByTestId('count-total')).toHaveTextContent('2'));
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const { user } = await openRoster(branchWithMembers());

    screen.getByTestId('roster-search').focus();
    await user.keyboard('{ArrowDown}');
    const first = screen.getAllByRole('row')[1]!;
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const second = screen.getAllByRole('row')[2]!;
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('tabindex', '0');
    expect(first).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{Enter}');

    expect(await screen.findByTestId('member-page')).toBeInTheDocument();
  });

  it('offers adding and importing when the branch has no member yet', async () => {
    await openRoster(new FakeBackend([DEMO_INPUT]));

    const empty = screen.getByTestId('roster-no-members');
    expect(empty).toHaveTextContent('Chưa có đảng viên nào. Thêm từng người hoặc nhập từ tệp Excel.');
    expect(within(empty).getByTestId('empty-add-member')).toBeInTheDocument();
    expect(within(empty).getByTestId('empty-import-members')).toBeInTheDocument();
  });

  it('exports the roster of the chosen date and says where it was saved', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.click(screen.getByTestId('export-roster'));
    await user.click(screen.getByTestId('export-roster-csv'));

    expect(backend.callsTo('export_roster')).toEqual([{ branchId: 1, asOf: FAKE_TODAY, format: 'csv' }]);
    expect(await screen.findByTestId('export-done')).toHaveTextContent(
      'Đã lưu: /home/bithu/Tài liệu/danh-sach-dang-vien.xlsx',
    );
  });

  it('says nothing when the export is cancelled, and shows an error', async () => {
    const backend = branchWithMembers();
    backend.exportPath = null;
    const { user } = await openRoster(backend);

    await user.click(screen.getByTestId('export-roster'));
    await user.click(screen.getByTestId('export-roster-xlsx'));
    await waitFor(() => expect(backend.callsTo('export_roster')).toHaveLength(1));
    expect(screen.queryByTestId('export-done')).toBeNull();

    backend.failures.set('export_roster', { code: 'io', message: 'Không ghi được tệp.', field: null });
    await user.click(screen.getByTestId('export-roster'));
    await user.click(screen.getByTestId('export-roster-xlsx'));
    expect(await screen.findByTestId('export-error')).toHaveTextContent('Không ghi được tệp.');
  });
});

describe('members', () => {
  it('adds a member, returns to the roster with the new row, and counts them', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.click(screen.getByTestId('add-member'));
    await user.type(screen.getByTestId('member-full_name'), 'Đinh Thị Mai');
    await user.type(screen.getByTestId('member-birth_date'), '12/03/1990');
    await user.type(screen.getByTestId('member-admitted_on'), '03/02/2015');
    await user.type(screen.getByTestId('member-official_on'), '03/02/2016');
    await user.click(screen.getByTestId('member-save'));

    expect(await screen.findByTestId('roster-row-5')).toHaveFocus();
    expect(backend.callsTo('create_member')[0]).toMatchObject({
      branchId: 1,
      input: {
        full_name: 'Đinh Thị Mai',
        name_parts: null,
        birth_date: '1990-03-12',
        admitted_on: '2015-02-03',
        official_on: '2016-02-03',
        ethnicity: 'Kinh',
        role: 'member',
      },
    });
    expect(screen.getByTestId('count-total')).toHaveTextContent(/^5$/);
    expect(screen.getByTestId('count-official')).toHaveTextContent(/^3$/);
    expect(screen.getByTestId('roster-notice')).toHaveTextContent('Đã thêm đồng chí Đinh Thị Mai.');
  });

  it('records an end status after confirmation and the member leaves the roll', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.click(screen.getByTestId('roster-row-2'));
    expect(await screen.findByTestId('member-name')).toHaveTextContent('Lò Thị Hoa');
    await user.click(screen.getByTestId('record-status'));
    await user.selectOptions(screen.getByTestId('status-kind'), 'transferred_out');
    await user.type(screen.getByTestId('status-start'), '01/01/2024');
    await user.type(screen.getByTestId('status-reference'), 'Quyết định 7-QĐ/ĐU');
    await user.click(screen.getByTestId('status-save'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      'Sau biến động này, đồng chí Lò Thị Hoa không còn trong danh sách sinh hoạt của chi bộ từ ngày 01/01/2024. Tiếp tục?',
    );
    await user.click(screen.getByTestId('confirm-ok'));

    expect(await screen.findByTestId('member-standing')).toHaveTextContent('Chuyển sinh hoạt đi');
    expect(backend.callsTo('add_status')).toEqual([
      {
        memberId: 2,
        input: { kind: 'transferred_out', start: '2024-01-01', end: null, reference: 'Quyết định 7-QĐ/ĐU', note: '' },
      },
    ]);
    await user.click(screen.getByTestId('back-to-roster'));
    expect(await screen.findByTestId('roster-summary')).toHaveTextContent('Tổng số: 3');
    expect(screen.queryByTestId('roster-row-2')).toBeNull();
  });

  it('asks before leaving the member form with unsaved edits', async () => {
    const { user } = await openRoster(branchWithMembers());

    await user.click(screen.getByTestId('add-member'));
    await user.type(screen.getByTestId('member-full_name'), 'Đinh Thị Mai');
    await user.click(screen.getByTestId('nav-overview'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Bỏ các thay đổi chưa lưu?');
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(screen.getByTestId('member-form')).toBeInTheDocument();

    await user.click(screen.getByTestId('member-cancel'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(await screen.findByTestId('roster-screen')).toBeInTheDocument();
  });

  it('edits a member from their page and comes back to it', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.click(screen.getByTestId('roster-row-2'));
    await user.click(await screen.findByTestId('edit-member'));
    expect(screen.getByTestId('member-full_name')).toHaveValue('Lò Thị Hoa');
    expect(screen.getByTestId('member-admitted_on')).toHaveValue('01/01/2000');
    await user.type(screen.getByTestId('member-phone'), '0912345678');
    await user.click(screen.getByTestId('member-save'));

    expect(await screen.findByTestId('member-detail-phone')).toHaveTextContent('0912345678');
    expect(backend.callsTo('update_member')[0]).toMatchObject({ memberId: 2, input: { phone: '0912345678', name_parts: null } });
    // The dates of membership did not change: the backend has no meeting to tell about.
    expect(screen.queryByTestId('roster-change-notice')).toBeNull();
  });

  it('tells which approved meetings a corrected admission date predates', async () => {
    const { user, backend } = await openRoster(branchWithMembers());
    backend.rosterChangeNotice = 'Thay đổi của Lò Thị Hoa có hiệu lực trước 2 cuộc họp đã thông qua biên bản.';

    await user.click(screen.getByTestId('roster-row-2'));
    await user.click(await screen.findByTestId('edit-member'));
    await user.clear(screen.getByTestId('member-admitted_on'));
    await user.type(screen.getByTestId('member-admitted_on'), '01/06/2001');
    await user.click(screen.getByTestId('member-save'));

    expect(await screen.findByTestId('roster-change-notice')).toHaveTextContent(
      'có hiệu lực trước 2 cuộc họp đã thông qua biên bản',
    );
    expect(backend.callsTo('update_member')).toHaveLength(1);
  });

  it('deletes a member entered by mistake after confirmation', async () => {
    const { user, backend } = await openRoster(branchWithMembers());

    await user.click(screen.getByTestId('roster-row-2'));
    await user.click(await screen.findByTestId('delete-member'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      'Xóa hẳn đảng viên Lò Thị Hoa khỏi danh sách? Chỉ dùng khi nhập nhầm; đảng viên chuyển đi, từ trần… hãy ghi biến động.',
    );
    await user.click(screen.getByTestId('confirm-ok'));

    expect(await screen.findByTestId('roster-notice')).toHaveTextContent('Đã xóa đồng chí Lò Thị Hoa khỏi danh sách.');
    expect(backend.callsTo('delete_member')).toEqual([{ memberId: 2 }]);
    expect(screen.queryByTestId('roster-row-2')).toBeNull();
  });
});

describe('overview', () => {
  it('shows the roster counts of today', async () => {
    const backend = branchWithMembers();
    render(App);

    const counts = await screen.findByTestId('overview-counts');
    expect(within(counts).getByTestId('overview-count-total')).toHaveTextContent('4');
    expect(within(counts).getByTestId('overview-count-exempted')).toHaveTextContent('1');
    expect(backend.callsTo('roster')).toEqual([{ branchId: 1, asOf: FAKE_TODAY, search: '', filter: 'on_roll' }]);
  });

  it('lists warnings with their severity and opens the member of one', async () => {
    const backend = branchWithMembers();
    backend.warningList = [
      { kind: 'official_consideration_overdue', severity: 'flag', member_id: 4, meeting_id: null, message: 'Quá hạn xét chính thức.', due: null },
      { kind: 'probation_ending', severity: 'notice', member_id: null, meeting_id: null, message: 'Sắp hết dự bị.', due: '2026-03-01' },
    ];
    const user = userEvent.setup();
    render(App);

    const first = await screen.findByTestId('warning-0');
    expect(first).toHaveAttribute('data-severity', 'flag');
    expect(first).toHaveClass('severity-flag');
    expect(first).toHaveTextContent('Cần xử lý');
    expect(first).toHaveTextContent('Quá hạn xét chính thức.');
    expect(screen.getByTestId('warning-1')).toHaveAttribute('data-severity', 'notice');
    expect(screen.getByTestId('warning-1')).toHaveTextContent('Lưu ý');

    await user.click(first);
    expect(await screen.findByTestId('member-name')).toHaveTextContent('Vi Văn Bình');
    expect(screen.getByTestId('nav-roster')).toHaveAttribute('aria-current', 'page');
  });

  it('says when there is no warning', async () => {
    new FakeBackend([DEMO_INPUT]);
    render(App);

    expect(await screen.findByTestId('overview-no-warnings')).toHaveTextContent('Không có cảnh báo nào.');
  });
});
