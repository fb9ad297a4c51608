// CLI start-up: `lanes hook Stop` (run by Claude Code on every agent event) and `lanes --help`,
// spawned from the built entry, against `node -e 0` measured in the same run. The three are
// interleaved so that load from other processes falls on all of them alike.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { compare, round, summarize, type BenchResult } from "./stats.js";

const ENTRY = resolve(import.meta.dirname, "..", "dist", "src", "cli", "main.js");
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
  const node: number[] = [];
  const hook: number[] = [];
  const help: number[] = [];
  try {
    for (let i = 0; i <= n; i++) {
      const samples = [
        timed(["-e", "0"], env),
        timed([ENTRY, "hook", "Stop"], env, HOOK_INPUT),
        timed([ENTRY, "--help"], env),
      ];
      if (i === 0) continue; // warm-up: file cache
      node.push(samples[0] as number);
      hook.push(samples[1] as number);
      help.push(samples[2] as number);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const baseline = summarize("node -e 0", node);
  const withOverhead = (name: string, samples: number[], goal: number): BenchResult => {
    const result = compare(summarize(name, samples), baseline);
    return { ...result, overhead_ms: round(result.median_ms - baseline.median_ms), goal_median_ms: goal };
  };
  return [withOverhead("lanes hook Stop", hook, 150), withOverhead("lanes --help", help, 250)];
}
