import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Member } from '../lib/bindings';
import { createMember } from '../lib/ipc';
import { emptyMemberInput } from '../lib/members';
import { FakeBackend } from '../test/fakeBackend';
import MemberForm from './MemberForm.svelte';

function renderForm(props: { initial?: Member } = {}) {
  const backend = new FakeBackend();
  const user = userEvent.setup();
  const onCancel = vi.fn();
  render(MemberForm, { onSave: (input) => createMember(1, input), onCancel, ...props });
  return { backend, user, onCancel };
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>, name = 'Nguyễn Văn Đức') {
  await user.type(screen.getByTestId('member-full_name'), name);
  await user.type(screen.getByTestId('member-admitted_on'), '19/05/1985');
}

describe('MemberForm', () => {
  it('asks for the name and the admission date with the backend wording, without calling it', async () => {
    const { backend, user } = renderForm();

    await user.click(screen.getByTestId('member-save'));

    expect(screen.getByTestId('member-error-full_name')).toHaveTextContent('Họ và tên không được để trống.');
    expect(screen.getByTestId('member-error-admitted_on')).toHaveTextContent('Ngày vào Đảng không được để trống.');
    expect(screen.getByTestId('member-full_name')).toHaveFocus();
    expect(backend.callsTo('create_member')).toHaveLength(0);
  });

  it('sends name_parts null when the split was not touched, with the defaults', async () => {
    const { backend, user } = renderForm();

    await fillRequired(user, '  Nguyễn   Văn Đức ');
    await user.click(screen.getByTestId('member-gender-male'));
    await user.click(screen.getByTestId('member-save'));

    expect(backend.callsTo('create_member')).toEqual([
      {
        branchId: 1,
        input: {
          ...emptyMemberInput(),
          full_name: 'Nguyễn Văn Đức',
          gender: 'male',
          admitted_on: '1985-05-19',
          name_parts: null,
        },
      },
    ]);
  });

  it('prefills họ, đệm, tên from the name and sends a corrected split', async () => {
    const { backend, user } = renderForm();

    await fillRequired(user, 'Tôn Nữ Thị Hà');
    await user.click(screen.getByTestId('member-name-parts-toggle'));
    expect(screen.getByTestId('member-family')).toHaveValue('Tôn');
    expect(screen.getByTestId('member-middle')).toHaveValue('Nữ Thị');
    expect(screen.getByTestId('member-given')).toHaveValue('Hà');

    await user.clear(screen.getByTestId('member-family'));
    await user.type(screen.getByTestId('member-family'), 'Tôn Nữ');
    await user.clear(screen.getByTestId('member-middle'));
    await user.type(screen.getByTestId('member-middle'), 'Thị');
    await user.click(screen.getByTestId('member-save'));

    expect(backend.callsTo('create_member')[0]?.input).toMatchObject({
      full_name: 'Tôn Nữ Thị Hà',
      name_parts: { family: 'Tôn Nữ', middle: 'Thị', given: 'Hà' },
    });
  });

  it('shows a backend validation error under the field it names', async () => {
    const { backend, user } = renderForm();
    backend.failures.set('create_member', {
      code: 'validation',
      message: 'Ngày vào Đảng (19/05/1985) phải từ khi đủ 18 tuổi (02/03/1988), theo ngày sinh 02/03/1970.',
      field: 'admitted_on',
    });

    await fillRequired(user);
    await user.type(screen.getByTestId('member-birth_date'), '02/03/1970');
    await user.click(screen.getByTestId('member-save'));

    expect(await screen.findByTestId('member-error-admitted_on')).toHaveTextContent(
      'phải từ khi đủ 18 tuổi (02/03/1988)',
    );
    expect(screen.getByTestId('member-admitted_on')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('member-form-error')).toBeNull();
  });

  it('opens the split to show a name_parts error from the backend', async () => {
    const { backend, user } = renderForm();
    backend.failures.set('create_member', {
      code: 'validation',
      message: 'Tên (phần cuối của họ tên) không được để trống.',
      field: 'name_parts',
    });

    await fillRequired(user);
    await user.click(screen.getByTestId('member-save'));

    expect(await screen.findByTestId('member-error-name_parts')).toBeVisible();
    expect(screen.getByTestId('member-family')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows an error without a field above the buttons', async () => {
    const { backend, user } = renderForm();
    backend.failures.set('create_member', { code: 'not_found', message: 'Không tìm thấy chi bộ.', field: null });

    await fillRequired(user);
    await user.click(screen.getByTestId('member-save'));

    expect(await screen.findByTestId('member-form-error')).toHaveTextContent('Không tìm thấy chi bộ.');
  });

  it('keeps a split corrected earlier when editing', async () => {
    const member: Member = {
      ...emptyMemberInput(),
      id: 3,
      branch_id: 1,
      full_name: 'Tôn Nữ Thị Hà',
      name_parts: { family: 'Tôn Nữ', middle: 'Thị', given: 'Hà' },
      admitted_on: '2001-01-01',
    };
    const { backend, user } = renderForm({ initial: member });

    expect(screen.getByTestId('member-family')).toHaveValue('Tôn Nữ');
    await user.click(screen.getByTestId('member-save'));

    expect(backend.callsTo('create_member')[0]?.input).toMatchObject({
      name_parts: { family: 'Tôn Nữ', middle: 'Thị', given: 'Hà' },
    });
  });
});
