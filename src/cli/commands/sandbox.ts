// `lanes sandbox`: runs a local GitHub (REST subset, bare git repos, an App, signed webhooks) until
// SIGINT / SIGTERM, and prints what a client needs to use it (with --json, exactly the env `lanes serve` needs).
import type { Command } from "commander";
import * as z from "zod";
import { UsageError } from "../../errors.js";
import { startSandbox, type SandboxInfo } from "../../sandbox/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { renderTable } from "../table.js";

const OptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(0),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  json: z.boolean().optional(),
});

function render(info: SandboxInfo): string {
  return [
    `sandbox GitHub API at ${info.api_url}`,
    `App ${info.app.id}, installation ${info.app.installation_id}, private key ${info.app.private_key_path}`,
    renderTable([
      ...info.repos.map((r) => ["repo", r.full_name, `clone ${r.clone_url}`]),
      ...info.users.map((u) => ["user", u.login, u.permission, `token ${u.token}`]),
    ]),
    "environment for `lanes serve`:",
    ...Object.entries(info.env).map(([k, v]) => `  ${k}=${v}`),
    "press Ctrl-C to stop",
  ].join("\n");
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for them. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export async function runSandbox(
  ctx: CliDeps,
  raw: Record<string, unknown>,
  stopped: () => Promise<unknown>,
): Promise<number> {
  const parsed = OptionsSchema.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(
      `invalid option: ${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  const sandbox = await startSandbox({
    port: parsed.data.port,
    webhookUrl: parsed.data.webhookUrl ?? null,
    log: ctx.log,
  });
  try {
    emit(ctx, sandbox.info(), { json: parsed.data.json, human: render });
    await stopped();
  } finally {
    await sandbox.close();
  }
  return 0;
}

export function registerSandbox(program: Command, ctx: CliDeps): void {
  program
    .command("sandbox")
    .description(
      "run a local GitHub (REST subset, bare git repos, an App, signed webhooks) until interrupted",
    )
    .option("--port <port>", "loopback port to listen on (default: a free one)")
    .option("--webhook-url <url>", "where to deliver signed webhooks (e.g. a `lanes serve` URL)")
    .option("--json", "print the sandbox's URLs, App, repos, users and env as JSON")
    .action(action(ctx, (opts: Record<string, unknown>) => runSandbox(ctx, opts, untilSignal)));
}
