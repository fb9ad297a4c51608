// The audit stream: every command, transition, message and job step, capped (XADD MAXLEN ~), read back validated.
import * as z from "zod";
import type { StoreCore } from "./store-core.js";

export const AuditEntrySchema = z.object({
  /** Stream id, `<ms>-<seq>` (server time). */
  id: z.string(),
  type: z.string(),
  /** Clock time of the step (ms). */
  at: z.coerce.number(),
  job: z.string().optional(),
  actor: z.string().optional(),
  data: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditRecord {
  type: string;
  actor?: string;
  job?: string;
  /** Free text or JSON; keep secrets out (it is shown by `lanes audit`). */
  data?: string;
}

export interface AuditQuery {
  /** Entries at or after this time (ms since the epoch). */
  since?: number;
  limit?: number;
}

export function makeAuditLog(core: StoreCore) {
  const { keys } = core;
  return {
    async appendAudit(record: AuditRecord): Promise<string> {
      const fields: string[] = ["type", record.type, "at", String(core.clock.now())];
      if (record.job) fields.push("job", record.job);
      if (record.actor) fields.push("actor", record.actor);
      if (record.data) fields.push("data", record.data);
      const id = await core.call("XADD", () =>
        core.redis.xadd(keys.audit, "MAXLEN", "~", core.auditMaxLen, "*", ...fields),
      );
      return id ?? "";
    },
    async readAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
      const start = query.since === undefined ? "-" : String(Math.max(0, Math.floor(query.since)));
      const limit = query.limit ?? 1_000;
      const rows = await core.call("XRANGE", () => core.redis.xrange(keys.audit, start, "+", "COUNT", limit));
      return rows.map(([id, flat]) => {
        const fields: Record<string, string> = {};
        for (let i = 0; i + 1 < flat.length; i += 2) {
          const value = flat[i + 1] as string;
          if (value !== "") fields[flat[i] as string] = value;
        }
        return AuditEntrySchema.parse({ id, ...fields });
      });
    },
  };
}
