// `lanes stack ls` and `lanes stack prune`: the stacks recorded on this host, and removing stopped ones.
import type { Command } from "commander";
import { listStacks, pruneStacks, type StackSummary } from "../../runner/stack-list.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { renderTable } from "../table.js";

function renderStacks(stacks: StackSummary[]): string {
  if (stacks.length === 0) return "no stacks on this host";
  return renderTable(
    stacks.map((s) => [
      s.name,
      s.running ? "running" : s.redisRunning ? "stopped (its redis-server runs)" : "stopped",
      Object.entries(s.lanes)
        .map(([state, n]) => `${n} ${state}`)
        .join(", ") || "none",
      s.repo ?? "(unreadable record)",
    ]),
    { header: ["NAME", "STATE", "LANES", "REPO"] },
  );
}

export function registerStackLs(stack: Command, ctx: CliDeps): void {
  stack
    .command("ls")
    .description("list the stacks on this host: running or stopped, their lanes and repository")
    .option("--json", "print the stacks as JSON")
    .action(
      action(ctx, async (opts: { json?: boolean }) => {
        emit(ctx, await listStacks(ctx.env), { json: opts.json, human: renderStacks });
        return 0;
      }),
    );

  stack
    .command("prune")
    .description("remove stopped stacks with no open lane (records, logs, their own Redis data)")
    .option("--all", "also remove stopped stacks whose lanes could still be resumed")
    .option("--dry-run", "say what would be removed, remove nothing")
    .option("--json", "print the result as JSON")
    .action(
      action(ctx, async (opts: { all?: boolean; dryRun?: boolean; json?: boolean }) => {
        const result = await pruneStacks(ctx.env, { all: opts.all, dryRun: opts.dryRun });
        emit(ctx, result, {
          json: opts.json,
          human: (r) =>
            [
              r.removed.length === 0
                ? "nothing to remove"
                : `${opts.dryRun ? "would remove" : "removed"}: ${r.removed.join(", ")}`,
              ...r.kept.map((k) => `kept ${k.name}: ${k.reason}`),
            ].join("\n"),
        });
        return 0;
      }),
    );
}
