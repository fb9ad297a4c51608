// Benchmark: Lanes' integration (fast-import fast path, merge-tree otherwise) of 20 lanes against a naive loop (`git checkout` +
// `git merge --no-ff` in a working tree) on a generated repo of 2,000+ files, in one process.
// Prints JSON only. Run: `npm run bench -- integrate` (or `npx tsx bench/integrate.ts`).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { applyIntegration } from "../src/integrate/apply-integration.js";
import { planIntegration } from "../src/integrate/plan-integration.js";
import { percentile, round, type BenchResult } from "./stats.js";

const exec = promisify(execFile);

const DIRS = 40;
const FILES_PER_DIR = 50;
const LANES = 20;
const RUNS = 7;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Lanes Bench",
  GIT_AUTHOR_EMAIL: "bench@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Bench",
  GIT_COMMITTER_EMAIL: "bench@lanes.invalid",
};

async function git(dir: string, ...args: string[]): Promise<string> {
  return (await exec("git", args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 })).stdout.trim();
}

const fileBody = (d: number, f: number, tag: string) =>
  Array.from({ length: 20 }, (_, line) => `module ${d}/${f} line ${line} ${tag}`).join("\n") + "\n";

/** A repo with DIRS × FILES_PER_DIR files on main and LANES lane branches, each changing its own files. */
async function generateRepo(dir: string): Promise<string[]> {
  await git(dir, "init", "-q", "-b", "main");
  for (let d = 0; d < DIRS; d += 1) {
    await mkdir(join(dir, `pkg${d}`), { recursive: true });
    await Promise.all(
      Array.from({ length: FILES_PER_DIR }, (_, f) =>
        writeFile(join(dir, `pkg${d}`, `file${f}.ts`), fileBody(d, f, "base")),
      ),
    );
  }
  await git(dir, "add", "-A");
  await git(dir, "commit", "-q", "-m", "base");
  const branches: string[] = [];
  for (let lane = 0; lane < LANES; lane += 1) {
    const branch = `lanes/developer/${lane + 1}-bench`;
    await git(dir, "checkout", "-q", "-b", branch, "main");
    // Each lane edits 5 files in its own directory and adds one new file.
    for (let f = 0; f < 5; f += 1)
      await writeFile(join(dir, `pkg${lane}`, `file${f}.ts`), fileBody(lane, f, `lane ${lane}`));
    await writeFile(join(dir, `pkg${lane}`, `new-${lane}.ts`), `export const lane = ${lane};\n`);
    await git(dir, "add", "-A");
    await git(dir, "commit", "-q", "-m", `lane ${lane}`);
    branches.push(branch);
  }
  await git(dir, "checkout", "-q", "main");
  return branches;
}

async function naiveLoop(dir: string, branches: readonly string[]): Promise<void> {
  await git(dir, "checkout", "-q", "-b", "naive-integration", "main");
  for (const branch of branches) await git(dir, "merge", "-q", "--no-ff", "-m", `Merge ${branch}`, branch);
}

async function resetNaive(dir: string): Promise<void> {
  await git(dir, "checkout", "-q", "main");
  await git(dir, "branch", "-q", "-D", "naive-integration");
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), "lanes-bench-integrate-"));
  try {
    const branches = await generateRepo(dir);
    const repo = { dir, env };
    const lanes = branches.map((branch, i) => ({ branch, id: String(i + 1), role: "developer" }));
    const plan = await planIntegration(repo, { base: "main", lanes, date: "2026-01-01" });
    const samples = { apply: [] as number[], full: [] as number[], naive: [] as number[] };
    let merged = 0;
    let sameTree = true;
    // One warm-up round each, then interleaved measured rounds so both see the same machine state.
    for (let round = -1; round < RUNS; round += 1) {
      const apply = await time(async () => (merged = (await applyIntegration(plan, { env })).merged.length));
      const full = await time(async () =>
        applyIntegration(await planIntegration(repo, { base: "main", lanes, date: "2026-01-01" }), { env }),
      );
      const naive = await time(() => naiveLoop(dir, branches));
      sameTree &&=
        (await git(dir, "rev-parse", "naive-integration^{tree}")) ===
        (await git(dir, "rev-parse", "lanes/integration/2026-01-01^{tree}"));
      await resetNaive(dir);
      if (round >= 0) {
        samples.apply.push(apply);
        samples.full.push(full);
        samples.naive.push(naive);
      }
    }
    const files = Number(await git(dir, "ls-files", "--", ".").then((out) => out.split("\n").length));
    const baseline = {
      name: "naive: git checkout -b + git merge --no-ff per lane, in a working tree",
      median_ms: round(percentile(samples.naive, 50)),
      p95_ms: round(percentile(samples.naive, 95)),
    };
    const result = (name: string, s: number[]): BenchResult => ({
      name,
      n: s.length,
      median_ms: round(percentile(s, 50)),
      p95_ms: round(percentile(s, 95)),
      baseline,
      ratio: round(percentile(samples.naive, 50) / percentile(s, 50)),
      lanes: LANES,
      merged,
      files,
      same_tree_as_naive: sameTree,
    });
    return [
      result("integrate: apply, fast path for disjoint lanes via one fast-import (20 lanes)", samples.apply),
      result("integrate: plan (conflict prediction) + apply (20 lanes)", samples.full),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(), null, 2));
}
