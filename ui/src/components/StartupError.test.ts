import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { DEMO_INPUT, FAKE_BACKUP_FOLDER, FakeBackend } from '../test/fakeBackend';

const CORRUPT = {
  code: 'corrupt',
  message: 'Tệp dữ liệu sotaychibo.sqlite3 bị hỏng, không mở được.',
  field: null,
};

/** A data folder whose database cannot be opened. */
function damaged(): FakeBackend {
  const backend = new FakeBackend([DEMO_INPUT]);
  backend.failures.set('app_info', CORRUPT);
  return backend;
}

async function startupPage() {
  const user = userEvent.setup();
  render(App);
  const page = await screen.findByTestId('startup-error');
  return { user, page };
}

describe('startup error: restore from a backup', () => {
  it('offers the newest backup, restores it after confirmation, then opens the app', async () => {
    const backend = damaged();
    backend.addBackup('2026-03-09T17:05:09');
    backend.addBackup('2026-03-10T08:01:30');
    backend.addMember({ full_name: 'Nguyễn Văn An' });
    const { user, page } = await startupPage();

    expect(page).toHaveTextContent('Tệp dữ liệu sotaychibo.sqlite3 bị hỏng, không mở được.');
    expect(within(page).getByTestId('startup-error-code')).toHaveTextContent('corrupt');
    const restore = await within(page).findByTestId('startup-restore');
    expect(restore).toHaveTextContent('Khôi phục bản sao lưu mới nhất (10/03/2026 08:01)');
    expect(within(page).getByTestId('startup-retry')).toHaveTextContent('Thử lại');

    await user.click(restore);
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent(
      'Khôi phục bản sao lưu lúc 10/03/2026 08:01? Tệp dữ liệu không mở được sẽ được dời sang ' +
        'thư mục sao lưu và giữ lại ở đó; không có gì bị xóa.',
    );
    expect(backend.callsTo('restore_at_startup')).toHaveLength(0);
    await user.click(within(dialog).getByTestId('restore-confirm'));

    expect(await within(page).findByTestId('restore-report')).toHaveTextContent(
      'Đã khôi phục dữ liệu từ bản sao lưu lúc 10/03/2026 08:01: 1 chi bộ, 1 đảng viên, 0 cuộc họp, ' +
        '0 biên bản, 0 tệp đính kèm. Tệp dữ liệu không mở được đã được dời sang ' +
        `${FAKE_BACKUP_FOLDER}/hong-2026-03-10-092000.sqlite3.`,
    );
    expect(backend.callsTo('restore_at_startup')).toEqual([{ fileName: 'chibo-2026-03-10-080130.sqlite3' }]);
    expect(within(page).queryByTestId('startup-retry')).toBeNull();

    await user.click(within(page).getByTestId('startup-open'));

    expect(await screen.findByTestId('overview-screen')).toBeInTheDocument();
    expect(screen.getByTestId('overview-branch-name')).toHaveTextContent('Chi bộ thôn Bản Chắt');
  });

  it('lists the older backups and restores the one chosen', async () => {
    const backend = damaged();
    backend.addBackup('2026-03-10T08:01:30');
    backend.addBackup('2026-03-09T17:05:09');
    backend.addBackup('2026-03-08T07:00:00', { kind: 'safety_copy' });
    const { user, page } = await startupPage();

    await within(page).findByTestId('startup-restore');
    const older = within(page).getAllByTestId('startup-backup-row');
    expect(older.map((r) => r.getAttribute('data-file-name'))).toEqual([
      'chibo-2026-03-09-170509.sqlite3',
      'truoc-khoi-phuc-2026-03-08-070000.sqlite3',
    ]);
    expect(older[1]).toHaveTextContent('08/03/2026 07:00');
    expect(older[1]).toHaveTextContent('Bản an toàn trước khi khôi phục');

    await user.click(within(page).getByText('Chọn bản sao lưu cũ hơn (2)'));
    await user.click(within(older[0] as HTMLElement).getByTestId('startup-restore-older'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Khôi phục bản sao lưu lúc 09/03/2026 17:05?');
    await user.click(screen.getByTestId('restore-confirm'));

    expect(await within(page).findByTestId('restore-report')).toHaveTextContent('09/03/2026 17:05');
    expect(backend.callsTo('restore_at_startup')).toEqual([{ fileName: 'chibo-2026-03-09-170509.sqlite3' }]);
  });

  it('restores nothing when the user declines at the question', async () => {
    const backend = damaged();
    backend.addBackup('2026-03-10T08:01:30');
    const { user, page } = await startupPage();

    await user.click(await within(page).findByTestId('startup-restore'));
    await user.click(screen.getByTestId('confirm-cancel'));

    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(backend.callsTo('restore_at_startup')).toHaveLength(0);
    expect(within(page).getByTestId('startup-restore')).toBeEnabled();
  });

  it('says it is restoring, and shows the message when the restore fails', async () => {
    const backend = damaged();
    backend.addBackup('2026-03-10T08:01:30');
    backend.delays.set('restore_at_startup', () => 100);
    backend.failures.set('restore_at_startup', {
      code: 'corrupt',
      message: 'Bản sao lưu chibo-2026-03-10-080130.sqlite3 cũng bị hỏng; hãy chọn bản cũ hơn.',
      field: null,
    });
    const { user, page } = await startupPage();

    await user.click(await within(page).findByTestId('startup-restore'));
    await user.click(screen.getByTestId('restore-confirm'));

    expect(within(page).getByTestId('startup-restore')).toHaveTextContent('Đang khôi phục…');
    expect(within(page).getByTestId('startup-restore')).toBeDisabled();
    expect(await within(page).findByTestId('startup-restore-error')).toHaveTextContent(
      'Bản sao lưu chibo-2026-03-10-080130.sqlite3 cũng bị hỏng; hãy chọn bản cũ hơn.',
    );
    expect(within(page).queryByTestId('restore-report')).toBeNull();
    expect(within(page).getByTestId('startup-restore')).toBeEnabled();
  });

  it('says there is no backup, and still offers to try again', async () => {
    const backend = damaged();
    const { user, page } = await startupPage();

    expect(await within(page).findByTestId('startup-no-backups')).toHaveTextContent(
      'Không có bản sao lưu nào trong thư mục dữ liệu.',
    );
    expect(within(page).queryByTestId('startup-restore')).toBeNull();
    expect(backend.callsTo('startup_backups')).toHaveLength(1);

    backend.failures.delete('app_info');
    await user.click(within(page).getByTestId('startup-retry'));
    expect(await screen.findByTestId('overview-screen')).toBeInTheDocument();
  });

  it('offers no restore when the data is locked or from a newer version', async () => {
    for (const code of ['locked', 'incompatible', 'io']) {
      const backend = new FakeBackend([DEMO_INPUT]);
      backend.failures.set('app_info', { code, message: 'Không mở được.', field: null });
      backend.addBackup('2026-03-10T08:01:30');
      const { page } = await startupPage();

      expect(await within(page).findByTestId('startup-error-code')).toHaveTextContent(code);
      expect(within(page).queryByTestId('startup-restore')).toBeNull();
      expect(backend.callsTo('startup_backups')).toHaveLength(0);
      cleanup();
    }
  });
});
