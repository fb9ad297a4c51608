// Gate attempts per PRP: every completed `lanes/*` check run of its lane (or a local `lanes gate` run the
// demo reports), kept so the dashboard and /metrics can tell the first-try pass rate (every gate green on the
// lane's first head commit) and gate durations. One hash per PRP (field = run id, so a redelivered or
// repeated report counts once) and a sorted set of PRPs by their last gate result. Working memory only:
// the check runs on GitHub are the record.
import * as z from "zod";
import { StateError } from "./errors.js";
import type { StoreCore } from "./store-core.js";

export const GateRunSchema = z.object({
  /** The check run's id on GitHub, or a local run's own id (`local-…`). */
  id: z.string().min(1),
  issue: z.number().int().positive(),
  /** The check run's name, `lanes/<gate>`. */
  gate: z.string().min(1),
  sha: z.string().min(1),
  conclusion: z.string().min(1),
  branch: z.string(),
  /** When the run completed (ms since the epoch), and how long it took when known. */
  at: z.number(),
  durationMs: z.number().nonnegative().nullable(),
  url: z.string().optional(),
});
export type GateRun = z.infer<typeof GateRunSchema>;

/** Conclusions that let a lane through: a neutral (optional gate) or skipped gate does not fail it. */
export const PASSING_CONCLUSIONS = new Set(["success", "neutral", "skipped"]);

export interface GateSummary {
  issue: number;
  /** The lane's first head commit (the commit of its earliest run) and the latest one. */
  firstSha: string;
  headSha: string;
  /** When the first gate result arrived (ms). */
  firstAt: number;
  /** Every gate's first result on the first head commit passed. */
  firstTryPass: boolean;
  /** Runs per gate, over every commit. */
  attempts: Record<string, number>;
  /** Each gate's latest conclusion on the head commit. */
  latest: Record<string, string>;
  /** Every run, oldest first. */
  runs: GateRun[];
}

const byTime = (a: GateRun, b: GateRun) => a.at - b.at || a.id.localeCompare(b.id);

/** What a PRP's runs say (pure); undefined without runs. */
export function summarizeGateRuns(issue: number, runs: readonly GateRun[]): GateSummary | undefined {
  const ordered = [...runs].sort(byTime);
  const first = ordered[0];
  const last = ordered.at(-1);
  if (!first || !last) return undefined;
  const firstResults = new Map<string, string>();
  const attempts: Record<string, number> = {};
  const latest: Record<string, string> = {};
  for (const run of ordered) {
    attempts[run.gate] = (attempts[run.gate] ?? 0) + 1;
    if (run.sha === first.sha && !firstResults.has(run.gate)) firstResults.set(run.gate, run.conclusion);
    if (run.sha === last.sha) latest[run.gate] = run.conclusion;
  }
  return {
    issue,
    firstSha: first.sha,
    headSha: last.sha,
    firstAt: first.at,
    firstTryPass: [...firstResults.values()].every((c) => PASSING_CONCLUSIONS.has(c)),
    attempts,
    latest,
    runs: ordered,
  };
}

const RUN_TTL_SEC = 30 * 24 * 3600;

export function makeGateRuns(core: StoreCore) {
  const runsKey = (issue: number) => `${core.prefix}gate-runs:${issue}`;
  const indexKey = `${core.prefix}gate-prps`;

  async function gateRuns(issue: number): Promise<GateRun[]> {
    const hash = await core.call("HGETALL", () => core.redis.hgetall(runsKey(issue)));
    return Object.entries(hash).map(([id, value]) => {
      const parsed = GateRunSchema.safeParse(JSON.parse(value));
      if (!parsed.success)
        throw new StateError(`gate run ${id} of #${issue} is corrupt: ${parsed.error.message}`);
      return parsed.data;
    });
  }

  return {
    /** Keeps one gate result; false when this run was recorded before (a redelivery changes nothing). */
    async recordGateRun(run: GateRun): Promise<boolean> {
      const valid = GateRunSchema.parse(run);
      const key = runsKey(valid.issue);
      const added = await core.call("HSETNX", () => core.redis.hsetnx(key, valid.id, JSON.stringify(valid)));
      if (added === 0) return false;
      await core.call("MULTI", async () => {
        await core.redis
          .multi()
          .expire(key, RUN_TTL_SEC)
          .zadd(indexKey, valid.at, String(valid.issue))
          .zremrangebyscore(indexKey, "-inf", valid.at - RUN_TTL_SEC * 1000)
          .exec();
      });
      return true;
    },
    gateRuns,
    /** The summaries of the PRPs with a gate result at or after `since` (ms), at most `limit`, newest first. */
    async recentGateSummaries(since: number, limit = 500): Promise<GateSummary[]> {
      const issues = await core.call("ZREVRANGEBYSCORE", () =>
        core.redis.zrevrangebyscore(indexKey, "+inf", since, "LIMIT", 0, limit),
      );
      const summaries: GateSummary[] = [];
      for (const issue of issues.map(Number).filter((n) => Number.isInteger(n) && n > 0)) {
        const summary = summarizeGateRuns(issue, await gateRuns(issue));
        if (summary) summaries.push(summary);
      }
      return summaries;
    },
  };
}
