// Saving as the user types. A value is saved once edits have paused for `delay` ms, or at
// once when flushed (a field left, the page left). One save runs at a time: a value given
// while one runs waits for it, then goes as soon as its own pause is over (or at once when
// flushed), so an older value never lands after a newer one. Nothing typed is dropped: a
// value whose save failed waits for the next edit or the next flush.

export type SaveState =
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: unknown };

export class Autosave<T> {
  readonly #save: (value: T) => Promise<void>;
  readonly #delay: number;
  readonly #onState: (state: SaveState) => void;
  /** The latest value not saved yet. */
  #waiting: { value: T } | null = null;
  /** Whether the waiting value goes as soon as no save runs (its pause is over, or flushed). */
  #due = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running = false;
  #lastFailed = false;
  /** The flushes waiting for the saves to settle. */
  #flushes: ((saved: boolean) => void)[] = [];

  constructor(
    save: (value: T) => Promise<void>,
    delay: number,
    onState: (state: SaveState) => void,
  ) {
    this.#save = save;
    this.#delay = delay;
    this.#onState = onState;
  }

  /** Notes the latest value: saved once `delay` ms pass without another. */
  schedule(value: T): void {
    this.#waiting = { value };
    this.#due = false;
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#due = true;
      void this.#run();
    }, this.#delay);
  }

  /**
   * Saves the waiting value now, or right after the save in flight. Resolves true once
   * everything given so far is saved, false when the last save failed (see the state).
   */
  flush(): Promise<boolean> {
    this.#clearTimer();
    if (this.#waiting !== null) this.#due = true;
    const settled = new Promise<boolean>((resolve) => this.#flushes.push(resolve));
    void this.#run();
    return settled;
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    while (this.#waiting !== null && this.#due) {
      const { value } = this.#waiting;
      this.#waiting = null;
      this.#due = false;
      this.#onState({ kind: 'saving' });
      try {
        await this.#save(value);
        this.#lastFailed = false;
        this.#onState({ kind: 'saved', at: new Date() });
      } catch (error) {
        this.#lastFailed = true;
        // Kept for the next edit or flush, unless something newer already waits.
        this.#waiting ??= { value };
        this.#onState({ kind: 'failed', error });
      }
    }
    this.#running = false;
    const flushes = this.#flushes;
    this.#flushes = [];
    for (const resolve of flushes) resolve(!this.#lastFailed);
  }
}
