// Client-side checks of the branch form. They mirror `BranchInput::validated` in
// chibo-core with the same Vietnamese messages, so a problem shows before any round trip;
// the backend stays the authority.

import type { BranchInput } from './bindings';
import { formatDate } from './dates';
import { charCount, cleanText } from './text';

/** Longest organisation or place name accepted, in characters. */
export const MAX_NAME_CHARS = 120;

export type BranchField = keyof BranchInput;
export type BranchErrors = Partial<Record<BranchField, string>>;

const REQUIRED_TEXT_FIELDS = [
  ['name', 'Tên chi bộ'],
  ['parent_name', 'Tên đảng bộ cấp trên'],
  ['place', 'Địa danh'],
] as const satisfies readonly (readonly [BranchField, string])[];

const BRANCH_FIELDS: readonly string[] = [
  'name',
  'parent_name',
  'place',
  'term_start',
  'term_end',
  'founded_on',
] satisfies readonly BranchField[];

export function isBranchField(field: string | null): field is BranchField {
  return field !== null && BRANCH_FIELDS.includes(field);
}

/** The input as the backend will store it: every text NFC, trimmed, spaces collapsed. */
export function cleanBranchInput(input: BranchInput): BranchInput {
  return {
    ...input,
    name: cleanText(input.name),
    parent_name: cleanText(input.parent_name),
    place: cleanText(input.place),
  };
}

/** The message for a required, length-limited text that is already cleaned, or null. */
export function requiredTextError(label: string, value: string, max: number): string | null {
  if (value === '') return `${label} không được để trống.`;
  const length = charCount(value);
  if (length > max) return `${label} quá dài (${length} ký tự); tối đa ${max} ký tự.`;
  return null;
}

/** Every problem of a cleaned input, by field; empty when the input is acceptable. */
export function branchErrors(input: BranchInput): BranchErrors {
  const errors: BranchErrors = {};
  for (const [field, label] of REQUIRED_TEXT_FIELDS) {
    const message = requiredTextError(label, input[field], MAX_NAME_CHARS);
    if (message !== null) errors[field] = message;
  }
  const { term_start: start, term_end: end } = input;
  // ISO dates of four-digit years compare correctly as text.
  if (start !== null && end !== null && end <= start) {
    errors.term_end = `Ngày kết thúc nhiệm kỳ (${formatDate(end)}) phải sau ngày bắt đầu (${formatDate(start)}).`;
  }
  return errors;
}
