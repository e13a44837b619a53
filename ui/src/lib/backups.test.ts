import { describe, expect, it } from 'vitest';
import {
  backupDoneMessage,
  factCounts,
  factsWithBranches,
  restoreQuestion,
  restoreReportMessage,
  startupRestoreQuestion,
} from './backups';
import type { DatabaseFacts } from './bindings';

const FACTS: DatabaseFacts = {
  schema_version: 3,
  branches: ['Chi bộ thôn Bản Chắt', 'Chi bộ thôn Nà Hin'],
  members: 15,
  meetings: 12,
  minutes: 10,
  attachments: 3,
};

describe('what a database holds', () => {
  it('counts the branches with the rest', () => {
    expect(factCounts(FACTS)).toBe('2 chi bộ, 15 đảng viên, 12 cuộc họp, 10 biên bản, 3 tệp đính kèm');
  });

  it('names the branches, or says there is none', () => {
    expect(factsWithBranches(FACTS)).toBe(
      'Chi bộ thôn Bản Chắt, Chi bộ thôn Nà Hin, 15 đảng viên, 12 cuộc họp, 10 biên bản, 3 tệp đính kèm',
    );
    expect(factsWithBranches({ ...FACTS, branches: [], members: 0 })).toBe(
      'chưa có chi bộ nào, 0 đảng viên, 12 cuộc họp, 10 biên bản, 3 tệp đính kèm',
    );
  });

  it('says what "Sao lưu ngay" wrote', () => {
    expect(backupDoneMessage(FACTS)).toBe(
      'Đã sao lưu và kiểm tra: 2 chi bộ, 15 đảng viên, 12 cuộc họp, 10 biên bản, 3 tệp đính kèm.',
    );
  });
});

describe('restore wording', () => {
  it('asks with the backup time as written and what the data will become', () => {
    const preview = {
      path: '/du-lieu/backups/chibo-2026-03-05-213000.sqlite3',
      backup_taken_at: '2026-03-05T21:30:00',
      found_version: 3,
      facts: { ...FACTS, branches: ['Chi bộ thôn Bản Chắt'] },
    };
    expect(restoreQuestion(preview)).toBe(
      'Khôi phục bản sao lưu lúc 05/03/2026 21:30? Dữ liệu hiện tại sẽ được thay bằng: ' +
        'Chi bộ thôn Bản Chắt, 15 đảng viên, 12 cuộc họp, 10 biên bản, 3 tệp đính kèm. ' +
        'Một bản an toàn của dữ liệu hiện tại được giữ lại.',
    );
  });

  it('names the file when the backup time is not known', () => {
    const preview = { path: 'E:\\saoluu.sqlite3', backup_taken_at: null, found_version: 3, facts: FACTS };
    expect(restoreQuestion(preview)).toMatch(/^Khôi phục bản sao lưu E:\\saoluu\.sqlite3\? /);
  });

  it('says at start that the damaged file is kept aside', () => {
    expect(startupRestoreQuestion('2026-03-09T17:05:09', '/x/chibo-2026-03-09-170509.sqlite3')).toBe(
      'Khôi phục bản sao lưu lúc 09/03/2026 17:05? Tệp dữ liệu không mở được sẽ được dời sang ' +
        'thư mục sao lưu và giữ lại ở đó; không có gì bị xóa.',
    );
  });

  it('reports what was restored and where the replaced data is kept', () => {
    const report = {
      restored_from: '/du-lieu/backups/chibo-2026-03-05-213000.sqlite3',
      backup_taken_at: '2026-03-05T21:30:00',
      found_version: 3,
      facts: FACTS,
      safety_copy: '/du-lieu/backups/truoc-khoi-phuc-2026-03-10-092000.sqlite3',
    };
    expect(restoreReportMessage(report)).toBe(
      'Đã khôi phục dữ liệu từ bản sao lưu lúc 05/03/2026 21:30: 2 chi bộ, 15 đảng viên, ' +
        '12 cuộc họp, 10 biên bản, 3 tệp đính kèm. Dữ liệu trước khi khôi phục được giữ tại ' +
        '/du-lieu/backups/truoc-khoi-phuc-2026-03-10-092000.sqlite3.',
    );
    expect(restoreReportMessage({ ...report, safety_copy: '/du-lieu/backups/hong.sqlite3' }, 'damaged')).toMatch(
      /Tệp dữ liệu không mở được đã được dời sang \/du-lieu\/backups\/hong\.sqlite3\.$/,
    );
  });
});
