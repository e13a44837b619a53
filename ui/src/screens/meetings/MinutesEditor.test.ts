import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type {
  DocumentFormat,
  FieldError,
  MeetingDocument,
  MemberChoice,
  MinutesContent,
  MinutesView,
  RollCallCounts,
} from '../../lib/bindings';
import MinutesEditor from './MinutesEditor.svelte';

const MEETING_ID = 7;

/** Longer than the autosave's pause, with room for a slow test machine. */
const AFTER_PAUSE = { timeout: 3000 };

const PRESENT: MemberChoice[] = [
  { id: 1, full_name: 'Nguyễn Văn Đức', role: 'secretary' },
  { id: 2, full_name: 'Lò Thị Hoa', role: 'member' },
];

const COUNTS: RollCallCounts = {
  summoned: 3,
  present_official: 3,
  present_probationary: 0,
  present_exempted: 0,
  present_sent_away: 0,
  absent_excused: 0,
  absent_unexcused: 0,
  unmarked: 0,
  vote_denominator: 3,
  voters_present: 3,
  attendance_rate: '100%',
  below_attendance: false,
  below_quorum: false,
};

/** The first draft: two items from the agenda, the first with an opinion of Hoa's. */
function draftContent(): MinutesContent {
  return {
    opened_at: '07:30:00',
    closed_at: null,
    items: [
      {
        heading: 'Thông tin thời sự',
        presented: 'Đồng chí Bí thư thông tin tình hình thời sự trong tháng.',
        opinions: [{ speaker_id: 2, text: 'Nhất trí với nội dung thông tin.' }],
        conclusion: '',
      },
      { heading: 'Kết luận; thông qua biên bản', presented: '', opinions: [], conclusion: '' },
    ],
    resolutions: [],
    tasks: [],
    quality: null,
  };
}

function minutesView(fields: Partial<MinutesView> = {}): MinutesView {
  return {
    meeting_id: MEETING_ID,
    status: 'draft',
    version: 1,
    number: null,
    approved_at: null,
    content_hash: null,
    content: draftContent(),
    problems: [],
    present: PRESENT,
    counts: COUNTS,
    versions: [],
    tasks_to_review: null,
    numbering_note: null,
    notice: null,
    ...fields,
  };
}

const APPROVED: Partial<MinutesView> = {
  status: 'approved',
  number: '03-BB/CB',
  approved_at: '2026-03-05T10:30:00',
  content_hash: 'a1b2c3',
};

interface Options {
  /** The problems the backend finds in saved content (none by default). */
  problemsOf?: (content: MinutesContent) => FieldError[];
  /** Holds each save's answer until the test lets it go. */
  holdSaves?: boolean;
  saveError?: unknown;
  approveError?: unknown;
  /** What the native save dialog gives (null: cancelled). */
  exportPath?: string | null;
  exportError?: unknown;
}

interface Backend {
  current: MinutesView;
  saved: MinutesContent[];
  exported: { document: MeetingDocument; format: DocumentFormat; openAfter: boolean }[];
  /** The notice issue date sent with each export. */
  noticeDates: (string | null)[];
  calls: string[];
  /** Answers the oldest save held. */
  release: () => void;
  options: Options;
}

function mockMinutes(initial: MinutesView, options: Options = {}): Backend {
  const held: (() => void)[] = [];
  const backend: Backend = {
    current: initial,
    saved: [],
    exported: [],
    noticeDates: [],
    calls: [],
    release: () => held.shift()?.(),
    options,
  };
  mockIPC((command, args) => {
    const { meetingId, ...rest } = args as { meetingId: number } & Record<string, unknown>;
    expect(meetingId).toBe(MEETING_ID);
    backend.calls.push(command);
    switch (command) {
      case 'minutes':
        return backend.current;
      case 'save_minutes': {
        const content = rest.content as MinutesContent;
        backend.saved.push(content);
        if (backend.options.saveError) throw backend.options.saveError;
        const answer = {
          ...backend.current,
          content,
          problems: backend.options.problemsOf?.(content) ?? [],
        };
        backend.current = answer;
        if (!backend.options.holdSaves) return answer;
        return new Promise((resolve) => held.push(() => resolve(answer)));
      }
      case 'approve_minutes':
        if (backend.options.approveError) throw backend.options.approveError;
        backend.current = { ...backend.current, ...APPROVED };
        return backend.current;
      case 'amend_minutes': {
        const before = backend.current;
        backend.current = {
          ...before,
          status: 'draft',
          version: before.version + 1,
          approved_at: null,
          content_hash: null,
          versions: [
            {
              version: before.version,
              approved_at: before.approved_at ?? '',
              content_hash: before.content_hash ?? '',
              replaced_at: '2026-03-06T08:15:00',
              replaced_because: rest.reason as string,
              content: before.content,
            },
          ],
        };
        return backend.current;
      }
      case 'export_meeting_document':
        backend.exported.push({
          document: rest.document as MeetingDocument,
          format: rest.format as DocumentFormat,
          openAfter: rest.openAfter as boolean,
        });
        backend.noticeDates.push(rest.noticeIssuedOn as string | null);
        if (backend.options.exportError) throw backend.options.exportError;
        if (rest.document === 'notice' && backend.options.exportPath) {
          backend.current = {
            ...backend.current,
            notice: { number: '01-TB/CB', issued_on: (rest.noticeIssuedOn as string | null) ?? '2026-03-01' },
          };
        }
        return backend.options.exportPath ?? null;
      default:
        throw { code: 'internal', message: `Lệnh không có trong bài kiểm tra: ${command}`, field: null };
    }
  });
  return backend;
}

function lastSaved(backend: Backend): MinutesContent {
  const last = backend.saved[backend.saved.length - 1];
  if (!last) throw new Error('Chưa lưu lần nào.');
  return last;
}

async function renderEditor() {
  const user = userEvent.setup();
  const onBack = vi.fn();
  render(MinutesEditor, { meetingId: MEETING_ID, onBack });
  await screen.findByTestId('minutes-item-0');
  return { user, onBack };
}

describe('MinutesEditor', () => {
  it('shows the first draft: times, items and the opinions with their speakers', async () => {
    mockMinutes(minutesView());
    const { user } = await renderEditor();

    expect(screen.getByTestId('minutes-status')).toHaveTextContent('Nháp');
    expect(screen.getByTestId('minutes-save-state')).toHaveTextContent('Biên bản tự lưu sau mỗi lần sửa');
    expect(screen.getByTestId('minutes-opened_at')).toHaveValue('07:30');
    expect(screen.queryByTestId('minutes-length')).toBeNull();
    expect(screen.getByTestId('minutes-item-heading-0')).toHaveValue('Thông tin thời sự');
    expect(screen.getByTestId('minutes-item-presented-0')).toHaveValue(
      'Đồng chí Bí thư thông tin tình hình thời sự trong tháng.',
    );
    expect(screen.getByTestId('minutes-opinion-speaker-0-0')).toHaveDisplayValue('Lò Thị Hoa (Đảng viên)');
    expect(screen.getByTestId('minutes-opinion-text-0-0')).toHaveValue('Nhất trí với nội dung thông tin.');
    expect(screen.getByTestId('minutes-item-heading-1')).toHaveValue('Kết luận; thông qua biên bản');
    expect(screen.getByTestId('minutes-opinions-empty-1')).toHaveTextContent('Chưa ghi ý kiến nào.');
    expect(screen.getByTestId('minutes-quality')).toHaveDisplayValue('— chưa đánh giá —');
    expect(screen.getByTestId('minutes-problems')).toHaveTextContent('Biên bản đã đủ nội dung để thông qua.');

    await user.type(screen.getByTestId('minutes-closed_at'), '9h15');
    expect(screen.getByTestId('minutes-length')).toHaveTextContent('Thời lượng: 105 phút');
  });

  it('saves what is typed once the typing pauses, in one call', async () => {
    const backend = mockMinutes(minutesView());
    const { user } = await renderEditor();

    await user.type(screen.getByTestId('minutes-item-conclusion-0'), 'Chi bộ thống nhất');
    expect(backend.saved).toHaveLength(0);

    await waitFor(() => expect(backend.saved).toHaveLength(1), AFTER_PAUSE);
    expect(backend.saved[0]!.items[0]!.conclusion).toBe('Chi bộ thống nhất');
    expect(backend.saved[0]!.opened_at).toBe('07:30');
    await waitFor(() => expect(screen.getByTestId('minutes-save-state')).toHaveTextContent(/^Đã lưu lúc \d\d:\d\d:\d\d$/));
  });

  it('saves at once when a field is left, and with Ctrl+S', async () => {
    const backend = mockMinutes(minutesView());
    const { user } = await renderEditor();

    await user.type(screen.getByTestId('minutes-item-heading-1'), ', bế mạc');
    await user.tab();
    await waitFor(() => expect(backend.saved).toHaveLength(1), { timeout: 400 });
    expect(backend.saved[0]!.items[1]!.heading).toBe('Kết luận; thông qua biên bản, bế mạc');

    await user.selectOptions(screen.getByTestId('minutes-quality'), 'Tốt');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(backend.saved).toHaveLength(2), { timeout: 400 });
    expect(backend.saved[1]!.quality).toBe('good');
  });

  it('keeps what is typed during a save, applies the answer’s problems and saves the rest right after', async () => {
    const backend = mockMinutes(minutesView(), {
      holdSaves: true,
      problemsOf: (content) =>
        content.items[0]!.conclusion.endsWith('.')
          ? []
          : [{ field: 'items.0.conclusion', message: 'Kết luận của nội dung 1 chưa xong.' }],
    });
    const { user } = await renderEditor();
    const conclusion = screen.getByTestId('minutes-item-conclusion-0');

    await user.type(conclusion, 'Thống nhất');
    await user.tab();
    await waitFor(() => expect(backend.saved).toHaveLength(1));
    expect(screen.getByTestId('minutes-save-state')).toHaveTextContent('Đang lưu…');

    await user.type(conclusion, ' thông qua.');
    await user.tab();
    // One save at a time: the second waits for the first.
    expect(backend.saved).toHaveLength(1);

    backend.release();
    await waitFor(() => expect(backend.saved).toHaveLength(2));
    expect(conclusion).toHaveValue('Thống nhất thông qua.');
    expect(screen.getByTestId('minutes-problem-0')).toHaveTextContent('Kết luận của nội dung 1 chưa xong.');
    expect(backend.saved[1]!.items[0]!.conclusion).toBe('Thống nhất thông qua.');

    backend.release();
    await waitFor(() => expect(screen.queryByTestId('minutes-problem-0')).toBeNull());
    expect(conclusion).toHaveValue('Thống nhất thông qua.');
  });

  it('adds and removes opinions and items, asking before an item with text goes', async () => {
    const backend = mockMinutes(minutesView());
    const { user } = await renderEditor();

    await user.click(screen.getByTestId('minutes-opinion-add-1'));
    expect(screen.getByTestId('minutes-opinion-speaker-1-0')).toHaveFocus();
    await user.selectOptions(screen.getByTestId('minutes-opinion-speaker-1-0'), 'Nguyễn Văn Đức (Bí thư)');
    await user.type(screen.getByTestId('minutes-opinion-text-1-0'), 'Đề nghị thông qua.');
    await user.click(screen.getByTestId('minutes-opinion-remove-0-0'));
    expect(screen.getByTestId('minutes-opinions-empty-0')).toBeInTheDocument();

    await user.click(screen.getByTestId('minutes-item-add'));
    expect(screen.getByTestId('minutes-item-heading-2')).toHaveFocus();
    await user.click(screen.getByTestId('minutes-item-remove-2'));
    expect(screen.queryByTestId('minutes-item-2')).toBeNull();
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();

    await user.click(screen.getByTestId('minutes-item-remove-0'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      'Bỏ nội dung 1 "Thông tin thời sự"? Những gì đã ghi ở nội dung này sẽ mất.',
    );
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(screen.getByTestId('minutes-item-heading-0')).toHaveValue('Thông tin thời sự');

    await user.click(screen.getByTestId('minutes-item-remove-0'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(screen.getByTestId('minutes-item-heading-0')).toHaveValue('Kết luận; thông qua biên bản');

    await waitFor(
      () =>
        expect(lastSaved(backend).items).toEqual([
          {
            heading: 'Kết luận; thông qua biên bản',
            presented: '',
            opinions: [{ speaker_id: 1, text: 'Đề nghị thông qua.' }],
            conclusion: '',
          },
        ]),
      AFTER_PAUSE,
    );
  });

  it('records votes with their outcome, and tasks with owner and deadline', async () => {
    const backend = mockMinutes(minutesView());
    const { user } = await renderEditor();

    expect(screen.getByTestId('minutes-resolutions-empty')).toBeInTheDocument();
    await user.click(screen.getByTestId('minutes-resolution-add'));
    expect(screen.getByTestId('minutes-resolution-text-0')).toHaveFocus();
    await user.keyboard('Đề nghị kết nạp quần chúng Vi Văn Bình vào Đảng');
    await user.selectOptions(screen.getByTestId('minutes-resolution-kind-0'), 'Kết nạp đảng viên (2/3)');
    expect(
      within(screen.getByTestId('minutes-resolution-kind-0'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Thông thường (quá 1/2)',
      'Kết nạp đảng viên (2/3)',
      'Công nhận đảng viên chính thức (2/3)',
      'Đề nghị khai trừ (2/3)',
    ]);
    const votesFor = screen.getByTestId('minutes-resolution-for-0');
    await user.clear(votesFor);
    await user.type(votesFor, '1');
    expect(screen.getByTestId('minutes-resolution-outcome-0')).toHaveTextContent(
      'Không thông qua — tán thành 1/3 (cần từ 2/3 trở lên)',
    );
    await user.type(votesFor, 'x');
    expect(screen.getByTestId('minutes-resolution-for-0-error')).toHaveTextContent(
      'Hãy nhập số người bằng chữ số, ví dụ 12.',
    );
    await user.clear(votesFor);
    await user.type(votesFor, '2');
    expect(screen.getByTestId('minutes-resolution-outcome-0')).toHaveTextContent(
      'Thông qua — tán thành 2/3 (cần từ 2/3 trở lên)',
    );
    await user.clear(screen.getByTestId('minutes-resolution-against-0'));
    await user.type(screen.getByTestId('minutes-resolution-against-0'), '1');

    await user.click(screen.getByTestId('minutes-task-add'));
    expect(screen.getByTestId('minutes-task-content-0')).toHaveFocus();
    await user.keyboard('Hoàn thiện hồ sơ kết nạp');
    expect(
      within(screen.getByTestId('minutes-task-owner-0'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['—', 'Nguyễn Văn Đức (Bí thư)', 'Lò Thị Hoa (Đảng viên)']);
    await user.selectOptions(screen.getByTestId('minutes-task-owner-0'), 'Lò Thị Hoa (Đảng viên)');
    await user.type(screen.getByTestId('minutes-task-deadline-0'), '31/3/2026');
    await user.tab();
    expect(screen.getByTestId('minutes-task-deadline-0')).toHaveValue('31/03/2026');

    // Leaving the deadline saved at once.
    await waitFor(() =>
      expect(lastSaved(backend).tasks).toEqual([
        { content: 'Hoàn thiện hồ sơ kết nạp', owner_id: 2, deadline: '2026-03-31' },
      ]),
    );
    expect(lastSaved(backend).resolutions).toEqual([
      {
        text: 'Đề nghị kết nạp quần chúng Vi Văn Bình vào Đảng',
        kind: 'admission',
        votes_for: 2,
        votes_against: 1,
        votes_other: 0,
      },
    ]);
  });

  it('lists the problems, leads to each, and holds the approval until they are fixed', async () => {
    const backend = mockMinutes(
      minutesView({
        problems: [
          {
            field: 'items.0.opinions.0',
            message: 'Người phát biểu ý kiến 1 của nội dung 1 không có mặt tại cuộc họp.',
          },
          { field: 'closed_at', message: 'Giờ kết thúc phải sau giờ khai mạc.' },
        ],
      }),
    );
    const { user } = await renderEditor();

    expect(screen.getByTestId('minutes-problems')).toHaveTextContent('Cần sửa trước khi thông qua (2)');
    expect(screen.getByTestId('minutes-problem-0')).toHaveTextContent(
      'Người phát biểu ý kiến 1 của nội dung 1 không có mặt tại cuộc họp.',
    );
    expect(screen.getByTestId('minutes-problem-1')).toHaveTextContent('Giờ kết thúc phải sau giờ khai mạc.');
    expect(screen.getByTestId('minutes-approve')).toBeDisabled();
    expect(screen.getByTestId('minutes-approve-blocked')).toHaveTextContent(
      'Chưa thông qua được: còn 2 điểm cần sửa nêu ở trên.',
    );

    await user.click(screen.getByTestId('minutes-problem-go-0'));
    expect(screen.getByTestId('minutes-opinion-speaker-0-0')).toHaveFocus();
    await user.click(screen.getByTestId('minutes-problem-go-1'));
    expect(screen.getByTestId('minutes-closed_at')).toHaveFocus();
    await user.keyboard('09:15');
    await user.tab();

    await waitFor(() => expect(screen.getByTestId('minutes-approve')).toBeEnabled());
    expect(backend.saved[0]!.closed_at).toBe('09:15');
    expect(screen.queryByTestId('minutes-approve-blocked')).toBeNull();
    expect(screen.getByTestId('minutes-problems')).toHaveTextContent('Biên bản đã đủ nội dung để thông qua.');
  });

  it('approves after saying what it locks, then shows everything read-only with the number', async () => {
    const backend = mockMinutes(minutesView());
    const { user } = await renderEditor();

    await user.click(screen.getByTestId('minutes-approve'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      'Thông qua biên bản? Sau khi thông qua, biên bản và điểm danh của cuộc họp bị khóa, không sửa được nữa; muốn sửa phải lập phiên bản sửa đổi.',
    );
    await user.click(screen.getByTestId('confirm-ok'));

    expect(await screen.findByTestId('minutes-locked')).toHaveTextContent(
      'Biên bản đã thông qua lúc 10:30 ngày 05/03/2026 — muốn sửa phải lập phiên bản sửa đổi.',
    );
    expect(backend.calls.filter((call) => call === 'approve_minutes')).toHaveLength(1);
    expect(screen.getByTestId('minutes-status')).toHaveTextContent('Đã thông qua');
    expect(screen.getByTestId('minutes-number')).toHaveTextContent('Số 03-BB/CB');
    for (const testid of [
      'minutes-opened_at',
      'minutes-item-heading-0',
      'minutes-item-presented-0',
      'minutes-opinion-speaker-0-0',
      'minutes-opinion-text-0-0',
      'minutes-opinion-add-0',
      'minutes-item-remove-0',
      'minutes-item-add',
      'minutes-resolution-add',
      'minutes-task-add',
      'minutes-quality',
    ]) {
      expect(screen.getByTestId(testid), testid).toBeDisabled();
    }
    expect(screen.queryByTestId('minutes-approve')).toBeNull();
    expect(screen.queryByTestId('minutes-save-state')).toBeNull();
    expect(screen.getByTestId('minutes-amend')).toBeEnabled();
    expect(screen.getByTestId('export-minutes-docx')).toBeEnabled();
  });

  it('shows a refused approval as the backend words it', async () => {
    mockMinutes(minutesView(), {
      approveError: {
        code: 'validation',
        message: 'Cuộc họp chưa diễn ra (tình trạng "Dự kiến") nên chưa thông qua biên bản được.',
        field: null,
      },
    });
    const { user } = await renderEditor();

    await user.click(screen.getByTestId('minutes-approve'));
    await user.click(screen.getByTestId('confirm-ok'));

    expect(await screen.findByTestId('minutes-approve-error')).toHaveTextContent(
      'Cuộc họp chưa diễn ra (tình trạng "Dự kiến") nên chưa thông qua biên bản được.',
    );
    expect(screen.getByTestId('minutes-status')).toHaveTextContent('Nháp');
    expect(screen.getByTestId('minutes-item-heading-0')).toBeEnabled();
  });

  it('amends approved minutes only with a reason, keeping the old version to read', async () => {
    const backend = mockMinutes(minutesView(APPROVED));
    const { user } = await renderEditor();
    expect(screen.getByTestId('minutes-item-heading-0')).toBeDisabled();
    expect(screen.queryByTestId('minutes-versions')).toBeNull();

    await user.click(screen.getByTestId('minutes-amend'));
    expect(screen.getByTestId('amend-reason')).toHaveFocus();
    await user.click(screen.getByTestId('amend-confirm'));
    expect(screen.getByTestId('amend-error-reason')).toHaveTextContent('Hãy ghi lý do sửa đổi biên bản.');
    expect(screen.getByTestId('amend-reason')).toHaveAttribute('aria-invalid', 'true');
    expect(backend.calls).not.toContain('amend_minutes');

    await user.type(screen.getByTestId('amend-reason'), 'Ghi sót ý kiến của đồng chí Đức');
    await user.click(screen.getByTestId('amend-confirm'));

    expect(await screen.findByTestId('minutes-notice')).toHaveTextContent(
      'Đã mở phiên bản 2 để sửa. Sửa xong, hãy thông qua lại.',
    );
    expect(screen.queryByTestId('amend-dialog')).toBeNull();
    expect(screen.getByTestId('minutes-status')).toHaveTextContent('Nháp');
    expect(screen.getByTestId('minutes-status')).toHaveTextContent('phiên bản 2');
    expect(screen.queryByTestId('minutes-locked')).toBeNull();
    expect(screen.getByTestId('minutes-item-heading-0')).toBeEnabled();
    expect(screen.getByTestId('minutes-approve')).toBeEnabled();

    const version = screen.getByTestId('minutes-version-1');
    expect(version).toHaveTextContent('Phiên bản 1');
    expect(version).toHaveTextContent('Thông qua lúc 10:30 ngày 05/03/2026; thay thế lúc 08:15 ngày 06/03/2026.');
    expect(version).toHaveTextContent('Lý do sửa đổi: Ghi sót ý kiến của đồng chí Đức');

    await user.click(screen.getByTestId('minutes-version-view-1'));
    const content = screen.getByTestId('minutes-version-content');
    expect(content).toHaveTextContent('Khai mạc lúc 07:30; kết thúc lúc chưa ghi.');
    expect(content).toHaveTextContent('1. Thông tin thời sự');
    expect(content).toHaveTextContent('Lò Thị Hoa: Nhất trí với nội dung thông tin.');
    expect(within(content).queryByRole('textbox')).toBeNull();
    await user.click(screen.getByTestId('minutes-version-close'));
    expect(screen.queryByTestId('minutes-version-dialog')).toBeNull();
  });

  it('exports a document and says where, says nothing when the dialog is cancelled, and shows a failure', async () => {
    const backend = mockMinutes(minutesView(), {
      exportPath: '/home/bithu/Tài liệu/bien-ban-05-03-2026.pdf',
    });
    const { user } = await renderEditor();

    await user.click(screen.getByTestId('export-minutes-pdf'));
    expect(await screen.findByTestId('minutes-export-notice')).toHaveTextContent(
      'Đã lưu: /home/bithu/Tài liệu/bien-ban-05-03-2026.pdf',
    );

    backend.options.exportPath = null;
    await user.click(screen.getByTestId('export-sign_in_sheet-docx'));
    await waitFor(() => expect(backend.exported).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('export-notice-docx')).toBeEnabled());
    expect(screen.queryByTestId('minutes-export-notice')).toBeNull();
    expect(screen.queryByTestId('minutes-export-error')).toBeNull();

    backend.options.exportError = { code: 'io', message: 'Không ghi được tệp: thư mục chỉ đọc.', field: null };
    await user.click(screen.getByTestId('export-notice-docx'));
    expect(await screen.findByTestId('minutes-export-error')).toHaveTextContent(
      'Không ghi được tệp: thư mục chỉ đọc.',
    );
    expect(backend.exported).toEqual([
      { document: 'minutes', format: 'pdf', openAfter: true },
      { document: 'sign_in_sheet', format: 'docx', openAfter: true },
      { document: 'notice', format: 'docx', openAfter: true },
    ]);
  });

  it('opens the document after export unless told not to', async () => {
    const backend = mockMinutes(minutesView(), { exportPath: '/home/bithu/Tài liệu/giay-moi.docx' });
    const { user } = await renderEditor();
    const openAfter = screen.getByTestId('open-after-export');
    expect(openAfter).toBeChecked();
    expect(screen.getByLabelText('Mở tệp sau khi xuất')).toBe(openAfter);

    await user.click(screen.getByTestId('export-notice-docx'));
    await screen.findByTestId('minutes-export-notice');
    await user.click(openAfter);
    expect(openAfter).not.toBeChecked();
    await user.click(screen.getByTestId('export-minutes-pdf'));
    await waitFor(() => expect(backend.exported).toHaveLength(2));

    expect(backend.exported).toEqual([
      { document: 'notice', format: 'docx', openAfter: true },
      { document: 'minutes', format: 'pdf', openAfter: false },
    ]);
  });

  it('shows why an export failed, and claims nothing was saved', async () => {
    const message =
      'Không ghi được tệp /media/usb/bien-ban.pdf: thư mục /media/usb không tồn tại. Hãy chọn thư mục khác.';
    const backend = mockMinutes(minutesView(), {
      exportPath: '/media/usb/bien-ban.pdf',
      exportError: { code: 'io', message, field: null },
    });
    const { user } = await renderEditor();

    await user.click(screen.getByTestId('export-minutes-pdf'));

    const alert = await screen.findByTestId('minutes-export-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(message);
    expect(screen.queryByTestId('minutes-export-notice')).toBeNull();
    expect(screen.getByTestId('minutes-export')).not.toHaveTextContent('Đã lưu');
    expect(screen.getByTestId('export-minutes-pdf')).toBeEnabled();
    expect(backend.exported).toEqual([{ document: 'minutes', format: 'pdf', openAfter: true }]);
  });

  it('reminds of the tasks given at the previous meeting, with owners and deadlines', async () => {
    mockMinutes(
      minutesView({
        tasks_to_review: {
          given_on: '2026-02-05',
          tasks: [
            { content: 'Hoàn thiện hồ sơ kết nạp', owner: 'Lò Thị Hoa', deadline: '2026-03-31' },
            { content: 'Vận động đóng đảng phí đầy đủ', owner: null, deadline: null },
          ],
        },
      }),
    );
    await renderEditor();

    const panel = screen.getByTestId('tasks-to-review');
    expect(panel).toHaveTextContent('Nhiệm vụ kỳ trước cần kiểm điểm (giao ngày 05/02/2026)');
    expect(within(panel).getByTestId('task-to-review-0')).toHaveTextContent(
      'Hoàn thiện hồ sơ kết nạp (người thực hiện: Lò Thị Hoa; hạn 31/03/2026)',
    );
    expect(within(panel).getByTestId('task-to-review-1')).toHaveTextContent('Vận động đóng đảng phí đầy đủ');
    expect(within(panel).getByTestId('task-to-review-1')).not.toHaveTextContent('hạn');
  });

  it('shows no reminder when the previous meeting gave no tasks', async () => {
    mockMinutes(minutesView());
    await renderEditor();
    expect(screen.queryByTestId('tasks-to-review')).toBeNull();
  });

  it('saves what was just typed before exporting', async () => {
    const backend = mockMinutes(minutesView(), { exportPath: '/tmp/bien-ban.docx' });
    const { user } = await renderEditor();

    await user.type(screen.getByTestId('minutes-item-conclusion-1'), 'Bế mạc lúc 9 giờ 15');
    await user.click(screen.getByTestId('export-minutes-docx'));

    await screen.findByTestId('minutes-export-notice');
    expect(backend.calls.slice(-2)).toEqual(['save_minutes', 'export_meeting_document']);
    expect(lastSaved(backend).items[1]!.conclusion).toBe('Bế mạc lúc 9 giờ 15');
  });

  it('prints the notice with the issue date typed and then shows its number', async () => {
    const backend = mockMinutes(minutesView(), { exportPath: '/tmp/thong-bao.pdf' });
    const { user } = await renderEditor();

    expect(screen.getByTestId('notice-issue')).toHaveTextContent('Chưa in lần nào');
    await user.type(screen.getByTestId('notice-issued-on'), '28/02/2026');
    await user.click(screen.getByTestId('export-notice-pdf'));

    await screen.findByTestId('minutes-export-notice');
    expect(backend.exported).toEqual([{ document: 'notice', format: 'pdf', openAfter: true }]);
    expect(backend.noticeDates).toEqual(['2026-02-28']);
    await waitFor(() => expect(screen.getByTestId('notice-issue')).toHaveTextContent('Số 01-TB/CB, ra ngày 28/02/2026.'));
  });

  it('sends no issue date with the other documents', async () => {
    const backend = mockMinutes(minutesView(), { exportPath: '/tmp/bien-ban.pdf' });
    const { user } = await renderEditor();
    await user.type(screen.getByTestId('notice-issued-on'), '28/02/2026');
    await user.click(screen.getByTestId('export-minutes-pdf'));
    await screen.findByTestId('minutes-export-notice');
    expect(backend.noticeDates).toEqual([null]);
  });

  it('shows a refused save, keeps the text and tries again at the next edit', async () => {
    const backend = mockMinutes(minutesView(), {
      saveError: {
        code: 'locked',
        message: 'Biên bản cuộc họp này đã được thông qua; không sửa được nữa.',
        field: null,
      },
    });
    const { user } = await renderEditor();
    const heading = screen.getByTestId('minutes-item-heading-0');

    await user.type(heading, ' trong nước');
    await user.tab();

    await waitFor(() =>
      expect(screen.getByTestId('minutes-save-state')).toHaveTextContent(
        'Chưa lưu được: Biên bản cuộc họp này đã được thông qua; không sửa được nữa.',
      ),
    );
    expect(heading).toHaveValue('Thông tin thời sự trong nước');

    backend.options.saveError = undefined;
    await user.type(heading, ', quốc tế');
    await user.tab();
    await waitFor(() => expect(screen.getByTestId('minutes-save-state')).toHaveTextContent('Đã lưu lúc'));
    expect(backend.saved[0]!.items[0]!.heading).toBe('Thông tin thời sự trong nước');
    expect(lastSaved(backend).items[0]!.heading).toBe('Thông tin thời sự trong nước, quốc tế');
  });

  it('saves before going back, and asks before leaving words it could not save', async () => {
    const backend = mockMinutes(minutesView(), {
      saveError: { code: 'io', message: 'Không ghi được dữ liệu: ổ đĩa đầy.', field: null },
    });
    const { user, onBack } = await renderEditor();

    await user.type(screen.getByTestId('minutes-item-presented-1'), 'Thư ký đọc dự thảo biên bản.');
    await user.click(screen.getByTestId('minutes-back'));

    expect(await screen.findByTestId('confirm-dialog')).toHaveTextContent(
      'Biên bản chưa lưu được (xem lỗi trên màn hình). Rời trang bây giờ thì những gì vừa ghi sẽ mất.',
    );
    expect(onBack).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('confirm-cancel'));

    backend.options.saveError = undefined;
    await user.click(screen.getByTestId('minutes-back'));
    await waitFor(() => expect(onBack).toHaveBeenCalledTimes(1));
    expect(lastSaved(backend).items[1]!.presented).toBe('Thư ký đọc dự thảo biên bản.');
  });

  it('shows why the minutes could not be read', async () => {
    mockIPC(() => {
      throw { code: 'not_found', message: 'Không tìm thấy cuộc họp số 7; có thể đã bị xóa.', field: null };
    });
    render(MinutesEditor, { meetingId: MEETING_ID, onBack: vi.fn() });

    expect(await screen.findByTestId('minutes-load-error')).toHaveTextContent(
      'Không tìm thấy cuộc họp số 7; có thể đã bị xóa.',
    );
  });

  it('warns before approving minutes whose number would come out of meeting order', async () => {
    const note =
      'Biên bản cuộc họp ngày 05/02/2026 đã mang số 01-BB/CB; thông qua biên bản này sẽ nhận số 02-BB/CB, không theo thứ tự ngày họp.';
    mockMinutes(minutesView({ numbering_note: note }));
    await renderEditor();
    expect(await screen.findByTestId('minutes-numbering-note')).toHaveTextContent(note);
  });
});
