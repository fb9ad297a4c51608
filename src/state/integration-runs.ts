// The last integrations of a repository as their runner reported them (branch, PR, lanes merged, conflicts,
// validation, whether the PR was merged), newest first, for the dashboard; each report is also an audit entry
// `integration`, so open pages redraw. Capped at 20 and expiring after 30 days: the integration PR is the record.
import * as z from "zod";
import { StateError } from "./errors.js";
import type { StoreCore } from "./store-core.js";

export const IntegrationRunSchema = z.object({
  at: z.number(),
  /** The integration branch written, or null when nothing was. */
  branch: z.string().nullable(),
  pr: z.string().nullable(),
  merged: z.boolean(),
  lanes: z.array(z.string()),
  conflicts: z.array(z.string()),
  validation: z.array(z.object({ command: z.string(), ok: z.boolean() })),
});
export type IntegrationRun = z.infer<typeof IntegrationRunSchema>;

const KEPT = 20;
const TTL_SEC = 30 * 24 * 3600;

export function makeIntegrationRuns(core: StoreCore) {
  const key = `${core.prefix}integrations`;
  return {
    async recordIntegration(run: IntegrationRun, actor?: string): Promise<void> {
      const valid = IntegrationRunSchema.parse(run);
      await core.call("LPUSH", async () => {
        await core.redis
          .multi()
          .lpush(key, JSON.stringify(valid))
          .ltrim(key, 0, KEPT - 1)
          .expire(key, TTL_SEC)
          .exec();
      });
      const fields = ["type", "integration", "at", String(core.clock.now())];
      if (actor) fields.push("actor", actor);
      const summary = `${valid.branch ?? "(nothing written)"}: ${valid.lanes.length} merged, ${valid.conflicts.length} conflicting${valid.merged ? ", PR merged" : ""}`;
      await core.call("XADD", () =>
        core.redis.xadd(core.keys.audit, "MAXLEN", "~", core.auditMaxLen, "*", ...fields, "data", summary),
      );
    },
    async recentIntegrations(limit = 5): Promise<IntegrationRun[]> {
      const raw = await core.call("LRANGE", () => core.redis.lrange(key, 0, limit - 1));
      return raw.map((text) => {
        const parsed = IntegrationRunSchema.safeParse(JSON.parse(text));
        if (!parsed.success) throw new StateError(`integration record is corrupt: ${parsed.error.message}`);
        return parsed.data;
      });
    },
  };
}
