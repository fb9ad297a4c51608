// `lanes audit [--since T] [--json]`: the audit stream of commands, transitions, messages and job steps.
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import type { AuditEntry } from "../../state/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { addStateOptions, withStateStore, type StateOptions } from "./state-options.js";
import { renderTable } from "../table.js";

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30m", "2h", "7d" (ago), an ISO date/time, or epoch milliseconds → epoch milliseconds. */
export function parseSince(text: string, now: number): number {
  const relative = /^(\d+)([smhd])$/.exec(text);
  if (relative) return now - Number(relative[1]) * (UNIT_MS[relative[2] as string] as number);
  if (/^\d{10,}$/.test(text)) return Number(text);
  const parsed = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(parsed)) return parsed;
  throw new UsageError(
    `--since "${text}" is not a time; use 30m, 2h, 7d, an ISO date like 2026-05-01T12:00Z, or epoch ms`,
  );
}

function render(entries: AuditEntry[]): string {
  if (entries.length === 0) return "no audit entries";
  return renderTable(
    entries.map((e) => [new Date(e.at).toISOString(), e.type, e.job ?? "-", e.actor ?? "-", e.data ?? ""]),
  );
}

export function registerAudit(program: Command, ctx: CliDeps): void {
  addStateOptions(program.command("audit"))
    .description("show the audit stream: commands, state transitions, messages, job steps")
    .option("--since <time>", "only entries since then: 30m, 2h, 7d, an ISO date, or epoch ms")
    .option("--limit <n>", "at most n entries (default 1000)", (v: string) => {
      if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--limit takes a positive number, not "${v}"`);
      return Number(v);
    })
    .option("--json", "print as JSON")
    .action(
      action(ctx, (opts: StateOptions & { since?: string; limit?: number; json?: boolean }) => {
        const since = opts.since === undefined ? undefined : parseSince(opts.since, Date.now());
        return withStateStore(ctx, opts, async (store) => {
          emit(ctx, await store.readAudit({ since, limit: opts.limit }), { json: opts.json, human: render });
          return 0;
        });
      }),
    );
}
