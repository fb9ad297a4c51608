// The body of `lanes integrate`: reads settings, backlog and target, selects and plans the lanes, then
// (unless --dry-run) merges, validates, requeues, opens the PR or pushes, and returns the exit code.
import { UsageError } from "../../errors.js";
import type { GitRepo } from "../../git/git-repo.js";
import { applyIntegration } from "../../integrate/apply-integration.js";
import type { PrpFacts } from "../../integrate/backlog-lanes.js";
import { readRefsAndFile } from "../../git/read-refs-and-file.js";
import { configAt, integrationSettingsFrom } from "../../integrate/integration-settings.js";
import { integrationChanges, integrationTargetRefs } from "../../integrate/integration-target.js";
import { laneFromBranch } from "../../integrate/lane.js";
import { integrationBranch, isoDate, planIntegration } from "../../integrate/plan-integration.js";
import { emit, type CliDeps } from "../cli-deps.js";
import { tracked, withProgress, type Progress } from "../progress/progress.js";
import { githubRepoFrom, repoFullName, requireGithubRepo } from "./github-repo-option.js";
import { namedBranches, selectLanes } from "./integrate-lanes.js";
import type { IntegrateOptions } from "./integrate-options.js";
import {
  conflictNextSteps,
  dryRunView,
  renderPlan,
  renderResult,
  type IntegrateOutput,
} from "./integrate-render.js";
import { chooseTarget, targetRemote } from "./integrate-target.js";

// What only some runs need (GitHub, Redis, a backlog, a stack, a push) is imported when used: a plain
// `lanes integrate --branches …` loads neither Octokit nor ioredis.
export async function runIntegrate(ctx: CliDeps, opts: IntegrateOptions): Promise<number> {
  const github =
    opts.openPr || opts.redis
      ? requireGithubRepo(opts, opts.openPr ? "--open-pr" : "--redis")
      : githubRepoFrom(opts);
  const token = ctx.env.GITHUB_TOKEN;
  if (opts.openPr && !opts.dryRun && !token) throw new UsageError("--open-pr needs a token in GITHUB_TOKEN");
  const repo: GitRepo = { dir: opts.repo ?? ctx.cwd, env: ctx.env };
  const port =
    (opts.ready && opts.githubRepo) || (opts.openPr && !opts.dryRun)
      ? (await import("../../github/port-from-env.js")).githubPortFromEnv(
          ctx.env,
          ctx.log,
          opts.ready ? "--ready with --github-repo" : "--open-pr",
        )
      : undefined;
  const finish = await withProgress(ctx, { json: opts.json }, async (progress) => {
    const backlog = opts.backlog ? await import("../../integrate/backlog-lanes.js") : undefined;
    const date = opts.date ?? isoDate(new Date());
    const wanted = integrationBranch(date);
    // One git process answers the settings file, the target branch's free names, the base and the named
    // lanes (the plan reuses those); the backlog is read beside it.
    const [settings, prps, target, known] = await tracked(
      progress,
      "read",
      `settings at ${opts.base}${opts.backlog ? ", backlog" : ""}, target branch`,
      async () => {
        const refs = [
          opts.base,
          ...(opts.ready ? [] : namedBranches(opts)),
          ...integrationTargetRefs({ wanted, remote: targetRemote(opts) }),
        ];
        const [read, facts] = await Promise.all([
          readRefsAndFile(repo, refs, configAt(opts.base)),
          backlog && opts.backlog ? backlog.readBacklogFacts(opts.backlog) : new Map<string, PrpFacts>(),
        ]);
        const chosen = await chooseTarget(opts, repo, wanted, port, github, read.commits);
        return [integrationSettingsFrom(read.file, opts.base), facts, chosen, read.commits] as const;
      },
      ([, , t]) => t.branch,
    );
    ctx.trace("settings and target read");
    const selected = await tracked(
      progress,
      "select",
      opts.ready ? "lanes whose required gates passed" : "lanes named",
      () => selectLanes(ctx, opts, repo, settings, port, github),
      (set) => `${set.ready.length} ready${set.waiting.length > 0 ? `, ${set.waiting.length} waiting` : ""}`,
    );
    ctx.trace("lanes selected");
    const store =
      opts.redis && !opts.dryRun
        ? await (
            await import("../../state/open-state-store.js")
          ).openStateStore({ url: opts.redis, repo: github && repoFullName(github), log: ctx.log })
        : undefined;
    try {
      const queue =
        store && github
          ? (await import("../../integrate/state-queue.js")).stateQueue(store, repoFullName(github))
          : undefined;
      const lanes = await Promise.all(
        selected.ready.map(async ({ branch, commit }) => {
          const lane = laneFromBranch(branch);
          return {
            ...(backlog ? backlog.withPrp(lane, prps.get(lane.id)) : lane),
            ...(commit && { commit }),
            attempts: queue ? await queue.attemptsSoFar(lane.branch, opts.maxResolveAttempts) : lane.attempts,
          };
        }),
      );
      const prpValidation = lanes.flatMap((l) => prps.get(l.id)?.validation ?? []);
      const plan = await tracked(
        progress,
        "plan",
        opts.dryRun ? "plan and predict conflicts" : "plan the order",
        () =>
          planIntegration(repo, {
            base: opts.base,
            lanes,
            date,
            branch: target.branch,
            roleOrder: settings.roleOrder,
            validate: [...new Set([...settings.validation, ...opts.validate, ...prpValidation])],
            predictConflicts: opts.dryRun === true,
            resolved: known,
          }),
        (p) =>
          `${p.order.length} lane(s)${p.validate.length > 0 ? `, ${p.validate.length} validation command(s)` : ""}`,
      );
      ctx.trace("planned");
      if (opts.dryRun) {
        const value = dryRunView(plan, selected.waiting);
        return () => {
          emit(ctx, value, { json: opts.json, human: renderPlan });
          return value.predictedConflicts.length === 0 &&
            value.skipped.every((s) => s.kind === "already-merged")
            ? 0
            : 1;
        };
      }
      progress.start("merge", `merge onto ${opts.base}`);
      const result = await applyIntegration(plan, {
        onStep: applySteps(progress),
        log: ctx.log,
        env: ctx.env,
        maxResolveAttempts: opts.maxResolveAttempts,
        validationTimeoutMs: opts.validateTimeout === undefined ? undefined : opts.validateTimeout * 1000,
      });
      ctx.trace("applied");
      progress.finish("merge", result.conflicts.length > 0 ? "failed" : "done");
      progress.finish("validate", result.validation.every((v) => v.ok) ? "done" : "failed");
      progress.finish(
        "bisect",
        "done",
        result.culprits.length > 0 ? `${result.culprits.length} culprit(s)` : undefined,
      );
      for (const request of queue ? result.requeue : []) await queue?.requeue(request);
      const pr =
        opts.openPr && port && github
          ? await tracked(
              progress,
              "pr",
              "push and open the integration PR",
              async () =>
                (await import("../../integrate/open-integration-pr.js")).openIntegrationPr(repo, result, {
                  port,
                  github,
                  remote: opts.remote,
                }),
              (opened) => opened?.url,
            )
          : null;
      const pushed = opts.push === true && !pr && result.branch !== null;
      if (pushed)
        await tracked(progress, "push", `push ${result.branch} to ${opts.remote}`, async () =>
          (await import("../../git/push-branch.js")).pushBranch(repo, opts.remote, result.branch as string, {
            force: target.previous !== undefined,
          }),
        );
      const output: IntegrateOutput = {
        ...result,
        pr,
        requeued: queue ? result.requeue.length : 0,
        waiting: selected.waiting,
        ...(target.note && { branchNote: target.note }),
        ...(target.previous && {
          changedSince: {
            commit: target.previous.commit,
            ...integrationChanges(target.previous.lanes, result.merged),
          },
        }),
        pushed,
        nextSteps: conflictNextSteps(result, queue !== undefined),
      };
      return () => {
        emit(ctx, output, { json: opts.json, human: renderResult });
        ctx.trace("printed");
        return result.ok ? 0 : 1;
      };
    } finally {
      await store?.quit();
    }
  });
  return finish();
}

/** The apply step's news as progress steps: lanes merged, validation running, bisection. */
function applySteps(
  progress: Progress,
): (step: "merged" | "validating" | "bisecting", detail: string) => void {
  return (step, detail) => {
    if (step === "merged") progress.update("merge", { note: detail });
    else if (step === "validating") progress.start("validate", "validate the combination", { note: detail });
    else {
      progress.finish("validate", "failed");
      progress.start("bisect", "bisect", { note: detail });
    }
  };
}
