// Marks being taken at a roll call, as the roll call screen edits them before saving, and
// the words for them. The counting rules stay in the backend (`rollCallCounts`).

import type { Mark, Presence, RollCall, RollCallLine } from './bindings';
import { charCount, cleanText } from './text';

export const PRESENCE_LABELS: Record<Presence, string> = {
  present: 'Có mặt',
  late: 'Muộn',
  left_early: 'Về sớm',
  excused: 'Vắng có lý do',
  unexcused: 'Vắng không lý do',
};

export const PRESENCES = Object.keys(PRESENCE_LABELS) as Presence[];

/**
 * The marks of a member who need not come (exempted, attending elsewhere): only that they
 * came. An absence is not recorded for them (HD 12-HD/BTCTW, mục 3).
 */
export const ATTENDING_PRESENCES: readonly Presence[] = ['present', 'late', 'left_early'];

/** The letter keys that mark the focused row (lower case; Shift and Caps Lock are ignored). */
const MARK_KEYS: Record<string, Presence> = {
  c: 'present',
  m: 'late',
  s: 'left_early',
  p: 'excused',
  l: 'excused',
  k: 'unexcused',
};

/** Longest reason accepted, in characters (the backend's `MAX_REASON_CHARS`). */
export const MAX_REASON_CHARS = 300;

/** The presence a key press marks, or null for any other key. */
export function presenceForKey(key: string): Presence | null {
  return MARK_KEYS[key.toLowerCase()] ?? null;
}

/** The keys of a presence, as printed in the legend: ["P", "L"]. */
export function keysFor(presence: Presence): string[] {
  return Object.keys(MARK_KEYS)
    .filter((key) => MARK_KEYS[key] === presence)
    .map((key) => key.toUpperCase());
}

/** Every line of a sheet in screen order: summoned, exempted, then attending elsewhere. */
export function linesOf(sheet: RollCall): RollCallLine[] {
  return [...sheet.summoned, ...sheet.exempted, ...sheet.sent_away];
}

/** The saved marks of a sheet, in the sheet's order. */
export function marksOf(sheet: RollCall): Mark[] {
  return linesOf(sheet).flatMap((line) => (line.mark ? [line.mark] : []));
}

export function markOf(marks: Mark[], memberId: number): Mark | null {
  return marks.find((mark) => mark.member_id === memberId) ?? null;
}

/**
 * `marks` with the member's mark replaced by `next` (null removes it); a new mark goes last.
 * The helpers never change the array given, and give it back when nothing changes.
 */
function replaced(marks: Mark[], memberId: number, next: Mark | null): Mark[] {
  const index = marks.findIndex((mark) => mark.member_id === memberId);
  if (index === -1) return next ? [...marks, next] : marks;
  return next
    ? marks.map((mark, i) => (i === index ? next : mark))
    : marks.filter((_, i) => i !== index);
}

/**
 * Marks a member (null clears the mark). Only an excused absence has a reason: choosing it
 * keeps the reason already typed, and starts accepted; any other presence drops the reason.
 */
export function setPresence(marks: Mark[], memberId: number, presence: Presence | null): Mark[] {
  if (presence === null) return replaced(marks, memberId, null);
  const current = markOf(marks, memberId);
  if (current?.presence === presence) return marks;
  const excused = presence === 'excused';
  return replaced(marks, memberId, {
    member_id: memberId,
    presence,
    reason: excused ? (current?.reason ?? '') : '',
    reason_accepted: excused,
  });
}

/** Changes the reason or its acceptance of a member's mark; nothing without a mark. */
export function editMark(
  marks: Mark[],
  memberId: number,
  change: Partial<Pick<Mark, 'reason' | 'reason_accepted'>>,
): Mark[] {
  const current = markOf(marks, memberId);
  return current ? replaced(marks, memberId, { ...current, ...change }) : marks;
}

/** Marks present every one of `memberIds` not marked yet; other marks stay as they are. */
export function markAllPresent(marks: Mark[], memberIds: readonly number[]): Mark[] {
  return memberIds.reduce<Mark[]>(
    (result, id) => (markOf(result, id) ? result : setPresence(result, id, 'present')),
    marks,
  );
}

/** Whether two sets of marks say the same, whatever their order. */
export function sameMarks(a: Mark[], b: Mark[]): boolean {
  return (
    a.length === b.length &&
    a.every((mark) => {
      const other = markOf(b, mark.member_id);
      return (
        other !== null &&
        other.presence === mark.presence &&
        other.reason === mark.reason &&
        other.reason_accepted === mark.reason_accepted
      );
    })
  );
}

/** The members whose reason is longer than the backend accepts, once cleaned as it cleans it. */
export function tooLongReasons(marks: Mark[]): number[] {
  return marks
    .filter((mark) => charCount(cleanText(mark.reason)) > MAX_REASON_CHARS)
    .map((mark) => mark.member_id);
}
