// The demo's stack: `lanes stack up` with script agents, claiming the jobs the App queues in Redis, and a
// wait until every lane started so far has finished (or failed), reporting each lane's state as it changes.
import { listLanes, type LaneRecord } from "../../runner/lane-record.js";
import { stackPaths } from "../../runner/stack-paths.js";
import { childJson, runLanesChild } from "./child-cli.js";
import { DemoStepError } from "./errors.js";

const SETTLED = new Set(["done", "blocked", "failed"]);

/** Stops the demo's stack; safe to call when `stack up` failed half way (or never ran). */
export async function stopDemoStack(name: string, repo: string, env: NodeJS.ProcessEnv): Promise<void> {
  await runLanesChild(["stack", "down", "--name", name], { env, cwd: repo });
}

export async function startDemoStack(options: {
  name: string;
  repo: string;
  roles: readonly string[];
  redisUrl: string;
  env: NodeJS.ProcessEnv;
}): Promise<void> {
  const { name, env } = options;
  const up = await runLanesChild(
    [
      "stack",
      "up",
      "--name",
      name,
      "--repo",
      options.repo,
      "--roles",
      options.roles.join(","),
      "--agent",
      "script",
      "--agents",
      "3",
      "--redis",
      options.redisUrl,
      "--json",
    ],
    { env, cwd: options.repo },
  );
  if (up.code !== 0)
    throw new DemoStepError(
      `lanes stack up failed (exit ${up.code}): ${up.stderr.trim() || up.stdout.trim()}`,
    );
  childJson<{ name: string }>("lanes stack up", up);
}

/** A one-off wait in the CLI (not a supervision loop): polls the lane records until all settle. */
export async function waitForLanes(
  env: NodeJS.ProcessEnv,
  name: string,
  expected: number,
  timeoutMs: number,
  onChange: (lane: LaneRecord) => void,
): Promise<LaneRecord[]> {
  const paths = stackPaths(env, name);
  const seen = new Map<string, string>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lanes = await listLanes(paths.lanes);
    for (const lane of lanes) {
      if (seen.get(lane.id) !== lane.state) {
        seen.set(lane.id, lane.state);
        onChange(lane);
      }
    }
    if (lanes.length >= expected && lanes.every((l) => SETTLED.has(l.state))) return lanes;
    if (Date.now() > deadline) {
      const open = lanes.filter((l) => !SETTLED.has(l.state)).map((l) => `#${l.issue} ${l.state}`);
      throw new DemoStepError(
        `lanes did not finish within ${Math.round(timeoutMs / 1000)} s (${lanes.length}/${expected} started; still open: ${open.join(", ") || "none"})`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
