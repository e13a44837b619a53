import { describe, expect, it } from 'vitest';
import type { ImportPreview, Member, MemberStatus, PreviewRow } from './bindings';
import {
  cleanMemberInput,
  describeProblem,
  emptyMemberInput,
  importCount,
  memberErrors,
  previewHasProblems,
  previewRows,
  splitName,
  statusPeriod,
  timeline,
} from './members';

describe('splitName', () => {
  it('takes the first word as họ, the last as tên and the rest as đệm', () => {
    expect(splitName('Nguyễn Thị Hoa')).toEqual({ family: 'Nguyễn', middle: 'Thị', given: 'Hoa' });
    expect(splitName('  Tôn  Nữ Thị   Hà ')).toEqual({ family: 'Tôn', middle: 'Nữ Thị', given: 'Hà' });
    expect(splitName('Lò Văn')).toEqual({ family: 'Lò', middle: '', given: 'Văn' });
  });

  it('makes a single word the tên, and nothing of an empty name', () => {
    expect(splitName('Hoa')).toEqual({ family: '', middle: '', given: 'Hoa' });
    expect(splitName('   ')).toEqual({ family: '', middle: '', given: '' });
  });
});

describe('member input', () => {
  it('requires a name and an admission date with the backend wording', () => {
    expect(memberErrors(emptyMemberInput())).toEqual({
      full_name: 'Họ và tên không được để trống.',
      admitted_on: 'Ngày vào Đảng không được để trống.',
    });
    expect(memberErrors({ ...emptyMemberInput(), full_name: 'Lò Văn Pọm', admitted_on: '2000-01-01' })).toEqual({});
  });

  it('cleans texts to NFC with spaces collapsed', () => {
    const cleaned = cleanMemberInput({ ...emptyMemberInput(), full_name: ' Nguye\u0302\u0303n   Văn  Đức ', phone: ' 0912 ' });
    expect(cleaned.full_name).toBe('Nguyễn Văn Đức');
    expect(cleaned.phone).toBe('0912');
  });
});

const member: Member = {
  ...emptyMemberInput(),
  id: 7,
  branch_id: 1,
  full_name: 'Nguyễn Thị Hoa',
  name_parts: { family: 'Nguyễn', middle: 'Thị', given: 'Hoa' },
  admitted_on: '2010-05-19',
  official_on: '2011-05-19',
  official_reference: 'Quyết định 125-QĐ/ĐU',
};

function status(id: number, fields: Partial<MemberStatus>): MemberStatus {
  return { id, member_id: 7, kind: 'exempted', start: '2020-01-01', end: null, reference: '', note: '', ...fields };
}

describe('timeline', () => {
  it('lists admission, full membership and statuses in date order', () => {
    const items = timeline(member, [
      status(2, { kind: 'sent_away', start: '2011-01-10', end: '2011-03-31', reference: 'Giấy giới thiệu 5' }),
      status(3, { kind: 'exempted', start: '2024-02-01', note: 'Tuổi cao' }),
    ]);
    expect(items.map((item) => [item.label, item.when])).toEqual([
      ['Vào Đảng (dự bị)', '19/05/2010'],
      ['Đi sinh hoạt tạm thời nơi khác', '10/01/2011 – 31/03/2011'],
      ['Chính thức', '19/05/2011'],
      ['Miễn công tác và sinh hoạt đảng', 'từ 01/02/2024'],
    ]);
    expect(items[2]?.reference).toBe('Quyết định 125-QĐ/ĐU');
    expect(items[3]?.note).toBe('Tuổi cao');
  });

  it('has no full-membership item for a probationary member', () => {
    expect(timeline({ ...member, official_on: null }, []).map((item) => item.key)).toEqual(['admitted']);
  });

  it('writes an open period as "từ" its start', () => {
    expect(statusPeriod('exempted', '2026-02-05', null)).toBe('từ 05/02/2026');
  });

  it('writes an event as its day alone', () => {
    expect(statusPeriod('deceased', '2026-02-05', null)).toBe('05/02/2026');
  });
});

function row(n: number, fields: Partial<PreviewRow> = {}): PreviewRow {
  return {
    row_number: n,
    full_name: `Người ${n}`,
    birth_date: null,
    card_number: '',
    admitted_on: '2000-01-01',
    official_on: null,
    problems: [],
    duplicate_of: null,
    ...fields,
  };
}

describe('import preview', () => {
  it('describes a problem by row and column', () => {
    expect(describeProblem({ row_number: 7, column: 'Ngày sinh', message: 'Ngày không hợp lệ.' })).toBe(
      'Dòng 7, cột Ngày sinh: Ngày không hợp lệ.',
    );
    expect(describeProblem({ row_number: 7, column: '', message: 'Trùng dòng 3.' })).toBe('Dòng 7: Trùng dòng 3.');
  });

  it('keeps every row with a problem and the first 200 valid rows of 10,000, in one pass', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row(i + 2, i % 1000 === 999 ? { problems: [{ row_number: i + 2, column: 'Ngày sinh', message: 'Sai.' }] } : {}),
    );
    const started = performance.now();
    const shown = previewRows(rows);
    expect(performance.now() - started).toBeLessThan(50);
    expect(shown.rows.filter((r) => r.problems.length > 0)).toHaveLength(10);
    expect(shown.rows.filter((r) => r.problems.length === 0)).toHaveLength(200);
    expect(shown.hiddenValid).toBe(9_790);
    expect(shown.hiddenAttention).toBe(0);
  });

  it('counts what an import will write: duplicates only when updating', () => {
    const preview: ImportPreview = {
      file_name: 'danh-sach.xlsx',
      file_hash: 'abc',
      recognised_columns: [],
      ignored_columns: [],
      rows: [row(2), row(3, { duplicate_of: { member_id: 1, full_name: 'A', reason: 'cùng số thẻ đảng viên' } })],
      valid_rows: 2,
      rows_with_problems: 0,
      duplicates: 1,
    };
    expect(importCount(preview, 'skip')).toBe(1);
    expect(importCount(preview, 'update')).toBe(2);
    expect(previewHasProblems(preview)).toBe(false);
  });
});
