import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { DEMO_INPUT, FAKE_AGENDA, FakeBackend } from '../../test/fakeBackend';

const TITLE = 'Sinh hoạt thường kỳ tháng 03 năm 2026';

/** Two official members and one exempted (not summoned), and a planned meeting on 05/03/2026. */
function branch(): FakeBackend {
  const backend = new FakeBackend([DEMO_INPUT]);
  backend.addMember({ full_name: 'Nguyễn Văn Đức', official_on: '2001-01-01', role: 'secretary' });
  backend.addMember({ full_name: 'Lò Thị Hoa', official_on: '2001-01-01' });
  const old = backend.addMember({ full_name: 'Hoàng Văn An', official_on: '2001-01-01' });
  backend.addStatus(old.id, { kind: 'exempted', start: '2020-01-01' });
  backend.addMeeting({ title: TITLE, date: '2026-03-05', planned_start: '07:30' });
  return backend;
}

async function openMeeting(backend: FakeBackend, id = 1) {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByTestId('nav-meetings'));
  await user.click(await screen.findByTestId(`meeting-row-${id}`));
  await screen.findByTestId('meeting-form');
  return { user, backend };
}

async function openNewMeeting(backend: FakeBackend) {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByTestId('nav-meetings'));
  await user.click(await screen.findByTestId('meetings-add'));
  await user.click(screen.getByTestId('new-meeting-submit'));
  await screen.findByTestId('meeting-form');
  return { user, backend };
}

function optionLabels(testid: string): string[] {
  return within(screen.getByTestId(testid))
    .getAllByRole('option')
    .map((option) => option.textContent?.trim() ?? '');
}

describe('a new meeting', () => {
  it('is created on save with times typed as HH:MM and a chair among those summoned', async () => {
    const { user, backend } = await openNewMeeting(branch());

    await user.type(screen.getByTestId('meeting-title'), TITLE);
    await user.type(screen.getByTestId('meeting-planned_start'), '07:30');
    await user.type(screen.getByTestId('meeting-planned_end'), '9h30');
    await user.type(screen.getByTestId('meeting-place'), 'Nhà văn hóa thôn');
    await waitFor(() => expect(optionLabels('meeting-chair_id')).toHaveLength(3));
    expect(optionLabels('meeting-chair_id')).toEqual([
      '— chưa chọn —',
      'Nguyễn Văn Đức (Bí thư)',
      'Lò Thị Hoa (Đảng viên)',
    ]);
    expect(backend.callsTo('meeting_candidates')).toEqual([{ branchId: 1, date: '2026-03-10' }]);
    await user.selectOptions(screen.getByTestId('meeting-chair_id'), 'Nguyễn Văn Đức (Bí thư)');
    await user.selectOptions(screen.getByTestId('meeting-secretary_id'), 'Lò Thị Hoa (Đảng viên)');
    await user.click(screen.getByTestId('meeting-save'));

    expect(await screen.findByTestId('meeting-notice')).toHaveTextContent('Đã lưu.');
    expect(backend.callsTo('create_meeting')).toEqual([
      {
        branchId: 1,
        input: {
          kind: 'regular',
          title: TITLE,
          date: '2026-03-10',
          planned_start: '07:30',
          planned_end: '09:30',
          actual_start: null,
          actual_end: null,
          place: 'Nhà văn hóa thôn',
          chair_id: 1,
          secretary_id: 2,
          guests: [],
          agenda: FAKE_AGENDA,
          status: 'planned',
          status_reason: '',
          document_ids: [],
        },
      },
    ]);
    expect(screen.getByTestId('meeting-heading')).toHaveTextContent(TITLE);
    expect(screen.getByTestId('meeting-planned_start')).toHaveValue('07:30');
    await waitFor(() => expect(screen.getByTestId('meeting-chair_id')).toHaveDisplayValue('Nguyễn Văn Đức (Bí thư)'));
    expect(screen.getByTestId('meeting-roll-call')).toBeEnabled();
    expect(screen.getByTestId('meeting-minutes')).toBeEnabled();
    expect(screen.getByTestId('meeting-postpone')).toBeInTheDocument();
  });

  it('checks the title and the times before any call', async () => {
    const { user, backend } = await openNewMeeting(branch());

    await user.type(screen.getByTestId('meeting-planned_start'), '7:75');
    await user.type(screen.getByTestId('meeting-actual_start'), '09:00');
    await user.type(screen.getByTestId('meeting-actual_end'), '08:30');
    await user.click(screen.getByTestId('meeting-save'));

    expect(screen.getByTestId('meeting-error-title')).toHaveTextContent('Chủ đề cuộc họp không được để trống.');
    expect(screen.getByTestId('meeting-title')).toHaveFocus();
    expect(screen.getByTestId('meeting-error-planned_start')).toHaveTextContent(
      'Giờ không hợp lệ. Hãy nhập theo dạng giờ:phút, ví dụ 07:30.',
    );
    expect(screen.getByTestId('meeting-error-actual_end')).toHaveTextContent(
      'Giờ kết thúc (08:30) phải sau giờ bắt đầu (09:00).',
    );
    expect(backend.callsTo('create_meeting')).toHaveLength(0);
  });

  it('has its agenda copied from an earlier meeting into the form', async () => {
    const backend = branch();
    backend.meetings[0]!.input.agenda = ['Khai mạc', 'Thông tin thời sự', 'Bế mạc'];
    const { user } = await openNewMeeting(backend);

    await user.click(screen.getByTestId('agenda-copy'));
    const dialog = await screen.findByTestId('agenda-copy-dialog');
    await waitFor(() =>
      expect(within(dialog).getByTestId('agenda-copy-select')).toHaveDisplayValue(
        `Thứ Năm, 05/03/2026 — ${TITLE} (3 nội dung)`,
      ),
    );
    await user.click(screen.getByTestId('agenda-copy-confirm'));

    expect(await screen.findByTestId('agenda-notice')).toHaveTextContent(
      'Đã chép chương trình từ cuộc họp ngày 05/03/2026.',
    );
    expect(screen.getByTestId('agenda-item-1')).toHaveValue('Thông tin thời sự');
    expect(screen.queryByTestId('agenda-item-3')).toBeNull();
    expect(backend.callsTo('meeting_detail')).toEqual([{ meetingId: 1 }]);
    expect(backend.callsTo('copy_agenda')).toHaveLength(0);
    expect(backend.callsTo('meetings_of_year').slice(-2)).toEqual([
      { branchId: 1, year: 2025 },
      { branchId: 1, year: 2026 },
    ]);
  });
});

describe('a saved meeting', () => {
  it('shows a rejected field under that field and focuses it', async () => {
    const backend = branch();
    backend.failures.set('update_meeting', {
      code: 'validation',
      message: 'Thư ký phải là đảng viên sinh hoạt tại chi bộ ngày 05/03/2026 (không miễn sinh hoạt, không chuyển đi).',
      field: 'secretary_id',
    });
    const { user } = await openMeeting(backend);

    await user.click(screen.getByTestId('meeting-save'));

    expect(await screen.findByTestId('meeting-error-secretary_id')).toHaveTextContent(
      'Thư ký phải là đảng viên sinh hoạt tại chi bộ ngày 05/03/2026 (không miễn sinh hoạt, không chuyển đi).',
    );
    expect(screen.getByTestId('meeting-secretary_id')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('meeting-secretary_id')).toHaveFocus();
    expect(screen.queryByTestId('meeting-notice')).toBeNull();
  });

  it('shows any other rejection above the button', async () => {
    const backend = branch();
    backend.failures.set('update_meeting', {
      code: 'locked',
      message: 'Biên bản cuộc họp này đã được thông qua; cuộc họp không sửa được nữa.',
      field: null,
    });
    const { user } = await openMeeting(backend);

    await user.click(screen.getByTestId('meeting-save'));

    expect(await screen.findByTestId('meeting-form-error')).toHaveTextContent(
      'Biên bản cuộc họp này đã được thông qua; cuộc họp không sửa được nữa.',
    );
  });

  it('saves with Ctrl+S, shows the length of the meeting and refuses "Đã họp" in the future', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.type(screen.getByTestId('meeting-actual_start'), '07:30');
    await user.type(screen.getByTestId('meeting-actual_end'), '09:15');
    expect(screen.getByTestId('meeting-length')).toHaveTextContent('Thời lượng: 105 phút');
    await user.selectOptions(screen.getByTestId('meeting-status'), 'held');
    await user.keyboard('{Control>}s{/Control}');

    expect(await screen.findByTestId('meeting-notice')).toHaveTextContent('Đã lưu.');
    expect(backend.callsTo('update_meeting')[0]).toMatchObject({
      meetingId: 1,
      input: { actual_start: '07:30', actual_end: '09:15', status: 'held' },
    });
    expect(screen.getByTestId('meeting-status-badge')).toHaveTextContent('Đã họp');

    const date = screen.getByTestId('meeting-date');
    await user.clear(date);
    await user.type(date, '05/04/2026');
    await user.click(screen.getByTestId('meeting-save'));
    expect(screen.getByTestId('meeting-error-status')).toHaveTextContent(
      'Cuộc họp ngày 05/04/2026 chưa diễn ra nên chưa thể ghi "đã họp".',
    );
    expect(backend.callsTo('update_meeting')).toHaveLength(1);
  });

  it('asks again who may chair when the date changes', async () => {
    const { user, backend } = await openMeeting(branch());
    await waitFor(() => expect(optionLabels('meeting-chair_id')).toHaveLength(3));

    const date = screen.getByTestId('meeting-date');
    await user.clear(date);
    await user.type(date, '06/03/2026');

    await waitFor(() =>
      expect(backend.callsTo('meeting_candidates')).toContainEqual({ branchId: 1, date: '2026-03-06' }),
    );
  });

  it('reorders, removes and adds agenda items', async () => {
    const { user, backend } = await openMeeting(branch());

    expect(screen.getByTestId('agenda-up-0')).toBeDisabled();
    expect(screen.getByTestId('agenda-down-2')).toBeDisabled();
    await user.click(screen.getByTestId('agenda-down-0'));
    expect(screen.getByTestId('agenda-down-1')).toHaveFocus();
    await user.click(screen.getByTestId('agenda-remove-2'));
    await user.click(screen.getByTestId('agenda-add'));
    expect(screen.getByTestId('agenda-item-2')).toHaveFocus();
    await user.keyboard('Biểu quyết nghị quyết');
    await user.click(screen.getByTestId('agenda-up-2'));
    await user.click(screen.getByTestId('meeting-save'));

    await screen.findByTestId('meeting-notice');
    expect(backend.callsTo('update_meeting')[0]).toMatchObject({
      input: { agenda: ['Nội dung chính', 'Biểu quyết nghị quyết', 'Mở đầu: tuyên bố lý do, điểm danh'] },
    });
  });

  it('keeps at least one agenda item and says an empty agenda cannot be saved', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.click(screen.getByTestId('agenda-remove-2'));
    await user.click(screen.getByTestId('agenda-remove-1'));
    expect(screen.getByTestId('agenda-remove-0')).toBeDisabled();
    await user.clear(screen.getByTestId('agenda-item-0'));
    await user.click(screen.getByTestId('meeting-save'));

    expect(screen.getByTestId('meeting-error-agenda')).toHaveTextContent(
      'Chương trình cuộc họp cần ít nhất một nội dung.',
    );
    expect(screen.getByTestId('agenda-item-0')).toHaveFocus();
    expect(backend.callsTo('update_meeting')).toHaveLength(0);
  });

  it('copies the agenda of an earlier meeting through the backend', async () => {
    const backend = branch();
    backend.addMeeting({ title: 'Sinh hoạt thường kỳ tháng 04 năm 2026', date: '2026-04-06' });
    backend.meetings[0]!.input.agenda = ['Khai mạc', 'Bế mạc'];
    const { user } = await openMeeting(backend, 2);

    await user.click(screen.getByTestId('agenda-copy'));
    await waitFor(() => expect(screen.getByTestId('agenda-copy-confirm')).toBeEnabled());
    await user.click(screen.getByTestId('agenda-copy-confirm'));

    expect(await screen.findByTestId('agenda-notice')).toBeInTheDocument();
    expect(backend.callsTo('copy_agenda')).toEqual([{ meetingId: 2, fromMeetingId: 1 }]);
    expect(screen.getByTestId('agenda-item-0')).toHaveValue('Khai mạc');
    // Already saved: leaving asks nothing.
    await user.click(screen.getByTestId('meeting-back'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
  });

  it('adds and removes guests', async () => {
    const { user, backend } = await openMeeting(branch());

    expect(screen.getByTestId('guests-empty')).toHaveTextContent('Không có đại biểu, khách mời.');
    await user.click(screen.getByTestId('guest-add'));
    expect(screen.getByTestId('guest-name-0')).toHaveFocus();
    await user.keyboard('Lò Văn Hùng');
    await user.type(screen.getByTestId('guest-post-0'), 'Phó Bí thư Đảng ủy');
    await user.type(screen.getByTestId('guest-organisation-0'), 'Đảng ủy xã Tân Thành');
    await user.click(screen.getByTestId('guest-add'));
    await user.click(screen.getByTestId('guest-remove-1'));
    await user.click(screen.getByTestId('meeting-save'));

    await screen.findByTestId('meeting-notice');
    expect(backend.callsTo('update_meeting')[0]).toMatchObject({
      input: { guests: [{ name: 'Lò Văn Hùng', post: 'Phó Bí thư Đảng ủy', organisation: 'Đảng ủy xã Tân Thành' }] },
    });
    expect(screen.getByTestId('guest-name-0')).toHaveValue('Lò Văn Hùng');
  });

  it('studies documents picked from the register or added to it', async () => {
    const backend = branch();
    backend.addDocument({ number: '44-KH/TU', issued_on: '2026-01-12', title: 'Kế hoạch học tập chuyên đề năm 2026' });
    const { user } = await openMeeting(backend);

    await user.click(await screen.findByTestId('document-add'));
    expect(screen.getByTestId('meeting-document-1')).toHaveTextContent(
      '44-KH/TU (12/01/2026) — Kế hoạch học tập chuyên đề năm 2026',
    );
    await user.click(screen.getByTestId('document-new'));
    expect(screen.getByTestId('document-number')).toHaveFocus();
    await user.type(screen.getByTestId('document-number'), '21 KL');
    await user.type(screen.getByTestId('document-title'), 'Kết luận về xây dựng Đảng{Enter}');
    expect(await screen.findByTestId('document-error-number')).toHaveTextContent(
      '"21KL" không đúng dạng số, ký hiệu văn bản của Đảng',
    );
    await user.clear(screen.getByTestId('document-number'));
    await user.type(screen.getByTestId('document-number'), '21-kl/tw{Enter}');

    expect(await screen.findByTestId('meeting-document-2')).toHaveTextContent('21-KL/TW — Kết luận về xây dựng Đảng');
    expect(screen.queryByTestId('document-dialog')).toBeNull();
    await user.click(screen.getByTestId('meeting-save'));
    await screen.findByTestId('meeting-notice');
    expect(backend.callsTo('update_meeting')[0]).toMatchObject({ input: { document_ids: [1, 2] } });

    await user.click(screen.getByTestId('meeting-document-remove-1'));
    expect(screen.queryByTestId('meeting-document-1')).toBeNull();
    expect(screen.getByTestId('document-pick')).toHaveDisplayValue(
      '44-KH/TU (12/01/2026) — Kế hoạch học tập chuyên đề năm 2026',
    );
  });
});

describe('postponing, cancelling and deleting', () => {
  it('postpones to a new date and shows the meeting scheduled again', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.click(screen.getByTestId('meeting-postpone'));
    expect(screen.getByTestId('status-dialog')).toHaveTextContent('Hoãn cuộc họp ngày 05/03/2026');
    await user.type(screen.getByTestId('status-reason'), 'Mưa lũ, đường vào thôn bị chia cắt');
    await user.type(screen.getByTestId('status-new-date'), '12/03/2026');
    await user.click(screen.getByTestId('status-confirm'));

    expect(await screen.findByTestId('meeting-notice')).toHaveTextContent(
      'Đã hoãn cuộc họp ngày 05/03/2026. Đây là cuộc họp dời sang ngày 12/03/2026.',
    );
    expect(backend.callsTo('change_meeting_status')).toEqual([
      {
        meetingId: 1,
        change: { status: 'postponed', reason: 'Mưa lũ, đường vào thôn bị chia cắt', new_date: '2026-03-12' },
      },
    ]);
    expect(screen.getByTestId('meeting-when')).toHaveTextContent('Thứ Năm, 12/03/2026');
    expect(screen.getByTestId('meeting-heading')).toHaveTextContent(TITLE);
    expect(screen.getByTestId('meeting-status-badge')).toHaveTextContent('Dự kiến');

    await user.click(screen.getByTestId('meeting-back'));
    expect(await screen.findByTestId('meeting-row-1')).toHaveTextContent('Hoãn');
    expect(screen.getByTestId('meeting-row-2')).toHaveTextContent('Dự kiến');
  });

  it('routes a refused new date under the date field', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.click(screen.getByTestId('meeting-postpone'));
    await user.type(screen.getByTestId('status-reason'), 'Mưa lũ');
    await user.type(screen.getByTestId('status-new-date'), '01/03/2026{Enter}');

    expect(screen.getByTestId('status-error-new_date')).toHaveTextContent('Ngày họp mới phải sau ngày đã hoãn.');
    expect(screen.getByTestId('status-new-date')).toHaveFocus();
    expect(backend.callsTo('change_meeting_status')).toHaveLength(0);
  });

  it('cancels with a reason, which is required, and then the meeting cannot be called', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.click(screen.getByTestId('meeting-cancel-meeting'));
    await user.click(screen.getByTestId('status-confirm'));
    expect(screen.getByTestId('status-error-reason')).toHaveTextContent('Hãy ghi lý do hủy.');
    expect(screen.getByTestId('status-reason')).toHaveFocus();
    expect(screen.queryByTestId('status-new-date')).toBeNull();
    await user.type(screen.getByTestId('status-reason'), 'Đã gộp vào cuộc họp tháng 4{Enter}');

    expect(await screen.findByTestId('meeting-notice')).toHaveTextContent('Đã hủy cuộc họp.');
    expect(backend.callsTo('change_meeting_status')[0]).toMatchObject({
      change: { status: 'cancelled', new_date: null },
    });
    expect(screen.getByTestId('meeting-status-readonly')).toHaveTextContent('Hủy — Lý do: Đã gộp vào cuộc họp tháng 4');
    expect(screen.queryByTestId('meeting-status')).toBeNull();
    expect(screen.queryByTestId('meeting-postpone')).toBeNull();
    expect(screen.getByTestId('meeting-roll-call')).toBeDisabled();
    expect(screen.getByTestId('meeting-minutes')).toBeDisabled();
  });

  it('deletes a meeting only after confirmation', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.click(screen.getByTestId('meeting-delete'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      `Xóa cuộc họp "${TITLE}" ngày 05/03/2026? Chỉ xóa khi đã nhập nhầm; cuộc họp không diễn ra thì hãy ghi Hoãn hoặc Hủy.`,
    );
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(backend.callsTo('delete_meeting')).toHaveLength(0);
    expect(screen.getByTestId('meeting-page')).toBeInTheDocument();

    await user.click(screen.getByTestId('meeting-delete'));
    await user.click(screen.getByTestId('confirm-ok'));

    expect(await screen.findByTestId('meetings-notice')).toHaveTextContent(
      `Đã xóa cuộc họp "${TITLE}" ngày 05/03/2026.`,
    );
    expect(backend.callsTo('delete_meeting')).toEqual([{ meetingId: 1 }]);
    expect(screen.queryByTestId('meeting-row-1')).toBeNull();
  });

  it('holds postponing, cancelling, the roll call and the minutes until edits are saved', async () => {
    const { user } = await openMeeting(branch());

    await user.type(screen.getByTestId('meeting-place'), 'Nhà văn hóa');

    expect(screen.getByTestId('meeting-postpone')).toBeDisabled();
    expect(screen.getByTestId('meeting-cancel-meeting')).toBeDisabled();
    expect(screen.getByTestId('meeting-roll-call')).toBeDisabled();
    expect(screen.getByTestId('meeting-minutes')).toBeDisabled();
    expect(screen.getByTestId('meeting-save-first')).toHaveTextContent(
      'Lưu các thay đổi trước khi điểm danh, ghi biên bản, hoãn hoặc hủy.',
    );
  });
});

describe('the roll call', () => {
  it('opens from the meeting and comes back to it read again', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.click(screen.getByTestId('meeting-roll-call'));
    expect(await screen.findByTestId('roll-call-screen')).toBeInTheDocument();
    await user.click(screen.getByTestId('roll-back'));

    expect(await screen.findByTestId('meeting-heading')).toHaveTextContent(TITLE);
    expect(backend.callsTo('meeting_detail')).toEqual([{ meetingId: 1 }, { meetingId: 1 }]);
  });
});

describe('the attached files', () => {
  it('are listed on a saved meeting and attached from there', async () => {
    const backend = branch();
    backend.addAttachment(1, { original_name: 'Giấy mời họp.docx', media_type: 'application/msword', size: 40960 });
    const { user } = await openMeeting(backend);

    const panel = await screen.findByTestId('attachments');
    expect(within(panel).getByRole('heading', { name: 'Tệp đính kèm' })).toBeInTheDocument();
    expect(await within(panel).findByTestId('attachment-row')).toHaveTextContent('Giấy mời họp.docx');
    expect(within(panel).getByTestId('attachment-row')).toHaveTextContent('Word · 40 KB');
    await waitFor(() => expect(backend.callsTo('verify_attachments')).toEqual([{ meetingId: 1 }]));

    await user.click(within(panel).getByTestId('attach-files'));
    await waitFor(() => expect(within(panel).getAllByTestId('attachment-row')).toHaveLength(3));
    expect(backend.callsTo('add_attachments')).toEqual([{ meetingId: 1 }]);
  });

  it('wait until a new meeting is saved', async () => {
    await openNewMeeting(branch());
    expect(screen.queryByTestId('attachments')).toBeNull();
  });
});

describe('the minutes', () => {
  it('open from the meeting, which is read again on the way back (approval locks it)', async () => {
    const { user, backend } = await openMeeting(branch());

    await user.click(screen.getByTestId('meeting-minutes'));
    expect(await screen.findByTestId('minutes-editor')).toBeInTheDocument();
    expect(backend.callsTo('minutes')).toEqual([{ meetingId: 1 }]);
    await user.click(screen.getByTestId('minutes-back'));

    expect(await screen.findByTestId('meeting-heading')).toHaveTextContent(TITLE);
    expect(backend.callsTo('meeting_detail')).toEqual([{ meetingId: 1 }, { meetingId: 1 }]);
  });

  it('remind of the tasks given at the previous meeting', async () => {
    const backend = branch();
    backend.tasksToReview.set(1, {
      given_on: '2026-02-05',
      tasks: [{ content: 'Rà soát danh sách đảng viên miễn sinh hoạt', owner: 'Nguyễn Văn Đức', deadline: '2026-02-28' }],
    });
    const { user } = await openMeeting(backend);

    await user.click(screen.getByTestId('meeting-minutes'));

    const panel = await screen.findByTestId('tasks-to-review');
    expect(panel).toHaveTextContent('Nhiệm vụ kỳ trước cần kiểm điểm (giao ngày 05/02/2026)');
    expect(panel).toHaveTextContent(
      'Rà soát danh sách đảng viên miễn sinh hoạt (người thực hiện: Nguyễn Văn Đức; hạn 28/02/2026)',
    );
  });

  it('have no reminder when the previous meeting gave no tasks', async () => {
    const { user } = await openMeeting(branch());

    await user.click(screen.getByTestId('meeting-minutes'));

    expect(await screen.findByTestId('minutes-item-0')).toBeInTheDocument();
    expect(screen.queryByTestId('tasks-to-review')).toBeNull();
  });
});

describe('a meeting whose minutes are approved', () => {
  it('is read-only', async () => {
    const backend = branch();
    backend.meetings[0]!.locked_at = '2026-03-05T10:30:00';
    await openMeeting(backend);

    expect(screen.getByTestId('meeting-locked')).toHaveTextContent(
      'Biên bản đã thông qua — cuộc họp chỉ xem, không sửa được.',
    );
    for (const testid of ['meeting-title', 'meeting-date', 'meeting-planned_start', 'meeting-chair_id', 'agenda-item-0', 'agenda-add', 'guest-add', 'document-new']) {
      expect(screen.getByTestId(testid), testid).toBeDisabled();
    }
    for (const testid of ['meeting-save', 'meeting-postpone', 'meeting-cancel-meeting', 'meeting-delete']) {
      expect(screen.queryByTestId(testid), testid).toBeNull();
    }
    expect(screen.getByTestId('meeting-roll-call')).toBeEnabled();
    expect(screen.getByTestId('meeting-minutes')).toBeEnabled();
  });

  it('keeps its attached files: they open, more can be attached, none removed', async () => {
    const backend = branch();
    backend.meetings[0]!.locked_at = '2026-03-05T10:30:00';
    backend.addAttachment(1, { original_name: 'Biên bản đã ký.pdf' });
    await openMeeting(backend);

    expect(await screen.findByTestId('attachment-row')).toHaveTextContent('Biên bản đã ký.pdf');
    expect(screen.getByTestId('attachment-open')).toBeEnabled();
    expect(screen.getByTestId('attach-files')).toBeEnabled();
    expect(screen.queryByTestId('attachment-remove')).toBeNull();
  });
});
