// What the supervisor remembers about a lane on this host, one JSON file per lane under the stack's
// directory, so a restarted supervisor (or `stack resume`) finds windows, sessions and progress.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as z from "zod";
import { FAILURE_CAUSES } from "./failure-cause.js";

export const LANE_STATES = [
  "starting",
  "working",
  "idle",
  "paused",
  "waiting",
  /** The agent is done; pushing the branch (or opening the PR) failed and is retried, never the agent. */
  "finishing",
  "done",
  "blocked",
  "failed",
  "lost",
] as const;
export const LaneStateSchema = z.enum(LANE_STATES);
export type LaneState = z.infer<typeof LaneStateSchema>;

const TokenCountsSchema = z.object({
  input: z.number(),
  output: z.number(),
  cacheRead: z.number(),
  cacheWrite: z.number(),
});
const SpendSchema = z.object({ tokens: z.number(), costUsd: z.number() });

/** Tokens and cost from the lane's transcript (see transcript-usage.ts). */
export const LaneUsageSchema = SpendSchema.extend({
  models: z.record(z.string(), TokenCountsSchema),
  days: z.record(z.string(), SpendSchema),
});

/** A claim's lease as it is kept on disk (the lane record and a pending claim). */
export const LaneLeaseSchema = z.object({
  jobId: z.string(),
  token: z.string(),
  host: z.string(),
  agent: z.string(),
  leaseUntil: z.number(),
});

export const LaneRecordSchema = z.object({
  id: z.string(),
  role: z.string(),
  issue: z.union([z.number(), z.string()]),
  title: z.string(),
  branch: z.string(),
  worktree: z.string(),
  window: z.string(),
  paneId: z.string(),
  state: LaneStateSchema,
  /** Chosen by Lanes when the lane opens (`--session-id`), continued with `--resume`. */
  sessionId: z.string(),
  /** The session has a conversation (the agent was briefed), so a restart resumes it. */
  sessionUsed: z.boolean().default(false),
  /** The agent's transcript (Claude Code JSONL), from its hooks: tokens are counted from it. */
  transcriptPath: z.string().optional(),
  briefFile: z.string(),
  settingsFile: z.string(),
  permissionMode: z.string().default("dontAsk"),
  /** What the agent waits on (state `waiting`): its question (.lanes/blocked) or a permission request. */
  waitingFor: z.string().optional(),
  briefed: z.boolean(),
  restarts: z.number().int().nonnegative(),
  startedAt: z.number(),
  lastEvent: z.string().optional(),
  lastEventAt: z.number().optional(),
  lastCommitAt: z.number().optional(),
  commits: z.number().int().nonnegative().default(0),
  nudgedAt: z.number().optional(),
  pausedUntil: z.number().optional(),
  limitAttempts: z.number().int().nonnegative().default(0),
  limitLinesSeen: z.number().int().nonnegative().default(0),
  note: z.string().optional(),
  /** Why the agent last died (from its pane's last lines), and those lines, sanitised. */
  cause: z.enum(FAILURE_CAUSES).optional(),
  lastLines: z.string().optional(),
  pr: z.string().optional(),
  /** Branches of dependency lanes merged into this lane when it opened (stacked lanes). */
  stackedOn: z.array(z.string()).optional(),
  /** State `finishing`: the agent's summary, failed finish attempts, and when the next one runs. */
  summary: z.string().optional(),
  finishAttempts: z.number().int().nonnegative().optional(),
  finishAt: z.number().optional(),
  model: z.string().optional(),
  usage: LaneUsageSchema.optional(),
  /** The claim's lease, so a restarted supervisor on this host keeps heartbeating it. */
  lease: LaneLeaseSchema,
});
export type LaneRecord = z.infer<typeof LaneRecordSchema>;

export async function saveLane(file: string, lane: LaneRecord): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(lane, null, 2)}\n`);
  await rename(tmp, file);
}

export async function loadLane(file: string): Promise<LaneRecord | undefined> {
  if (!existsSync(file)) return undefined;
  const parsed = LaneRecordSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  return parsed.success ? parsed.data : undefined;
}

/** Every readable lane record in a stack's lanes directory. */
export async function listLanes(dir: string): Promise<LaneRecord[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  const lanes: LaneRecord[] = [];
  for (const name of names) {
    try {
      const lane = await loadLane(join(dir, name));
      if (lane) lanes.push(lane);
    } catch {
      // a half-written or foreign file is not a lane
    }
  }
  return lanes.sort((a, b) => a.startedAt - b.startedAt);
}
