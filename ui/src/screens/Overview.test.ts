import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { DEMO_INPUT, FakeBackend } from '../test/fakeBackend';

describe('overview: the next meeting', () => {
  it('shows the next planned meeting and opens it', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    backend.addMeeting({ title: 'Sinh hoạt thường kỳ tháng 02 năm 2026', date: '2026-02-05', planned_start: '07:30' });
    backend.addMeeting({ kind: 'thematic', title: 'Học tập Kết luận 21-KL/TW', date: '2026-03-12', planned_start: '14:00', place: 'Nhà văn hóa thôn' });
    const user = userEvent.setup();
    render(App);

    const card = await screen.findByTestId('overview-next-meeting');
    expect(card).toHaveTextContent('Cuộc họp sắp tới');
    expect(within(card).getByTestId('overview-next-meeting-when')).toHaveTextContent('Thứ Năm, 12/03/2026 · 14:00');
    expect(card).toHaveTextContent('Sinh hoạt chuyên đề');
    expect(within(card).getByTestId('overview-next-meeting-title')).toHaveTextContent('Học tập Kết luận 21-KL/TW');
    expect(card).toHaveTextContent('Địa điểm: Nhà văn hóa thôn');

    await user.click(within(card).getByTestId('overview-next-meeting-open'));
    expect(await screen.findByTestId('meeting-heading')).toHaveTextContent('Học tập Kết luận 21-KL/TW');
    expect(screen.getByTestId('nav-meetings')).toHaveAttribute('aria-current', 'page');
  });

  it('invites to the meetings screen when nothing is scheduled, and shows a plan made there', async () => {
    new FakeBackend([DEMO_INPUT]);
    const user = userEvent.setup();
    render(App);

    expect(await screen.findByTestId('overview-no-next-meeting')).toHaveTextContent(
      'Chưa có cuộc họp nào được lên lịch từ hôm nay.',
    );
    await user.click(screen.getByTestId('overview-open-meetings'));
    await user.click(await screen.findByTestId('meetings-plan'));
    await user.click(screen.getByTestId('plan-submit'));
    await screen.findByTestId('plan-result');
    await user.click(screen.getByTestId('nav-overview'));

    await waitFor(() =>
      expect(screen.getByTestId('overview-next-meeting-title')).toHaveTextContent('Sinh hoạt thường kỳ tháng 04 năm 2026'),
    );
    expect(screen.getByTestId('overview-next-meeting-when')).toHaveTextContent('Thứ Hai, 06/04/2026 · 07:30');
  });
});

describe('overview: warnings', () => {
  it('marks every warning with its kind and opens the meeting a warning is about', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    backend.addMeeting({ title: 'Sinh hoạt thường kỳ tháng 02 năm 2026', date: '2026-02-05' });
    backend.warningList = [
      {
        kind: 'meeting_not_recorded',
        severity: 'warning',
        member_id: null,
        meeting_id: 1,
        message: 'Cuộc họp ngày 05/02/2026 chưa được ghi kết quả.',
        due: null,
      },
      {
        kind: 'quarter_without_thematic',
        severity: 'notice',
        member_id: null,
        meeting_id: null,
        message: 'Quý 1 năm 2026 chưa có buổi sinh hoạt chuyên đề.',
        due: '2026-03-31',
      },
    ];
    const user = userEvent.setup();
    render(App);

    const first = await screen.findByTestId('warning-0');
    expect(first).toHaveAttribute('data-kind', 'meeting_not_recorded');
    expect(first.tagName).toBe('BUTTON');
    expect(screen.getByTestId('warning-1')).toHaveAttribute('data-kind', 'quarter_without_thematic');
    expect(screen.getByTestId('warning-1').tagName).toBe('DIV');

    await user.click(first);
    expect(await screen.findByTestId('meeting-heading')).toHaveTextContent('Sinh hoạt thường kỳ tháng 02 năm 2026');
  });
});

describe('overview: notices since start', () => {
  it('lists the notices and puts them away until a new one comes', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    backend.notices = [
      'Không thấy thư mục sao lưu thứ hai /media/bithu/USB; lần này chỉ sao lưu vào máy.',
      'Thiếu 1 tệp đính kèm trong thư mục dữ liệu: Biên bản đã ký.pdf.',
    ];
    const user = userEvent.setup();
    render(App);

    const banner = await screen.findByTestId('app-notices');
    expect(within(banner).getAllByTestId('app-notice').map((item) => item.textContent)).toEqual(backend.notices);

    await user.click(within(banner).getByTestId('app-notices-dismiss'));
    expect(screen.queryByTestId('app-notices')).toBeNull();

    // Shown again on the overview: only what came after.
    backend.notices = [...backend.notices, 'Đã sao lưu lúc đóng ứng dụng nhưng không chép được sang USB.'];
    await user.click(screen.getByTestId('nav-settings'));
    await user.click(await screen.findByTestId('nav-overview'));
    const again = await screen.findByTestId('app-notices');
    expect(within(again).getAllByTestId('app-notice').map((item) => item.textContent)).toEqual([
      'Đã sao lưu lúc đóng ứng dụng nhưng không chép được sang USB.',
    ]);
  });

  it('shows no banner without notices', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    render(App);

    await screen.findByTestId('overview-rules');
    expect(backend.callsTo('app_notices')).toHaveLength(1);
    expect(screen.queryByTestId('app-notices')).toBeNull();
  });
});
