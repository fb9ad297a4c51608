// `lanes doctor`: checks that the tools a runner host needs are installed, and says what to install.
import { execFile } from "node:child_process";
import type { Command } from "commander";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { renderTable } from "../table.js";

interface ToolCheck {
  tool: string;
  required: boolean;
  ok: boolean;
  version: string | null;
  hint: string;
}

const TOOLS: readonly { tool: string; args: string[]; required: boolean; hint: string }[] = [
  { tool: "git", args: ["--version"], required: true, hint: "install git (scripts/bootstrap does)" },
  { tool: "tmux", args: ["-V"], required: true, hint: "install tmux (scripts/bootstrap does)" },
  {
    tool: "redis-server",
    args: ["--version"],
    required: true,
    hint: "install redis-server, or point REDIS_URL at a Redis",
  },
  {
    tool: "claude",
    args: ["--version"],
    required: false,
    hint: "install Claude Code (npm i -g @anthropic-ai/claude-code) to run real agents; the script agent works without it",
  },
];

function probe(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(tool, args, { env, timeout: 5_000 }, (error, stdout) => {
      resolve(error ? null : (stdout.trim().split("\n")[0] ?? ""));
    });
  });
}

export async function runDoctor(env: NodeJS.ProcessEnv): Promise<ToolCheck[]> {
  return Promise.all(
    TOOLS.map(async ({ tool, args, required, hint }) => {
      const version = await probe(tool, args, env);
      return { tool, required, ok: version !== null, version, hint };
    }),
  );
}

function render(checks: ToolCheck[]): string {
  return renderTable(
    checks.map((c) => [
      c.ok ? "ok" : c.required ? "MISSING" : "absent",
      c.tool,
      (c.ok ? c.version : c.hint) ?? "",
    ]),
    { gap: 1 },
  );
}

export function registerDoctor(program: Command, ctx: CliDeps): void {
  program
    .command("doctor")
    .description("check that git, tmux, redis-server (and optionally claude) are installed")
    .option("--json", "print the checks as JSON")
    .action(
      action(ctx, async (opts: { json?: boolean }) => {
        const checks = await runDoctor(ctx.env);
        emit(
          ctx,
          { ok: checks.every((c) => c.ok || !c.required), checks },
          { json: opts.json, human: (v) => render(v.checks) },
        );
        return checks.every((c) => c.ok || !c.required) ? 0 : 1;
      }),
    );
}
