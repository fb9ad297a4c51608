// What the dashboard sees of this host's lanes: a lane's snapshot is published whenever it changes, and on
// the agent's hook events the last lines of its pane are captured, sanitised and appended to the lane's
// capped log stream. Captures follow events (at most one per lane per `minGapMs`, the last event always
// captured); a working lane whose agent sends no events (a long build, a long think) is also captured on
// the supervisor's tick once `periodicMs` (30 s) passed since its last capture. No timer of its own, and a
// lane that is not working costs nothing. Never fails a lane: errors are logged.
import type { Logger } from "../observe/logger.js";
import type { LaneSnapshot } from "../state/lane-board.js";
import type { LaneRecord } from "./lane-record.js";
import { sanitizeText } from "../text/sanitize.js";

/** The slice of the state store the watch writes to. */
export interface LaneBoardPort {
  publishLane(snapshot: LaneSnapshot): Promise<void>;
  appendLaneLog(id: string, lines: readonly string[]): Promise<void>;
}

export interface LaneWatchOptions {
  board: LaneBoardPort;
  /** Reads a pane's visible text (tmux capture-pane). */
  capture: (paneId: string) => Promise<string>;
  log: Logger;
  stack: string;
  host: string;
  now?: () => number;
  /** Least time between two captures of one lane (ms); default 1 s. */
  minGapMs?: number;
  /** A working lane is captured on a tick when this long passed since its last capture (ms); default 30 s. */
  periodicMs?: number;
  /** Most lines appended per capture. */
  maxLines?: number;
}

export interface LaneWatch {
  /** Publishes the lane's snapshot if it changed since the last one published; captures a working lane's
   * pane when `periodicMs` passed since its last capture. */
  seen(lane: LaneRecord): Promise<void>;
  /** An agent event: publish the snapshot, and capture the pane's new lines. */
  event(lane: LaneRecord): Promise<void>;
  stop(): void;
}

export function laneSnapshot(lane: LaneRecord, stack: string, host: string, now: number): LaneSnapshot {
  return {
    id: lane.id,
    stack,
    host,
    role: lane.role,
    issue: lane.issue,
    title: lane.title,
    state: lane.state,
    branch: lane.branch,
    ...(lane.pr ? { pr: lane.pr } : {}),
    ...(lane.lastEvent ? { lastEvent: lane.lastEvent } : {}),
    ...(lane.lastEventAt !== undefined ? { lastEventAt: lane.lastEventAt } : {}),
    startedAt: lane.startedAt,
    commits: lane.commits,
    restarts: lane.restarts,
    ...(lane.note ? { note: sanitizeText(lane.note).slice(0, 1_000) } : {}),
    ...(lane.waitingFor ? { waitingFor: sanitizeText(lane.waitingFor).slice(0, 500) } : {}),
    tokens: lane.usage?.tokens ?? 0,
    costUsd: lane.usage?.costUsd ?? 0,
    days: lane.usage?.days ?? {},
    updatedAt: now,
  };
}

/** The pane's lines, sanitised, without trailing blanks. */
export function paneLines(text: string): string[] {
  const lines = sanitizeText(text, { tabs: false })
    .split("\n")
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * The lines of `current` that were not on screen before: the screen scrolled (the end of `previous` is the
 * start of `current`) or grew; with no overlap at all, everything is new.
 */
export function newLines(previous: readonly string[], current: readonly string[]): string[] {
  for (let k = Math.min(previous.length, current.length); k > 0; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = previous[previous.length - k + i] === current[i];
    if (same) return current.slice(k);
  }
  return [...current];
}

export function createLaneWatch(options: LaneWatchOptions): LaneWatch {
  const now = options.now ?? Date.now;
  const minGapMs = options.minGapMs ?? 1_000;
  const periodicMs = options.periodicMs ?? 30_000;
  const maxLines = options.maxLines ?? 200;
  const published = new Map<string, string>();
  const screens = new Map<string, string[]>();
  const lastCapture = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const trailing = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const warn = (lane: string, what: string, error: unknown) =>
    options.log.warn({ lane, err: String(error) }, `dashboard: ${what} failed`);

  async function seen(lane: LaneRecord): Promise<void> {
    await publish(lane);
    // the first sight only starts the clock; the lane's first event captures it
    if (!firstSeen.has(lane.id)) firstSeen.set(lane.id, now());
    const last = lastCapture.get(lane.id) ?? firstSeen.get(lane.id) ?? now();
    if (lane.state === "working" && now() - last >= periodicMs && !trailing.has(lane.id)) await capture(lane);
  }

  async function publish(lane: LaneRecord): Promise<void> {
    const snapshot = laneSnapshot(lane, options.stack, options.host, now());
    const { updatedAt: _updatedAt, ...facts } = snapshot;
    const digest = JSON.stringify(facts);
    if (published.get(lane.id) === digest) return;
    published.set(lane.id, digest);
    await options.board.publishLane(snapshot).catch((error: unknown) => {
      published.delete(lane.id);
      warn(lane.id, "publishing the lane", error);
    });
  }

  async function capture(lane: LaneRecord): Promise<void> {
    lastCapture.set(lane.id, now());
    let text: string;
    try {
      text = await options.capture(lane.paneId);
    } catch {
      return; // the pane is gone: its last lines were captured on an earlier event
    }
    const lines = paneLines(text);
    const fresh = newLines(screens.get(lane.id) ?? [], lines).slice(-maxLines);
    screens.set(lane.id, lines);
    await options.board.appendLaneLog(lane.id, fresh).catch((error: unknown) => warn(lane.id, "log", error));
  }

  function scheduleCapture(lane: LaneRecord): Promise<void> {
    const wait = (lastCapture.get(lane.id) ?? -Infinity) + minGapMs - now();
    if (wait <= 0) return capture(lane);
    if (!trailing.has(lane.id)) {
      const timer = setTimeout(() => {
        trailing.delete(lane.id);
        if (!stopped) void capture(lane);
      }, wait);
      timer.unref();
      trailing.set(lane.id, timer);
    }
    return Promise.resolve();
  }

  return {
    seen,
    async event(lane) {
      await publish(lane);
      await scheduleCapture(lane);
    },
    stop() {
      stopped = true;
      for (const timer of trailing.values()) clearTimeout(timer);
      trailing.clear();
    },
  };
}
