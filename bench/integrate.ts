// Benchmark: Lanes' integration of 20 lanes against the shell loop (`git checkout -B` + `git merge --no-ff` per
// lane, in a working tree) on a generated repo of 2,000+ files with the .github/lanes.yml `lanes init` writes,
// in one process. Two cases: disjoint lanes (each in its own files: the fast path) and overlapping lanes
// (groups of lanes editing the same files without conflict: merge-tree). Each is timed in-process (plan +
// apply, as the CLI runs them) and end to end through the package's bin (the bundle `dist/bin/lanes.mjs
// integrate`; also through tsc's module-per-file build `dist/src/cli/main.js`, for comparison), and every
// run's tree must equal the loop's.
// Prints JSON only. Run: `npm run bench -- integrate` (or `npx tsx bench/integrate.ts` after a build).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { renderConfigTemplate } from "../src/config/render-config-template.js";
import { applyIntegration } from "../src/integrate/apply-integration.js";
import { planIntegration } from "../src/integrate/plan-integration.js";
import { compare, summarize, type BenchResult } from "./stats.js";

const exec = promisify(execFile);

const DIRS = 40;
const FILES_PER_DIR = 50;
const LANES = 20;
/** Overlapping case: lanes edit SHARED_FILES files in common, each a line of its own (5 lanes per file). */
const SHARED_FILES = 4;
const RUNS = 5;
const DATE = "2026-01-01";
const BRANCH = `lanes/integration/${DATE}`;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The package's bin (the esbuild bundle), and tsc's build of the same sources. */
const CLI = resolve(ROOT, "dist/bin/lanes.mjs");
const CLI_MODULES = resolve(ROOT, "dist/src/cli/main.js");

const env: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Lanes Bench",
  GIT_AUTHOR_EMAIL: "bench@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Bench",
  GIT_COMMITTER_EMAIL: "bench@lanes.invalid",
  LANES_LOG_LEVEL: "silent",
};
// NODE_EXTRA_CA_CERTS makes every node process parse a CA bundle before any script runs (~100 ms here,
// where the sandbox sets it for its proxy). Nothing here makes a TLS connection, and a developer's shell or
// an Actions runner does not set it, so the CLI runs without it; its cost is reported on its own (startupCa).
const { NODE_EXTRA_CA_CERTS: extraCaCerts, ...cliEnv } = env;

async function git(dir: string, ...args: string[]): Promise<string> {
  return (await exec("git", args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 })).stdout.trim();
}

const fileBody = (d: number, f: number, tag: string) =>
  Array.from({ length: 20 }, (_, line) => `module ${d}/${f} line ${line} ${tag}`).join("\n") + "\n";

/** A shared file whose lines 0, 10, 20, … belong to different lanes (far apart: they merge cleanly). */
const sharedBody = (file: number, edits: ReadonlyMap<number, string>) =>
  Array.from({ length: 60 }, (_, line) => edits.get(line) ?? `shared ${file} line ${line}`).join("\n") + "\n";

/** A repo with DIRS × FILES_PER_DIR files on main and LANES lane branches, each changing its own files. */
async function generateRepo(dir: string, overlapping: boolean): Promise<string[]> {
  await git(dir, "init", "-q", "-b", "main");
  for (let d = 0; d < DIRS; d += 1) {
    await mkdir(join(dir, `pkg${d}`), { recursive: true });
    await Promise.all(
      Array.from({ length: FILES_PER_DIR }, (_, f) =>
        writeFile(join(dir, `pkg${d}`, `file${f}.ts`), fileBody(d, f, "base")),
      ),
    );
  }
  // The .github/lanes.yml `lanes init` writes (9 KB, every key with its comment): the CLI reads and checks it
  // as it would on a user's repository. No validation commands: the loop runs none either.
  await mkdir(join(dir, ".github"));
  await writeFile(join(dir, ".github", "lanes.yml"), renderConfigTemplate());
  await mkdir(join(dir, "shared"));
  for (let s = 0; s < SHARED_FILES; s += 1)
    await writeFile(join(dir, "shared", `common${s}.ts`), sharedBody(s, new Map()));
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
    if (overlapping) {
      const shared = lane % SHARED_FILES;
      const line = Math.floor(lane / SHARED_FILES) * 10;
      await writeFile(
        join(dir, "shared", `common${shared}.ts`),
        sharedBody(shared, new Map([[line, `lane ${lane} was here`]])),
      );
    }
    await git(dir, "add", "-A");
    await git(dir, "commit", "-q", "-m", `lane ${lane}`);
    branches.push(branch);
  }
  await git(dir, "checkout", "-q", "main");
  return branches;
}

/** The baseline: what a person would script. */
async function shellLoop(dir: string, branches: readonly string[]): Promise<void> {
  await git(dir, "checkout", "-q", "-B", "loop-integration", "main");
  for (const branch of branches) await git(dir, "merge", "-q", "--no-ff", "-m", `Merge ${branch}`, branch);
  await git(dir, "checkout", "-q", "main");
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface CaseResult {
  results: BenchResult[];
  startupMs: number[];
  startupCaMs: number[];
}

async function benchCase(overlapping: boolean): Promise<CaseResult> {
  const dir = await mkdtemp(join(tmpdir(), "lanes-bench-integrate-"));
  try {
    const branches = await generateRepo(dir, overlapping);
    const repo = { dir, env };
    const lanes = branches.map((branch, i) => ({ branch, id: String(i + 1), role: "developer" }));
    const inProcess = async () => {
      const plan = await planIntegration(repo, { base: "main", lanes, date: DATE, predictConflicts: false });
      const result = await applyIntegration(plan, { env });
      if (result.merged.length !== LANES) throw new Error(`merged ${result.merged.length} of ${LANES} lanes`);
    };
    const cli = (entry: string) => async () => {
      const args = [entry, "integrate", "--repo", dir, "--base", "main", "--date", DATE, "--json"];
      await exec(process.execPath, [...args, "--branches", branches.join(",")], { env: cliEnv, cwd: dir });
    };
    const startup = () => exec(process.execPath, [CLI, "--version"], { env: cliEnv, cwd: dir });
    const startupCa = () => exec(process.execPath, [CLI, "--version"], { env, cwd: dir });
    const sameTree = async (what: string) => {
      const [loop, ours] = await Promise.all([
        git(dir, "rev-parse", "loop-integration^{tree}"),
        git(dir, "rev-parse", `${BRANCH}^{tree}`),
      ]);
      if (loop !== ours) throw new Error(`${what}: tree ${ours} differs from the shell loop's ${loop}`);
      // A later run must not find the branch (a second integration the same day takes a new name).
      await git(dir, "update-ref", "-d", `refs/heads/${BRANCH}`);
    };
    const samples = {
      inProcess: [] as number[],
      cli: [] as number[],
      cliModules: [] as number[],
      loop: [] as number[],
      startup: [] as number[],
      startupCa: [] as number[],
    };
    // One warm-up round, then interleaved measured rounds so all see the same machine state.
    for (let round = -1; round < RUNS; round += 1) {
      const loop = await timed(() => shellLoop(dir, branches));
      const own = await timed(inProcess);
      await sameTree("in-process");
      const end = await timed(cli(CLI));
      await sameTree("CLI");
      const endModules = await timed(cli(CLI_MODULES));
      await sameTree("CLI (modules)");
      const start = await timed(startup);
      // only where the variable is set: without it the line above already measured the same thing
      const startCa = extraCaCerts === undefined ? undefined : await timed(startupCa);
      if (round < 0) continue;
      samples.loop.push(loop);
      samples.inProcess.push(own);
      samples.cli.push(end);
      samples.cliModules.push(endModules);
      samples.startup.push(start);
      if (startCa !== undefined) samples.startupCa.push(startCa);
    }
    const files = (await git(dir, "ls-files")).split("\n").length;
    const kind = overlapping ? "overlapping" : "disjoint";
    const extra = { lanes: LANES, files, kind, same_tree_as_loop: true };
    const loop = summarize(
      `shell loop: git checkout -B + git merge --no-ff per lane (${kind})`,
      samples.loop,
    );
    return {
      results: [
        compare(
          summarize(`integrate in-process: plan + apply, ${kind} lanes`, samples.inProcess, extra),
          loop,
        ),
        compare(
          summarize(`integrate end to end: node dist/bin/lanes.mjs (bin), ${kind} lanes`, samples.cli, extra),
          loop,
        ),
        compare(
          summarize(
            `integrate end to end: node dist/src/cli/main.js (modules), ${kind} lanes`,
            samples.cliModules,
            extra,
          ),
          loop,
        ),
      ],
      startupMs: samples.startup,
      startupCaMs: samples.startupCa,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const disjoint = await benchCase(false);
  const overlapping = await benchCase(true);
  const startup = summarize("CLI start-up: node dist/bin/lanes.mjs --version (part of each end-to-end run)", [
    ...disjoint.startupMs,
    ...overlapping.startupMs,
  ]);
  const results = [...disjoint.results, ...overlapping.results, startup];
  if (extraCaCerts !== undefined)
    results.push(
      summarize(`CLI start-up with NODE_EXTRA_CA_CERTS=${extraCaCerts} (not part of the runs above)`, [
        ...disjoint.startupCaMs,
        ...overlapping.startupCaMs,
      ]),
    );
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(), null, 2));
}
