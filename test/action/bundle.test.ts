// The released action's CLI: one bundle (scripts/bundle.mjs) that runs from a directory with no
// node_modules anywhere above it, under a simulated Actions environment, as action/action.yml runs it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readVersion } from "../../src/cli/version.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const run = promisify(execFile);

let bundleDir: TempDir;
let repo: TestRepo;
let actions: Record<string, string>;

beforeAll(async () => {
  bundleDir = await makeTempDir("lanes-bundle");
  await run(process.execPath, ["scripts/bundle.mjs", join(bundleDir.path, "dist")]);
  repo = await makeRepo();
  await repo.commit("Seed", { "README.md": "# shop\n" });
  await repo.git("checkout", "-q", "-b", "lanes/developer/1-add-x");
  // a source file: a lane that changes none fails lanes/prp
  await repo.commit("Add x", { "src/x.js": "export const x = 1;\n" });
  const event = join(bundleDir.path, "event.json");
  await writeFile(event, JSON.stringify({ repository: { full_name: "octo/shop", default_branch: "main" } }));
  actions = {
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: join(bundleDir.path, "output"),
    GITHUB_STEP_SUMMARY: join(bundleDir.path, "summary"),
    GITHUB_REPOSITORY: "octo/shop",
    GITHUB_WORKSPACE: repo.dir,
  };
}, 120_000);

afterAll(async () => {
  await repo.remove();
  await bundleDir.remove();
});

async function bundled(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // Only PATH and HOME from this process: no NODE_PATH, no tsx loader, nothing of the test's own.
  const env = { PATH: process.env.PATH ?? "", HOME: repo.dir, LANES_LOG_LEVEL: "silent", ...actions };
  return run(process.execPath, [join(bundleDir.path, "dist/lanes.mjs"), ...args], {
    cwd: repo.dir,
    env,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe("the bundled CLI", () => {
  it("is one entry file beside its chunks, with no node_modules above it", () => {
    expect(existsSync(join(bundleDir.path, "dist/lanes.mjs"))).toBe(true);
    for (let dir = bundleDir.path; dir !== "/"; dir = join(dir, ".."))
      expect(existsSync(join(dir, "node_modules")), dir).toBe(false);
  });

  it("prints its help and the version it was bundled at", async () => {
    const help = await bundled(["--help"]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toContain("Usage: lanes");
    expect(help.stdout).toMatch(/^\s+init /m);
    expect((await bundled(["--version"])).stdout.trim()).toBe(readVersion());
  });

  it("checks the repository's config", async () => {
    expect(await bundled(["config", "check"])).toMatchObject({
      code: 0,
      stdout: "ok: no .github/lanes.yml; the defaults apply\n",
    });
  });

  it("runs every gate on a lane as the action's gate mode does", async () => {
    const result = await bundled([
      "gate",
      "--all",
      "--sha",
      "HEAD",
      "--branch",
      "lanes/developer/1-add-x",
      "--base",
      "main",
      "--dir",
      repo.dir,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^lanes\/placeholders\s+required\s+success/m);
    expect(result.stdout).toContain("No required gate failed.");
  });
});
