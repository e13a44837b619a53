import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../../test/fakeBackend';
import MeetingAttachments from './MeetingAttachments.svelte';

const EMPTY_TEXT =
  'Chưa có tệp đính kèm. Có thể đính kèm bản quét biên bản đã ký, ảnh, tài liệu (nhiều tệp một lúc).';

/** A branch with two meetings and no attachments yet. */
function backendWithMeetings(): FakeBackend {
  const backend = new FakeBackend();
  backend.addMeeting({ title: 'Sinh hoạt thường kỳ tháng 03 năm 2026', date: '2026-03-05' });
  backend.addMeeting({ title: 'Sinh hoạt thường kỳ tháng 04 năm 2026', date: '2026-04-05' });
  return backend;
}

async function renderPanel(backend: FakeBackend, { meetingId = 1, locked = false } = {}) {
  const user = userEvent.setup();
  const view = render(MeetingAttachments, { meetingId, locked });
  await waitFor(() => expect(backend.callsTo('verify_attachments')).toHaveLength(1));
  await waitFor(() => expect(screen.queryByTestId('attachments-verifying')).toBeNull());
  return { user, view };
}

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('attachment-row');
}

function rowNamed(name: string): HTMLElement {
  const row = rows().find((r) => within(r).getByTestId('attachment-name').textContent === name);
  if (!row) throw new Error(`Không có dòng "${name}".`);
  return row;
}

describe('MeetingAttachments', () => {
  it('says what may be attached when there is nothing yet', async () => {
    const backend = backendWithMeetings();
    await renderPanel(backend);

    expect(screen.getByRole('heading', { name: 'Tệp đính kèm' })).toBeInTheDocument();
    expect(screen.getByTestId('attachments')).toHaveTextContent(EMPTY_TEXT);
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('attach-files')).toHaveTextContent('Đính kèm tệp…');
    expect(screen.getByTestId('attach-files')).toBeEnabled();
    expect(backend.callsTo('attachments')).toEqual([{ meetingId: 1 }]);
    expect(backend.callsTo('verify_attachments')).toEqual([{ meetingId: 1 }]);
  });

  it('lists each file with its kind, size and date, and marks missing and altered ones', async () => {
    const backend = backendWithMeetings();
    backend.addAttachment(1, {
      original_name: 'Biên bản đã ký.pdf',
      media_type: 'application/pdf',
      size: 1.5 * 1024 * 1024,
      added_at: '2026-03-05T21:07:30+07:00',
    });
    backend.addAttachment(1, {
      original_name: 'Ảnh buổi họp.jpg',
      media_type: 'image/jpeg',
      size: 12 * 1024,
      state: 'missing',
    });
    backend.addAttachment(1, {
      original_name: 'Danh sách.xlsx',
      media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: 300,
      state: 'altered',
    });
    backend.addAttachment(2, { original_name: 'Của cuộc họp khác.pdf' });
    await renderPanel(backend);

    expect(rows().map((row) => row.getAttribute('data-state'))).toEqual(['intact', 'missing', 'altered']);

    const signed = rowNamed('Biên bản đã ký.pdf');
    expect(within(signed).getByTestId('attachment-type')).toHaveTextContent('PDF');
    expect(within(signed).getByTestId('attachment-size')).toHaveTextContent('1,5 MB');
    expect(within(signed).getByTestId('attachment-added')).toHaveTextContent('05/03/2026 21:07');
    expect(within(signed).queryByTestId('attachment-badge')).toBeNull();
    expect(within(signed).getByTestId('attachment-open')).toHaveTextContent('Mở');
    expect(within(signed).getByTestId('attachment-remove')).toHaveTextContent('Gỡ');

    const photo = rowNamed('Ảnh buổi họp.jpg');
    expect(photo).toHaveTextContent('Ảnh · 12 KB');
    expect(within(photo).getByTestId('attachment-badge')).toHaveTextContent('Mất tệp');
    expect(within(photo).getByTestId('attachment-problem')).toHaveTextContent(
      'Tệp không còn trong thư mục dữ liệu',
    );
    expect(within(photo).getByTestId('attachment-open')).toBeEnabled();

    const sheet = rowNamed('Danh sách.xlsx');
    expect(sheet).toHaveTextContent('Excel · 300 byte');
    expect(within(sheet).getByTestId('attachment-badge')).toHaveTextContent('Tệp đã bị thay đổi');
    expect(within(sheet).getByTestId('attachment-open')).toBeEnabled();

    expect(screen.queryByText('Của cuộc họp khác.pdf')).toBeNull();
    expect(screen.queryByText(EMPTY_TEXT)).toBeNull();
  });

  it('shows the quick list at once, then the states the full check finds', async () => {
    const backend = backendWithMeetings();
    // Same size, other content: only the full check sees it.
    backend.addAttachment(1, { original_name: 'Biên bản đã ký.pdf', state: 'intact', verified: 'altered' });
    backend.delays.set('verify_attachments', () => 150);
    render(MeetingAttachments, { meetingId: 1, locked: false });

    const row = await screen.findByTestId('attachment-row');
    expect(row).toHaveAttribute('data-state', 'intact');
    expect(screen.getByTestId('attachments-verifying')).toHaveTextContent('Đang kiểm tra các tệp…');

    await waitFor(() => expect(screen.getByTestId('attachment-row')).toHaveAttribute('data-state', 'altered'));
    expect(screen.getByTestId('attachment-badge')).toHaveTextContent('Tệp đã bị thay đổi');
    expect(screen.queryByTestId('attachments-verifying')).toBeNull();
  });

  it('ignores a slow check of a meeting no longer shown', async () => {
    const backend = backendWithMeetings();
    backend.addAttachment(1, { original_name: 'Cũ.pdf', verified: 'missing' });
    backend.addAttachment(2, { original_name: 'Mới.pdf' });
    backend.delays.set('verify_attachments', (args) => (args.meetingId === 1 ? 200 : 0));
    const { rerender } = render(MeetingAttachments, { meetingId: 1, locked: false });
    await screen.findByText('Cũ.pdf');

    await rerender({ meetingId: 2, locked: false });
    await screen.findByText('Mới.pdf');
    await waitFor(() => expect(backend.callsTo('verify_attachments')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(rows()).toHaveLength(1);
    expect(screen.getByTestId('attachment-row')).toHaveAttribute('data-state', 'intact');
    expect(screen.queryByText('Cũ.pdf')).toBeNull();
    expect(screen.queryByTestId('attachment-badge')).toBeNull();
  });

  it('attaches the files picked, several at once, saying it is copying meanwhile', async () => {
    const backend = backendWithMeetings();
    backend.addAttachment(1, { original_name: 'Giấy mời.docx', media_type: 'application/msword', size: 2048 });
    const { user } = await renderPanel(backend);
    backend.delays.set('add_attachments', () => 100);

    await user.click(screen.getByTestId('attach-files'));
    expect(screen.getByTestId('attach-files')).toHaveTextContent('Đang chép…');
    expect(screen.getByTestId('attach-files')).toBeDisabled();

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('attach-files')).toHaveTextContent('Đính kèm tệp…');
    expect(screen.getByTestId('attach-files')).toBeEnabled();
    expect(screen.getByTestId('attachment-notice')).toHaveTextContent('Đã đính kèm 2 tệp.');
    expect(rows().map((row) => within(row).getByTestId('attachment-name').textContent)).toEqual([
      'Giấy mời.docx',
      'Biên bản đã ký.pdf',
      'Ảnh buổi họp.jpg',
    ]);
    expect(rowNamed('Biên bản đã ký.pdf')).toHaveTextContent('PDF · 1,5 MB · đính kèm 10/03/2026 09:15');
    expect(rowNamed('Ảnh buổi họp.jpg')).toHaveTextContent('Ảnh · 12 KB');
    expect(backend.callsTo('add_attachments')).toEqual([{ meetingId: 1 }]);
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const backend = backendWithMeetings();
    backend.pickedAttachments = [];
    const { user } = await renderPanel(backend);

    await user.click(screen.getByTestId('attach-files'));

    await waitFor(() => expect(screen.getByTestId('attach-files')).toBeEnabled());
    expect(backend.callsTo('add_attachments')).toHaveLength(1);
    expect(screen.getByTestId('attachments')).toHaveTextContent(EMPTY_TEXT);
    expect(screen.queryByTestId('attachment-notice')).toBeNull();
    expect(screen.queryByTestId('attachment-error')).toBeNull();
  });

  it('shows why the files could not be attached, and adds none', async () => {
    const backend = backendWithMeetings();
    const message =
      'Tệp “Video buổi họp.mp4” nặng 250,3 MB, vượt mức tối đa 100 MB cho một tệp đính kèm. Hãy nén hoặc quét lại với độ phân giải thấp hơn, hoặc nâng mức trong Cài đặt.';
    backend.failures.set('add_attachments', { code: 'validation', message, field: 'files' });
    const { user } = await renderPanel(backend);

    await user.click(screen.getByTestId('attach-files'));

    const alert = await screen.findByTestId('attachment-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(message);
    expect(rows()).toHaveLength(0);
    expect(screen.queryByTestId('attachment-notice')).toBeNull();
    expect(screen.getByTestId('attach-files')).toBeEnabled();
  });

  it('opens a file, and says why a missing or altered one does not open', async () => {
    const backend = backendWithMeetings();
    const intact = backend.addAttachment(1, { original_name: 'Biên bản đã ký.pdf' });
    // The quick check has not seen it yet: opening finds it missing.
    backend.addAttachment(1, { original_name: 'Ảnh buổi họp.jpg', media_type: 'image/jpeg' });
    const { user } = await renderPanel(backend);
    backend.attachmentList[1]!.verified = 'missing';

    await user.click(within(rowNamed('Biên bản đã ký.pdf')).getByTestId('attachment-open'));
    await waitFor(() => expect(backend.openedAttachments).toEqual([intact.id]));
    expect(screen.queryByTestId('attachment-error')).toBeNull();

    await user.click(within(rowNamed('Ảnh buổi họp.jpg')).getByTestId('attachment-open'));
    expect(await screen.findByTestId('attachment-error')).toHaveTextContent(
      'Tệp đính kèm “Ảnh buổi họp.jpg” không còn trong thư mục dữ liệu',
    );
    expect(rowNamed('Ảnh buổi họp.jpg')).toHaveAttribute('data-state', 'missing');
    expect(within(rowNamed('Ảnh buổi họp.jpg')).getByTestId('attachment-badge')).toHaveTextContent('Mất tệp');
    expect(backend.openedAttachments).toEqual([intact.id]);
  });

  it('shows the backend’s word on an altered file when it is opened', async () => {
    const backend = backendWithMeetings();
    backend.addAttachment(1, { original_name: 'Danh sách.xlsx', state: 'altered' });
    const { user } = await renderPanel(backend);

    await user.click(screen.getByTestId('attachment-open'));

    expect(await screen.findByTestId('attachment-error')).toHaveTextContent(
      'Tệp đính kèm “Danh sách.xlsx” đã bị thay đổi trên đĩa sau khi đính kèm nên không mở.',
    );
    expect(backend.openedAttachments).toEqual([]);
  });

  it('removes a file only after confirmation, then lists the rest again', async () => {
    const backend = backendWithMeetings();
    backend.addAttachment(1, { original_name: 'Biên bản đã ký.pdf' });
    backend.addAttachment(1, { original_name: 'Ảnh buổi họp.jpg', media_type: 'image/jpeg' });
    const { user } = await renderPanel(backend);
    const remove = within(rowNamed('Ảnh buổi họp.jpg')).getByTestId('attachment-remove');

    await user.click(remove);
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      'Gỡ tệp “Ảnh buổi họp.jpg” khỏi cuộc họp? Tệp gốc trên máy bạn không bị ảnh hưởng.',
    );
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(rows()).toHaveLength(2);
    expect(remove).toHaveFocus();
    expect(backend.callsTo('remove_attachment')).toHaveLength(0);

    await user.click(remove);
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByTestId('attachment-name')).toHaveTextContent('Biên bản đã ký.pdf');
    expect(screen.getByTestId('attachment-notice')).toHaveTextContent('Đã gỡ tệp “Ảnh buổi họp.jpg”.');
    expect(backend.callsTo('remove_attachment')).toEqual([{ id: 2 }]);
    expect(backend.callsTo('attachments')).toHaveLength(2);
  });

  it('shows a refused removal as the backend words it', async () => {
    const backend = backendWithMeetings();
    backend.addAttachment(1, { original_name: 'Biên bản đã ký.pdf' });
    // Approved in another window since the page was shown.
    const { user } = await renderPanel(backend);
    backend.meetings[0]!.locked_at = '2026-03-05T10:30:00';

    await user.click(screen.getByTestId('attachment-remove'));
    await user.click(screen.getByTestId('confirm-ok'));

    expect(await screen.findByTestId('attachment-error')).toHaveTextContent(
      'Biên bản của cuộc họp đã được thông qua nên không gỡ được tệp đính kèm.',
    );
    expect(rows()).toHaveLength(1);
    expect(screen.queryByTestId('attachment-notice')).toBeNull();
  });

  it('has no remove button once the minutes are approved, but still opens and attaches', async () => {
    const backend = backendWithMeetings();
    backend.meetings[0]!.locked_at = '2026-03-05T10:30:00';
    backend.addAttachment(1, { original_name: 'Biên bản đã ký.pdf' });
    const { user } = await renderPanel(backend, { locked: true });

    expect(screen.queryByTestId('attachment-remove')).toBeNull();
    expect(screen.getByTestId('attachment-open')).toBeEnabled();
    expect(screen.getByTestId('attachments-locked')).toHaveTextContent('không gỡ được tệp');

    await user.click(screen.getByTestId('attach-files'));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('shows why the list could not be read', async () => {
    const backend = new FakeBackend();
    render(MeetingAttachments, { meetingId: 9, locked: false });

    expect(await screen.findByTestId('attachments-load-error')).toHaveTextContent(
      'Không tìm thấy cuộc họp số 9; có thể đã bị xóa.',
    );
    expect(backend.callsTo('verify_attachments')).toHaveLength(0);
  });
});
