import { describe, expect, it } from 'vitest';
import type { MinutesContent, Resolution, ResolutionKind } from './bindings';
import {
  editableContent,
  emptyItem,
  emptyOpinion,
  emptyResolution,
  emptyTask,
  isBlankItem,
  memberName,
  needsTwoThirds,
  parseCount,
  problemTarget,
  resolutionOutcome,
} from './minutes';

function resolution(kind: ResolutionKind, votesFor: number): Resolution {
  return { ...emptyResolution(), text: 'Nghị quyết', kind, votes_for: votesFor };
}

describe('blank rows', () => {
  it('start empty, an ordinary resolution with no votes', () => {
    expect(emptyOpinion()).toEqual({ speaker_id: null, text: '' });
    expect(emptyItem()).toEqual({ heading: '', presented: '', opinions: [], conclusion: '' });
    expect(emptyResolution()).toEqual({
      text: '',
      kind: 'ordinary',
      votes_for: 0,
      votes_against: 0,
      votes_other: 0,
    });
    expect(emptyTask()).toEqual({ content: '', owner_id: null, deadline: null });
  });

  it('are new each time', () => {
    const item = emptyItem();
    item.opinions.push(emptyOpinion());
    expect(emptyItem().opinions).toEqual([]);
  });
});

describe('isBlankItem', () => {
  it('is true only when nothing is written or chosen', () => {
    expect(isBlankItem(emptyItem())).toBe(true);
    expect(isBlankItem({ ...emptyItem(), heading: '  ', opinions: [emptyOpinion()] })).toBe(true);
    expect(isBlankItem({ ...emptyItem(), conclusion: 'Thống nhất' })).toBe(false);
    expect(isBlankItem({ ...emptyItem(), opinions: [{ speaker_id: 2, text: '' }] })).toBe(false);
  });
});

describe('editableContent', () => {
  it('copies the content with times as typed', () => {
    const content: MinutesContent = {
      opened_at: '07:30:00',
      closed_at: null,
      items: [{ ...emptyItem(), heading: 'Thông tin thời sự' }],
      resolutions: [],
      tasks: [],
      quality: 'good',
    };
    const editable = editableContent(content);

    expect(editable).toEqual({ ...content, opened_at: '07:30' });
    editable.items[0]!.heading = 'Khác';
    expect(content.items[0]!.heading).toBe('Thông tin thời sự');
  });
});

describe('resolutionOutcome', () => {
  it('passes an ordinary resolution with more than half of those counted', () => {
    expect(resolutionOutcome(resolution('ordinary', 4), 7)).toEqual({
      passed: true,
      text: 'Thông qua — tán thành 4/7 (cần quá 1/2)',
    });
    expect(resolutionOutcome(resolution('ordinary', 3), 6)).toEqual({
      passed: false,
      text: 'Không thông qua — tán thành 3/6 (cần quá 1/2)',
    });
  });

  it('needs two thirds to admit, to recognise as official or to propose expulsion', () => {
    for (const kind of ['admission', 'official_membership', 'propose_expulsion'] as const) {
      expect(needsTwoThirds(kind)).toBe(true);
      expect(resolutionOutcome(resolution(kind, 6), 9)).toEqual({
        passed: true,
        text: 'Thông qua — tán thành 6/9 (cần từ 2/3 trở lên)',
      });
      expect(resolutionOutcome(resolution(kind, 5), 9).passed).toBe(false);
    }
    expect(needsTwoThirds('ordinary')).toBe(false);
    expect(resolutionOutcome(resolution('admission', 5), 7).passed).toBe(true);
    expect(resolutionOutcome(resolution('admission', 4), 7).passed).toBe(false);
  });

  it('cannot tell before anyone counts in the vote', () => {
    expect(resolutionOutcome(resolution('admission', 0), 0)).toEqual({
      passed: null,
      text: 'Chưa tính được kết quả: chưa có đảng viên nào được tính biểu quyết (hãy điểm danh).',
    });
  });
});

describe('parseCount', () => {
  it('reads up to four digits, empty as nought', () => {
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('')).toBe(0);
    expect(parseCount('9999')).toBe(9999);
  });

  it('refuses anything else', () => {
    for (const text of ['-1', '1,5', 'mười', '12345', '3 người']) expect(parseCount(text), text).toBeNull();
  });
});

describe('memberName', () => {
  it('names a member present, and says when one is not', () => {
    const present = [{ id: 2, full_name: 'Lò Thị Hoa', role: 'member' as const }];
    expect(memberName(present, 2)).toBe('Lò Thị Hoa');
    expect(memberName(present, 9)).toBe('Đảng viên số 9 (không có mặt)');
  });
});

describe('problemTarget', () => {
  it('finds the control of each field the backend names', () => {
    const cases: [string, string | null][] = [
      ['opened_at', 'minutes-opened_at'],
      ['closed_at', 'minutes-closed_at'],
      ['quality', 'minutes-quality'],
      ['items', 'minutes-item-add'],
      ['items.0', 'minutes-item-heading-0'],
      ['items.2.conclusion', 'minutes-item-conclusion-2'],
      ['items.0.opinions', 'minutes-opinion-add-0'],
      ['items.0.opinions.1', 'minutes-opinion-speaker-0-1'],
      ['items.0.opinions.1.text', 'minutes-opinion-text-0-1'],
      ['items.3.opinions.0.speaker_id', 'minutes-opinion-speaker-3-0'],
      ['resolutions.0', 'minutes-resolution-text-0'],
      ['resolutions.1.votes_for', 'minutes-resolution-for-1'],
      ['resolutions.1.votes_other', 'minutes-resolution-other-1'],
      ['tasks.4', 'minutes-task-content-4'],
      ['tasks.0.deadline', 'minutes-task-deadline-0'],
    ];
    for (const [field, testid] of cases) expect(problemTarget(field), field).toBe(testid);
  });

  it('finds nothing for a field not on screen', () => {
    for (const field of ['', 'meeting', 'items.x', 'items.0.unknown', 'items.0.opinions.a', 'members.0']) {
      expect(problemTarget(field), field).toBeNull();
    }
  });
});
