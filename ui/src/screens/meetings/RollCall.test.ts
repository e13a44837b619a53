import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Mark, Member, RollCall, RollCallCounts, RollCallLine, Standing } from '../../lib/bindings';
import { emptyMemberInput, splitName } from '../../lib/members';
import { markOf } from '../../lib/rollCall';
import RollCallScreen from './RollCall.svelte';

const MEETING_ID = 12;

function member(id: number, fullName: string, officialOn: string | null = '2001-01-01'): Member {
  return {
    ...emptyMemberInput(),
    id,
    branch_id: 1,
    full_name: fullName,
    name_parts: splitName(fullName),
    admitted_on: '2000-01-01',
    official_on: officialOn,
  };
}

function mark(memberId: number, presence: Mark['presence'], reason = '', accepted = false): Mark {
  return { member_id: memberId, presence, reason, reason_accepted: accepted };
}

const NO_COUNTS: RollCallCounts = {
  summoned: 3,
  present_official: 0,
  present_probationary: 0,
  present_exempted: 0,
  present_sent_away: 0,
  absent_excused: 0,
  absent_unexcused: 0,
  unmarked: 3,
  vote_denominator: 2,
  voters_present: 0,
  attendance_rate: null,
  below_attendance: false,
  below_quorum: false,
};

/** Đức and Hoa official, Bình probationary; An exempted; Mai attending elsewhere. */
function sheet(fields: Partial<RollCall> = {}, marks: Mark[] = []): RollCall {
  const line = (m: Member, kind: Standing['kind'] = m.official_on ? 'official' : 'probationary') =>
    ({ member: m, standing: { kind }, attached_here: false, mark: markOf(marks, m.id) }) as RollCallLine;
  return {
    meeting_id: MEETING_ID,
    date: '2026-03-05',
    locked: false,
    summoned: [
      line(member(1, 'Nguyễn Văn Đức')),
      line(member(2, 'Lò Thị Hoa')),
      line(member(3, 'Vi Văn Bình', null)),
    ],
    exempted: [line(member(4, 'Hoàng Văn An'), 'exempted')],
    sent_away: [line(member(5, 'Vi Thị Mai'), 'sent_away')],
    counts: NO_COUNTS,
    frozen_at: null,
    ...fields,
  };
}

interface Backend {
  /** The marks of every roll_call_counts and save_roll_call request, in order. */
  counted: Mark[][];
  saved: Mark[][];
}

/**
 * Answers roll_call with `initial`; roll_call_counts with `counts` (by the request's number,
 * from 1), NO_COUNTS by default; save_roll_call with the sheet of the marks sent, or `saveError`.
 */
function mockRollCall(
  initial: RollCall,
  options: {
    counts?: (call: number, marks: Mark[]) => RollCallCounts | Promise<RollCallCounts>;
    saveError?: unknown;
  } = {},
): Backend {
  const backend: Backend = { counted: [], saved: [] };
  mockIPC((command, args) => {
    const { meetingId, marks = [] } = args as { meetingId: number; marks?: Mark[] };
    expect(meetingId).toBe(MEETING_ID);
    switch (command) {
      case 'roll_call':
        return initial;
      case 'roll_call_counts':
        backend.counted.push(marks);
        return options.counts?.(backend.counted.length, marks) ?? NO_COUNTS;
      case 'save_roll_call':
        backend.saved.push(marks);
        if (options.saveError) throw options.saveError;
        return sheet({}, marks);
      default:
        throw { code: 'internal', message: `Lệnh không có trong bài kiểm tra: ${command}`, field: null };
    }
  });
  return backend;
}

async function renderRollCall() {
  const user = userEvent.setup();
  const props = { meetingId: MEETING_ID, onBack: vi.fn(), onDirty: vi.fn() };
  render(RollCallScreen, props);
  await screen.findByTestId('roll-row-1');
  return { user, props };
}

function pressed(memberId: number): string[] {
  const row = screen.getByTestId(`roll-row-${memberId}`);
  return within(row)
    .queryAllByRole('button', { pressed: true })
    .map((button) => button.dataset.testid ?? '');
}

describe('RollCall', () => {
  it('lists the summoned in the order given, the exempted and those attending elsewhere apart', async () => {
    mockRollCall(sheet());
    await renderRollCall();

    const exempted = screen.getByTestId('roll-exempted');
    expect(exempted).toHaveTextContent('Miễn sinh hoạt (không bắt buộc điểm danh)');
    const sentAway = screen.getByTestId('roll-sent-away');
    expect(sentAway).toHaveTextContent('Đang sinh hoạt tạm thời nơi khác');
    const rows = screen.getAllByTestId(/^roll-row-/);
    expect(rows.map((row) => row.dataset.testid)).toEqual([
      'roll-row-1',
      'roll-row-2',
      'roll-row-3',
      'roll-row-4',
      'roll-row-5',
    ]);
    expect(rows.map((row) => exempted.contains(row))).toEqual([false, false, false, true, false]);
    expect(rows.map((row) => sentAway.contains(row))).toEqual([false, false, false, false, true]);
    // Those who need not come are only marked as coming.
    for (const row of [rows[3]!, rows[4]!]) {
      expect(within(row).getAllByRole('button').map((button) => button.textContent?.trim())).toEqual([
        'Có mặt',
        'Muộn',
        'Về sớm',
      ]);
    }
    expect(rows[0]).toHaveTextContent('Nguyễn Văn Đức');
    expect(rows[0]).not.toHaveTextContent('dự bị');
    expect(rows[2]).toHaveTextContent('Vi Văn Bình');
    expect(rows[2]).toHaveTextContent('dự bị');
    expect(within(rows[0]!).getAllByRole('button').map((button) => button.textContent?.trim())).toEqual([
      'Có mặt',
      'Muộn',
      'Về sớm',
      'Vắng có lý do',
      'Vắng không lý do',
    ]);
  });

  it('ignores the absence keys on a row that is only marked as coming', async () => {
    const user = userEvent.setup();
    const backend = mockRollCall(sheet());
    await renderRollCall();

    screen.getByTestId('roll-row-5').focus();
    await user.keyboard('k');
    expect(pressed(5)).toEqual([]);
    expect(screen.getByTestId('roll-row-5')).toHaveFocus();
    await user.keyboard('m');
    expect(pressed(5)).toEqual(['roll-mark-5-late']);
    expect(backend.counted[backend.counted.length - 1]).toEqual([mark(5, 'late')]);
  });

  it('says a locked sheet is kept as it was approved', async () => {
    mockRollCall(sheet({ locked: true, frozen_at: '2026-03-06T09:15:00+07:00' }));
    await renderRollCall();

    expect(screen.getByTestId('roll-locked')).toHaveTextContent('Biên bản đã thông qua');
    expect(screen.getByTestId('roll-locked')).toHaveTextContent('như lúc thông qua (06/03/2026 09:15)');
  });

  it('shows the saved marks', async () => {
    mockRollCall(sheet({}, [mark(2, 'late'), mark(4, 'present')]));
    await renderRollCall();

    expect(pressed(1)).toEqual([]);
    expect(pressed(2)).toEqual(['roll-mark-2-late']);
    expect(pressed(4)).toEqual(['roll-mark-4-present']);
  });

  it('marks with a click, asks the counts and reports the sheet dirty', async () => {
    const backend = mockRollCall(sheet());
    const { user, props } = await renderRollCall();
    expect(props.onDirty).toHaveBeenLastCalledWith(false);

    await user.click(screen.getByTestId('roll-mark-2-late'));
    expect(pressed(2)).toEqual(['roll-mark-2-late']);
    await user.click(screen.getByTestId('roll-mark-2-present'));
    expect(pressed(2)).toEqual(['roll-mark-2-present']);

    expect(backend.counted).toEqual([[mark(2, 'late')], [mark(2, 'present')]]);
    expect(props.onDirty).toHaveBeenLastCalledWith(true);

    await user.click(screen.getByTestId('roll-clear-2'));
    expect(pressed(2)).toEqual([]);
    expect(props.onDirty).toHaveBeenLastCalledWith(false);
  });

  it('marks from the keyboard, one key per member, moving down', async () => {
    const backend = mockRollCall(sheet());
    const { user } = await renderRollCall();
    expect(screen.getByTestId('roll-legend')).toHaveTextContent('P/L vắng có lý do');

    screen.getByTestId('roll-row-1').focus();
    await user.keyboard('c');
    expect(pressed(1)).toEqual(['roll-mark-1-present']);
    expect(screen.getByTestId('roll-row-2')).toHaveFocus();

    await user.keyboard('K');
    expect(pressed(2)).toEqual(['roll-mark-2-unexcused']);
    expect(screen.getByTestId('roll-row-3')).toHaveFocus();

    await user.keyboard('{ArrowUp}{Delete}');
    expect(pressed(2)).toEqual([]);
    expect(screen.getByTestId('roll-row-2')).toHaveFocus();

    await user.keyboard('{Enter}ms');
    expect(pressed(3)).toEqual(['roll-mark-3-late']);
    // From the last summoned to the exempted.
    expect(pressed(4)).toEqual(['roll-mark-4-left_early']);
    expect(screen.getByTestId('roll-row-5')).toHaveFocus();

    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}l');
    expect(pressed(1)).toEqual(['roll-mark-1-excused']);

    // Typing a reason marks nobody.
    await user.type(screen.getByTestId('roll-reason-1'), 'Ốm');
    expect(screen.getByTestId('roll-reason-1')).toHaveValue('Ốm');
    expect(pressed(1)).toEqual(['roll-mark-1-excused']);
    expect(backend.counted[backend.counted.length - 1]).toEqual([
      mark(1, 'excused', '', true),
      mark(3, 'late'),
      mark(4, 'left_early'),
    ]);
  });

  it('marks present every summoned member not marked yet', async () => {
    const backend = mockRollCall(sheet({}, [mark(2, 'excused', 'Ốm', true)]));
    const { user } = await renderRollCall();

    await user.click(screen.getByTestId('roll-all-present'));

    expect(pressed(1)).toEqual(['roll-mark-1-present']);
    expect(pressed(2)).toEqual(['roll-mark-2-excused']);
    expect(pressed(3)).toEqual(['roll-mark-3-present']);
    expect(pressed(4)).toEqual([]);
    expect(backend.counted).toEqual([
      [mark(2, 'excused', 'Ốm', true), mark(1, 'present'), mark(3, 'present')],
    ]);
  });

  it('saves an excused absence with its reason and whether it is accepted', async () => {
    const backend = mockRollCall(sheet());
    const { user, props } = await renderRollCall();

    await user.click(screen.getByTestId('roll-mark-1-present'));
    await user.click(screen.getByTestId('roll-mark-2-excused'));
    expect(screen.getByTestId('roll-accepted-2')).toBeChecked();
    await user.type(screen.getByTestId('roll-reason-2'), 'Đi công tác');
    await user.click(screen.getByTestId('roll-accepted-2'));
    await user.click(screen.getByTestId('roll-mark-3-excused'));
    await user.type(screen.getByTestId('roll-reason-3'), 'Ốm');
    await user.click(screen.getByTestId('roll-save'));

    expect(await screen.findByTestId('roll-saved')).toHaveTextContent('Đã lưu điểm danh.');
    expect(backend.saved).toEqual([
      [
        mark(1, 'present'),
        mark(2, 'excused', 'Đi công tác', false),
        mark(3, 'excused', 'Ốm', true),
      ],
    ]);
    expect(props.onDirty).toHaveBeenLastCalledWith(false);
  });

  it('saves with Ctrl+S and allows members left unmarked, with a note', async () => {
    const backend = mockRollCall(sheet(), {
      counts: () => ({ ...NO_COUNTS, present_official: 1, unmarked: 2 }),
    });
    const { user } = await renderRollCall();
    expect(screen.getByTestId('roll-unmarked-note')).toHaveTextContent('Còn 3 đảng viên chưa điểm danh');

    await user.click(screen.getByTestId('roll-mark-1-present'));
    await waitFor(() =>
      expect(screen.getByTestId('roll-unmarked-note')).toHaveTextContent('Còn 2 đảng viên chưa điểm danh'),
    );
    await user.keyboard('{Control>}s{/Control}');

    expect(await screen.findByTestId('roll-saved')).toBeInTheDocument();
    expect(backend.saved).toEqual([[mark(1, 'present')]]);
  });

  it('shows the counters of the sheet, then of the latest request only', async () => {
    const answers: ((counts: RollCallCounts) => void)[] = [];
    mockRollCall(sheet(), {
      counts: () => new Promise<RollCallCounts>((resolve) => answers.push(resolve)),
    });
    const { user } = await renderRollCall();

    const counters = screen.getByTestId('roll-counters');
    expect(within(counters).getByTestId('roll-count-summoned')).toHaveTextContent(/^3$/);
    expect(within(counters).getByTestId('roll-count-denominator')).toHaveTextContent(/^2$/);
    expect(within(counters).getByTestId('roll-count-percent')).toHaveTextContent(/^—$/);
    expect(counters).toHaveTextContent('Số đảng viên tính biểu quyết');

    await user.click(screen.getByTestId('roll-mark-1-present'));
    await user.click(screen.getByTestId('roll-mark-2-unexcused'));
    expect(answers).toHaveLength(2);

    // The answer to the latest request comes first; the older one, arriving late, is dropped.
    answers[1]!({
      ...NO_COUNTS,
      present_official: 1,
      absent_unexcused: 1,
      unmarked: 1,
      voters_present: 1,
      attendance_rate: '33,3%',
      below_attendance: true,
    });
    await waitFor(() => expect(screen.getByTestId('roll-count-percent')).toHaveTextContent(/^33,3%$/));
    expect(screen.getByTestId('roll-attendance-warning')).toHaveTextContent('Tỷ lệ dự họp 33,3%');
    answers[0]!({ ...NO_COUNTS, present_official: 1, unmarked: 2, voters_present: 1, attendance_rate: '100%' });
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(screen.getByTestId('roll-count-percent')).toHaveTextContent(/^33,3%$/);
    expect(screen.getByTestId('roll-count-present-official')).toHaveTextContent(/^1$/);
    expect(screen.getByTestId('roll-count-present-probationary')).toHaveTextContent(/^0$/);
    expect(screen.getByTestId('roll-count-present-exempted')).toHaveTextContent(/^0$/);
    expect(screen.getByTestId('roll-count-absent-excused')).toHaveTextContent(/^0$/);
    expect(screen.getByTestId('roll-count-absent-unexcused')).toHaveTextContent(/^1$/);
    expect(screen.getByTestId('roll-count-unmarked')).toHaveTextContent(/^1$/);
    expect(screen.getByTestId('roll-count-voters')).toHaveTextContent(/^1$/);
  });

  it('warns below the quorum without blocking the save', async () => {
    const backend = mockRollCall(sheet(), {
      counts: () => ({ ...NO_COUNTS, unmarked: 2, absent_unexcused: 1, below_quorum: true }),
    });
    const { user } = await renderRollCall();
    expect(screen.queryByTestId('roll-quorum-warning')).toBeNull();

    await user.click(screen.getByTestId('roll-mark-1-unexcused'));

    expect(await screen.findByTestId('roll-quorum-warning')).toHaveTextContent(
      'Số đảng viên chính thức có mặt dưới mức cảnh báo',
    );
    expect(screen.getByTestId('roll-save')).toBeEnabled();
    await user.click(screen.getByTestId('roll-save'));
    expect(await screen.findByTestId('roll-saved')).toBeInTheDocument();
    expect(backend.saved).toHaveLength(1);
  });

  it('only shows a roll call whose minutes are approved', async () => {
    const backend = mockRollCall(sheet({ locked: true }, [mark(1, 'present'), mark(2, 'excused', 'Ốm', true)]));
    const { user } = await renderRollCall();

    expect(screen.getByTestId('roll-locked')).toHaveTextContent('Biên bản đã thông qua — điểm danh chỉ xem.');
    expect(screen.queryByTestId('roll-save')).toBeNull();
    expect(screen.getByTestId('roll-all-present')).toBeDisabled();
    expect(screen.getByTestId('roll-mark-3-present')).toBeDisabled();
    expect(screen.getByTestId('roll-mark-4-present')).toBeDisabled();
    expect(screen.getByTestId('roll-reason-2')).toBeDisabled();
    expect(screen.getByTestId('roll-accepted-2')).toBeDisabled();
    expect(screen.queryByTestId('roll-clear-1')).toBeNull();

    screen.getByTestId('roll-row-3').focus();
    await user.keyboard('c{Delete}{Control>}s{/Control}');
    expect(pressed(3)).toEqual([]);
    expect(backend.counted).toEqual([]);
    expect(backend.saved).toEqual([]);
  });

  it('shows the refusal of a sheet locked meanwhile', async () => {
    mockRollCall(sheet(), {
      saveError: {
        code: 'locked',
        message: 'Biên bản cuộc họp này đã được thông qua; điểm danh không sửa được nữa.',
        field: null,
      },
    });
    const { user, props } = await renderRollCall();

    await user.click(screen.getByTestId('roll-mark-1-present'));
    await user.click(screen.getByTestId('roll-save'));

    expect(await screen.findByTestId('roll-error')).toHaveTextContent(
      'Biên bản cuộc họp này đã được thông qua; điểm danh không sửa được nữa.',
    );
    expect(screen.queryByTestId('roll-saved')).toBeNull();
    expect(props.onDirty).toHaveBeenLastCalledWith(true);
  });

  it('marks the reason the backend refused', async () => {
    mockRollCall(sheet(), {
      saveError: {
        code: 'validation',
        message: 'Lý do vắng quá dài (301 ký tự); tối đa 300 ký tự.',
        field: 'reason',
      },
    });
    const { user } = await renderRollCall();

    await user.click(screen.getByTestId('roll-mark-1-excused'));
    await user.click(screen.getByTestId('roll-mark-2-excused'));
    await user.click(screen.getByTestId('roll-reason-2'));
    await user.paste('x'.repeat(301));
    await user.click(screen.getByTestId('roll-save'));

    expect(await screen.findByTestId('roll-error')).toHaveTextContent('Lý do vắng quá dài');
    expect(screen.getByTestId('roll-reason-2')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('roll-reason-2')).toHaveFocus();
    expect(screen.getByTestId('roll-reason-1')).not.toHaveAttribute('aria-invalid');

    await user.keyboard('{Backspace}');
    expect(screen.getByTestId('roll-reason-2')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByTestId('roll-error')).toBeNull();
  });

  it('goes back', async () => {
    mockRollCall(sheet());
    const { user, props } = await renderRollCall();

    await user.click(screen.getByTestId('roll-back'));
    expect(props.onBack).toHaveBeenCalledOnce();
  });
});
