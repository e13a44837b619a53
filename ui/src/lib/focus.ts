// Keyboard focus helpers shared by the forms and dialogs.

import { tick } from 'svelte';

/** After a render, moves focus to the first field marked invalid inside `root`. */
export async function focusFirstInvalid(root: HTMLElement | undefined): Promise<void> {
  await tick();
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** Keeps Tab and Shift+Tab cycling among the enabled controls of a modal dialog. */
export function trapTab(event: KeyboardEvent, dialog: HTMLElement): void {
  const focusable = Array.from(
    dialog.querySelectorAll<HTMLElement>(
      'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled)',
    ),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first?.focus();
  }
}

/** After a render, moves focus to the control with data-testid `testid` inside `root`. */
export async function focusTestid(root: HTMLElement | undefined, testid: string): Promise<void> {
  await tick();
  root?.querySelector<HTMLElement>(`[data-testid="${testid}"]`)?.focus();
}
