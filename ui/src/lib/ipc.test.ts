import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { branchSettings, createBranch, IpcError, selectBranch, toIpcError } from './ipc';

describe('toIpcError', () => {
  it('keeps the code, message and field of a backend error', () => {
    const error = toIpcError({ code: 'validation', message: 'Địa danh không được để trống.', field: 'place' });
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'validation', message: 'Địa danh không được để trống.', field: 'place' });
  });

  it('gives a null field when the backend names none', () => {
    expect(toIpcError({ code: 'locked', message: 'Dữ liệu đang mở ở cửa sổ khác.' }).field).toBeNull();
  });

  it('treats an unknown code as internal but keeps the message', () => {
    expect(toIpcError({ code: 'weird', message: 'Lỗi lạ.', field: null })).toMatchObject({
      code: 'internal',
      message: 'Lỗi lạ.',
    });
  });

  it('wraps a plain string rejection as an internal error', () => {
    const error = toIpcError('command create_branch not found');
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Đã xảy ra lỗi không mong muốn: command create_branch not found');
    expect(error.field).toBeNull();
  });

  it('wraps an object of another shape as an internal error', () => {
    expect(toIpcError({ error: 1 }).message).toBe('Đã xảy ra lỗi không mong muốn: {"error":1}');
  });
});

describe('commands', () => {
  it('send the argument names the backend expects', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((command, args) => {
      seen.push([command, args]);
      return command === 'select_branch' ? { text_scale: 100, current_branch_id: 7 } : null;
    });
    await selectBranch(7);
    await branchSettings(7);
    expect(seen).toEqual([
      ['select_branch', { branchId: 7 }],
      ['branch_settings', { branchId: 7 }],
    ]);
  });

  it('reject with an IpcError carrying the backend field', async () => {
    mockIPC(() => {
      throw { code: 'conflict', message: 'Đã có chi bộ tên "A".', field: null };
    });
    const input = { name: 'A', parent_name: 'B', place: 'C', term_start: null, term_end: null };
    await expect(createBranch(input)).rejects.toMatchObject({
      name: 'IpcError',
      code: 'conflict',
      message: 'Đã có chi bộ tên "A".',
    });
  });
});
