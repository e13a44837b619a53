// Saving a form: a backend rejection of one of the form's fields goes under that field,
// anything else to the form as a whole.

import { toIpcError } from './ipc';

export async function saveReportingErrors<F extends string>(
  save: () => Promise<unknown>,
  isField: (field: string | null) => field is F,
  onFieldError: (field: F, message: string) => Promise<void>,
  onFormError: (message: string) => void,
): Promise<void> {
  try {
    await save();
  } catch (raw) {
    const error = toIpcError(raw);
    if (isField(error.field)) await onFieldError(error.field, error.message);
    else onFormError(error.message);
  }
}
