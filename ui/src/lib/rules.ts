// How each rule setting is named and shown, shared by the overview and the editor.

import type { DayOffChange, Fraction, HolidayCalendar, Rule, RuleSettings } from './bindings';
import { formatDate, INVALID_DATE_MESSAGE, parseDate } from './dates';

export type RuleField = keyof RuleSettings;

/** The rules whose value is a number. */
export type NumberRuleField = {
  [K in RuleField]: RuleSettings[K] extends Rule<number> ? K : never;
}[RuleField];

/** The rules whose value is one of a few named choices. */
export type ChoiceRuleField = {
  [K in RuleField]: RuleSettings[K] extends Rule<string> ? K : never;
}[RuleField];

type Unit =
  | 'percent'
  | 'minutes'
  | 'times'
  | 'years'
  | 'months'
  | 'month_count'
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
  // A count of months whose name already says so ("Số tháng …").
  month_count: { value: (n) => `${n} tháng`, label: null },
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
  { field: 'attendance_warning_percent', name: 'Tỷ lệ dự họp phải trên', unit: 'percent' },
  {
    field: 'unexcused_absence_warning',
    name: 'Số tháng có vắng không lý do trong năm để cảnh báo',
    unit: 'month_count',
  },
  {
    field: 'unexcused_absence_flag',
    name: 'Số tháng có vắng không lý do trong năm để xem xét xóa tên',
    unit: 'month_count',
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

/** The quorum warning, a fraction of the vote denominator (the backend's label). */
export const QUORUM_WARNING_NAME = 'Mức cảnh báo số người dự';

/** "2/3" */
export function formatFraction(fraction: Fraction): string {
  return `${fraction.numerator}/${fraction.denominator}`;
}

/** "2/3", " 2 / 3 " → the fraction; anything else (including 0 or a sign) → null. */
export function parseFraction(text: string): Fraction | null {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (match === null) return null;
  return { numerator: Number(match[1]), denominator: Number(match[2]) };
}

/** The name of the table of announced days off. */
export const DAYS_OFF_NAME = 'Ngày nghỉ lễ, Tết được công bố thêm';

/** A row of the table of days off as typed: the date as dd/mm/yyyy. */
export interface DayOffDraft {
  date: string;
  off: boolean;
  note: string;
}

export function toDaysOffDraft(calendar: HolidayCalendar): DayOffDraft[] {
  return calendar.changes.map((change) => ({ ...change, date: formatDate(change.date) }));
}

/** The table to send, or which row's date is not a date. The backend checks the rest. */
export function fromDaysOffDraft(rows: readonly DayOffDraft[]): HolidayCalendar | { error: string } {
  const changes: DayOffChange[] = [];
  for (const [index, row] of rows.entries()) {
    const parsed = parseDate(row.date);
    if (!parsed.ok || parsed.iso === null) {
      return { error: `Dòng ${index + 1}: ${INVALID_DATE_MESSAGE}` };
    }
    changes.push({ date: parsed.iso, off: row.off, note: row.note });
  }
  return { changes };
}

function daysOffSummary(calendar: HolidayCalendar): string {
  const off = calendar.changes.filter((change) => change.off).length;
  const working = calendar.changes.length - off;
  if (calendar.changes.length === 0) return 'chỉ các ngày nghỉ theo Bộ luật Lao động';
  const parts = [off > 0 ? `${off} ngày nghỉ thêm` : '', working > 0 ? `${working} ngày làm bù` : ''];
  return parts.filter((part) => part !== '').join(', ');
}

/** A rule chosen among named values, with the values offered in the editor's order. */
export type ChoiceRule = {
  [K in ChoiceRuleField]: {
    field: K;
    name: string;
    options: readonly { value: RuleSettings[K]['value']; label: string }[];
  };
}[ChoiceRuleField];

export const CHOICE_RULES: readonly ChoiceRule[] = [
  {
    field: 'absence_meetings',
    name: 'Cuộc họp được tính khi xét vắng sinh hoạt',
    options: [
      { value: 'regular', label: 'Chỉ sinh hoạt thường kỳ' },
      { value: 'regular_and_thematic', label: 'Thường kỳ và chuyên đề' },
    ],
  },
  {
    field: 'minutes_numbering_reset',
    name: 'Đánh số biên bản lại từ 01',
    options: [
      { value: 'per_term', label: 'Theo nhiệm kỳ' },
      { value: 'per_year', label: 'Theo năm' },
    ],
  },
];

/** The editor's label: "Tỷ lệ dự họp phải trên (%)". */
export function ruleInputLabel(rule: NumberRule): string {
  const unit = UNITS[rule.unit].label;
  return unit === null ? rule.name : `${rule.name} (${unit})`;
}

function formatValue(unit: Unit, value: number): string {
  return UNITS[unit].value(value);
}

/** The label of the value chosen, or the value itself if the rule does not offer it. */
function choiceLabel(rule: ChoiceRule, value: string): string {
  const options: readonly { value: string; label: string }[] = rule.options;
  return options.find((option) => option.value === value)?.label ?? value;
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
      field: 'quorum_warning',
      name: QUORUM_WARNING_NAME,
      value: formatFraction(settings.quorum_warning.value),
      basis: settings.quorum_warning.basis,
    },
    ...CHOICE_RULES.map((rule) => ({
      field: rule.field,
      name: rule.name,
      value: choiceLabel(rule, settings[rule.field].value).toLowerCase(),
      basis: settings[rule.field].basis,
    })),
    {
      field: 'days_off',
      name: DAYS_OFF_NAME,
      value: daysOffSummary(settings.days_off.value),
      basis: settings.days_off.basis,
    },
  ];
}
