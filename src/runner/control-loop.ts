// Applies the lane control channel on this host: for every lane the supervisor drives, the commands queued
// for its PRP after the stored cursor (XREAD BLOCK over all of them, so a `/lanes say` arrives without
// polling), each applied once and then acknowledged. A lane picked up again after its host died starts from
// the stored cursor, so nothing sent meanwhile is lost; a crash between applying and acknowledging repeats
// one command (at-least-once).
import type { Logger } from "../observe/logger.js";
import type { ControlEntry } from "../state/lane-control.js";

export interface ControlPort {
  readControl(
    cursors: ReadonlyMap<string, string>,
    blockMs: number,
    signal?: AbortSignal,
  ): Promise<Map<string, ControlEntry[]>>;
  controlCursor(lane: string): Promise<string>;
  ackControl(lane: string, streamId: string): Promise<void>;
}

export interface ControlLoopOptions {
  port: ControlPort;
  /** The control keys (PRP ids) of the lanes driven now. */
  lanes(): string[];
  /** Applies one entry to the lane of `key` (serialised with the lane's other work by the caller). */
  apply(key: string, entry: ControlEntry): Promise<void>;
  signal: AbortSignal;
  log: Logger;
  /** Longest wait before the set of lanes is looked at again (ms). */
  blockMs?: number;
}

export async function runControlLoop(options: ControlLoopOptions): Promise<void> {
  const { port, signal, log } = options;
  const blockMs = options.blockMs ?? 1_000;
  const cursors = new Map<string, string>();
  while (!signal.aborted) {
    try {
      const live = new Set(options.lanes());
      for (const key of [...cursors.keys()]) if (!live.has(key)) cursors.delete(key);
      for (const key of live) if (!cursors.has(key)) cursors.set(key, await port.controlCursor(key));
      if (cursors.size === 0) {
        await sleep(blockMs, signal);
        continue;
      }
      const batches = await port.readControl(cursors, blockMs, signal);
      for (const [key, entries] of batches) {
        for (const entry of entries) {
          if (signal.aborted) return;
          await options.apply(key, entry);
          await port.ackControl(key, entry.streamId);
          cursors.set(key, entry.streamId);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      log.warn({ err: String(error) }, "lane control channel unreadable; trying again");
      await sleep(blockMs, signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // the listener goes with the timer: a loop with no lanes sleeps once a second for the stack's life
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
