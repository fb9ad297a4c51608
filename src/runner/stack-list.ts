// Every stack of this user recorded on this host (`lanes stack ls`) and the removal of stopped ones (`stack prune`):
// a stack's folder holds its record, lanes, events, logs and its own Redis data. Never touches a
// running stack, worktrees or branches.
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { stopStackRedis, stackRedisPid } from "../state/index.js";
import { listLanes, type LaneState } from "./lane-record.js";
import { readStackRecord } from "./stack-record.js";
import { stackPaths, stacksDir } from "./stack-paths.js";
import { stackRedisDir } from "./stack-redis-url.js";
import { Tmux } from "./tmux.js";

export interface StackSummary {
  name: string;
  /** Null when the record is unreadable (a stack from another Lanes version, a half-written file). */
  repo: string | null;
  running: boolean;
  /** The stack's own redis-server runs (stacks with a given Redis: false). */
  redisRunning: boolean;
  lanes: Partial<Record<LaneState, number>>;
  /** Lanes that could still go on after `stack resume`. */
  open: number;
  createdAt: number | null;
  dir: string;
}

const OPEN_STATES: readonly LaneState[] = ["starting", "working", "idle", "paused", "waiting", "finishing"];

async function summarise(env: NodeJS.ProcessEnv, name: string): Promise<StackSummary> {
  const paths = stackPaths(env, name);
  const record = await readStackRecord(paths.record, name).catch(() => null);
  const lanes: Partial<Record<LaneState, number>> = {};
  let open = 0;
  for (const lane of await listLanes(paths.lanes)) {
    lanes[lane.state] = (lanes[lane.state] ?? 0) + 1;
    if (OPEN_STATES.includes(lane.state)) open += 1;
  }
  return {
    name,
    repo: record?.repo ?? null,
    running: await new Tmux(paths.socket).hasSession(name),
    redisRunning: (await stackRedisPid(stackRedisDir(paths))) !== null,
    lanes,
    open,
    createdAt: record?.createdAt ?? null,
    dir: paths.dir,
  };
}

export async function listStacks(env: NodeJS.ProcessEnv): Promise<StackSummary[]> {
  const root = stacksDir(env);
  if (!existsSync(root)) return [];
  const names = (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  return Promise.all(names.sort().map((name) => summarise(env, name)));
}

export interface PruneResult {
  removed: string[];
  kept: { name: string; reason: string }[];
}

/**
 * Removes stopped stacks with no open lane (`all`: every stopped stack); their own redis-server, if it
 * still runs, is stopped first. `dryRun` only says what would go.
 */
export async function pruneStacks(
  env: NodeJS.ProcessEnv,
  options: { all?: boolean; dryRun?: boolean } = {},
): Promise<PruneResult> {
  const result: PruneResult = { removed: [], kept: [] };
  for (const stack of await listStacks(env)) {
    if (stack.running) {
      result.kept.push({ name: stack.name, reason: "running" });
      continue;
    }
    if (stack.open > 0 && !options.all) {
      result.kept.push({
        name: stack.name,
        reason: `${stack.open} open lane(s); \`lanes stack resume --name ${stack.name}\` continues them, --all removes them`,
      });
      continue;
    }
    if (!options.dryRun) {
      await stopStackRedis(stackRedisDir(stackPaths(env, stack.name)));
      await rm(stack.dir, { recursive: true, force: true });
    }
    result.removed.push(stack.name);
  }
  return result;
}
