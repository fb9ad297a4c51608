// The supervisor's lane slots: role loops wait here for a free one and reserve it before they claim, so
// concurrent loops never open more lanes than the stack's agents. Never holds a slot for a lane itself.
export class LaneSlots {
  private readonly waiters = new Set<() => void>();
  /** Claims under way: each holds a slot, so concurrent role loops never open more lanes than `agents`. */
  private reserved = 0;

  constructor(
    private readonly agents: number,
    /** Lanes open now: each holds a slot of its own. */
    private readonly open: () => number,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Waits for a free slot and reserves it (the check and the reservation run with no await between
   * them, so two role loops cannot both take the last slot); the caller gives it back.
   */
  async reserve(): Promise<void> {
    while (this.open() + this.reserved >= this.agents && !this.signal.aborted) {
      // Whichever ends the wait (a freed slot or the stop) removes both hooks: a listener left on the
      // signal per wait grew without bound in a long-running supervisor (MaxListenersExceededWarning).
      await new Promise<void>((resolve) => {
        const signal = this.signal;
        const done = (): void => {
          signal.removeEventListener("abort", done);
          this.waiters.delete(done);
          resolve();
        };
        this.waiters.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
    }
    this.reserved += 1;
  }

  /** The reserved slot is now either a lane or free again. */
  giveBack(): void {
    this.reserved -= 1;
    this.wake();
  }

  /** A slot may be free (a lane closed, a claim ended, the supervisor stops): every waiter checks again. */
  wake(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }
}
