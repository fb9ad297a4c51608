// The lane board: what each supervisor shows the dashboard about its lanes — one snapshot per lane (role,
// PRP, state, branch, PR, idle time, commits, tokens) and a capped stream of the agent's last pane lines.
// Snapshots hold no private paths or secrets; a change is also announced on the audit stream (type `lane`),
// which is what the dashboard's live feed follows.
import * as z from "zod";
import { AuditEntrySchema, type AuditEntry } from "./audit-log.js";
import type { StoreCore } from "./store-core.js";

const SpendSchema = z.object({ tokens: z.number(), costUsd: z.number() });

export const LaneSnapshotSchema = z.object({
  id: z.string(),
  /** The stack (tmux session) and runner host that run the lane. */
  stack: z.string(),
  host: z.string(),
  role: z.string(),
  issue: z.union([z.number(), z.string()]),
  title: z.string(),
  state: z.string(),
  branch: z.string(),
  pr: z.string().optional(),
  lastEvent: z.string().optional(),
  lastEventAt: z.number().optional(),
  startedAt: z.number(),
  commits: z.number(),
  restarts: z.number(),
  note: z.string().optional(),
  waitingFor: z.string().optional(),
  tokens: z.number(),
  costUsd: z.number(),
  /** Tokens and cost per UTC day (YYYY-MM-DD), for the charts. */
  days: z.record(z.string(), SpendSchema).default({}),
  /** When the supervisor last published this snapshot (ms). */
  updatedAt: z.number(),
});
export type LaneSnapshot = z.infer<typeof LaneSnapshotSchema>;

export interface LaneLogLine {
  /** Stream id, `<ms>-<seq>`. */
  id: string;
  text: string;
}

export interface LaneBoardLimits {
  /** Lines kept per lane (approximately: XADD MAXLEN ~). */
  logLines: number;
  /** Lanes the board lists, most recently updated first. */
  lanes: number;
  /** How long a lane's snapshot and log outlive its last update (s). */
  ttlSec: number;
}

export const DEFAULT_BOARD_LIMITS: LaneBoardLimits = { logLines: 500, lanes: 200, ttlSec: 7 * 24 * 3600 };

export function laneBoardKeys(prefix: string) {
  return {
    lanes: `${prefix}board:lanes`,
    lane: (id: string) => `${prefix}board:lane:${id}`,
    log: (id: string) => `${prefix}board:log:${id}`,
  };
}

export function makeLaneBoard(core: StoreCore, limits: LaneBoardLimits = DEFAULT_BOARD_LIMITS) {
  const keys = laneBoardKeys(core.prefix);

  return {
    /** Stores a lane's snapshot and announces it on the audit stream (`lane`, job = lane id, data = state). */
    async publishLane(snapshot: LaneSnapshot): Promise<void> {
      const valid = LaneSnapshotSchema.parse(snapshot);
      await core.call("publish lane", () =>
        core.redis
          .multi()
          .set(keys.lane(valid.id), JSON.stringify(valid), "EX", limits.ttlSec)
          .zadd(keys.lanes, valid.updatedAt, valid.id)
          .zremrangebyrank(keys.lanes, 0, -limits.lanes - 1)
          .xadd(core.keys.audit, "MAXLEN", "~", core.auditMaxLen, "*", ...laneAuditFields(valid))
          .exec(),
      );
    },
    /** Appends pane lines to the lane's capped log stream (one entry per line). */
    async appendLaneLog(id: string, lines: readonly string[]): Promise<void> {
      if (lines.length === 0) return;
      await core.call("append lane log", () => {
        const multi = core.redis.multi();
        for (const line of lines)
          multi.xadd(keys.log(id), "MAXLEN", "~", limits.logLines, "*", "line", line.slice(0, 2_000));
        return multi.expire(keys.log(id), limits.ttlSec).exec();
      });
    },
    /** Every lane on the board, most recently updated first; snapshots that fail the schema are skipped. */
    async listLaneSnapshots(): Promise<LaneSnapshot[]> {
      const ids = await core.call("ZREVRANGE", () => core.redis.zrevrange(keys.lanes, 0, limits.lanes - 1));
      if (ids.length === 0) return [];
      const values = await core.call("MGET", () => core.redis.mget(...ids.map((id) => keys.lane(id))));
      return values.flatMap((value) => {
        if (value === null) return [];
        try {
          const parsed = LaneSnapshotSchema.safeParse(JSON.parse(value));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      });
    },
    /** Every PRP's state as the App keeps it (`issue-state:<n>`), found with SCAN (bounded by `limit`). */
    async listPrpStates(limit = 2_000): Promise<{ issue: number; state: string }[]> {
      const match = `${core.prefix}issue-state:*`;
      const names: string[] = [];
      let cursor = "0";
      do {
        const [next, batch] = await core.call("SCAN", () =>
          core.redis.scan(cursor, "MATCH", match, "COUNT", 500),
        );
        cursor = next;
        names.push(...batch);
      } while (cursor !== "0" && names.length < limit);
      if (names.length === 0) return [];
      const values = await core.call("MGET", () => core.redis.mget(...names));
      return names.flatMap((name, i) => {
        const issue = Number(name.slice(match.length - 1));
        const state = values[i];
        return Number.isInteger(issue) && issue > 0 && state ? [{ issue, state }] : [];
      });
    },
    /** The newest `count` audit entries, newest first (XREVRANGE: no scan of the whole window). */
    async recentAudit(count = 40): Promise<AuditEntry[]> {
      const rows = await core.call("XREVRANGE", () =>
        core.redis.xrevrange(core.keys.audit, "+", "-", "COUNT", count),
      );
      return rows.flatMap(([id, flat]) => {
        const fields: Record<string, string> = {};
        for (let i = 0; i + 1 < flat.length; i += 2)
          if (flat[i + 1]) fields[flat[i] as string] = flat[i + 1] as string;
        const parsed = AuditEntrySchema.safeParse({ id, ...fields });
        return parsed.success ? [parsed.data] : [];
      });
    },
    /** The last `count` lines of a lane's log, oldest first. */
    async readLaneLog(id: string, count = 100): Promise<LaneLogLine[]> {
      const rows = await core.call("XREVRANGE", () =>
        core.redis.xrevrange(keys.log(id), "+", "-", "COUNT", count),
      );
      return rows.reverse().map(([entryId, flat]) => ({ id: entryId, text: fieldOf(flat, "line") }));
    },
  };
}

function laneAuditFields(lane: LaneSnapshot): string[] {
  return ["type", "lane", "at", String(lane.updatedAt), "job", lane.id, "data", lane.state];
}

/** The value of one field of a stream entry's flat [field, value, …] list. */
export function fieldOf(flat: readonly string[], name: string): string {
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] === name) return flat[i + 1] as string;
  return "";
}

export type LaneBoard = ReturnType<typeof makeLaneBoard>;
