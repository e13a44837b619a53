import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { DEMO_INPUT, FakeBackend } from '../../test/fakeBackend';

async function openRegister(backend: FakeBackend) {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByTestId('nav-meetings'));
  await user.click(await screen.findByTestId('meetings-documents'));
  await screen.findByTestId('documents-register');
  return { user, backend };
}

/** The register with one document studied at a meeting and one never used. */
function branchWithDocuments(): FakeBackend {
  const backend = new FakeBackend([DEMO_INPUT]);
  const used = backend.addDocument({
    number: '44-KH/TU',
    issued_on: '2026-01-12',
    issuer: 'Tỉnh ủy Lào Cai',
    title: 'Kế hoạch học tập chuyên đề năm 2026',
  });
  backend.addDocument({ number: '21-KL/TW', issued_on: null, issuer: 'Ban Chấp hành Trung ương', title: 'Kết luận 21' });
  backend.addMeeting({ title: 'Sinh hoạt chuyên đề quý 1', date: '2026-02-05', document_ids: [used.id] });
  return backend;
}

describe('documents register', () => {
  it('lists number, issue date, issuer, title and how many meetings used it', async () => {
    await openRegister(branchWithDocuments());

    const row = await screen.findByTestId('document-row-1');
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent?.trim());
    expect(cells.slice(0, 5)).toEqual([
      '44-KH/TU',
      '12/01/2026',
      'Tỉnh ủy Lào Cai',
      'Kế hoạch học tập chuyên đề năm 2026',
      'Dùng ở 1 cuộc họp',
    ]);
    expect(screen.getByTestId('document-uses-2')).toHaveTextContent('Chưa dùng');
  });

  it('says when the register is empty', async () => {
    await openRegister(new FakeBackend([DEMO_INPUT]));

    expect(await screen.findByTestId('documents-empty')).toHaveTextContent('Sổ văn bản chưa có văn bản nào.');
  });

  it('adds a document, showing a refused number under its field', async () => {
    const { user, backend } = await openRegister(new FakeBackend([DEMO_INPUT]));

    await user.click(screen.getByTestId('documents-add'));
    await user.click(screen.getByTestId('document-save'));
    expect(screen.getByTestId('document-error-number')).toHaveTextContent('Số, ký hiệu văn bản không được để trống.');
    expect(screen.getByTestId('document-error-title')).toHaveTextContent('Trích yếu không được để trống.');
    expect(screen.getByTestId('document-number')).toHaveFocus();
    expect(backend.callsTo('create_document')).toHaveLength(0);

    await user.type(screen.getByTestId('document-number'), '44/KH/TU');
    await user.type(screen.getByTestId('document-issued_on'), '12/01/2026');
    await user.type(screen.getByTestId('document-issuer'), 'Tỉnh ủy Lào Cai');
    await user.type(screen.getByTestId('document-title'), 'Kế hoạch học tập chuyên đề năm 2026');
    await user.click(screen.getByTestId('document-save'));
    expect(await screen.findByTestId('document-error-number')).toHaveTextContent(
      '"44/KH/TU" không đúng dạng số, ký hiệu văn bản của Đảng (số-loại văn bản/cơ quan ban hành, ví dụ 44-KH/TU, 21-KL/TW).',
    );
    expect(screen.getByTestId('document-number')).toHaveFocus();

    await user.clear(screen.getByTestId('document-number'));
    await user.type(screen.getByTestId('document-number'), '44-KH/TU{Enter}');

    expect(await screen.findByTestId('documents-notice')).toHaveTextContent('Đã thêm văn bản 44-KH/TU.');
    expect(backend.callsTo('create_document')[1]).toEqual({
      branchId: 1,
      input: {
        number: '44-KH/TU',
        issued_on: '2026-01-12',
        issuer: 'Tỉnh ủy Lào Cai',
        title: 'Kế hoạch học tập chuyên đề năm 2026',
      },
    });
    expect(screen.getByTestId('document-row-1')).toHaveTextContent('Chưa dùng');
    expect(screen.queryByTestId('document-dialog')).toBeNull();
  });

  it('corrects a document', async () => {
    const { user, backend } = await openRegister(branchWithDocuments());

    await user.click(await screen.findByTestId('document-edit-2'));
    expect(screen.getByTestId('document-dialog')).toHaveTextContent('Sửa văn bản');
    expect(screen.getByTestId('document-number')).toHaveValue('21-KL/TW');
    await user.type(screen.getByTestId('document-issued_on'), '24/11/2021');
    await user.click(screen.getByTestId('document-save'));

    expect(await screen.findByTestId('documents-notice')).toHaveTextContent('Đã lưu văn bản 21-KL/TW.');
    expect(backend.callsTo('update_document')).toEqual([
      {
        documentId: 2,
        input: { number: '21-KL/TW', issued_on: '2021-11-24', issuer: 'Ban Chấp hành Trung ương', title: 'Kết luận 21' },
      },
    ]);
    expect(screen.getByTestId('document-row-2')).toHaveTextContent('24/11/2021');
  });

  it('deletes an unused document after confirmation, and says why a used one cannot be', async () => {
    const { user, backend } = await openRegister(branchWithDocuments());

    await user.click(await screen.findByTestId('document-delete-2'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Xóa văn bản 21-KL/TW khỏi sổ văn bản?');
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(backend.callsTo('delete_document')).toHaveLength(0);
    await user.click(screen.getByTestId('document-delete-2'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(await screen.findByTestId('documents-notice')).toHaveTextContent('Đã xóa văn bản 21-KL/TW.');
    expect(screen.queryByTestId('document-row-2')).toBeNull();

    await user.click(screen.getByTestId('document-delete-1'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(await screen.findByTestId('documents-error')).toHaveTextContent(
      'Văn bản 44-KH/TU đang được dùng ở 1 cuộc họp; hãy bỏ nó khỏi các cuộc họp đó trước.',
    );
    expect(screen.getByTestId('document-row-1')).toBeInTheDocument();
  });

  it('goes back to the meetings list', async () => {
    const { user } = await openRegister(branchWithDocuments());

    await user.click(screen.getByTestId('documents-back'));

    expect(await screen.findByTestId('meetings-screen')).toBeInTheDocument();
  });
});
