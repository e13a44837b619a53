import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createBranch } from '../lib/ipc';
import { FakeBackend } from '../test/fakeBackend';
import BranchForm from './BranchForm.svelte';

async function fillValid(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(screen.getByTestId('branch-name'), 'Chi bộ thôn Bản Chắt');
  await user.type(screen.getByTestId('branch-parent'), 'Đảng bộ xã Tân Thành');
  await user.type(screen.getByTestId('branch-place'), 'Tân Thành');
}

describe('BranchForm', () => {
  it('shows "Tên chi bộ không được để trống." on an empty submit and does not call create_branch', async () => {
    const backend = new FakeBackend();
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await user.click(screen.getByTestId('branch-save'));

    expect(screen.getByTestId('branch-error-name')).toHaveTextContent('Tên chi bộ không được để trống.');
    expect(screen.getByTestId('branch-error-place')).toHaveTextContent('Địa danh không được để trống.');
    expect(screen.getByTestId('branch-name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('branch-name')).toHaveFocus();
    expect(backend.callsTo('create_branch')).toHaveLength(0);
  });

  it('sends cleaned NFC text and ISO dates when Enter is pressed', async () => {
    const backend = new FakeBackend();
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await user.type(screen.getByTestId('branch-name'), '  Chi bộ thôn   Ba\u0309n Chắt ');
    await user.type(screen.getByTestId('branch-parent'), 'Đảng bộ xã Tân Thành');
    await user.type(screen.getByTestId('branch-place'), 'Tân Thành');
    await user.type(screen.getByTestId('branch-term-start'), '1/8/2025');
    await user.type(screen.getByTestId('branch-term-end'), '31.07.2030{Enter}');

    expect(backend.callsTo('create_branch')).toEqual([
      {
        input: {
          name: 'Chi bộ thôn Bản Chắt',
          parent_name: 'Đảng bộ xã Tân Thành',
          place: 'Tân Thành',
          term_start: '2025-08-01',
          term_end: '2030-07-31',
          founded_on: null,
        },
      },
    ]);
  });

  it('shows a backend conflict message above the buttons', async () => {
    const backend = new FakeBackend();
    backend.failures.set('create_branch', {
      code: 'conflict',
      message: 'Đã có chi bộ tên "Chi bộ thôn Bản Chắt" trong dữ liệu này. Hãy đặt tên khác.',
      field: null,
    });
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await fillValid(user);
    await user.click(screen.getByTestId('branch-save'));

    expect(await screen.findByTestId('branch-form-error')).toHaveTextContent(
      'Đã có chi bộ tên "Chi bộ thôn Bản Chắt" trong dữ liệu này. Hãy đặt tên khác.',
    );
    expect(screen.getByTestId('branch-save')).toBeEnabled();
  });

  it('shows a backend validation error under the field it names', async () => {
    const backend = new FakeBackend();
    backend.failures.set('create_branch', {
      code: 'validation',
      message: 'Địa danh không hợp lệ.',
      field: 'place',
    });
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await fillValid(user);
    await user.click(screen.getByTestId('branch-save'));

    expect(await screen.findByTestId('branch-error-place')).toHaveTextContent('Địa danh không hợp lệ.');
    expect(screen.getByTestId('branch-place')).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the founding date, and shows a backend refusal of it under the field', async () => {
    const backend = new FakeBackend();
    backend.failures.set('create_branch', {
      code: 'validation',
      message: 'Ngày thành lập chi bộ không thể trước ngày thành lập Đảng (03/02/1930).',
      field: 'founded_on',
    });
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await fillValid(user);
    await user.type(screen.getByTestId('branch-founded_on'), '01/01/1920');
    await user.click(screen.getByTestId('branch-save'));

    expect(backend.callsTo('create_branch')[0]).toMatchObject({ input: { founded_on: '1920-01-01' } });
    expect(await screen.findByTestId('branch-error-founded_on')).toHaveTextContent(
      'Ngày thành lập chi bộ không thể trước ngày thành lập Đảng (03/02/1930).',
    );
    expect(screen.getByTestId('branch-founded_on')).toHaveFocus();
  });

  it('rejects 31/02/1970 when the date field loses focus, and blocks saving', async () => {
    const backend = new FakeBackend();
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await fillValid(user);
    await user.type(screen.getByTestId('branch-term-start'), '31/02/1970');
    await user.tab();

    expect(screen.getByTestId('branch-error-term_start')).toHaveTextContent(
      'Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026.',
    );
    await user.click(screen.getByTestId('branch-save'));
    expect(backend.callsTo('create_branch')).toHaveLength(0);
  });

  it('rewrites a typed date as dd/mm/yyyy on blur', async () => {
    new FakeBackend();
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await user.type(screen.getByTestId('branch-term-start'), '5-2-2026');
    await user.tab();

    expect(screen.getByTestId('branch-term-start')).toHaveValue('05/02/2026');
  });

  it('says a term must end after it starts, under the end date', async () => {
    const backend = new FakeBackend();
    const user = userEvent.setup();
    render(BranchForm, { onSave: createBranch });

    await fillValid(user);
    await user.type(screen.getByTestId('branch-term-start'), '01/08/2025');
    await user.type(screen.getByTestId('branch-term-end'), '01/01/2025');
    await user.click(screen.getByTestId('branch-save'));

    expect(screen.getByTestId('branch-error-term_end')).toHaveTextContent(
      'Ngày kết thúc nhiệm kỳ (01/01/2025) phải sau ngày bắt đầu (01/08/2025).',
    );
    expect(backend.callsTo('create_branch')).toHaveLength(0);
  });

  it('disables the save button and says "Đang lưu…" while saving', async () => {
    let finish: () => void = () => {};
    const onSave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    render(BranchForm, { onSave });

    await fillValid(user);
    await user.click(screen.getByTestId('branch-save'));

    expect(screen.getByTestId('branch-save')).toBeDisabled();
    expect(screen.getByTestId('branch-save')).toHaveTextContent('Đang lưu…');
    finish();
    await vi.waitFor(() => expect(screen.getByTestId('branch-save')).toBeEnabled());
  });

  it('prefills an existing branch and offers Hủy only when cancelling is possible', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    render(BranchForm, {
      onSave: vi.fn(),
      onCancel,
      initial: {
        id: 3,
        name: 'Chi bộ thôn Nà Hin',
        parent_name: 'Đảng bộ xã Tân Thành',
        place: 'Tân Thành',
        term_start: '2025-08-01',
        term_end: null,
        founded_on: '1976-03-26',
      },
    });

    expect(screen.getByTestId('branch-name')).toHaveValue('Chi bộ thôn Nà Hin');
    expect(screen.getByTestId('branch-term-start')).toHaveValue('01/08/2025');
    expect(screen.getByTestId('branch-term-end')).toHaveValue('');
    expect(screen.getByTestId('branch-founded_on')).toHaveValue('26/03/1976');
    await user.click(screen.getByTestId('branch-cancel'));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('has no Hủy button on first setup', () => {
    render(BranchForm, { onSave: vi.fn() });
    expect(screen.queryByTestId('branch-cancel')).toBeNull();
  });
});
