import { describe, expect, it } from 'vitest';
import { charCount, cleanText } from './text';

describe('cleanText', () => {
  it('composes decomposed marks, trims and collapses inner spaces', () => {
    expect(cleanText('  Nguye\u0302\u0303n   Va\u0306n  ')).toBe('Nguyễn Văn');
  });

  it('leaves clean NFC text unchanged', () => {
    expect(cleanText('Chi bộ thôn Bản Chắt')).toBe('Chi bộ thôn Bản Chắt');
  });
});

describe('charCount', () => {
  it('counts a composed Vietnamese letter as one character', () => {
    expect(charCount(cleanText('Đu\u031B\u0301c'))).toBe(3);
  });
});
