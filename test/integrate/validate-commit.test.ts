import { afterEach, describe, expect, it } from "vitest";
import { worktreeValidator } from "../../src/integrate/validate-commit.js";
import { gitEnv } from "../support/git.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

describe("worktreeValidator", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  it("runs the commands in a worktree of the commit, stops at the first failure and keeps the output tail", async () => {
    repo = await makeLaneRepo({ "marker.txt": "from the commit\n" });
    const head = await repo.git("rev-parse", "HEAD");
    const validate = worktreeValidator(repo.repo, ["cat marker.txt", "seq 1 5000; exit 4", "echo never"], {
      env: gitEnv,
      tailChars: 20,
    });
    const run = await validate(head);
    expect(run.ok).toBe(false);
    expect(run.results.map((r) => [r.command, r.ok, r.exitCode])).toEqual([
      ["cat marker.txt", true, 0],
      ["seq 1 5000; exit 4", false, 4],
    ]);
    expect(run.results[0]?.outputTail).toBe("from the commit\n");
    expect(run.results[1]?.outputTail.length).toBeLessThanOrEqual(20);
    expect(run.results[1]?.outputTail.trim().endsWith("5000")).toBe(true);
  });

  it("keeps terminal colour out of the output tail the integration PR shows", async () => {
    repo = await makeLaneRepo();
    const run = await worktreeValidator(repo.repo, ["printf '\\033[31mred\\033[0m failure\\n'; exit 1"], {
      env: gitEnv,
    })(await repo.git("rev-parse", "HEAD"));
    expect(run.results[0]?.outputTail).toBe("red failure\n");
  });

  it("reports a command past the timeout as failed, saying so in the output", async () => {
    repo = await makeLaneRepo();
    const run = await worktreeValidator(repo.repo, ["sleep 30; echo never"], { env: gitEnv, timeoutMs: 200 })(
      await repo.git("rev-parse", "HEAD"),
    );
    expect(run.results[0]).toMatchObject({ ok: false, timedOut: true });
    expect(run.results[0]?.outputTail).toMatch(/timed out after 200 ms/);
  });
});
