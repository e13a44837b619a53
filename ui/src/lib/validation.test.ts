import { describe, expect, it } from 'vitest';
import type { BranchInput } from './bindings';
import { branchErrors, cleanBranchInput, isBranchField } from './validation';

const valid: BranchInput = {
  name: 'Chi bộ thôn Bản Chắt',
  parent_name: 'Đảng bộ xã Tân Thành',
  place: 'Tân Thành',
  term_start: '2025-08-01',
  term_end: '2030-07-31',
  founded_on: null,
};

describe('branchErrors', () => {
  it('accepts a complete branch', () => {
    expect(branchErrors(valid)).toEqual({});
  });

  it('accepts a branch without a term', () => {
    expect(branchErrors({ ...valid, term_start: null, term_end: null })).toEqual({});
  });

  it('names every empty required field with the backend messages', () => {
    expect(branchErrors({ ...valid, name: '', parent_name: '', place: '' })).toEqual({
      name: 'Tên chi bộ không được để trống.',
      parent_name: 'Tên đảng bộ cấp trên không được để trống.',
      place: 'Địa danh không được để trống.',
    });
  });

  it('rejects names over 120 characters and says how long they are', () => {
    expect(branchErrors({ ...valid, parent_name: 'x'.repeat(121) })).toEqual({
      parent_name: 'Tên đảng bộ cấp trên quá dài (121 ký tự); tối đa 120 ký tự.',
    });
  });

  it('accepts exactly 120 Vietnamese characters', () => {
    expect(branchErrors({ ...valid, name: 'ư'.repeat(120) })).toEqual({});
  });

  it('rejects a term that ends on or before its start, quoting both dates', () => {
    expect(branchErrors({ ...valid, term_end: '2025-01-01' })).toEqual({
      term_end: 'Ngày kết thúc nhiệm kỳ (01/01/2025) phải sau ngày bắt đầu (01/08/2025).',
    });
    expect(branchErrors({ ...valid, term_end: '2025-08-01' })).toHaveProperty('term_end');
  });
});

describe('cleanBranchInput', () => {
  it('cleans every text field and keeps the dates', () => {
    const cleaned = cleanBranchInput({ ...valid, name: ' Chi bộ thôn  Bản Cha\u0306\u0301t ' });
    expect(cleaned).toEqual(valid);
  });

  it('turns blank names into empty ones, so they count as missing', () => {
    expect(branchErrors(cleanBranchInput({ ...valid, place: '   ' }))).toEqual({
      place: 'Địa danh không được để trống.',
    });
  });
});

describe('isBranchField', () => {
  it('knows the form fields and nothing else', () => {
    expect(isBranchField('term_end')).toBe(true);
    expect(isBranchField('founded_on')).toBe(true);
    expect(isBranchField('text_scale')).toBe(false);
    expect(isBranchField(null)).toBe(false);
  });
});
