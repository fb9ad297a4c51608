// `lanes demo`: runs the whole lifecycle on this machine against a local GitHub, and says what it did.
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { renderDemoReport } from "../demo/demo-report.js";
import { runDemo } from "../demo/run-demo.js";
import { packageRoot } from "../package-root.js";
import { PROGRESS_HELP, withProgress } from "../progress/progress.js";

interface DemoCliOptions {
  backlog?: string;
  project?: string;
  keep?: boolean;
  timeout: string;
  json?: boolean;
}

export function registerDemo(program: Command, ctx: CliDeps): void {
  program
    .command("demo")
    .description(
      "run the lifecycle end to end, offline: PRPs filed as issues on a local GitHub, built by script agents in tmux lanes, gated as check runs, integrated in order",
    )
    .option("--backlog <dir>", "the PRPs to build (default: examples/demo/backlog)")
    .option("--project <dir>", "the project the agents work on (default: examples/demo/repo)")
    .option("--keep", "keep the workspace (clones, worktrees, stack files) and print where it is")
    .option("--timeout <seconds>", "how long the lanes may take", "300")
    .option("--json", "print the report as JSON (progress lines go to stderr)")
    .addHelpText("after", PROGRESS_HELP)
    .action(
      action(ctx, async (opts: DemoCliOptions) => {
        const timeout = Number(opts.timeout);
        if (!Number.isFinite(timeout) || timeout <= 0)
          throw new UsageError(`--timeout ${opts.timeout}: expected a number of seconds > 0`);
        const examples = join(packageRoot(), "examples", "demo");
        // progress lines go to stderr with --json, so stdout stays one JSON value
        const plain = (line: string) => (opts.json ? ctx.io.stderr : ctx.io.stdout)(`${line}\n`);
        const report = await withProgress(ctx, { json: opts.json, plain }, (progress) =>
          runDemo({
            project: resolve(ctx.cwd, opts.project ?? join(examples, "repo")),
            backlog: resolve(ctx.cwd, opts.backlog ?? join(examples, "backlog")),
            keep: opts.keep ?? false,
            timeoutMs: timeout * 1000,
            env: ctx.env,
            log: ctx.log,
            progress,
          }),
        );
        emit(ctx, report, { json: opts.json, human: renderDemoReport });
        return report.ok ? 0 : 1;
      }),
    );
}
