import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { DEMO_INPUT, FakeBackend } from './test/fakeBackend';

const SECOND = {
  name: 'Chi bộ thôn Nà Hin',
  parent_name: 'Đảng bộ xã Tân Thành',
  place: 'Tân Thành',
  term_start: null,
  term_end: null,
  founded_on: null,
};

describe('start', () => {
  it('says it is opening the data, then shows the setup screen when there is no branch', async () => {
    new FakeBackend();
    render(App);

    expect(screen.getByText('Đang mở dữ liệu…')).toBeInTheDocument();
    const setup = await screen.findByTestId('setup-screen');
    expect(within(setup).getByRole('heading', { name: 'Thiết lập chi bộ' })).toBeInTheDocument();
  });

  it('shows a full-page error with the message and code when app_info fails', async () => {
    const backend = new FakeBackend();
    backend.failures.set('app_info', {
      code: 'locked',
      message: 'Dữ liệu đang được mở ở một cửa sổ khác.',
      field: null,
    });
    render(App);

    const page = await screen.findByTestId('startup-error');
    expect(page).toHaveTextContent('Dữ liệu đang được mở ở một cửa sổ khác.');
    expect(page).toHaveTextContent('locked');
  });

  it('applies the saved text size at start', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    backend.textScale = 150;
    render(App);

    await screen.findByTestId('overview-screen');
    expect(document.documentElement.style.fontSize).toBe('24px');
  });
});

describe('setup', () => {
  it('creates the demo branch with "Dùng dữ liệu mẫu" and then shows its overview', async () => {
    const backend = new FakeBackend();
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByTestId('setup-demo'));

    expect(await screen.findByTestId('overview-screen')).toBeInTheDocument();
    expect(backend.callsTo('create_demo')).toHaveLength(1);
    expect(screen.getByTestId('overview-branch-name')).toHaveTextContent('Chi bộ thôn Bản Chắt');
    expect(screen.getByTestId('overview-term')).toHaveTextContent('01/08/2025 – 31/07/2030');
  });

  it('saves the first branch, selects it and shows its overview', async () => {
    const backend = new FakeBackend();
    const user = userEvent.setup();
    render(App);

    await user.type(await screen.findByTestId('branch-name'), 'Chi bộ thôn Nà Hin');
    await user.type(screen.getByTestId('branch-parent'), 'Đảng bộ xã Tân Thành');
    await user.type(screen.getByTestId('branch-place'), 'Tân Thành{Enter}');

    expect(await screen.findByTestId('overview-screen')).toBeInTheDocument();
    expect(backend.callsTo('select_branch')).toEqual([{ branchId: 1 }]);
    expect(screen.getByTestId('overview-parent-name')).toHaveTextContent('Đảng bộ xã Tân Thành');
    expect(screen.getByTestId('overview-place')).toHaveTextContent('Tân Thành');
    expect(screen.getByTestId('overview-term')).toHaveTextContent('Chưa nhập nhiệm kỳ');
    expect(screen.getByTestId('overview-founded-on')).toHaveTextContent('Chưa nhập');
  });
});

describe('overview', () => {
  it('lists the rules in force with their basis and the settings version', async () => {
    new FakeBackend([DEMO_INPUT]);
    render(App);

    expect(await screen.findByTestId('overview-rule-attendance_warning_percent')).toHaveTextContent(
      'Tỷ lệ dự họp phải trên: 85% — HD 12-HD/BTCTW (18/01/2018)',
    );
    expect(screen.getByTestId('overview-settings-version')).toHaveTextContent('Phiên bản thiết lập: 1');
    expect(screen.getByTestId('overview-rule-probation_months')).toHaveTextContent(
      'Thời gian dự bị: 12 tháng — Điều lệ Đảng, Điều 5',
    );
    expect(screen.getByTestId('overview-rule-min_admission_age')).toHaveTextContent('Tuổi tối thiểu khi vào Đảng: 18 tuổi');
  });
});

describe('branch switcher', () => {
  it('is hidden when there is one branch', async () => {
    new FakeBackend([DEMO_INPUT]);
    render(App);

    await screen.findByTestId('overview-screen');
    expect(screen.queryByTestId('branch-switcher')).toBeNull();
    expect(screen.getByTestId('sidebar-branch-name')).toHaveTextContent('Chi bộ thôn Bản Chắt');
  });

  it('lists the branches when there are two, and picking one selects it and shows its overview', async () => {
    const backend = new FakeBackend([DEMO_INPUT, SECOND]);
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByTestId('branch-switcher'));
    expect(screen.getByTestId('branch-option-1')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('branch-option-2')).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(backend.callsTo('select_branch')).toEqual([{ branchId: 2 }]);
    expect(await screen.findByTestId('overview-branch-name')).toHaveTextContent('Chi bộ thôn Nà Hin');
    expect(screen.queryByTestId('branch-option-1')).toBeNull();
  });

  it('closes the list on Escape and gives focus back to the button', async () => {
    const backend = new FakeBackend([DEMO_INPUT, SECOND]);
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByTestId('branch-switcher'));
    await user.keyboard('{Escape}');

    expect(screen.queryByTestId('branch-option-2')).toBeNull();
    expect(screen.getByTestId('branch-switcher')).toHaveFocus();
    expect(backend.callsTo('select_branch')).toHaveLength(0);
  });
});

describe('settings', () => {
  async function openSettings(backend: FakeBackend) {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByTestId('nav-settings'));
    await screen.findByTestId('settings-version');
    return { user, backend };
  }

  it('text-size buttons call set_text_scale and set the root font size', async () => {
    const { user, backend } = await openSettings(new FakeBackend([DEMO_INPUT]));

    expect(screen.getByTestId('text-scale-100')).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByTestId('text-scale-125'));

    expect(backend.callsTo('set_text_scale')).toEqual([{ percent: 125 }]);
    expect(document.documentElement.style.fontSize).toBe('20px');
    expect(screen.getByTestId('text-scale-125')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('text-scale-100')).toHaveAttribute('aria-pressed', 'false');
  });

  it('the rule editor shows a backend validation error under its field', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    backend.failures.set('update_settings', {
      code: 'validation',
      message: 'Tỷ lệ dự họp phải trên (%) phải từ 1 đến 100 (đang là 101).',
      field: 'attendance_warning_percent',
    });
    const { user } = await openSettings(backend);

    const input = screen.getByTestId('rule-attendance_warning_percent-value');
    await user.clear(input);
    await user.type(input, '101');
    await user.click(screen.getByTestId('settings-save'));

    expect(await screen.findByTestId('rule-error-attendance_warning_percent')).toHaveTextContent(
      'Tỷ lệ dự họp phải trên (%) phải từ 1 đến 100 (đang là 101).',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('saves edited rules as a new version and says so', async () => {
    const { user, backend } = await openSettings(new FakeBackend([DEMO_INPUT]));

    const input = screen.getByTestId('rule-min_meeting_minutes-value');
    await user.clear(input);
    await user.type(input, '120');
    await user.click(screen.getByTestId('rule-minutes_numbering_reset-per_year'));
    await user.click(screen.getByTestId('settings-save'));

    expect(await screen.findByTestId('settings-saved')).toHaveTextContent('Đã lưu phiên bản 2.');
    expect(screen.getByTestId('settings-version')).toHaveTextContent('2');
    const [sent] = backend.callsTo('update_settings');
    expect(sent).toMatchObject({
      branchId: 1,
      settings: {
        min_meeting_minutes: { value: 120, basis: 'HD 42-HD/BTCTW (28/10/2025)' },
        minutes_numbering_reset: { value: 'per_year' },
      },
    });
  });

  it('edits the quorum warning as a fraction and the meetings the absence rules count', async () => {
    const { user, backend } = await openSettings(new FakeBackend([DEMO_INPUT]));

    const quorum = screen.getByTestId('rule-quorum_warning-value');
    expect(quorum).toHaveValue('2/3');
    await user.clear(quorum);
    await user.type(quorum, 'hai phần ba');
    await user.click(screen.getByTestId('settings-save'));
    expect(screen.getByTestId('rule-error-quorum_warning')).toHaveTextContent(
      'Hãy nhập một phân số dạng tử số/mẫu số, ví dụ 2/3.',
    );
    expect(quorum).toHaveFocus();
    expect(backend.callsTo('update_settings')).toHaveLength(0);

    await user.clear(quorum);
    await user.type(quorum, '1/2');
    await user.click(screen.getByTestId('rule-absence_meetings-regular_and_thematic'));
    await user.click(screen.getByTestId('settings-save'));

    expect(await screen.findByTestId('settings-saved')).toHaveTextContent('Đã lưu phiên bản 2.');
    const [sent] = backend.callsTo('update_settings');
    expect(sent).toMatchObject({
      settings: {
        quorum_warning: { value: { numerator: 1, denominator: 2 } },
        absence_meetings: { value: 'regular_and_thematic' },
      },
    });
  });

  it('records announced days off in a table, refusing a date that is not one', async () => {
    const { user, backend } = await openSettings(new FakeBackend([DEMO_INPUT]));

    expect(screen.getByTestId('days-off-empty')).toHaveTextContent('Chưa ghi ngày nào.');
    await user.click(screen.getByTestId('days-off-add'));
    expect(screen.getByTestId('days-off-date-0')).toHaveFocus();
    await user.type(screen.getByTestId('days-off-date-0'), '31/02/2027');
    await user.type(screen.getByTestId('days-off-note-0'), 'Nghỉ bù Tết Dương lịch');
    await user.click(screen.getByTestId('settings-save'));
    expect(screen.getByTestId('rule-error-days_off')).toHaveTextContent('Dòng 1: Ngày không hợp lệ.');
    expect(backend.callsTo('update_settings')).toHaveLength(0);

    await user.clear(screen.getByTestId('days-off-date-0'));
    await user.type(screen.getByTestId('days-off-date-0'), '04/01/2027');
    await user.click(screen.getByTestId('days-off-add'));
    await user.type(screen.getByTestId('days-off-date-1'), '09/01/2027');
    await user.selectOptions(screen.getByTestId('days-off-kind-1'), 'Làm việc');
    await user.type(screen.getByTestId('days-off-note-1'), 'Làm bù');
    await user.click(screen.getByTestId('settings-save'));

    expect(await screen.findByTestId('settings-saved')).toHaveTextContent('Đã lưu phiên bản 2.');
    const [sent] = backend.callsTo('update_settings');
    expect(sent).toMatchObject({
      settings: {
        days_off: {
          value: {
            changes: [
              { date: '2027-01-04', off: true, note: 'Nghỉ bù Tết Dương lịch' },
              { date: '2027-01-09', off: false, note: 'Làm bù' },
            ],
          },
        },
      },
    });

    await user.click(screen.getByTestId('days-off-remove-0'));
    expect(screen.getByTestId('days-off-date-0')).toHaveValue('09/01/2027');
  });

  it('refuses a rule value that is not a whole number without calling the backend', async () => {
    const { user, backend } = await openSettings(new FakeBackend([DEMO_INPUT]));

    const input = screen.getByTestId('rule-excellent_cap_percent-value');
    await user.clear(input);
    await user.type(input, '2,5');
    await user.click(screen.getByTestId('settings-save'));

    expect(screen.getByTestId('rule-error-excellent_cap_percent')).toHaveTextContent(
      'Hãy nhập một số nguyên (chỉ gồm chữ số).',
    );
    expect(backend.callsTo('update_settings')).toHaveLength(0);
  });

  it('asks before leaving unsaved rule edits, and stays when told to', async () => {
    const { user } = await openSettings(new FakeBackend([DEMO_INPUT]));

    await user.type(screen.getByTestId('rule-attendance_warning_percent-basis'), ' sửa');
    await user.click(screen.getByTestId('nav-overview'));

    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent('Bỏ các thay đổi chưa lưu?');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(screen.getByTestId('settings-screen')).toBeInTheDocument();

    await user.click(screen.getByTestId('nav-overview'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(await screen.findByTestId('overview-screen')).toBeInTheDocument();
  });

  it('leaves without asking when nothing was edited', async () => {
    const { user } = await openSettings(new FakeBackend([DEMO_INPUT]));

    await user.click(screen.getByTestId('nav-overview'));

    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(await screen.findByTestId('overview-screen')).toBeInTheDocument();
  });

  it('edits the branch profile through update_branch', async () => {
    const backend = new FakeBackend([DEMO_INPUT]);
    backend.failures.set('update_branch', { code: 'not_found', message: 'Không tìm thấy chi bộ.', field: null });
    const { user } = await openSettings(backend);

    await user.click(screen.getByTestId('edit-branch'));
    expect(screen.getByTestId('branch-name')).toHaveValue('Chi bộ thôn Bản Chắt');
    await user.click(screen.getByTestId('branch-save'));

    expect(backend.callsTo('update_branch')).toEqual([{ id: 1, input: DEMO_INPUT }]);
    expect(await screen.findByTestId('branch-form-error')).toHaveTextContent('Không tìm thấy chi bộ.');
  });

  it('adds a branch, makes it current and shows its overview', async () => {
    const { user, backend } = await openSettings(new FakeBackend([DEMO_INPUT]));

    await user.click(screen.getByTestId('add-branch'));
    await user.type(screen.getByTestId('branch-name'), SECOND.name);
    await user.type(screen.getByTestId('branch-parent'), SECOND.parent_name);
    await user.type(screen.getByTestId('branch-place'), SECOND.place);
    await user.click(screen.getByTestId('branch-save'));

    expect(await screen.findByTestId('overview-branch-name')).toHaveTextContent('Chi bộ thôn Nà Hin');
    expect(backend.callsTo('select_branch')).toEqual([{ branchId: 2 }]);
    expect(screen.getByTestId('branch-switcher')).toHaveTextContent('Chi bộ thôn Nà Hin');
  });

  it('edits the membership rules with their labels', async () => {
    const { user, backend } = await openSettings(new FakeBackend([DEMO_INPUT]));

    expect(screen.getByLabelText('Tuổi tối thiểu khi vào Đảng')).toHaveValue('18');
    expect(screen.getByLabelText('Thời gian dự bị (tháng)')).toHaveValue('12');
    expect(screen.getByLabelText('Thời hạn xét công nhận chính thức (ngày làm việc)')).toHaveValue('30');
    expect(screen.getByLabelText('Nhắc trước khi hết thời gian dự bị (ngày)')).toHaveValue('30');
    expect(screen.getByLabelText('Số ngày được ghi trước một biến động')).toHaveValue('31');

    const input = screen.getByTestId('rule-probation_warning_days-value');
    await user.clear(input);
    await user.type(input, '45');
    await user.click(screen.getByTestId('settings-save'));

    expect(await screen.findByTestId('settings-saved')).toBeInTheDocument();
    expect(backend.callsTo('update_settings')[0]).toMatchObject({
      settings: { probation_warning_days: { value: 45, basis: 'Mức nhắc trước tự đặt' } },
    });
  });

  it('shows the data folder and schema version', async () => {
    await openSettings(new FakeBackend([DEMO_INPUT]));

    expect(screen.getByTestId('data-dir')).toHaveTextContent('/home/bithu/.local/share/vn.sotaychibo.app');
    expect(screen.getByTestId('schema-version')).toHaveTextContent('1');
  });
});
