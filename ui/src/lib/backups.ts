// How backups and restores are worded on the settings and start-up screens: the kind of a
// backup, what a database holds, the questions asked before a restore and what one did.
// Times are those of the backend's timestamps as written (never the webview's locale).

import type { BackupKind, BackupPreview, DatabaseFacts, RestoreReport } from './bindings';
import { formatTimestamp } from './dates';

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  automatic: 'Tự động',
  safety_copy: 'Bản an toàn trước khi khôi phục',
};

/** The message for a keep value that is not a whole number (checked before sending). */
export const NOT_A_WHOLE_NUMBER = 'Hãy nhập một số nguyên (chỉ gồm chữ số).';

function recordCounts(facts: DatabaseFacts): string {
  return (
    `${facts.members} đảng viên, ${facts.meetings} cuộc họp, ${facts.minutes} biên bản, ` +
    `${facts.attachments} tệp đính kèm`
  );
}

/** "2 chi bộ, 15 đảng viên, 12 cuộc họp, 10 biên bản, 3 tệp đính kèm". */
export function factCounts(facts: DatabaseFacts): string {
  return `${facts.branches.length} chi bộ, ${recordCounts(facts)}`;
}

/** The branches by name, then the counts: "Chi bộ thôn Bản Chắt, 15 đảng viên, …". */
export function factsWithBranches(facts: DatabaseFacts): string {
  const branches = facts.branches.length > 0 ? facts.branches.join(', ') : 'chưa có chi bộ nào';
  return `${branches}, ${recordCounts(facts)}`;
}

/** "bản sao lưu lúc 05/03/2026 10:30", or the backup's file when its time is not known. */
function whichBackup(takenAt: string | null, path: string): string {
  return takenAt !== null ? `bản sao lưu lúc ${formatTimestamp(takenAt)}` : `bản sao lưu ${path}`;
}

/** What "Sao lưu ngay" wrote, once verified. */
export function backupDoneMessage(facts: DatabaseFacts): string {
  return `Đã sao lưu và kiểm tra: ${factCounts(facts)}.`;
}

/** The question before restoring a previewed backup over the current data. */
export function restoreQuestion(preview: BackupPreview): string {
  return (
    `Khôi phục ${whichBackup(preview.backup_taken_at, preview.path)}? ` +
    `Dữ liệu hiện tại sẽ được thay bằng: ${factsWithBranches(preview.facts)}. ` +
    'Một bản an toàn của dữ liệu hiện tại được giữ lại.'
  );
}

/** The question before replacing a database that could not be opened by a backup. */
export function startupRestoreQuestion(takenAt: string, path: string): string {
  return (
    `Khôi phục ${whichBackup(takenAt, path)}? ` +
    'Tệp dữ liệu không mở được sẽ được dời sang thư mục sao lưu và giữ lại ở đó; ' +
    'không có gì bị xóa.'
  );
}

/**
 * What a restore did. `replaced` says what the kept copy is: the data the restore replaced
 * (from the settings) or the damaged file set aside (at start).
 */
export function restoreReportMessage(
  report: RestoreReport,
  replaced: 'data' | 'damaged' = 'data',
): string {
  const kept =
    replaced === 'data'
      ? 'Dữ liệu trước khi khôi phục được giữ tại'
      : 'Tệp dữ liệu không mở được đã được dời sang';
  return (
    `Đã khôi phục dữ liệu từ ${whichBackup(report.backup_taken_at, report.restored_from)}: ` +
    `${factCounts(report.facts)}. ${kept} ${report.safety_copy}.`
  );
}
