import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview, PreviewRow } from '../../lib/bindings';
import { FakeBackend } from '../../test/fakeBackend';
import ImportDialog from './ImportDialog.svelte';

function row(n: number, fields: Partial<PreviewRow> = {}): PreviewRow {
  return {
    row_number: n,
    full_name: `Đảng viên ${n}`,
    birth_date: '1970-03-02',
    card_number: '',
    admitted_on: '1995-05-19',
    official_on: '1996-05-19',
    problems: [],
    duplicate_of: null,
    ...fields,
  };
}

function preview(rows: PreviewRow[], fields: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file_name: 'danh-sach.xlsx',
    file_hash: 'sha256-abc',
    recognised_columns: ['Họ và tên', 'Ngày sinh', 'Ngày vào Đảng'],
    ignored_columns: ['Ghi chú riêng'],
    rows,
    valid_rows: rows.filter((r) => r.problems.length === 0).length,
    rows_with_problems: rows.filter((r) => r.problems.length > 0).length,
    duplicates: rows.filter((r) => r.duplicate_of !== null).length,
    ...fields,
  };
}

const DUPLICATE = { member_id: 9, full_name: 'Nguyễn Văn Đức', reason: 'cùng số thẻ đảng viên' };

function renderDialog(_backend: FakeBackend) {
  const user = userEvent.setup();
  const onClose = vi.fn();
  const onImported = vi.fn();
  render(ImportDialog, { branchId: 1, onClose, onImported });
  return { user, onClose, onImported };
}

describe('ImportDialog', () => {
  it('saves the template and says where', async () => {
    const backend = new FakeBackend();
    const { user } = renderDialog(backend);

    await user.click(screen.getByTestId('import-template'));

    expect(await screen.findByTestId('import-template-saved')).toHaveTextContent(
      'Đã lưu tệp mẫu: /home/bithu/Tài liệu/mau-danh-sach-dang-vien.xlsx',
    );
    expect(backend.callsTo('save_import_template')).toEqual([{}]);
  });

  it('does nothing more when choosing a file is cancelled', async () => {
    const backend = new FakeBackend();
    backend.pickedFile = null;
    const { user } = renderDialog(backend);

    await user.click(screen.getByTestId('import-pick'));

    await waitFor(() => expect(backend.callsTo('pick_import_file')).toHaveLength(1));
    expect(backend.callsTo('preview_import')).toHaveLength(0);
    expect(screen.getByTestId('import-pick')).toBeInTheDocument();
  });

  it('says it is reading the file, then shows the preview', async () => {
    const backend = new FakeBackend();
    backend.preview = preview([row(2), row(3, { duplicate_of: DUPLICATE })]);
    backend.delays.set('preview_import', () => 50);
    const { user } = renderDialog(backend);

    await user.click(screen.getByTestId('import-pick'));

    expect(await screen.findByTestId('import-reading')).toHaveTextContent('Đang đọc tệp…');
    expect(await screen.findByTestId('import-counts')).toHaveTextContent(
      '2 dòng hợp lệ · 0 dòng có lỗi · 1 trùng với danh sách hiện có',
    );
    expect(backend.callsTo('preview_import')).toEqual([{ branchId: 1, path: '/home/bithu/Tài liệu/danh-sach.xlsx' }]);
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('danh-sach.xlsx');
    expect(screen.getByTestId('import-ignored-columns')).toHaveTextContent('Ghi chú riêng');
    expect(screen.getByTestId('import-row-3')).toHaveTextContent(
      'Trùng với đồng chí Nguyễn Văn Đức (cùng số thẻ đảng viên)',
    );
    expect(within(screen.getByTestId('import-row-2')).getByText('02/03/1970')).toBeInTheDocument();
  });

  it('disables the import while a row has problems, and lists them by row and column', async () => {
    const backend = new FakeBackend();
    backend.preview = preview([
      row(2),
      row(7, { problems: [{ row_number: 7, column: 'Ngày sinh', message: 'Ngày không hợp lệ.' }] }),
    ]);
    const { user } = renderDialog(backend);

    await user.click(screen.getByTestId('import-pick'));

    expect(await screen.findByTestId('import-confirm')).toBeDisabled();
    expect(screen.getByTestId('import-row-7')).toHaveTextContent('Dòng 7, cột Ngày sinh: Ngày không hợp lệ.');
    expect(screen.getByTestId('import-blocked')).toHaveTextContent(
      'Hãy sửa các lỗi trong tệp rồi chọn lại tệp; chưa có gì được ghi.',
    );
  });

  it('imports with the file hash and the duplicate choice, then shows the result', async () => {
    const backend = new FakeBackend();
    backend.preview = preview([row(2), row(3), row(4, { duplicate_of: DUPLICATE })]);
    backend.importResult = { created: 2, updated: 1, skipped: 0 };
    const { user, onImported } = renderDialog(backend);

    await user.click(screen.getByTestId('import-pick'));
    const confirm = await screen.findByTestId('import-confirm');
    expect(confirm).toBeEnabled();
    expect(confirm).toHaveTextContent('Nhập 2 đảng viên');
    expect(screen.getByTestId('import-dup-skip')).toBeChecked();
    await user.click(screen.getByTestId('import-dup-update'));
    expect(confirm).toHaveTextContent('Nhập 3 đảng viên');
    await user.click(confirm);

    expect(await screen.findByTestId('import-result')).toHaveTextContent(
      'Đã nhập 2 đảng viên mới, cập nhật 1, bỏ qua 0.',
    );
    expect(backend.callsTo('commit_import')).toEqual([
      { branchId: 1, path: '/home/bithu/Tài liệu/danh-sach.xlsx', fileHash: 'sha256-abc', onDuplicate: 'update' },
    ]);
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('goes back to choosing a file when the file changed since the preview', async () => {
    const backend = new FakeBackend();
    backend.preview = preview([row(2)]);
    backend.failures.set('commit_import', {
      code: 'conflict',
      message: 'Tệp đã thay đổi sau khi xem trước. Hãy chọn lại tệp.',
      field: 'file',
    });
    const { user, onImported } = renderDialog(backend);

    await user.click(screen.getByTestId('import-pick'));
    await user.click(await screen.findByTestId('import-confirm'));

    expect(await screen.findByTestId('import-error')).toHaveTextContent('Tệp đã thay đổi sau khi xem trước.');
    expect(screen.getByTestId('import-pick')).toBeInTheDocument();
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('shows a file the backend cannot read as an error on the first step', async () => {
    const backend = new FakeBackend();
    backend.failures.set('preview_import', {
      code: 'validation',
      message: 'Không tìm thấy cột "Họ và tên".',
      field: 'file',
    });
    const { user } = renderDialog(backend);

    await user.click(screen.getByTestId('import-pick'));

    expect(await screen.findByTestId('import-error')).toHaveTextContent('Không tìm thấy cột "Họ và tên".');
    expect(screen.getByTestId('import-pick')).toBeEnabled();
  });

  it('renders 10,000 rows as the problems and the first 200 valid rows', async () => {
    const backend = new FakeBackend();
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row(i + 2, i === 5000 ? { problems: [{ row_number: i + 2, column: 'Ngày vào Đảng', message: 'Thiếu ngày.' }] } : {}),
    );
    backend.preview = preview(rows);
    const { user } = renderDialog(backend);

    await user.click(screen.getByTestId('import-pick'));

    const table = await screen.findByTestId('import-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(201);
    expect(screen.getByTestId('import-row-5002')).toHaveTextContent('Dòng 5002, cột Ngày vào Đảng: Thiếu ngày.');
    expect(screen.getByTestId('import-hidden-valid')).toHaveTextContent('… và 9799 dòng hợp lệ khác');
  });

  it('closes with Hủy or Escape', async () => {
    const backend = new FakeBackend();
    const { user, onClose } = renderDialog(backend);

    await user.keyboard('{Escape}');
    await user.click(screen.getByTestId('import-cancel'));

    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
