import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type SaveState } from './autosave';

const DELAY = 800;

/** A save whose calls stay pending until answered, in order. */
function controlledSave() {
  const sent: string[] = [];
  const answers: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const save = vi.fn(
    (value: string) =>
      new Promise<void>((resolve, reject) => {
        sent.push(value);
        answers.push({ resolve, reject });
      }),
  );
  return {
    save,
    sent,
    /** Answers the oldest unanswered call. */
    async succeed() {
      answers.shift()?.resolve();
      await vi.advanceTimersByTimeAsync(0);
    },
    async fail(error: unknown) {
      answers.shift()?.reject(error);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

function setup() {
  const backend = controlledSave();
  const states: SaveState[] = [];
  const autosave = new Autosave<string>(backend.save, DELAY, (state) => states.push(state));
  return { backend, states, autosave };
}

describe('Autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 5, 9, 30, 0));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the latest value once the edits pause for the delay', async () => {
    const { backend, autosave } = setup();

    autosave.schedule('B');
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    autosave.schedule('Bi');
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    autosave.schedule('Biên');
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    expect(backend.save).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(backend.sent).toEqual(['Biên']);
  });

  it('reports saving, then the moment it saved', async () => {
    const { backend, states, autosave } = setup();

    autosave.schedule('Biên bản');
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(states).toEqual([{ kind: 'saving' }]);
    await backend.succeed();

    expect(states).toEqual([{ kind: 'saving' }, { kind: 'saved', at: new Date(2026, 2, 5, 9, 30, 0, DELAY) }]);
  });

  it('runs one save at a time and sends what was typed during it right after', async () => {
    const { backend, autosave } = setup();

    autosave.schedule('một');
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.schedule('một hai');
    await vi.advanceTimersByTimeAsync(DELAY * 3);
    expect(backend.sent).toEqual(['một']);

    await backend.succeed();
    expect(backend.sent).toEqual(['một', 'một hai']);
    await backend.succeed();
    expect(backend.save).toHaveBeenCalledTimes(2);
  });

  it('still waits for the pause of an edit made during a save', async () => {
    const { backend, autosave } = setup();

    autosave.schedule('một');
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.schedule('một hai');
    await backend.succeed();
    expect(backend.sent).toEqual(['một']);

    await vi.advanceTimersByTimeAsync(DELAY);
    expect(backend.sent).toEqual(['một', 'một hai']);
  });

  it('saves at once when flushed, and says when all is saved', async () => {
    const { backend, autosave } = setup();

    autosave.schedule('Kết luận');
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.sent).toEqual(['Kết luận']);
    await backend.succeed();

    await expect(flushed).resolves.toBe(true);
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(backend.save).toHaveBeenCalledTimes(1);
  });

  it('flushed during a save, sends the newer value right after it', async () => {
    const { backend, autosave } = setup();

    autosave.schedule('một');
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.schedule('một hai');
    const flushed = autosave.flush();
    let settled = false;
    void flushed.then(() => (settled = true));

    await backend.succeed();
    expect(backend.sent).toEqual(['một', 'một hai']);
    expect(settled).toBe(false);
    await backend.succeed();
    await expect(flushed).resolves.toBe(true);
  });

  it('with nothing to save, flushes without a call', async () => {
    const { backend, autosave } = setup();

    await expect(autosave.flush()).resolves.toBe(true);
    expect(backend.save).not.toHaveBeenCalled();
  });

  it('keeps a value whose save failed, for the next flush', async () => {
    const { backend, states, autosave } = setup();
    const error = { code: 'io', message: 'Ổ đĩa đầy.' };

    autosave.schedule('Ý kiến');
    const flushed = autosave.flush();
    await backend.fail(error);
    await expect(flushed).resolves.toBe(false);
    expect(states[states.length - 1]).toEqual({ kind: 'failed', error });

    // Not retried on its own…
    await vi.advanceTimersByTimeAsync(DELAY * 5);
    expect(backend.sent).toEqual(['Ý kiến']);

    // …but by the next flush.
    const again = autosave.flush();
    await backend.succeed();
    expect(backend.sent).toEqual(['Ý kiến', 'Ý kiến']);
    await expect(again).resolves.toBe(true);
  });

  it('after a failure, saves the next edit with the newer value', async () => {
    const { backend, autosave } = setup();

    autosave.schedule('Ý kiến');
    await vi.advanceTimersByTimeAsync(DELAY);
    await backend.fail({ code: 'locked', message: 'Biên bản đã thông qua.' });
    autosave.schedule('Ý kiến của đồng chí Hoa');
    await vi.advanceTimersByTimeAsync(DELAY);

    expect(backend.sent).toEqual(['Ý kiến', 'Ý kiến của đồng chí Hoa']);
  });

  it('does not bring back a failed value over one typed during its save', async () => {
    const { backend, autosave } = setup();

    autosave.schedule('cũ');
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.schedule('mới');
    await backend.fail({ code: 'io', message: 'Lỗi ghi.' });
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    await backend.succeed();

    expect(backend.sent).toEqual(['cũ', 'mới']);
    await expect(flushed).resolves.toBe(true);
  });
});
