import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../test/fakeBackend';
import { formatFraction, NUMBER_RULES, parseFraction, ruleInputLabel, summarizeRules } from './rules';

describe('summarizeRules', () => {
  it('states each rule in plain words with its unit and basis', () => {
    const lines = summarizeRules(DEFAULT_SETTINGS).map((r) => `${r.name}: ${r.value} — ${r.basis}`);
    expect(lines).toContain('Tỷ lệ dự họp phải trên: 85% — HD 12-HD/BTCTW (18/01/2018)');
    expect(lines).toContain('Thời lượng sinh hoạt tối thiểu: 90 phút — HD 42-HD/BTCTW (28/10/2025)');
    expect(lines).toContain('Số tháng có vắng không lý do trong năm để cảnh báo: 2 tháng — QĐ 24-QĐ/TW (2021), mục 8');
    expect(lines).toContain('Đánh số biên bản lại từ 01: theo nhiệm kỳ — HD 36-HD/VPTW (03/4/2018)');
    expect(lines).toContain('Mức cảnh báo số người dự: 2/3 — Không có quy định chung; mức cảnh báo tự đặt');
    expect(lines).toContain(
      'Cuộc họp được tính khi xét vắng sinh hoạt: chỉ sinh hoạt thường kỳ — QĐ 24-QĐ/TW (2021), mục 8: bỏ sinh hoạt chi bộ ba tháng trong năm; chi bộ sinh hoạt thường kỳ mỗi tháng một lần (Điều lệ Đảng, Điều 24)',
    );
    expect(lines).toContain(
      'Ngày nghỉ lễ, Tết được công bố thêm: chỉ các ngày nghỉ theo Bộ luật Lao động — Bộ luật Lao động 2019, Điều 112; thông báo nghỉ lễ, Tết hằng năm của Chính phủ',
    );
    expect(lines).toContain('Tuổi tối thiểu khi vào Đảng: 18 tuổi — Điều lệ Đảng, Điều 1');
    expect(lines).toContain('Thời gian dự bị: 12 tháng — Điều lệ Đảng, Điều 5');
    expect(lines).toContain('Thời hạn xét công nhận chính thức: 30 ngày làm việc — Điều lệ Đảng, Điều 5');
    expect(lines).toContain('Nhắc trước khi hết thời gian dự bị: 30 ngày — Mức nhắc trước tự đặt');
    expect(lines).toContain('Số ngày được ghi trước một biến động: 31 ngày — Mức tự đặt');
    expect(lines).toContain('Dung lượng tối đa của một tệp đính kèm: 100 MB — Mức tự đặt');
  });

  it('covers every rule setting', () => {
    expect(summarizeRules(DEFAULT_SETTINGS).map((r) => r.field).sort()).toEqual(
      Object.keys(DEFAULT_SETTINGS).sort(),
    );
  });
});

describe('parseFraction', () => {
  it('reads a fraction typed with or without spaces', () => {
    expect(parseFraction('2/3')).toEqual({ numerator: 2, denominator: 3 });
    expect(parseFraction(' 1 / 2 ')).toEqual({ numerator: 1, denominator: 2 });
    expect(formatFraction({ numerator: 2, denominator: 3 })).toBe('2/3');
  });

  it('refuses anything that is not two whole numbers', () => {
    for (const text of ['', '2', '2/', '/3', '-2/3', '2,5/3', '0,67', '2/3/4', '12345/3']) {
      expect(parseFraction(text), text).toBeNull();
    }
  });
});

describe('ruleInputLabel', () => {
  it('adds the unit to percent and minute rules only', () => {
    const label = (field: string) => ruleInputLabel(NUMBER_RULES.find((r) => r.field === field)!);
    expect(label('attendance_warning_percent')).toBe('Tỷ lệ dự họp phải trên (%)');
    expect(label('min_meeting_minutes')).toBe('Thời lượng sinh hoạt tối thiểu (phút)');
    expect(label('unexcused_absence_flag')).toBe('Số tháng có vắng không lý do trong năm để xem xét xóa tên');
  });

  it('labels the membership rules with their units', () => {
    const label = (field: string) => ruleInputLabel(NUMBER_RULES.find((r) => r.field === field)!);
    expect(label('min_admission_age')).toBe('Tuổi tối thiểu khi vào Đảng');
    expect(label('probation_months')).toBe('Thời gian dự bị (tháng)');
    expect(label('official_consideration_working_days')).toBe(
      'Thời hạn xét công nhận chính thức (ngày làm việc)',
    );
    expect(label('probation_warning_days')).toBe('Nhắc trước khi hết thời gian dự bị (ngày)');
    expect(label('status_future_days')).toBe('Số ngày được ghi trước một biến động');
  });

  it('labels the attachment size limit in megabytes', () => {
    const rule = NUMBER_RULES.find((r) => r.field === 'attachment_max_megabytes')!;
    expect(ruleInputLabel(rule)).toBe('Dung lượng tối đa của một tệp đính kèm (MB)');
  });
});
