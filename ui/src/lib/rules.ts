// How each rule setting is named and shown, shared by the overview and the editor.

import type { NumberingReset, Rule, RuleSettings } from './bindings';

export type RuleField = keyof RuleSettings;

/** The rules whose value is a number. */
export type NumberRuleField = {
  [K in RuleField]: RuleSettings[K] extends Rule<number> ? K : never;
}[RuleField];

type Unit =
  | 'percent'
  | 'minutes'
  | 'times'
  | 'years'
  | 'months'
  | 'days'
  | 'working_days'
  | 'day_count'
  | 'megabytes';

/** How a unit shows: after the value ("12 tháng") and in the editor's label ("(tháng)"). */
const UNITS: Record<Unit, { value: (n: number) => string; label: string | null }> = {
  percent: { value: (n) => `${n}%`, label: '%' },
  minutes: { value: (n) => `${n} phút`, label: 'phút' },
  times: { value: (n) => `${n} lần`, label: null },
  years: { value: (n) => `${n} tuổi`, label: null },
  months: { value: (n) => `${n} tháng`, label: 'tháng' },
  days: { value: (n) => `${n} ngày`, label: 'ngày' },
  working_days: { value: (n) => `${n} ngày làm việc`, label: 'ngày làm việc' },
  // A count of days whose name already says so ("Số ngày …").
  day_count: { value: (n) => `${n} ngày`, label: null },
  megabytes: { value: (n) => `${n} MB`, label: 'MB' },
};

export interface NumberRule {
  field: NumberRuleField;
  /** Plain words, without the unit. */
  name: string;
  unit: Unit;
}

export const NUMBER_RULES: readonly NumberRule[] = [
  { field: 'attendance_warning_percent', name: 'Tỷ lệ dự họp tối thiểu', unit: 'percent' },
  { field: 'quorum_warning_percent', name: 'Mức cảnh báo số người dự', unit: 'percent' },
  {
    field: 'unexcused_absence_warning',
    name: 'Số lần vắng không lý do trong năm để cảnh báo',
    unit: 'times',
  },
  {
    field: 'unexcused_absence_flag',
    name: 'Số lần vắng không lý do trong năm để xem xét xóa tên',
    unit: 'times',
  },
  {
    field: 'excused_absences_in_a_row',
    name: 'Số lần vắng có lý do liên tiếp tối đa',
    unit: 'times',
  },
  { field: 'min_meeting_minutes', name: 'Thời lượng sinh hoạt tối thiểu', unit: 'minutes' },
  {
    field: 'min_combined_meeting_minutes',
    name: 'Thời lượng tối thiểu khi ghép thường kỳ và chuyên đề',
    unit: 'minutes',
  },
  {
    field: 'excellent_cap_percent',
    name: 'Tỷ lệ xuất sắc tối đa so với số hoàn thành tốt',
    unit: 'percent',
  },
  { field: 'min_admission_age', name: 'Tuổi tối thiểu khi vào Đảng', unit: 'years' },
  { field: 'probation_months', name: 'Thời gian dự bị', unit: 'months' },
  {
    field: 'official_consideration_working_days',
    name: 'Thời hạn xét công nhận chính thức',
    unit: 'working_days',
  },
  {
    field: 'probation_warning_days',
    name: 'Nhắc trước khi hết thời gian dự bị',
    unit: 'days',
  },
  { field: 'status_future_days', name: 'Số ngày được ghi trước một biến động', unit: 'day_count' },
  {
    field: 'attachment_max_megabytes',
    name: 'Dung lượng tối đa của một tệp đính kèm',
    unit: 'megabytes',
  },
];

export const NUMBERING_RESET_NAME = 'Đánh số biên bản lại từ 01';

export const NUMBERING_RESET_OPTIONS: readonly { value: NumberingReset; label: string }[] = [
  { value: 'per_term', label: 'Theo nhiệm kỳ' },
  { value: 'per_year', label: 'Theo năm' },
];

/** The editor's label: "Tỷ lệ dự họp tối thiểu (%)". */
export function ruleInputLabel(rule: NumberRule): string {
  const unit = UNITS[rule.unit].label;
  return unit === null ? rule.name : `${rule.name} (${unit})`;
}

function formatValue(unit: Unit, value: number): string {
  return UNITS[unit].value(value);
}

function numberingResetLabel(value: NumberingReset): string {
  return NUMBERING_RESET_OPTIONS.find((option) => option.value === value)?.label ?? value;
}

export interface RuleSummary {
  field: RuleField;
  name: string;
  value: string;
  basis: string;
}

/** Every rule in plain words, in the editor's order. */
export function summarizeRules(settings: RuleSettings): RuleSummary[] {
  return [
    ...NUMBER_RULES.map((rule) => ({
      field: rule.field,
      name: rule.name,
      value: formatValue(rule.unit, settings[rule.field].value),
      basis: settings[rule.field].basis,
    })),
    {
      field: 'minutes_numbering_reset',
      name: NUMBERING_RESET_NAME,
      value: numberingResetLabel(settings.minutes_numbering_reset.value).toLowerCase(),
      basis: settings.minutes_numbering_reset.basis,
    },
  ];
}
