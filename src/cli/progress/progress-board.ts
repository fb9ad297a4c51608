// The state of a long command's progress: its steps (each pending, running, done, failed or skipped, with
// when it started and ended) in the order they are shown. Pure: the caller passes the time.

export type StepState = "pending" | "running" | "done" | "failed" | "skipped";

export interface ProgressStep {
  key: string;
  label: string;
  state: StepState;
  /** Epoch milliseconds; absent while pending. */
  startedAt?: number;
  endedAt?: number;
  /** What it is doing or found (a lane's state, a count), shown after the label. */
  note?: string;
  /** The step it is shown under (a lane under its wave); absent for a top-level step. */
  parent?: string;
}

export interface StepOptions {
  /** Shown under this step, after its other children. */
  parent?: string;
  note?: string;
}

export class ProgressBoard {
  readonly steps: ProgressStep[] = [];

  private find(key: string): ProgressStep | undefined {
    return this.steps.find((s) => s.key === key);
  }

  /** The step with `key`, added where it belongs (at the end, or after its parent's last child). */
  private ensure(key: string, label: string, options: StepOptions): ProgressStep {
    const found = this.find(key);
    if (found) return found;
    const step: ProgressStep = {
      key,
      label,
      state: "pending",
      ...(options.parent && { parent: options.parent }),
    };
    const parentAt = options.parent ? this.steps.findIndex((s) => s.key === options.parent) : -1;
    if (parentAt < 0) this.steps.push(step);
    else {
      let at = parentAt + 1;
      while (at < this.steps.length && this.steps[at]?.parent === options.parent) at += 1;
      this.steps.splice(at, 0, step);
    }
    return step;
  }

  /** Announces a step that has not started yet. */
  pending(key: string, label: string, options: StepOptions = {}): void {
    const step = this.ensure(key, label, options);
    if (options.note !== undefined) step.note = options.note;
  }

  /** Starts a step (a finished one starts again, its time from now; a running one keeps its time). */
  start(key: string, label: string, now: number, options: StepOptions = {}): void {
    const step = this.ensure(key, label, options);
    step.label = label;
    if (step.state !== "running") step.startedAt = now;
    step.state = "running";
    delete step.endedAt;
    if (options.note !== undefined) step.note = options.note;
  }

  /** Changes a step's label or note; an unknown key changes nothing. */
  update(key: string, change: { label?: string; note?: string }): void {
    const step = this.find(key);
    if (!step) return;
    if (change.label !== undefined) step.label = change.label;
    if (change.note !== undefined) step.note = change.note;
  }

  /** Ends a step; one that never started ends with no elapsed time. */
  finish(key: string, state: "done" | "failed" | "skipped", now: number, note?: string): void {
    const step = this.find(key);
    if (!step) return;
    step.state = state;
    if (step.startedAt !== undefined) step.endedAt = now;
    if (note !== undefined) step.note = note;
  }

  /** Marks every running step failed (the command stopped with an error). */
  failRunning(now: number): void {
    for (const step of this.steps) if (step.state === "running") this.finish(step.key, "failed", now);
  }
}
