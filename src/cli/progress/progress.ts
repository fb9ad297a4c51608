// Progress of a long command (`stack up`, `integrate`, `ingest`, `demo`): on a terminal a live view of its
// steps, redrawn in place; in a pipe, with --json, CI=true, NO_COLOR or TERM=dumb only the plain lines the
// command always printed, so scripts read what they read before.
import type { CliDeps, CliIo } from "../cli-deps.js";
import { sanitizeText } from "../../text/sanitize.js";
import { liveProgress } from "./live-progress.js";
import type { StepOptions } from "./progress-board.js";

/** The `--help` paragraph of the commands that show progress. */
export const PROGRESS_HELP =
  "\nOn a terminal its steps are shown live (state and elapsed time, redrawn in place) before its output; in a pipe, with --json, CI=true, NO_COLOR or TERM=dumb only the plain output is printed.";

export interface Progress {
  /** Announces a step that has not started yet. */
  pending(key: string, label: string, options?: StepOptions): void;
  /** Starts a step (or starts it again). */
  start(key: string, label: string, options?: StepOptions): void;
  /** Changes a running step's label or note (a lane's state, a count so far). */
  update(key: string, change: { label?: string; note?: string }): void;
  /** Ends a step. */
  finish(key: string, state?: "done" | "failed" | "skipped", note?: string): void;
  /** A line that stays: printed as is without the live view, above the view with it. */
  log(line: string): void;
  /** Stops the view, leaving its last frame; running steps become failed when `failed`. */
  end(failed?: boolean): void;
}

export interface ProgressOptions {
  /** --json: never the live view. */
  json?: boolean | undefined;
  /** Where `log` lines go without the live view (default: nowhere — the command printed none). */
  plain?: ((line: string) => void) | undefined;
}

/** Whether the live view is wanted: stdout is a terminal and nothing asks for plain output. */
export function liveProgressWanted(io: CliIo, env: NodeJS.ProcessEnv, json?: boolean): boolean {
  if (json || !io.terminal) return false;
  const ci = env.CI?.trim().toLowerCase();
  if (ci && ci !== "false" && ci !== "0") return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return env.TERM !== "dumb";
}

/** No view: steps print nothing, lines print as they always did (sanitised). */
export function plainProgress(write?: (line: string) => void): Progress {
  const none = () => undefined;
  return {
    pending: none,
    start: none,
    update: none,
    finish: none,
    log: (line) => write?.(sanitizeText(line)),
    end: none,
  };
}

export function openProgress(ctx: CliDeps, options: ProgressOptions = {}): Progress {
  const terminal = ctx.io.terminal;
  if (!terminal || !liveProgressWanted(ctx.io, ctx.env, options.json)) return plainProgress(options.plain);
  return liveProgress({ write: ctx.io.stdout, terminal, now: Date.now });
}

/** Runs `work` with progress, ending the view (running steps failed) when it throws. */
export async function withProgress<T>(
  ctx: CliDeps,
  options: ProgressOptions,
  work: (progress: Progress) => Promise<T>,
): Promise<T> {
  const progress = openProgress(ctx, options);
  try {
    const value = await work(progress);
    progress.end();
    return value;
  } catch (error) {
    progress.end(true);
    throw error;
  }
}

/** Runs `work` as one step: running while it runs, then done (with the note `done` gives) or failed. */
export async function tracked<T>(
  progress: Progress,
  key: string,
  label: string,
  work: () => Promise<T>,
  done?: (value: T) => string | undefined,
): Promise<T> {
  progress.start(key, label);
  try {
    const value = await work();
    progress.finish(key, "done", done?.(value));
    return value;
  } catch (error) {
    progress.finish(key, "failed");
    throw error;
  }
}
