import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../test/fakeBackend';
import { NUMBER_RULES, ruleInputLabel, summarizeRules } from './rules';

describe('summarizeRules', () => {
  it('states each rule in plain words with its unit and basis', () => {
    const lines = summarizeRules(DEFAULT_SETTINGS).map((r) => `${r.name}: ${r.value} — ${r.basis}`);
    expect(lines).toContain('Tỷ lệ dự họp tối thiểu: 85% — HD 12-HD/BTCTW (18/01/2018)');
    expect(lines).toContain('Thời lượng sinh hoạt tối thiểu: 90 phút — HD 42-HD/BTCTW (28/10/2025)');
    expect(lines).toContain('Số lần vắng không lý do trong năm để cảnh báo: 2 lần — QĐ 24-QĐ/TW (2021), mục 8');
    expect(lines).toContain('Đánh số biên bản lại từ 01: theo nhiệm kỳ — HD 36-HD/VPTW (03/4/2018)');
  });

  it('covers every rule setting', () => {
    expect(summarizeRules(DEFAULT_SETTINGS).map((r) => r.field).sort()).toEqual(
      Object.keys(DEFAULT_SETTINGS).sort(),
    );
  });
});

describe('ruleInputLabel', () => {
  it('adds the unit to percent and minute rules only', () => {
    const label = (field: string) => ruleInputLabel(NUMBER_RULES.find((r) => r.field === field)!);
    expect(label('attendance_warning_percent')).toBe('Tỷ lệ dự họp tối thiểu (%)');
    expect(label('min_meeting_minutes')).toBe('Thời lượng sinh hoạt tối thiểu (phút)');
    expect(label('unexcused_absence_flag')).toBe('Số lần vắng không lý do trong năm để xem xét xóa tên');
  });
});
