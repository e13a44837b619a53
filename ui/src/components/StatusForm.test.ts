import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { addStatus } from '../lib/ipc';
import { FakeBackend } from '../test/fakeBackend';
import StatusForm from './StatusForm.svelte';

function renderForm() {
  const backend = new FakeBackend();
  const member = backend.addMember({ full_name: 'Lò Văn Pọm' });
  const user = userEvent.setup();
  const onCancel = vi.fn();
  render(StatusForm, { memberName: member.full_name, onSave: (input) => addStatus(member.id, input), onCancel });
  return { backend, user };
}

describe('StatusForm', () => {
  it('offers the eight kinds with their Vietnamese labels', () => {
    renderForm();
    const options = Array.from(screen.getByTestId('status-kind').querySelectorAll('option'))
      .filter((option) => option.value !== '')
      .map((option) => option.textContent?.trim());
    expect(options).toEqual([
      'Miễn công tác và sinh hoạt đảng',
      'Sinh hoạt tạm thời tại chi bộ',
      'Đi sinh hoạt tạm thời nơi khác',
      'Chuyển sinh hoạt đến',
      'Chuyển sinh hoạt đi',
      'Từ trần',
      'Xóa tên',
      'Khai trừ',
    ]);
  });

  it('shows the end date for the three period kinds only', async () => {
    const { user } = renderForm();
    const kind = screen.getByTestId('status-kind');

    for (const period of ['exempted', 'attached_here', 'sent_away']) {
      await user.selectOptions(kind, period);
      expect(screen.getByTestId('status-end')).toBeInTheDocument();
    }
    for (const event of ['transferred_in', 'transferred_out', 'deceased', 'removed', 'expelled']) {
      await user.selectOptions(kind, event);
      expect(screen.queryByTestId('status-end')).toBeNull();
    }
  });

  it('saves a period with its end date without asking', async () => {
    const { backend, user } = renderForm();

    await user.selectOptions(screen.getByTestId('status-kind'), 'exempted');
    await user.type(screen.getByTestId('status-start'), '01/02/2024');
    await user.type(screen.getByTestId('status-end'), '31/12/2026');
    await user.type(screen.getByTestId('status-note'), 'Tuổi cao, sức yếu');
    await user.click(screen.getByTestId('status-save'));

    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(backend.callsTo('add_status')).toEqual([
      {
        memberId: 1,
        input: { kind: 'exempted', start: '2024-02-01', end: '2026-12-31', reference: '', note: 'Tuổi cao, sức yếu' },
      },
    ]);
  });

  it('never sends an end date for an event kind typed before switching', async () => {
    const { backend, user } = renderForm();

    await user.selectOptions(screen.getByTestId('status-kind'), 'sent_away');
    await user.type(screen.getByTestId('status-start'), '01/02/2024');
    await user.type(screen.getByTestId('status-end'), '31/12/2024');
    await user.selectOptions(screen.getByTestId('status-kind'), 'transferred_in');
    await user.click(screen.getByTestId('status-save'));

    expect(backend.callsTo('add_status')[0]?.input).toMatchObject({ kind: 'transferred_in', end: null });
  });

  it('asks before an end status, and cancelling does not call add_status', async () => {
    const { backend, user } = renderForm();

    await user.selectOptions(screen.getByTestId('status-kind'), 'deceased');
    await user.type(screen.getByTestId('status-start'), '05/02/2026');
    await user.click(screen.getByTestId('status-save'));

    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      'Sau biến động này, đồng chí Lò Văn Pọm không còn trong danh sách sinh hoạt của chi bộ từ ngày 05/02/2026. Tiếp tục?',
    );
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(backend.callsTo('add_status')).toHaveLength(0);

    await user.click(screen.getByTestId('status-save'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(backend.callsTo('add_status')).toEqual([
      { memberId: 1, input: { kind: 'deceased', start: '2026-02-05', end: null, reference: '', note: '' } },
    ]);
  });

  it('requires a kind and a date', async () => {
    const { backend, user } = renderForm();

    await user.click(screen.getByTestId('status-save'));

    expect(screen.getByTestId('status-error-kind')).toHaveTextContent('Hãy chọn loại biến động.');
    expect(screen.getByTestId('status-error-start')).toHaveTextContent('Hãy nhập ngày của biến động.');
    expect(backend.callsTo('add_status')).toHaveLength(0);
  });

  it('shows a backend error under the field it names', async () => {
    const { backend, user } = renderForm();
    backend.failures.set('add_status', {
      code: 'validation',
      message: 'Trùng thời gian với "Miễn công tác và sinh hoạt đảng" đã ghi từ 01/01/2024.',
      field: 'start',
    });

    await user.selectOptions(screen.getByTestId('status-kind'), 'exempted');
    await user.type(screen.getByTestId('status-start'), '01/02/2024');
    await user.click(screen.getByTestId('status-save'));

    expect(await screen.findByTestId('status-error-start')).toHaveTextContent('Trùng thời gian với');
    expect(screen.getByTestId('status-start')).toHaveAttribute('aria-invalid', 'true');
  });
});
