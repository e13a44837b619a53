import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Branch } from '../lib/bindings';
import Sidebar from './Sidebar.svelte';

const first: Branch = {
  id: 1,
  name: 'Chi bộ thôn Bản Chắt',
  parent_name: 'Đảng bộ xã Tân Thành',
  place: 'Tân Thành',
  term_start: null,
  term_end: null,
  founded_on: null,
};
const second: Branch = { ...first, id: 2, name: 'Chi bộ thôn Nà Hin' };

function renderSidebar(branches: Branch[]) {
  const props = {
    branches,
    current: first,
    screen: 'overview' as const,
    onNavigate: vi.fn(),
    onSelectBranch: vi.fn(),
  };
  render(Sidebar, props);
  return props;
}

describe('Sidebar', () => {
  it('shows only the screens that exist, marking the current one', () => {
    renderSidebar([first]);

    expect(screen.getByTestId('nav-overview')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('nav-settings')).not.toHaveAttribute('aria-current');
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByTestId('nav-roster')).toHaveTextContent('Đảng viên');
    expect(screen.getByTestId('nav-meetings')).toHaveTextContent('Sinh hoạt');
    expect(screen.getAllByRole('button').map((button) => button.dataset.testid)).toEqual([
      'nav-overview',
      'nav-roster',
      'nav-meetings',
      'nav-settings',
    ]);
  });

  it('has no branch switcher with one branch', () => {
    renderSidebar([first]);
    expect(screen.queryByTestId('branch-switcher')).toBeNull();
  });

  it('has a branch switcher with two branches, listing them in the given order', async () => {
    const user = userEvent.setup();
    const props = renderSidebar([first, second]);

    await user.click(screen.getByTestId('branch-switcher'));
    const options = screen.getAllByRole('menuitem');
    expect(options.map((option) => option.dataset.testid)).toEqual(['branch-option-1', 'branch-option-2']);
    await user.click(screen.getByTestId('branch-option-2'));

    expect(props.onSelectBranch).toHaveBeenCalledWith(2);
  });

  it('does not reselect the current branch', async () => {
    const user = userEvent.setup();
    const props = renderSidebar([first, second]);

    await user.click(screen.getByTestId('branch-switcher'));
    await user.click(screen.getByTestId('branch-option-1'));

    expect(props.onSelectBranch).not.toHaveBeenCalled();
    expect(screen.queryByTestId('branch-option-1')).toBeNull();
  });

  it('navigates with the keyboard', async () => {
    const user = userEvent.setup();
    const props = renderSidebar([first]);

    screen.getByTestId('nav-settings').focus();
    await user.keyboard('{Enter}');

    expect(props.onNavigate).toHaveBeenCalledWith('settings');
  });
});
