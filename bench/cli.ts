// CLI start-up: `lanes hook Stop` (run by Claude Code on every agent event), `lanes --help` and
// `lanes integrate --help` (a command's module loaded), spawned from the package's bin (the esbuild bundle
// dist/bin/lanes.mjs) and from tsc's module-per-file build (dist/src/cli/main.js), against `node -e 0`
// measured in the same run. All are interleaved so that load from other processes falls on each alike.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { compare, round, summarize, type BenchResult } from "./stats.js";

const BIN = resolve(import.meta.dirname, "..", "dist", "bin", "lanes.mjs");
const MODULES = resolve(import.meta.dirname, "..", "dist", "src", "cli", "main.js");
const HOOK_INPUT = JSON.stringify({
  session_id: "0b7e3c1e-5a52-4d0c-9a43-1f1f6f0c2d10",
  transcript_path: "/tmp/transcript.jsonl",
  hook_event_name: "Stop",
});

function timed(args: readonly string[], env: NodeJS.ProcessEnv, input?: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [...args], { env, input, stdio: ["pipe", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} exited ${result.status}: ${String(result.stderr)}`);
  return ms;
}

export async function run(n = 30): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "lanes-bench-cli-"));
  const env = { ...process.env, LANES_EVENTS: join(dir, "events.jsonl"), LANES_LANE: "bench" };
  const cases: { name: string; args: string[]; input?: string; goal?: number }[] = [];
  for (const [build, entry] of [
    ["bin", BIN],
    ["modules", MODULES],
  ] as const) {
    cases.push(
      { name: `lanes hook Stop (${build})`, args: [entry, "hook", "Stop"], input: HOOK_INPUT, goal: 150 },
      { name: `lanes --help (${build})`, args: [entry, "--help"], goal: 250 },
      { name: `lanes integrate --help (${build})`, args: [entry, "integrate", "--help"] },
    );
  }
  const node: number[] = [];
  const samples = cases.map(() => [] as number[]);
  try {
    for (let i = 0; i <= n; i++) {
      const baseline = timed(["-e", "0"], env);
      const measured = cases.map((c) => timed(c.args, env, c.input));
      if (i === 0) continue; // warm-up: file cache
      node.push(baseline);
      measured.forEach((ms, k) => samples[k]?.push(ms));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const baseline = summarize("node -e 0", node);
  return cases.map((c, k) => {
    const result = compare(summarize(c.name, samples[k] ?? []), baseline);
    return {
      ...result,
      overhead_ms: round(result.median_ms - baseline.median_ms),
      ...(c.goal === undefined ? {} : { goal_median_ms: c.goal }),
    };
  });
}
