import { describe, expect, it } from 'vitest';
import { formatSize, typeLabel } from './attachments';

describe('formatSize', () => {
  it('counts bytes under a kilobyte as they are', () => {
    expect(formatSize(0)).toBe('0 byte');
    expect(formatSize(300)).toBe('300 byte');
    expect(formatSize(1023)).toBe('1023 byte');
  });

  it('rounds kilobytes up', () => {
    expect(formatSize(1024)).toBe('1 KB');
    expect(formatSize(1500)).toBe('2 KB');
    expect(formatSize(12 * 1024)).toBe('12 KB');
    expect(formatSize(1024 * 1024 - 1)).toBe('1024 KB');
  });

  it('gives megabytes with one decimal after a comma, rounded up as the backend does', () => {
    expect(formatSize(1024 * 1024)).toBe('1,0 MB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatSize(100 * 1024 * 1024 + 1)).toBe('100,1 MB');
    expect(formatSize(2000 * 1024 * 1024)).toBe('2000,0 MB');
  });
});

describe('typeLabel', () => {
  it('names the common kinds of files in short Vietnamese words', () => {
    expect(typeLabel('application/pdf')).toBe('PDF');
    expect(typeLabel('image/jpeg')).toBe('Ảnh');
    expect(typeLabel('image/png')).toBe('Ảnh');
    expect(typeLabel('application/msword')).toBe('Word');
    expect(typeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Word');
    expect(typeLabel('application/vnd.ms-excel')).toBe('Excel');
    expect(typeLabel('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('Excel');
    expect(typeLabel('text/plain')).toBe('Văn bản');
    expect(typeLabel('audio/mpeg')).toBe('Âm thanh');
    expect(typeLabel('video/mp4')).toBe('Video');
  });

  it('calls anything else a file', () => {
    expect(typeLabel('application/zip')).toBe('Tệp');
    expect(typeLabel('application/octet-stream')).toBe('Tệp');
    expect(typeLabel('')).toBe('Tệp');
  });

  it('ignores case and parameters', () => {
    expect(typeLabel('Application/PDF')).toBe('PDF');
    expect(typeLabel('text/plain; charset=utf-8')).toBe('Văn bản');
  });
});
