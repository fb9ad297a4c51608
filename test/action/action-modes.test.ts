// The composite action's stack, integrate and app modes, and its mode check: each step's script runs in bash
// with a stand-in CLI that prints the arguments it was given (the gate mode is tested in test/gates).
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const run = promisify(execFile);

interface Step {
  name: string;
  if?: string;
  run?: string;
}

async function step(predicate: (s: Step) => boolean): Promise<Step> {
  const action = parse(await readFile("action/action.yml", "utf8")) as { runs: { steps: Step[] } };
  const found = action.runs.steps.find(predicate);
  if (!found?.run) throw new Error("step not found in action/action.yml");
  return found;
}

describe("action/action.yml", () => {
  const cleanups: (TestRepo | TempDir)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c.remove();
  });

  async function runStep(
    script: string,
    cwd: string,
    env: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    const home = await makeTempDir("lanes-action");
    cleanups.push(home);
    await mkdir(join(home.path, "action/dist"), { recursive: true });
    await writeFile(
      join(home.path, "action/dist/lanes.mjs"),
      "process.stdout.write(JSON.stringify(process.argv.slice(2)))\n",
    );
    return run("bash", ["-euo", "pipefail", "-c", script], {
      cwd,
      env: {
        ...gitEnv,
        GITHUB_ACTION_PATH: join(home.path, "action"),
        GITHUB_REPOSITORY: "octo/app",
        GITHUB_TOKEN: "t",
        ...env,
      },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );
  }

  it("accepts the four modes and refuses an unknown one with exit 2", async () => {
    const check = await step((s) => s.name === "Check mode");
    const bad = await runStep(check.run as string, process.cwd(), { LANES_MODE: "deploy; rm -rf /" });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain("unknown mode");
    for (const mode of ["stack", "gate", "integrate", "app"])
      expect((await runStep(check.run as string, process.cwd(), { LANES_MODE: mode })).code).toBe(0);
  });

  it("app mode hands the workflow's event to lanes app-event with the extra arguments", async () => {
    const app = await step((s) => s.if === "inputs.mode == 'app'");
    const result = await runStep(app.run as string, process.cwd(), { LANES_ARGS: "--redis redis://r:6379" });
    expect(JSON.parse(result.stdout)).toEqual(["app-event", "--redis", "redis://r:6379"]);
  });

  it("stack mode starts a stack on the workspace with the extra arguments", async () => {
    const workspace = await makeTempDir("lanes-workspace");
    cleanups.push(workspace);
    const stack = await step((s) => s.if === "inputs.mode == 'stack'");
    const out = await runStep(stack.run as string, workspace.path, {
      GITHUB_WORKSPACE: workspace.path,
      LANES_ARGS: "--agents 3 --roles developer,tester",
    });
    expect(JSON.parse(out.stdout)).toEqual([
      "stack",
      "up",
      "--repo",
      workspace.path,
      "--agents",
      "3",
      "--roles",
      "developer,tester",
    ]);
  });

  it("integrate mode fetches the lane branches and integrates the ready ones (--ready), passing --dry-run on", async () => {
    const origin = await makeRepo();
    cleanups.push(origin);
    await origin.commit("seed", { "README.md": "x\n" });
    for (const branch of ["lanes/developer/1-a", "lanes/tester/2-b", "lanes/integration/2026-01-01"])
      await origin.git("branch", branch);
    const workspace = await makeTempDir("lanes-workspace");
    cleanups.push(workspace);
    await run("git", ["clone", "-q", origin.dir, workspace.path], { env: gitEnv });
    const integrate = await step((s) => s.if === "inputs.mode == 'integrate'");
    const out = await runStep(integrate.run as string, workspace.path, {
      GITHUB_WORKSPACE: workspace.path,
      LANES_BASE_REF: "main",
      LANES_ARGS: "--dry-run",
    });
    expect(JSON.parse(out.stdout)).toEqual([
      "integrate",
      "--repo",
      workspace.path,
      "--base",
      "origin/main",
      "--ready",
      "--open-pr",
      "--github-repo",
      "octo/app",
      "--dry-run",
    ]);
    // --ready integrates from these local branches (the lanes' commits must be in the workspace)
    const { stdout: branches } = await run(
      "git",
      ["for-each-ref", "--format=%(refname:short)", "refs/heads/lanes/"],
      {
        cwd: workspace.path,
        env: gitEnv,
      },
    );
    expect(branches.trim().split("\n")).toEqual([
      "lanes/developer/1-a",
      "lanes/integration/2026-01-01",
      "lanes/tester/2-b",
    ]);
  });
});
