// How a meeting's attached files are shown: size (also of backups) and kind, in the words and
// forms the rest of the app uses, never through the webview's locale. When each was attached
// is shown with `formatTimestamp` (lib/dates).

import type { AttachmentState } from './bindings';

const KILOBYTE = 1024;
const MEGABYTE = 1024 * 1024;

/**
 * A size as the backend words it (`chibo_core::attachment::format_size`): "300 byte",
 * "12 KB" (rounded up), "1,5 MB" (one decimal, rounded up).
 */
export function formatSize(bytes: number): string {
  const whole = Math.max(0, Math.floor(bytes));
  if (whole < KILOBYTE) return `${whole} byte`;
  if (whole < MEGABYTE) return `${Math.ceil(whole / KILOBYTE)} KB`;
  const tenths = Math.ceil((whole * 10) / MEGABYTE);
  return `${Math.floor(tenths / 10)},${tenths % 10} MB`;
}

const EXACT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.oasis.opendocument.text': 'Word',
  'application/rtf': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.spreadsheet': 'Excel',
};

const FAMILY_TYPES: Record<string, string> = {
  image: 'Ảnh',
  text: 'Văn bản',
  audio: 'Âm thanh',
  video: 'Video',
};

/** A short word for a media type: PDF, Ảnh, Word, Excel, Văn bản, Âm thanh, Video or Tệp. */
export function typeLabel(mediaType: string): string {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  const exact = EXACT_TYPES[type];
  if (exact !== undefined) return exact;
  const family = FAMILY_TYPES[type.split('/')[0] ?? ''];
  return family ?? 'Tệp';
}

/** The badge of a file that is not as attached; none for an intact one. */
export const STATE_BADGES: Record<AttachmentState, string | null> = {
  intact: null,
  missing: 'Mất tệp',
  altered: 'Tệp đã bị thay đổi',
};

/** What the badge means, in a sentence under the file's name. */
export const STATE_EXPLANATIONS: Record<AttachmentState, string | null> = {
  intact: null,
  missing: 'Tệp không còn trong thư mục dữ liệu của ứng dụng (có thể đã bị xóa).',
  altered: 'Nội dung tệp trên máy đã khác với lúc đính kèm.',
};
