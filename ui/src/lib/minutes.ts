// Minutes as the editor needs them: blank rows to add, the content with times as typed,
// a vote's outcome as the secretary reads it while writing (display only: the backend
// counts for the record), and where on screen each problem the backend names lies.

import type {
  MemberChoice,
  MinutesContent,
  MinutesItem,
  Opinion,
  Resolution,
  ResolutionKind,
  Task,
} from './bindings';
import { shortTime } from './meetings';

export function emptyOpinion(): Opinion {
  return { speaker_id: null, text: '' };
}

export function emptyItem(): MinutesItem {
  return { heading: '', presented: '', opinions: [], conclusion: '' };
}

export function emptyResolution(): Resolution {
  return { text: '', kind: 'ordinary', votes_for: 0, votes_against: 0, votes_other: 0 };
}

export function emptyTask(): Task {
  return { content: '', owner_id: null, deadline: null };
}

/** Whether nothing at all is written in an item (removing it loses nothing). */
export function isBlankItem(item: MinutesItem): boolean {
  return (
    [item.heading, item.presented, item.conclusion].every((text) => text.trim() === '') &&
    item.opinions.every((opinion) => opinion.text.trim() === '' && opinion.speaker_id === null)
  );
}

function timeOrNull(time: string | null): string | null {
  return time === null ? null : shortTime(time);
}

/** The content as the editor holds it: a copy, times "HH:MM". */
export function editableContent(content: MinutesContent): MinutesContent {
  const copy = structuredClone(content);
  return { ...copy, opened_at: timeOrNull(copy.opened_at), closed_at: timeOrNull(copy.closed_at) };
}

/** Admission, official membership and proposing expulsion take two thirds; the rest more than half. */
export function needsTwoThirds(kind: ResolutionKind): boolean {
  return kind !== 'ordinary';
}

export interface Outcome {
  /** null when it cannot be told: nobody counts in the vote yet. */
  passed: boolean | null;
  text: string;
}

/** "Thông qua — tán thành 5/7 (cần quá 1/2)", against the official members counted. */
export function resolutionOutcome(resolution: Resolution, denominator: number): Outcome {
  if (denominator <= 0) {
    return {
      passed: null,
      text: 'Chưa tính được kết quả: chưa có đảng viên nào được tính biểu quyết (hãy điểm danh).',
    };
  }
  const votes = resolution.votes_for;
  const twoThirds = needsTwoThirds(resolution.kind);
  const passed = twoThirds ? votes * 3 >= denominator * 2 : votes * 2 > denominator;
  const needed = twoThirds ? 'cần từ 2/3 trở lên' : 'cần quá 1/2';
  return {
    passed,
    text: `${passed ? 'Thông qua' : 'Không thông qua'} — tán thành ${votes}/${denominator} (${needed})`,
  };
}

export const INVALID_COUNT_MESSAGE = 'Hãy nhập số người bằng chữ số, ví dụ 12.';

/** A number of votes as typed: empty is 0; anything but up to four digits is refused (null). */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The full name of a member present, or a line saying the member is not among them. */
export function memberName(present: readonly MemberChoice[], id: number): string {
  return present.find((choice) => choice.id === id)?.full_name ?? `Đảng viên số ${id} (không có mặt)`;
}

const ITEM_FIELDS: Record<string, string> = {
  heading: 'minutes-item-heading',
  presented: 'minutes-item-presented',
  conclusion: 'minutes-item-conclusion',
};
const OPINION_FIELDS: Record<string, string> = {
  speaker_id: 'minutes-opinion-speaker',
  text: 'minutes-opinion-text',
};
const RESOLUTION_FIELDS: Record<string, string> = {
  text: 'minutes-resolution-text',
  kind: 'minutes-resolution-kind',
  votes_for: 'minutes-resolution-for',
  votes_against: 'minutes-resolution-against',
  votes_other: 'minutes-resolution-other',
};
const TASK_FIELDS: Record<string, string> = {
  content: 'minutes-task-content',
  owner_id: 'minutes-task-owner',
  deadline: 'minutes-task-deadline',
};
const WHOLE_FIELDS: Record<string, string> = {
  opened_at: 'minutes-opened_at',
  closed_at: 'minutes-closed_at',
  quality: 'minutes-quality',
  items: 'minutes-item-add',
  resolutions: 'minutes-resolution-add',
  tasks: 'minutes-task-add',
};

function isIndex(part: string | undefined): part is string {
  return part !== undefined && /^\d+$/.test(part);
}

/** The control of `name` in a row (`whole` for the row itself), suffixed with the row's place. */
function rowTarget(
  table: Record<string, string>,
  whole: string,
  name: string | undefined,
  place: string,
): string | null {
  const base = name === undefined ? whole : table[name];
  return base === undefined ? null : `${base}-${place}`;
}

/**
 * The data-testid of the control a problem is about ("items.0.opinions.1" → the speaker of
 * that opinion, "resolutions.2" → that resolution's text), or null when none shows it.
 */
export function problemTarget(field: string): string | null {
  const [head = '', i, sub, j, leaf] = field.split('.');
  if (i === undefined) return WHOLE_FIELDS[head] ?? null;
  if (!isIndex(i)) return null;
  switch (head) {
    case 'items':
      if (sub !== 'opinions') return rowTarget(ITEM_FIELDS, 'minutes-item-heading', sub, i);
      if (j === undefined) return `minutes-opinion-add-${i}`;
      return isIndex(j) ? rowTarget(OPINION_FIELDS, 'minutes-opinion-speaker', leaf, `${i}-${j}`) : null;
    case 'resolutions':
      return rowTarget(RESOLUTION_FIELDS, 'minutes-resolution-text', sub, i);
    case 'tasks':
      return rowTarget(TASK_FIELDS, 'minutes-task-content', sub, i);
    default:
      return null;
  }
}
