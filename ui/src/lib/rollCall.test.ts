import { describe, expect, it } from 'vitest';
import type { Mark, Member, RollCall, RollCallCounts, RollCallLine } from './bindings';
import { emptyMemberInput, splitName } from './members';
import {
  editMark,
  keysFor,
  markAllPresent,
  markOf,
  marksOf,
  PRESENCE_LABELS,
  PRESENCES,
  presenceForKey,
  sameMarks,
  setPresence,
  tooLongReasons,
} from './rollCall';

function member(id: number, fullName: string): Member {
  return {
    ...emptyMemberInput(),
    id,
    branch_id: 1,
    full_name: fullName,
    name_parts: splitName(fullName),
    admitted_on: '2000-01-01',
  };
}

function mark(memberId: number, presence: Mark['presence'], reason = '', accepted = false): Mark {
  return { member_id: memberId, presence, reason, reason_accepted: accepted };
}

function line(
  m: Member,
  saved: Mark | null,
  kind: 'official' | 'exempted' | 'sent_away' = 'official',
): RollCallLine {
  return { member: m, standing: { kind }, attached_here: false, mark: saved };
}

const NO_COUNTS: RollCallCounts = {
  summoned: 0,
  present_official: 0,
  present_probationary: 0,
  present_exempted: 0,
  present_sent_away: 0,
  absent_excused: 0,
  absent_unexcused: 0,
  unmarked: 0,
  vote_denominator: 0,
  voters_present: 0,
  attendance_rate: null,
  below_attendance: false,
  below_quorum: false,
};

describe('presence words and keys', () => {
  it('labels every presence in the order of the buttons', () => {
    expect(PRESENCES.map((presence) => PRESENCE_LABELS[presence])).toEqual([
      'Có mặt',
      'Muộn',
      'Về sớm',
      'Vắng có lý do',
      'Vắng không lý do',
    ]);
  });

  it('maps the letter keys to presences, in either case', () => {
    expect(presenceForKey('c')).toBe('present');
    expect(presenceForKey('M')).toBe('late');
    expect(presenceForKey('s')).toBe('left_early');
    expect(presenceForKey('p')).toBe('excused');
    expect(presenceForKey('L')).toBe('excused');
    expect(presenceForKey('k')).toBe('unexcused');
    expect(presenceForKey('x')).toBeNull();
    expect(presenceForKey('Enter')).toBeNull();
  });

  it('lists the keys of a presence for the legend', () => {
    expect(keysFor('excused')).toEqual(['P', 'L']);
    expect(keysFor('present')).toEqual(['C']);
  });
});

describe('marks', () => {
  it('takes the saved marks of a sheet: summoned, exempted, then attending elsewhere', () => {
    const sheet: RollCall = {
      meeting_id: 7,
      date: '2026-03-05',
      locked: false,
      summoned: [
        line(member(1, 'Nguyễn Văn Đức'), mark(1, 'late')),
        line(member(2, 'Lò Thị Hoa'), null),
      ],
      exempted: [line(member(3, 'Hoàng Văn An'), mark(3, 'present'), 'exempted')],
      sent_away: [line(member(4, 'Vi Thị Mai'), mark(4, 'late'), 'sent_away')],
      counts: NO_COUNTS,
      frozen_at: null,
    };
    expect(marksOf(sheet)).toEqual([mark(1, 'late'), mark(3, 'present'), mark(4, 'late')]);
  });

  it('sets, changes and clears a mark without changing the array given', () => {
    const before = [mark(1, 'present')];
    const added = setPresence(before, 2, 'unexcused');
    expect(added).toEqual([mark(1, 'present'), mark(2, 'unexcused')]);
    expect(before).toEqual([mark(1, 'present')]);

    expect(setPresence(added, 1, 'late')).toEqual([mark(1, 'late'), mark(2, 'unexcused')]);
    expect(setPresence(added, 1, null)).toEqual([mark(2, 'unexcused')]);
    expect(setPresence(added, 1, 'present')).toBe(added);
    expect(setPresence(added, 9, null)).toBe(added);
  });

  it('starts an excused absence accepted and drops the reason for any other presence', () => {
    const excused = setPresence([], 1, 'excused');
    expect(excused).toEqual([mark(1, 'excused', '', true)]);

    const withReason = editMark(excused, 1, { reason: 'Đi công tác', reason_accepted: false });
    expect(markOf(withReason, 1)).toEqual(mark(1, 'excused', 'Đi công tác', false));

    expect(setPresence(withReason, 1, 'unexcused')).toEqual([mark(1, 'unexcused')]);
  });

  it('edits nothing for a member not marked', () => {
    const marks = [mark(1, 'present')];
    expect(editMark(marks, 2, { reason: 'Ốm' })).toBe(marks);
  });

  it('marks present only those not marked yet', () => {
    const marks = [mark(2, 'excused', 'Ốm', true)];
    expect(markAllPresent(marks, [1, 2, 3])).toEqual([
      mark(2, 'excused', 'Ốm', true),
      mark(1, 'present'),
      mark(3, 'present'),
    ]);
    expect(markAllPresent(marks, [2])).toBe(marks);
  });

  it('compares marks whatever their order', () => {
    const a = [mark(1, 'present'), mark(2, 'excused', 'Ốm', true)];
    expect(sameMarks(a, [mark(2, 'excused', 'Ốm', true), mark(1, 'present')])).toBe(true);
    expect(sameMarks(a, [mark(1, 'present'), mark(2, 'excused', 'Ốm', false)])).toBe(false);
    expect(sameMarks(a, [mark(1, 'present'), mark(2, 'excused', 'Ốm nặng', true)])).toBe(false);
    expect(sameMarks(a, [mark(1, 'present')])).toBe(false);
    expect(sameMarks([], [])).toBe(true);
  });

  it('finds the reasons longer than 300 characters once cleaned', () => {
    const marks = [
      mark(1, 'excused', 'a'.repeat(301), true),
      mark(2, 'excused', ` ${'ố'.repeat(300)}  `, true),
      mark(3, 'excused', 'o\u0302\u0301'.repeat(200), true),
    ];
    expect(tooLongReasons(marks)).toEqual([1]);
  });
});
