import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBacklog } from "../../src/backlog/read-backlog.js";
import { scriptAgent } from "../../src/runner/agents/script-agent.js";
import type { AgentAdapter } from "../../src/runner/agents/agent-adapter.js";
import { AgentUnavailableError, PreflightError } from "../../src/runner/errors.js";
import { preflight, type PreflightInput } from "../../src/runner/preflight.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

const MIXED = resolve("test/fixtures/backlog/with-invalid");

async function refusal(input: PreflightInput): Promise<string> {
  const error = await preflight(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PreflightError);
  return (error as PreflightError).message;
}

describe("stack up's preflight", () => {
  let repo: TestRepo;
  let remote: TestRepo;
  let input: PreflightInput;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    remote = await makeRepo({ bare: true });
    await repo.git("remote", "add", "origin", remote.dir);
    input = { repo: repo.dir, base: "main", agent: scriptAgent(), env: gitEnv, skipInvalid: false };
  });
  afterEach(async () => {
    await repo.remove();
    await remote.remove();
  });

  it("passes a repository on a branch whose remote accepts a push, without writing to the remote", async () => {
    expect(await preflight(input)).toEqual({ remote: "origin", notes: [] });
    expect(await remote.git("branch", "--list")).toBe("");
  });

  it("refuses a detached HEAD, a base that is not a branch, and names the fix", async () => {
    await repo.git("checkout", "-q", "--detach");
    expect(await refusal({ ...input, base: "HEAD" })).toContain(
      "detached HEAD; check out a branch or pass --base",
    );
    expect(await refusal({ ...input, base: "v1.0" })).toContain("the base v1.0 is not a local branch");
  });

  it("refuses a remote that does not accept a push, and a remote that does not exist", async () => {
    await repo.git("remote", "set-url", "origin", join(remote.dir, "gone"));
    expect(await refusal(input)).toMatch(
      /the remote origin does not accept a push \(git push --dry-run: .+\)/,
    );
    expect(await refusal({ ...input, remote: "upstream" })).toContain(
      "the repository has no remote named upstream (it has: origin)",
    );
  });

  it("says lane branches stay local when the repository has no remote", async () => {
    await repo.git("remote", "remove", "origin");
    expect(await preflight(input)).toEqual({
      remote: null,
      notes: ["the repository has no git remote: lane branches stay local"],
    });
  });

  it("stops on an invalid backlog PRP with file:line, unless told to skip it", async () => {
    const backlog = await readBacklog(MIXED);
    const message = await refusal({ ...input, backlog });
    expect(message).toContain("has invalid PRPs (fix them, or pass --skip-invalid to run the others)");
    expect(message).toContain(
      `${join(MIXED, "02-broken.md")}:3: priority: expected critical, high, medium or low`,
    );
    const skipped = await preflight({ ...input, backlog, skipInvalid: true });
    expect(skipped.notes[0]).toBe(`skipped 1 invalid PRP(s) of ${MIXED}:`);
    expect(skipped.notes[1]).toContain("02-broken.md:3: priority:");
  });

  it("names every problem at once: the agent that cannot start and a Redis that does not answer", async () => {
    const loggedOut: AgentAdapter = {
      ...scriptAgent(),
      kind: "claude",
      check: async () => {
        throw new AgentUnavailableError(
          "Claude Code 2.1.0 is installed but not logged in on this runner host",
        );
      },
    };
    const message = await refusal({
      ...input,
      agent: loggedOut,
      redis: { shown: "redis://127.0.0.1:1", ping: () => Promise.reject(new Error("ECONNREFUSED")) },
    });
    expect(message.split("\n")).toEqual([
      "lanes stack up stopped before starting any agent:",
      "- Claude Code 2.1.0 is installed but not logged in on this runner host",
      "- Redis redis://127.0.0.1:1 does not answer (ECONNREFUSED); start it, or leave out --redis and REDIS_URL so the stack starts its own",
    ]);
  });
});
