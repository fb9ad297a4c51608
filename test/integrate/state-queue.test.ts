import { describe, expect, it } from "vitest";
import { buildRequeueRequest } from "../../src/integrate/resolve-job.js";
import { resolveJobId, stateQueue } from "../../src/integrate/state-queue.js";
import { useRedis } from "../support/redis.js";
import { useStores } from "../state/helpers.js";

const request = (branch: string, role: string | undefined, previousAttempts: number) =>
  buildRequeueRequest({
    reason: "conflict",
    role,
    branch,
    prpId: "42",
    base: { ref: "main", commit: "a".repeat(40) },
    integrationBranch: "lanes/integration/2026-01-01",
    files: ["src/app.ts"],
    theirs: { branch, commit: "b".repeat(40), subject: "work" },
    ours: [{ branch: "main", commit: "a".repeat(40), subject: "base" }],
    context: "CONFLICT (content): Merge conflict in src/app.ts",
    previousAttempts,
    maxAttempts: 2,
  });

describe("stateQueue", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("enqueues a resolve job for the owner role, once, carrying the conflict as payload", async () => {
    const store = await stores.open();
    const queue = stateQueue(store, "octo/app");
    const branch = "lanes/developer/42-api";
    await queue.requeue(request(branch, "developer", 0));
    await queue.requeue(request(branch, "developer", 0));
    const jobs = await store.listJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      id: resolveJobId(branch, 1),
      kind: "resolve",
      role: "developer",
      issue: 42,
      state: "queued",
      priority: "high",
    });
    expect(jobs[0]?.payload).toMatchObject({
      kind: "resolve",
      reason: "conflict",
      branch,
      files: ["src/app.ts"],
      attempt: 1,
    });
    const claimed = await store.claim({ role: "developer", host: "h", agent: "a" });
    expect(claimed?.job.id).toBe(resolveJobId(branch, 1));
    expect(await queue.attemptsSoFar(branch, 2)).toBe(1);
  });

  it("parks the lane in needs-human once the attempts are used up, and gives lanes without a known role to the integrator", async () => {
    const store = await stores.open();
    const queue = stateQueue(store, "octo/app");
    await queue.requeue(request("lanes/developer/42-api", "developer", 2));
    await queue.requeue(request("feature/x y", "not-a-role", 0));
    expect(await store.getJob(resolveJobId("lanes/developer/42-api", 3))).toMatchObject({
      state: "needs-human",
      lastError: expect.stringContaining("after 2 resolve attempts"),
    });
    expect(await store.getJob("resolve:feature/x-y:1")).toMatchObject({
      role: "integrator",
      state: "queued",
    });
    expect(await queue.attemptsSoFar("feature/x y", 2)).toBe(1);
    expect(await queue.attemptsSoFar("lanes/tester/9-none", 2)).toBe(0);
  });
});
