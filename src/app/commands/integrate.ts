// `/lanes integrate [--dry-run]`: starts the integration of the lanes that are ready now — open lane PRs whose
// required gates succeeded and nobody holds — by dispatching the lanes-integrate workflow on the default
// branch (the App has no checkout). The reply lists what is ready and what waits, and links the run; with
// nothing ready, nothing is started. The run reads readiness again, so a lane that changed meanwhile is judged then.
import * as z from "zod";
import { requiredGateChecks } from "../../integrate/integration-settings.js";
import { readyFromGitHub, type ReadySet } from "../../integrate/ready-from-github.js";
import { readRepoConfig } from "../team/repo-config.js";
import { defineCommand } from "./command.js";
import { INTEGRATE_WORKFLOW, runLink, startWorkflow } from "./start-workflow.js";

const Args = z
  .string()
  .trim()
  .regex(/^(--dry-run)?$/i, "integrate takes only `--dry-run`")
  .transform((rest) => rest !== "");

/** At most this many lanes are listed by name in the reply. */
const LISTED = 20;

export const integrate = defineCommand({
  summary: "integrate the lanes whose gates passed (lanes-integrate workflow); `--dry-run` only plans",
  usage: "integrate [--dry-run]",
  args: Args,
  async run(ctx, dryRun) {
    const { github, repo } = ctx.deps;
    const [base, config] = await Promise.all([github.defaultBranch(repo), readRepoConfig(ctx.deps)]);
    const set = await readyFromGitHub(github, repo, { base, required: requiredGateChecks(config) });
    if (set.ready.length === 0)
      return {
        reply: ["No lane is ready to integrate; nothing was started.", ...waitingLines(set)].join("\n"),
      };
    const run = await startWorkflow(ctx.deps, INTEGRATE_WORKFLOW, base, integrateInputs(dryRun));
    const what = dryRun
      ? "A dry run of the integration (the plan only; nothing is pushed)"
      : "The integration";
    return {
      reply: [
        `${what} of ${set.ready.length} ready lane${set.ready.length === 1 ? "" : "s"} onto \`${base}\` started: ${runLink(run, INTEGRATE_WORKFLOW)}.`,
        ...set.ready.slice(0, LISTED).map((lane) => `- ${laneName(lane)}`),
        ...more(set.ready.length),
        ...waitingLines(set),
      ].join("\n"),
    };
  },
});

/** The lanes-integrate workflow_dispatch inputs (the workflow declares exactly these). */
export function integrateInputs(dryRun: boolean): Record<string, string> {
  return { dry_run: String(dryRun) };
}

function laneName(lane: { branch: string; pr?: number }): string {
  return `${lane.pr === undefined ? "" : `#${lane.pr} `}\`${lane.branch}\``;
}

function waitingLines(set: ReadySet): string[] {
  if (set.waiting.length === 0) return [];
  return [
    "",
    "Waiting:",
    ...set.waiting.slice(0, LISTED).map((lane) => `- ${laneName(lane)}: ${lane.reason}`),
    ...more(set.waiting.length),
  ];
}

function more(count: number): string[] {
  return count > LISTED ? [`- … and ${count - LISTED} more`] : [];
}
