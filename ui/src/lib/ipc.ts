// The only door to the Rust backend: one typed function per Tauri command. A rejected call
// always becomes an IpcError whose `code` the UI may branch on and whose Vietnamese
// `message` it shows as is (never parsed).

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type {
  AppInfo,
  Branch,
  BranchInput,
  Prefs,
  RuleSettings,
  VersionedSettings,
} from './bindings';

const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'locked',
  'io',
  'corrupt',
  'incompatible',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class IpcError extends Error {
  readonly code: ErrorCode;
  /** The input field the problem is about (`name`, `term_end`, …), if any. */
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
    this.field = field;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function describe(raw: unknown): string {
  if (raw instanceof Error) return raw.message;
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** Turns whatever a failed call produced into an IpcError. */
export function toIpcError(raw: unknown): IpcError {
  if (raw instanceof IpcError) return raw;
  if (typeof raw === 'object' && raw !== null) {
    const { code, message, field } = raw as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new IpcError(
        isErrorCode(code) ? code : 'internal',
        message,
        typeof field === 'string' ? field : null,
      );
    }
  }
  return new IpcError('internal', `Đã xảy ra lỗi không mong muốn: ${describe(raw)}`);
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

export const appInfo = (): Promise<AppInfo> => call('app_info');

export const createBranch = (input: BranchInput): Promise<Branch> =>
  call('create_branch', { input });

export const updateBranch = (id: number, input: BranchInput): Promise<Branch> =>
  call('update_branch', { id, input });

export const selectBranch = (branchId: number): Promise<Prefs> =>
  call('select_branch', { branchId });

export const branchSettings = (branchId: number): Promise<VersionedSettings> =>
  call('branch_settings', { branchId });

export const updateSettings = (
  branchId: number,
  settings: RuleSettings,
): Promise<VersionedSettings> => call('update_settings', { branchId, settings });

export const setTextScale = (percent: number): Promise<Prefs> =>
  call('set_text_scale', { percent });

export const createDemo = (): Promise<Branch> => call('create_demo');
