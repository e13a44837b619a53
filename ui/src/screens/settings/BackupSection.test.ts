import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { DEMO_INPUT, FAKE_BACKUP_FOLDER, FakeBackend } from '../../test/fakeBackend';

const NEWEST = 'chibo-2026-03-10-091500.sqlite3';
const OLDER = 'chibo-2026-03-05-213000.sqlite3';

/** One branch, and three backups: two automatic, one safety copy. */
function backendWithBackups(): FakeBackend {
  const backend = new FakeBackend([DEMO_INPUT]);
  backend.addBackup('2026-03-05T21:30:00', { size: 300 * 1024 });
  backend.addBackup('2026-03-10T09:15:00');
  backend.addBackup('2026-03-08T07:02:00', { kind: 'safety_copy', size: 2 * 1024 * 1024 });
  return backend;
}

async function openBackups(backend: FakeBackend) {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByTestId('nav-settings'));
  const section = await screen.findByTestId('backup-section');
  await within(section).findByTestId('backup-folder');
  return { user, backend, section };
}

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('backup-row');
}

function row(fileName: string): HTMLElement {
  const found = rows().find((r) => r.getAttribute('data-file-name') === fileName);
  if (!found) throw new Error(`Không có dòng ${fileName}.`);
  return found;
}

describe('backup section: list and settings', () => {
  it('explains the automatic backups and lists them newest first with time, kind and size', async () => {
    const backend = backendWithBackups();
    backend.notices = ['Không thấy thư mục sao lưu thứ hai /media/bithu/USB; lần này chỉ sao lưu vào máy.'];
    const { section } = await openBackups(backend);

    expect(within(section).getByRole('heading', { name: 'Sao lưu và khôi phục' })).toBeInTheDocument();
    expect(section).toHaveTextContent('khi mở ứng dụng (mỗi ngày một lần) và khi đóng ứng dụng');
    expect(within(section).getByTestId('backup-folder')).toHaveTextContent(FAKE_BACKUP_FOLDER);
    expect(within(section).getByTestId('backup-notices')).toHaveTextContent(
      'Không thấy thư mục sao lưu thứ hai /media/bithu/USB; lần này chỉ sao lưu vào máy.',
    );

    expect(rows().map((r) => r.getAttribute('data-file-name'))).toEqual([
      NEWEST,
      'truoc-khoi-phuc-2026-03-08-070200.sqlite3',
      OLDER,
    ]);
    const newest = row(NEWEST);
    expect(within(newest).getByTestId('backup-when')).toHaveTextContent('10/03/2026 09:15');
    expect(within(newest).getByTestId('backup-kind')).toHaveTextContent('Tự động');
    expect(within(newest).getByTestId('backup-size')).toHaveTextContent('1,5 MB');
    expect(within(newest).getByTestId('backup-restore')).toHaveTextContent('Khôi phục…');
    const safety = rows()[1] as HTMLElement;
    expect(within(safety).getByTestId('backup-kind')).toHaveTextContent('Bản an toàn trước khi khôi phục');
    expect(within(safety).getByTestId('backup-size')).toHaveTextContent('2,0 MB');
    expect(within(row(OLDER)).getByTestId('backup-size')).toHaveTextContent('300 KB');

    expect(within(section).getByTestId('backup-keep_daily')).toHaveValue('7');
    expect(within(section).getByTestId('backup-keep_monthly')).toHaveValue('12');
    expect(within(section).getByTestId('backup-second-folder')).toHaveTextContent(
      'Chưa chọn thư mục sao lưu thứ hai.',
    );
    expect(within(section).queryByTestId('backup-clear-folder')).toBeNull();
    expect(within(section).queryByTestId('backup-empty')).toBeNull();
  });

  it('says when there is no backup yet', async () => {
    const { section } = await openBackups(new FakeBackend([DEMO_INPUT]));

    expect(within(section).getByTestId('backup-empty')).toHaveTextContent(
      'Chưa có bản sao lưu nào. Bản đầu tiên được tạo khi mở ứng dụng.',
    );
    expect(rows()).toHaveLength(0);
    expect(within(section).queryByTestId('backup-notices')).toBeNull();
    expect(within(section).getByTestId('backup-now')).toBeEnabled();
    expect(within(section).getByTestId('restore-from-file')).toBeEnabled();
  });

  it('shows a validation error on the keep value it is about, then saves a corrected value', async () => {
    const { user, backend, section } = await openBackups(backendWithBackups());

    const daily = within(section).getByTestId('backup-keep_daily');
    await user.clear(daily);
    await user.type(daily, '0');
    await user.click(within(section).getByTestId('backup-settings-save'));

    expect(await within(section).findByTestId('backup-error-keep_daily')).toHaveTextContent(
      'Số bản sao lưu hằng ngày giữ lại phải từ 1 đến 60.',
    );
    expect(daily).toHaveAttribute('aria-invalid', 'true');
    expect(daily).toHaveFocus();
    expect(backend.backupSettings.keep_daily).toBe(7);

    await user.clear(daily);
    await user.type(daily, '14');
    expect(within(section).queryByTestId('backup-error-keep_daily')).toBeNull();
    await user.click(within(section).getByTestId('backup-settings-save'));

    expect(await within(section).findByTestId('backup-settings-saved')).toHaveTextContent(
      'Đã lưu số bản sao lưu được giữ.',
    );
    expect(backend.callsTo('set_backup_settings')).toEqual([
      { settings: { keep_daily: 0, keep_monthly: 12, second_folder: null } },
      { settings: { keep_daily: 14, keep_monthly: 12, second_folder: null } },
    ]);
    expect(daily).toHaveValue('14');
  });

  it('refuses a keep value that is not a whole number without calling the backend', async () => {
    const { user, backend, section } = await openBackups(backendWithBackups());

    const monthly = within(section).getByTestId('backup-keep_monthly');
    await user.clear(monthly);
    await user.type(monthly, 'mười');
    await user.click(within(section).getByTestId('backup-settings-save'));

    expect(within(section).getByTestId('backup-error-keep_monthly')).toHaveTextContent(
      'Hãy nhập một số nguyên (chỉ gồm chữ số).',
    );
    expect(backend.callsTo('set_backup_settings')).toHaveLength(0);
  });

  it('asks before leaving unsaved keep values', async () => {
    const { user, section } = await openBackups(backendWithBackups());

    await user.type(within(section).getByTestId('backup-keep_daily'), '0');
    await user.click(screen.getByTestId('nav-overview'));

    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Bỏ các thay đổi chưa lưu?');
  });

  it('chooses a second folder and saves it, then removes it', async () => {
    const { user, backend, section } = await openBackups(backendWithBackups());

    await user.click(within(section).getByTestId('backup-choose-folder'));

    expect(await within(section).findByTestId('backup-second-folder')).toHaveTextContent('/media/bithu/USB');
    expect(within(section).getByTestId('backup-settings-saved')).toHaveTextContent(
      'Đã chọn thư mục sao lưu thứ hai.',
    );
    expect(backend.callsTo('set_backup_settings')).toEqual([
      { settings: { keep_daily: 7, keep_monthly: 12, second_folder: '/media/bithu/USB' } },
    ]);

    await user.click(within(section).getByTestId('backup-clear-folder'));

    await waitFor(() =>
      expect(within(section).getByTestId('backup-second-folder')).toHaveTextContent(
        'Chưa chọn thư mục sao lưu thứ hai.',
      ),
    );
    expect(backend.backupSettings.second_folder).toBeNull();
    expect(within(section).queryByTestId('backup-clear-folder')).toBeNull();
  });

  it('saves nothing when the folder dialog is cancelled, and shows a folder refused', async () => {
    const backend = backendWithBackups();
    backend.pickedBackupFolder = null;
    const { user, section } = await openBackups(backend);

    await user.click(within(section).getByTestId('backup-choose-folder'));
    await waitFor(() => expect(backend.callsTo('choose_second_backup_folder')).toHaveLength(1));
    expect(backend.callsTo('set_backup_settings')).toHaveLength(0);

    backend.pickedBackupFolder = 'USB';
    await user.click(within(section).getByTestId('backup-choose-folder'));
    expect(await within(section).findByTestId('backup-error-second_folder')).toHaveTextContent(
      'Thư mục sao lưu thứ hai phải là một đường dẫn đầy đủ (ví dụ E:\\).',
    );
  });
});

describe('backup section: back up now', () => {
  it('says it is backing up, then what the verified copy holds', async () => {
    const backend = backendWithBackups();
    backend.addMember({ full_name: 'Nguyễn Văn An' });
    backend.addMeeting({ title: 'Sinh hoạt thường kỳ tháng 02 năm 2026', date: '2026-02-05' });
    backend.delays.set('backup_now', () => 100);
    const { user, section } = await openBackups(backend);

    await user.click(within(section).getByTestId('backup-now'));

    expect(within(section).getByTestId('backup-now')).toHaveTextContent('Đang sao lưu…');
    expect(within(section).getByTestId('backup-now')).toBeDisabled();
    expect(within(section).getByTestId('restore-from-file')).toBeDisabled();
    expect(await within(section).findByTestId('backup-now-done')).toHaveTextContent(
      'Đã sao lưu và kiểm tra: 1 chi bộ, 1 đảng viên, 1 cuộc họp, 0 biên bản, 0 tệp đính kèm.',
    );
    expect(within(section).getByTestId('backup-now')).toHaveTextContent('Sao lưu ngay…');
    expect(within(section).getByTestId('backup-now')).toBeEnabled();
  });

  it('says nothing when the save dialog is cancelled', async () => {
    const backend = backendWithBackups();
    backend.backupNowPath = null;
    const { user, section } = await openBackups(backend);

    await user.click(within(section).getByTestId('backup-now'));

    await waitFor(() => expect(backend.callsTo('backup_now')).toHaveLength(1));
    expect(within(section).getByTestId('backup-now')).toBeEnabled();
    expect(within(section).queryByTestId('backup-now-done')).toBeNull();
    expect(within(section).queryByTestId('backup-error')).toBeNull();
  });

  it('shows the backend message when the folder cannot be written', async () => {
    const backend = backendWithBackups();
    backend.failures.set('backup_now', {
      code: 'io',
      message: 'Không ghi được vào E:\\SaoLuu: ổ đĩa đã đầy. Hãy chọn nơi khác hoặc giải phóng chỗ trống.',
      field: null,
    });
    const { user, section } = await openBackups(backend);

    await user.click(within(section).getByTestId('backup-now'));

    const error = await within(section).findByTestId('backup-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('Không ghi được vào E:\\SaoLuu: ổ đĩa đã đầy.');
    expect(within(section).queryByTestId('backup-now-done')).toBeNull();
  });
});

describe('backup section: restore', () => {
  it('previews a listed backup, restores it on confirmation, reloads the app and reports', async () => {
    const backend = backendWithBackups();
    backend.backupContents.set(`${FAKE_BACKUP_FOLDER}/${OLDER}`, {
      schema_version: 1,
      branches: ['Chi bộ thôn Nà Hin'],
      members: 15,
      meetings: 12,
      minutes: 10,
      attachments: 3,
    });
    backend.onRestore = () => {
      const branch = backend.branches[0];
      if (branch) branch.name = 'Chi bộ thôn Nà Hin';
    };
    const { user, section } = await openBackups(backend);
    expect(screen.getByTestId('sidebar-branch-name')).toHaveTextContent('Chi bộ thôn Bản Chắt');
    const infoCalls = backend.callsTo('app_info').length;

    await user.click(within(row(OLDER)).getByTestId('backup-restore'));

    expect(backend.callsTo('preview_restore')).toEqual([{ fileName: OLDER }]);
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent(
      'Khôi phục bản sao lưu lúc 05/03/2026 21:30? Dữ liệu hiện tại sẽ được thay bằng: ' +
        'Chi bộ thôn Nà Hin, 15 đảng viên, 12 cuộc họp, 10 biên bản, 3 tệp đính kèm. ' +
        'Một bản an toàn của dữ liệu hiện tại được giữ lại.',
    );
    expect(backend.callsTo('restore_backup')).toHaveLength(0);

    await user.click(within(dialog).getByTestId('restore-confirm'));

    const report = await screen.findByTestId('restore-report');
    expect(report).toHaveTextContent(
      'Đã khôi phục dữ liệu từ bản sao lưu lúc 05/03/2026 21:30: 1 chi bộ, 15 đảng viên, ' +
        '12 cuộc họp, 10 biên bản, 3 tệp đính kèm. Dữ liệu trước khi khôi phục được giữ tại ' +
        `${FAKE_BACKUP_FOLDER}/truoc-khoi-phuc-2026-03-10-092000.sqlite3.`,
    );
    expect(backend.callsTo('restore_backup')).toEqual([{}]);
    // The whole app read its data again: the branch shown is the restored one.
    expect(backend.callsTo('app_info').length).toBeGreaterThan(infoCalls);
    expect(screen.getByTestId('sidebar-branch-name')).toHaveTextContent('Chi bộ thôn Nà Hin');
    expect(screen.getByTestId('settings-screen')).toBeInTheDocument();
    expect(report).toHaveFocus();
    // The section was shown anew, with the safety copy now listed.
    await waitFor(() =>
      expect(rows()[0]).toHaveAttribute('data-file-name', 'truoc-khoi-phuc-2026-03-10-092000.sqlite3'),
    );
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(section).not.toBeInTheDocument();

    await user.click(screen.getByTestId('restore-report-close'));
    expect(screen.queryByTestId('restore-report')).toBeNull();
  });

  it('says it is restoring while the restore runs', async () => {
    const backend = backendWithBackups();
    backend.delays.set('restore_backup', () => 100);
    const { user, section } = await openBackups(backend);

    await user.click(within(row(NEWEST)).getByTestId('backup-restore'));
    await user.click(await screen.findByTestId('restore-confirm'));

    expect(within(section).getByTestId('restore-busy')).toHaveTextContent('Đang khôi phục…');
    expect(within(section).getByTestId('backup-now')).toBeDisabled();
    for (const button of within(section).getAllByTestId('backup-restore')) expect(button).toBeDisabled();
    expect(await screen.findByTestId('restore-report')).toBeInTheDocument();
  });

  it('starts one restore on a double click of "Khôi phục"', async () => {
    const backend = backendWithBackups();
    backend.delays.set('restore_backup', () => 100);
    const { user } = await openBackups(backend);

    await user.click(within(row(NEWEST)).getByTestId('backup-restore'));
    // Two clicks in one go, before the dialog can close.
    const confirm = await screen.findByTestId('restore-confirm');
    confirm.click();
    confirm.click();

    expect(await screen.findByTestId('restore-report')).toBeInTheDocument();
    expect(backend.callsTo('restore_backup')).toHaveLength(1);
  });

  it('restores from another file picked in the dialog', async () => {
    const { user, backend, section } = await openBackups(backendWithBackups());

    await user.click(within(section).getByTestId('restore-from-file'));

    expect(backend.callsTo('preview_restore')).toEqual([{ fileName: null }]);
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent('Khôi phục bản sao lưu lúc 01/03/2026 08:00?');
    await user.click(within(dialog).getByTestId('restore-confirm'));

    expect(await screen.findByTestId('restore-report')).toHaveTextContent(
      'Đã khôi phục dữ liệu từ bản sao lưu lúc 01/03/2026 08:00',
    );
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const backend = backendWithBackups();
    backend.pickedBackupFile = null;
    const { user, section } = await openBackups(backend);

    await user.click(within(section).getByTestId('restore-from-file'));

    await waitFor(() => expect(backend.callsTo('preview_restore')).toHaveLength(1));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(within(section).getByTestId('restore-from-file')).toHaveTextContent('Khôi phục từ tệp khác…');
    expect(within(section).getByTestId('restore-from-file')).toBeEnabled();
  });

  it('changes nothing when the user declines at the question, and gives focus back', async () => {
    const { user, backend, section } = await openBackups(backendWithBackups());
    const infoCalls = backend.callsTo('app_info').length;

    const button = within(row(NEWEST)).getByTestId('backup-restore');
    await user.click(button);
    await user.click(await screen.findByTestId('confirm-cancel'));

    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(button).toHaveFocus();
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    expect(backend.callsTo('app_info')).toHaveLength(infoCalls);
    expect(within(section).queryByTestId('restore-report')).toBeNull();
    expect(rows()).toHaveLength(3);
  });

  it('shows why a backup cannot be restored and asks nothing', async () => {
    const backend = backendWithBackups();
    backend.failures.set('preview_restore', {
      code: 'corrupt',
      message: 'Tệp chibo-2026-03-05-213000.sqlite3 bị hỏng, không dùng để khôi phục được.',
      field: null,
    });
    const { user, section } = await openBackups(backend);

    await user.click(within(row(OLDER)).getByTestId('backup-restore'));

    const error = await within(section).findByTestId('backup-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('Tệp chibo-2026-03-05-213000.sqlite3 bị hỏng, không dùng để khôi phục được.');
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(backend.callsTo('restore_backup')).toHaveLength(0);
    expect(within(row(OLDER)).getByTestId('backup-restore')).toBeEnabled();
  });

  it('shows the message when the restore itself fails', async () => {
    const backend = backendWithBackups();
    backend.failures.set('restore_backup', {
      code: 'io',
      message: 'Không ghi được vào thư mục dữ liệu: ổ đĩa đã đầy.',
      field: null,
    });
    const { user, section } = await openBackups(backend);

    await user.click(within(row(NEWEST)).getByTestId('backup-restore'));
    await user.click(await screen.findByTestId('restore-confirm'));

    expect(await within(section).findByTestId('backup-error')).toHaveTextContent(
      'Không ghi được vào thư mục dữ liệu: ổ đĩa đã đầy.',
    );
    expect(screen.queryByTestId('restore-report')).toBeNull();
    expect(section).toBeInTheDocument();
  });
});
