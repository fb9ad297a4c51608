// `lanes gate NAME | --all`: runs gates on a local lane by the same code path as the check runs
// (collect input → gate → result), prints one result or a table, and with --publish reports each gate as
// the check run `lanes/<gate>` through the GitHub port. With --pr the PRP, PR body and merged dependencies
// come from GitHub (see src/gates/pr-facts.ts). Exit 0 pass, 1 a required gate failed, 2 usage.
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_CONFIG_FILE, loadConfig, readConfigFile, type LanesConfig } from "../../config/index.js";
import { showFile } from "../../git/show-file.js";
import { UsageError } from "../../errors.js";
import { collectInput } from "../../gates/collect-input.js";
import { gateConfigFrom } from "../../gates/gate-config.js";
import { publishGate, type PublishTarget } from "../../gates/publish.js";
import { checkRunName, gateMode, isGateName, runGate } from "../../gates/registry.js";
import {
  GATE_NAMES,
  type GateConfig,
  type GateInput,
  type GateName,
  type GatePrp,
} from "../../gates/types.js";
import type { RepoRef } from "../../github/github-port.js";
import { gitText } from "../../git/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { githubPortFromEnv } from "../../github/index.js";
import { gatePrFacts, prNumber } from "./gate-pr.js";
import { loadGatePrp } from "./gate-prp.js";
import { renderAll, renderGate, type AllGatesReport, type GateReport } from "./gate-report.js";
import {
  githubRepoFrom,
  githubRepoOption,
  requireGithubRepo,
  type GithubRepoOptions,
} from "./github-repo-option.js";

interface GateOptions extends GithubRepoOptions {
  all?: boolean;
  dir?: string;
  base: string;
  branch?: string;
  prp?: string;
  json?: boolean;
  publish?: boolean;
  sha?: string;
  pr?: string;
}

function gatesToRun(name: string | undefined, opts: GateOptions, config: GateConfig): GateName[] {
  if (opts.all && name !== undefined)
    throw new UsageError(`give a gate name or --all, not both (got "${name}" and --all)`);
  if (opts.all) return GATE_NAMES.filter((gate) => gateMode(gate, config) !== "off");
  if (name === undefined) throw new UsageError(`name a gate (${GATE_NAMES.join(", ")}) or pass --all`);
  if (!isGateName(name))
    throw new UsageError(`unknown gate "${name}"; valid gates: ${GATE_NAMES.join(", ")}`);
  return [name];
}

/** Where --publish reports: the commit the worktree has checked out (--sha, else the PR's head, else HEAD). */
async function publishTarget(
  repo: RepoRef,
  wanted: { sha: string; from: string } | undefined,
  dir: string,
): Promise<PublishTarget & { fullName: string }> {
  const head = await gitText(["rev-parse", "--verify", "HEAD^{commit}"], { cwd: dir });
  const sha =
    wanted === undefined
      ? head
      : await gitText(["rev-parse", "--verify", `${wanted.sha}^{commit}`], { cwd: dir });
  // The gates read the worktree (validation runs in it), so the results belong to its commit only.
  if (sha !== head)
    throw new UsageError(
      `${wanted?.from ?? "--sha"} ${wanted?.sha ?? ""} is not the commit checked out in ${dir} (${head}); check it out first`,
    );
  return { ...repo, headSha: sha, fullName: `${repo.owner}/${repo.repo}` };
}

const skipped = (gate: GateName, mode: string): GateReport => ({
  gate: checkRunName(gate),
  mode,
  conclusion: "skipped",
  title: "Gate is off",
  summary: "This gate is off in the configuration.",
  annotations: [],
});

/**
 * The lanes.yml the gates obey. For a PR (--pr) or a published check run, it is the base's: a lane
 * must not be able to switch off its own gates by editing the file on its branch.
 */
async function laneConfig(dir: string, opts: GateOptions): Promise<LanesConfig> {
  if (opts.pr === undefined && !opts.publish)
    return (await readConfigFile(resolve(dir, DEFAULT_CONFIG_FILE), { required: false })).config;
  const text = await showFile(dir, opts.base, DEFAULT_CONFIG_FILE);
  return loadConfig(text ?? "", { file: `${opts.base}:${DEFAULT_CONFIG_FILE}` });
}

export function registerGate(program: Command, ctx: CliDeps): void {
  program
    .command("gate")
    .description(
      `run quality gates (${GATE_NAMES.join(", ")}) on a local lane, optionally publishing them as check runs`,
    )
    .argument("[name]", "the gate to run (or --all)")
    .option("--all", "run every gate that is not off and print one table")
    .option("--dir <dir>", "the lane's worktree (default: the current directory)")
    .option("--base <ref>", "the base the lane branched from", "main")
    .option(
      "--branch <name>",
      "the lane's branch name (default: the checked-out branch; needed on a detached HEAD)",
    )
    .option(
      "--pr <number>",
      'the lane\'s pull request: its PRP issue ("Closes #n" or the branch name), body and merged dependencies are read from GitHub (with --github-repo)',
    )
    .option(
      "--prp <file>",
      "the lane's PRP: markdown, or the output of `lanes prp parse FILE --json` (overrides the PRP --pr finds)",
    )
    .option(
      "--publish",
      "publish each result as the check run lanes/<gate> (token from GITHUB_TOKEN, API from GITHUB_API_URL)",
    )
    .addOption(githubRepoOption("the repository to publish to and read --pr from"))
    .option(
      "--sha <sha>",
      "the commit to publish on; must be the worktree's HEAD (default: the PR's head with --pr, else HEAD)",
    )
    .option("--json", "print the result as JSON")
    .action(
      action(ctx, async (name: string | undefined, opts: GateOptions) => {
        const dir = resolve(ctx.cwd, opts.dir ?? ".");
        // The lane's own .github/lanes.yml, as the check run would read it; defaults when absent.
        const config = gateConfigFrom(await laneConfig(dir, opts));
        const gates = gatesToRun(name, opts, config);
        const pr = opts.pr === undefined ? undefined : prNumber(opts.pr);
        // A bare RepoRef: the port passes its fields on to GitHub.
        const repo: RepoRef | undefined =
          opts.publish || pr !== undefined
            ? requireGithubRepo(opts, opts.publish ? "--publish" : "--pr")
            : githubRepoFrom(opts);
        const port = repo
          ? githubPortFromEnv(ctx.env, ctx.log, opts.publish ? "lanes gate --publish" : "lanes gate --pr")
          : undefined;
        const filePrp = opts.prp === undefined ? undefined : await loadGatePrp(ctx.cwd, opts.prp);
        const pull =
          port && repo && pr !== undefined
            ? await gatePrFacts(port, repo, pr, config.branchPattern, filePrp)
            : undefined;
        const prp: GatePrp = pull?.prp ?? filePrp ?? { title: "(no PRP given)", criteria: [] };
        const branch = opts.branch ?? pull?.pull.head.ref;
        const sha =
          opts.sha !== undefined
            ? { sha: opts.sha, from: "--sha" }
            : pull
              ? { sha: pull.pull.head.sha, from: `the head of PR #${pr}` }
              : undefined;
        const target = opts.publish && repo ? await publishTarget(repo, sha, dir) : undefined;
        const fromPr = pull
          ? {
              prpProblem: pull.prpProblem,
              prBody: pull.prBody,
              mergedPrpIds: pull.mergedPrpIds,
              validationWithheld: filePrp ? undefined : pull.validationWithheld,
            }
          : {};
        // Collected once, when first needed, and shared by every gate.
        let collected: Promise<GateInput> | undefined;
        const input = () =>
          (collected ??= collectInput({
            dir,
            base: opts.base,
            prp,
            config,
            ...fromPr,
            ...(branch ? { branch } : {}),
          }));

        const reports: GateReport[] = [];
        for (const gate of gates) {
          if (port && target) {
            const published = await publishGate({ port, target, gate, config, input, log: ctx.log });
            reports.push(
              published
                ? {
                    gate: checkRunName(gate),
                    mode: published.mode,
                    ...published.result,
                    checkRunId: published.checkRunId,
                  }
                : skipped(gate, "off"),
            );
          } else {
            const run = await runGate(gate, await input());
            reports.push(
              run
                ? { gate: checkRunName(gate), mode: run.mode, ...run.result }
                : skipped(gate, gateMode(gate, config)),
            );
          }
        }
        const failed = reports.some((r) => r.conclusion === "failure");
        if (opts.all) {
          const all: AllGatesReport = {
            conclusion: failed ? "failure" : "success",
            ...(target ? { published: { repo: target.fullName, sha: target.headSha } } : {}),
            gates: reports,
          };
          emit(ctx, all, { json: opts.json, human: renderAll });
        } else if (reports[0]) emit(ctx, reports[0], { json: opts.json, human: renderGate });
        return failed ? 1 : 0;
      }),
    );
}
