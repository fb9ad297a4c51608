// The composite action's `gate` mode and the lanes-gates workflow: both YAML files parse, carry the keys
// GitHub needs, and the gate step hands `lanes gate --all --publish` the PR's number, head sha, branch and base.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface ActionYaml {
  inputs: Record<string, { description: string; required: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
}
interface WorkflowYaml {
  on: {
    pull_request: { types: string[] };
    pull_request_review?: { types: string[] };
    workflow_dispatch?: { inputs: Record<string, { required: boolean }> };
  };
  permissions: Record<string, string>;
  jobs: Record<string, { if: string; steps: Step[] }>;
}

const loadYaml = async <T>(path: string) => parse(await readFile(join(root, path), "utf8")) as T;
const gateStep = (action: ActionYaml) => action.runs.steps.find((s) => s.if === "inputs.mode == 'gate'");

describe("action/action.yml in mode gate", () => {
  it("documents its inputs and runs lanes gate --all --publish with the PR's head sha", async () => {
    const action = await loadYaml<ActionYaml>("action/action.yml");
    expect(action.runs.using).toBe("composite");
    for (const input of ["mode", "github-token", "head-sha", "head-ref", "base-ref", "pr", "prp", "args"])
      expect(action.inputs[input]?.description).toMatch(/\w{3}/);
    expect(action.inputs["head-sha"]?.default).toBe(
      "${{ github.event.pull_request.head.sha || github.sha }}",
    );
    // Empty outside pull_request events, so the step then runs without --pr.
    expect(action.inputs.pr?.default).toBe("${{ github.event.pull_request.number }}");
    const step = gateStep(action);
    expect(step?.run).toContain(
      'gate --all --publish --github-repo "$GITHUB_REPOSITORY" --sha "$LANES_HEAD_SHA"',
    );
    expect(step?.env).toMatchObject({
      GITHUB_TOKEN: "${{ inputs.github-token }}",
      LANES_HEAD_SHA: "${{ inputs.head-sha }}",
      LANES_HEAD_REF: "${{ inputs.head-ref }}",
      LANES_PR: "${{ inputs.pr }}",
      LANES_PRP: "${{ inputs.prp }}",
    });
    // Inputs arrive only through env, never as ${{ }} inside the script.
    expect(step?.run).not.toContain("${{");
  });

  describe("its gate step, run by bash", () => {
    let remote: TestRepo | undefined;
    let workspace: TempDir | undefined;
    let actionHome: TempDir | undefined;
    afterEach(async () => {
      await remote?.remove();
      await workspace?.remove();
      await actionHome?.remove();
    });

    /** Runs the gate step's script with a stand-in CLI that prints its arguments; returns them. */
    async function runGateStep(env: Record<string, string>): Promise<string[]> {
      remote = await makeRepo();
      await remote.commit("Seed", { "README.md": "# x\n" });
      workspace = await makeTempDir("lanes-workspace");
      await run("git", ["clone", "-q", remote.dir, workspace.path], { env: gitEnv });
      // Stands in for the built CLI: prints the arguments it was given.
      actionHome = await makeTempDir("lanes-action");
      await mkdir(join(actionHome.path, "action/dist"), { recursive: true });
      await writeFile(
        join(actionHome.path, "action/dist/lanes.mjs"),
        "process.stdout.write(JSON.stringify(process.argv.slice(2)))\n",
      );

      const script = gateStep(await loadYaml<ActionYaml>("action/action.yml"))?.run ?? "";
      const { stdout } = await run("bash", ["-euo", "pipefail", "-c", script], {
        cwd: workspace.path,
        env: {
          ...gitEnv,
          GITHUB_ACTION_PATH: join(actionHome.path, "action"),
          GITHUB_WORKSPACE: workspace.path,
          GITHUB_REPOSITORY: "octo/app",
          GITHUB_TOKEN: "t",
          LANES_HEAD_SHA: "abc123",
          LANES_BASE_REF: "main",
          LANES_PR: "",
          LANES_PRP: "",
          LANES_ARGS: "",
          ...env,
        },
      });
      return JSON.parse(stdout) as string[];
    }

    it("fetches the base, passes PR number, sha, branch, base and PRP to lanes, and never runs untrusted text as code", async () => {
      const evil = "lanes/developer/1-x$(touch pwned)";
      const args = await runGateStep({
        LANES_HEAD_REF: evil,
        LANES_PR: "12$(touch pwned-pr)",
        LANES_PRP: "docs/prp.md",
        LANES_ARGS: "--json",
      });
      expect(args).toEqual([
        "gate",
        "--all",
        "--publish",
        "--github-repo",
        "octo/app",
        "--sha",
        "abc123",
        "--branch",
        evil,
        "--base",
        "origin/main",
        "--dir",
        workspace?.path,
        "--pr",
        "12$(touch pwned-pr)",
        "--prp",
        join(workspace?.path ?? "", "docs/prp.md"),
        "--json",
      ]);
      await expect(readFile(join(workspace?.path ?? "", "pwned"))).rejects.toThrow();
      await expect(readFile(join(workspace?.path ?? "", "pwned-pr"))).rejects.toThrow();
    });

    it("passes no --pr and no --prp outside a pull request", async () => {
      const args = await runGateStep({ LANES_HEAD_REF: "lanes/developer/1-x" });
      expect(args).not.toContain("--pr");
      expect(args).not.toContain("--prp");
      expect(args.slice(0, 3)).toEqual(["gate", "--all", "--publish"]);
    });
  });
});

describe(".github/workflows/lanes-gates.yml", () => {
  it("gates lane PRs with checks: write through the local action in mode gate", async () => {
    const workflow = await loadYaml<WorkflowYaml>(".github/workflows/lanes-gates.yml");
    expect(workflow.on.pull_request.types).toContain("synchronize");
    // An approving review can accept criteria: lanes/prp is judged again on submitted and dismissed reviews.
    expect(workflow.on.pull_request_review?.types).toEqual(["submitted", "dismissed"]);
    // issues: read, because --pr reads the PRP issue the PR closes and its dependencies.
    expect(workflow.permissions).toEqual({
      checks: "write",
      contents: "read",
      issues: "read",
      "pull-requests": "read",
    });
    const job = workflow.jobs.gates;
    // pull_request's `branches` filter matches the base branch, so lane heads are selected here.
    // `/lanes recheck` dispatches it with the PR's number, head, branch and base (no pull_request in the event).
    expect(Object.keys(workflow.on.workflow_dispatch?.inputs ?? {})).toEqual([
      "pr",
      "head_sha",
      "head_ref",
      "base_ref",
    ]);
    expect(job?.if).toBe("startsWith(github.event.pull_request.head.ref || inputs.head_ref, 'lanes/')");
    const checkout = job?.steps.find((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with).toMatchObject({
      ref: "${{ github.event.pull_request.head.sha || inputs.head_sha }}",
      "fetch-depth": 0,
    });
    const lanesStep = job?.steps.find((s) => s.uses === "./action");
    expect(lanesStep?.with).toMatchObject({
      mode: "gate",
      pr: "${{ github.event.pull_request.number || inputs.pr }}",
      "head-sha": "${{ github.event.pull_request.head.sha || inputs.head_sha }}",
      "head-ref": "${{ github.event.pull_request.head.ref || inputs.head_ref }}",
      "base-ref": "${{ github.event.pull_request.base.ref || inputs.base_ref }}",
    });
  });
});
