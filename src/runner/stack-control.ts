// Reads and controls a running stack from outside: its status, messages to its agents, shutting it
// down. Everything goes through the stack's record, its lane records and its private tmux server.
import { watch } from "node:fs";
import { mkdir } from "node:fs/promises";
import { stopStackRedis } from "../state/index.js";
import { StackError } from "./errors.js";
import { ANSWERED_EVENT, appendLaneEvent, ensureEventLog } from "./lane-events.js";
import { listLanes, type LaneRecord } from "./lane-record.js";
import { readStackRecord, type StackRecord } from "./stack-record.js";
import { readHolds } from "./stack-holds.js";
import { stackPaths, type StackPaths } from "./stack-paths.js";
import { endStack, type EndedStack } from "./stack-end.js";
import { stackRedisDir } from "./stack-redis-url.js";
import { renderStackStatus, stackStatus, type StackStatus } from "./stack-status.js";
import { readSupervisorRestarts } from "./supervisor-restarts.js";
import { lastSupervisorError } from "./supervisor-last-error.js";
import { Tmux } from "./tmux.js";

export interface StackHandle {
  record: StackRecord;
  paths: StackPaths;
  tmux: Tmux;
}

export async function openStack(env: NodeJS.ProcessEnv, name: string): Promise<StackHandle> {
  const paths = stackPaths(env, name);
  const record = await readStackRecord(paths.record, name);
  return { record, paths, tmux: new Tmux(paths.socket) };
}

export async function readStackStatus(stack: StackHandle, now = Date.now()): Promise<StackStatus> {
  const lanes = await listLanes(stack.paths.lanes);
  const panes = await stack.tmux.listPanes(stack.record.name);
  const up = panes.some((p) => p.windowName === "supervisor" && !p.dead);
  const [restarts, holds, lastError] = await Promise.all([
    readSupervisorRestarts(stack.paths),
    readHolds(stack.paths.holds),
    up ? undefined : lastSupervisorError(stack.paths),
  ]);
  return stackStatus(stack.record.name, lanes, panes, now, restarts, {
    holds,
    ...(lastError === undefined ? {} : { lastError }),
  });
}

/** Re-renders whenever the event log or a lane record changes (inotify), never on a timer. */
export async function watchStackStatus(
  stack: StackHandle,
  render: (text: string) => void,
  signal: AbortSignal,
): Promise<void> {
  await ensureEventLog(stack.paths.events);
  // A fresh stack has no lane records yet; the folder must exist to be watched.
  await mkdir(stack.paths.lanes, { recursive: true });
  let pending: NodeJS.Timeout | undefined;
  const refresh = () => {
    if (pending) return;
    // coalesce a burst of events (a hook and the record it causes) into one redraw
    pending = setTimeout(() => {
      pending = undefined;
      void readStackStatus(stack).then(
        (s) => render(renderStackStatus(s)),
        () => undefined,
      );
    }, 100);
  };
  const watchers = [watch(stack.paths.events, refresh), watch(stack.paths.lanes, refresh)];
  // A removed stack folder ends the watch instead of crashing the status window.
  for (const w of watchers) w.on("error", () => undefined);
  refresh();
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  for (const w of watchers) w.close();
  if (pending) clearTimeout(pending);
}

/** The lanes a `lanes say` target names: a window (`developer-12`), a lane id, a role, or `all`. */
export function laneTargets(lanes: readonly LaneRecord[], target: string): LaneRecord[] {
  const live = lanes.filter((l) => ["starting", "working", "idle", "paused", "waiting"].includes(l.state));
  if (target === "all") return live;
  const exact = live.filter((l) => l.window === target || l.id === target);
  return exact.length > 0 ? exact : live.filter((l) => l.role === target);
}

export interface SayResult {
  sent: string[];
  skipped: { window: string; reason: string }[];
}

/**
 * Pastes a (sanitised) message into every targeted agent pane. A lane waiting on a question takes it as the
 * answer: the supervisor hears so through the event log, closes the question and reports the PRP active.
 */
export async function sayToLanes(stack: StackHandle, target: string, message: string): Promise<SayResult> {
  const all = await listLanes(stack.paths.lanes);
  const lanes = laneTargets(all, target);
  // the lane exists but its agent is gone: say so, rather than that nothing matches
  const ended = all.filter((l) => l.window === target || l.id === target).at(-1);
  if (lanes.length === 0 && ended)
    throw new StackError(
      `lane ${ended.window} is ${ended.state}: no agent runs in it to hear a message; see \`lanes stack status --name ${stack.record.name}\``,
    );
  if (lanes.length === 0)
    throw new StackError(
      `no live lane in stack ${stack.record.name} matches "${target}"; see \`lanes stack status --name ${stack.record.name}\``,
    );
  const result: SayResult = { sent: [], skipped: [] };
  for (const lane of lanes) {
    try {
      await stack.tmux.sendText(lane.paneId, message);
      result.sent.push(lane.window);
      if (lane.state === "waiting")
        await appendLaneEvent(stack.paths.events, { lane: lane.id, event: ANSWERED_EVENT, at: Date.now() });
    } catch (error) {
      result.skipped.push({
        window: lane.window,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}

/**
 * Ends the stack: its tmux server, every agent, the supervisor and the keeper, and what they started;
 * leases lapse and the queue re-offers the jobs. The stack's own redis-server, when it has one, stops
 * after them (its AOF keeps the queue for `resume`).
 */
export async function stackDown(stack: StackHandle): Promise<EndedStack & { redisStopped: boolean }> {
  const ended = await endStack(stack.tmux, stack.record.name);
  const redisStopped = stack.record.redisManaged && (await stopStackRedis(stackRedisDir(stack.paths)));
  return { ...ended, redisStopped };
}
