import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import {
  addAttachments,
  addStatus,
  appNotices,
  attachments,
  backupNow,
  backupOverview,
  branchSettings,
  chooseSecondBackupFolder,
  commitImport,
  createBranch,
  createMember,
  deleteMember,
  exportMeetingDocument,
  exportRoster,
  IpcError,
  memberDetail,
  openAttachment,
  pickImportFile,
  previewImport,
  previewRestore,
  recogniseOfficial,
  removeAttachment,
  removeStatus,
  restoreAtStartup,
  restoreBackup,
  roster,
  saveImportTemplate,
  selectBranch,
  setBackupSettings,
  startupBackups,
  toIpcError,
  updateMember,
  verifyAttachments,
  warnings,
} from './ipc';
import { emptyMemberInput } from './members';

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

  it('send the argument names of the roster commands', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((command, args) => {
      seen.push([command, args]);
      return null;
    });
    const input = emptyMemberInput();
    const status = { kind: 'deceased' as const, start: '2026-02-05', end: null, reference: '', note: '' };
    await roster(1, '2026-02-05', 'duc', 'on_roll');
    await memberDetail(3);
    await createMember(1, input);
    await updateMember(3, input);
    await deleteMember(3);
    await addStatus(3, status);
    await removeStatus(8);
    await recogniseOfficial(3, '2026-02-05', 'QĐ 1');
    await warnings(1);
    await pickImportFile();
    await previewImport(1, '/tmp/a.xlsx');
    await commitImport(1, '/tmp/a.xlsx', 'h', 'skip');
    await saveImportTemplate();
    await exportRoster(1, '2026-02-05', 'xlsx');
    expect(seen).toEqual([
      ['roster', { branchId: 1, asOf: '2026-02-05', search: 'duc', filter: 'on_roll' }],
      ['member_detail', { memberId: 3 }],
      ['create_member', { branchId: 1, input }],
      ['update_member', { memberId: 3, input }],
      ['delete_member', { memberId: 3 }],
      ['add_status', { memberId: 3, input: status }],
      ['remove_status', { statusId: 8 }],
      ['recognise_official', { memberId: 3, officialOn: '2026-02-05', reference: 'QĐ 1' }],
      ['warnings', { branchId: 1 }],
      ['pick_import_file', {}],
      ['preview_import', { branchId: 1, path: '/tmp/a.xlsx' }],
      ['commit_import', { branchId: 1, path: '/tmp/a.xlsx', fileHash: 'h', onDuplicate: 'skip' }],
      ['save_import_template', {}],
      ['export_roster', { branchId: 1, asOf: '2026-02-05', format: 'xlsx' }],
    ]);
  });

  it('send the argument names of the export and attachment commands', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((command, args) => {
      seen.push([command, args]);
      return command.includes('attachment') ? [] : null;
    });
    await exportMeetingDocument(4, 'minutes', 'pdf', true);
    await attachments(4);
    await verifyAttachments(4);
    await addAttachments(4);
    await openAttachment(9);
    await removeAttachment(9);
    expect(seen).toEqual([
      ['export_meeting_document', { meetingId: 4, document: 'minutes', format: 'pdf', openAfter: true, noticeIssuedOn: null }],
      ['attachments', { meetingId: 4 }],
      ['verify_attachments', { meetingId: 4 }],
      ['add_attachments', { meetingId: 4 }],
      ['open_attachment', { id: 9 }],
      ['remove_attachment', { id: 9 }],
    ]);
  });

  it('send the argument names of the backup commands', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((command, args) => {
      seen.push([command, args]);
      return null;
    });
    const settings = { keep_daily: 7, keep_monthly: 12, second_folder: '/media/usb' };
    await backupOverview();
    await setBackupSettings(settings);
    await chooseSecondBackupFolder();
    await backupNow();
    await previewRestore('chibo-2026-03-10-091500.sqlite3');
    await previewRestore(null);
    await restoreBackup();
    await startupBackups();
    await restoreAtStartup('chibo-2026-03-10-091500.sqlite3');
    await appNotices();
    expect(seen).toEqual([
      ['backup_overview', {}],
      ['set_backup_settings', { settings }],
      ['choose_second_backup_folder', {}],
      ['backup_now', {}],
      ['preview_restore', { fileName: 'chibo-2026-03-10-091500.sqlite3' }],
      ['preview_restore', { fileName: null }],
      ['restore_backup', {}],
      ['startup_backups', {}],
      ['restore_at_startup', { fileName: 'chibo-2026-03-10-091500.sqlite3' }],
      ['app_notices', {}],
    ]);
  });

  it('reject with an IpcError carrying the backend field', async () => {
    mockIPC(() => {
      throw { code: 'conflict', message: 'Đã có chi bộ tên "A".', field: null };
    });
    const input = { name: 'A', parent_name: 'B', place: 'C', term_start: null, term_end: null, founded_on: null };
    await expect(createBranch(input)).rejects.toMatchObject({
      name: 'IpcError',
      code: 'conflict',
      message: 'Đã có chi bộ tên "A".',
    });
  });
});
