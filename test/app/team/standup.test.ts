// The daily standup: a digest of a set of lanes collected from a real Redis (fake clock) renders as the
// snapshot, and the standup is posted once per day on the "Lanes standup" issue (the sandbox as GitHub).
import { Octokit } from "@octokit/rest";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postStandup, nextTimeOfDay, localDate } from "../../../src/app/team/post-standup.js";
import { collectStandup, renderStandup } from "../../../src/app/team/standup-digest.js";
import { collectSpend } from "../../../src/app/team/standup-spend.js";
import { createGitHubPort } from "../../../src/github/index.js";
import { silentLogger } from "../../../src/observe/logger.js";
import { startSandbox, type Sandbox } from "../../../src/sandbox/index.js";
import {
  createStateStore,
  manualClock,
  type ManualClock,
  type StateStore,
} from "../../../src/state/index.js";
import { freshPrefix, redisUrl } from "../../support/redis.js";

const REPO = "sandbox-admin/standup";
const repo = { owner: "sandbox-admin", repo: "standup" };
const HOUR = 3_600_000;

/** A lane's totals as a supervisor records them. */
const usage = (role: string, tokens: number, costUsd: number) => ({
  role,
  input: tokens / 2,
  output: tokens / 2,
  cacheRead: 0,
  cacheWrite: 0,
  tokens,
  costUsd,
});

describe("the daily standup", () => {
  let redis: Redis;
  let sandbox: Sandbox;
  let store: StateStore;
  let clock: ManualClock;
  let prefix: string;

  beforeAll(async () => {
    redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    sandbox = await startSandbox({ repos: [{ owner: repo.owner, name: repo.repo }] });
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await sandbox?.close();
  });
  beforeEach(() => {
    prefix = freshPrefix();
    clock = manualClock(Date.UTC(2026, 11, 1, 8, 0));
    store = createStateStore({ redis, prefix, log: silentLogger(), clock });
  });
  afterEach(async () => {
    store.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  });

  /** Six lanes: one finished yesterday, two working, one waiting on a question, one blocked, two queued. */
  async function lanes(): Promise<void> {
    const prp = async (
      issue: number,
      title: string,
      priority: "critical" | "high" | "medium" | "low",
      states: string[],
    ) => {
      await store.enqueue({ repo: REPO, issue, role: issue % 2 ? "developer" : "tester", priority, title });
      await store.patchPrpRecord(issue, { title, priority });
      let from: string | null = null;
      for (const to of states) {
        await store.transition(String(issue), from, to, "test");
        from = to;
      }
      clock.advance(10 * 60_000);
    };
    await prp(11, "Schema for orders", "high", ["queued", "active", "review", "done"]);
    await prp(12, "Orders API", "critical", ["queued", "active"]);
    await prp(13, "Orders page", "medium", ["queued", "active"]);
    await prp(14, "Payment provider", "high", ["queued", "active", "waiting"]);
    await store.addPrpEvent(14, "the agent asks: which payment provider, Stripe or Adyen?");
    await prp(15, "Invoices", "medium", ["blocked"]);
    await prp(16, "Load test", "low", ["queued"]);
    await prp(17, "Security review", "critical", ["queued"]);
    await store.appendAudit({ type: "deploy-succeeded", actor: "lanes", data: "#30 deploy.yml run 7" });
    clock.advance(2 * HOUR);
  }

  it("renders a digest of a set of lanes with their tokens and cost since the last standup (snapshot)", async () => {
    await lanes();
    await store.recordLaneUsage("11-schema", usage("developer", 400_000, 1.1));
    await store.recordLaneUsage("12-orders-api", usage("tester", 900_000, 3));
    await store.recordLaneUsage("13-orders-page", usage("developer", 334_567, 1.5));
    await store.saveUsageBaseline({
      at: clock.now() - 22 * HOUR,
      lanes: {
        "11-schema": { tokens: 400_000, costUsd: 1.1 },
        "12-orders-api": { tokens: 100_000, costUsd: 0.5 },
      },
    });
    const spend = await collectSpend(store);
    expect(spend.total).toEqual({ tokens: 1_134_567, costUsd: 4 });
    const digest = await collectStandup(store, {
      since: clock.now() - 24 * HOUR,
      now: clock.now(),
      spend,
    });
    expect(digest.done.map((d) => d.issue)).toEqual([11]);
    expect(digest.nextUp.map((i) => i.issue)).toEqual([17, 16]);
    expect(renderStandup(digest).replace(/\r\n/g, "\n")).toMatchSnapshot();
  });

  it("is posted once per day, at standup.time in standup.zone", async () => {
    await lanes();
    const github = createGitHubPort({
      auth: { type: "token", token: sandbox.info().users[0]?.token ?? "" },
      baseUrl: sandbox.info().api_url,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    const deps = { repo, github, store, log: silentLogger() };
    await store.recordLaneUsage("12-orders-api", usage("tester", 200_000, 0.8));
    const first = await postStandup(deps);
    expect(first).not.toBeNull();
    expect(await postStandup(deps)).toBeNull(); // a second replica, the same day
    const next = await store.nextTimerAt();
    expect(next).toBe(Date.UTC(2026, 11, 2, 9, 0)); // 09:00 UTC, the default
    clock.set(next ?? 0);
    await store.recordLaneUsage("12-orders-api", usage("tester", 250_000, 1));
    expect(await postStandup(deps)).toBe(first); // the next day, on the same issue
    const user = new Octokit({ auth: sandbox.info().users[0]?.token, baseUrl: sandbox.info().api_url });
    const issue = (await user.rest.issues.get({ ...repo, issue_number: first ?? 0 })).data;
    expect(issue.title).toBe("Lanes standup");
    const comments = (await user.rest.issues.listComments({ ...repo, issue_number: first ?? 0 })).data;
    expect(comments).toHaveLength(2);
    expect(comments[0]?.body).toContain("**Waiting and blocked**");
    expect(comments[0]?.body).toContain("**Tokens and cost so far**");
    expect(comments[0]?.body).toContain("- tester: 200,000 tokens, $0.80");
    // the second day counts only what was spent since the first
    expect(comments[1]?.body).toContain("**Tokens and cost since the last standup (2026-12-01T11:10Z)**");
    expect(comments[1]?.body).toContain("- **total**: 50,000 tokens, $0.20");
  });

  it("finds the next time of day in a zone, across a daylight-saving change", () => {
    const berlinWinter = nextTimeOfDay(Date.UTC(2026, 11, 1, 12), "09:00", "Europe/Berlin");
    expect(new Date(berlinWinter).toISOString()).toBe("2026-12-02T08:00:00.000Z");
    const berlinSummer = nextTimeOfDay(Date.UTC(2026, 2, 28, 12), "09:00", "Europe/Berlin");
    expect(new Date(berlinSummer).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(localDate(Date.UTC(2026, 11, 1, 23, 30), "Asia/Tokyo")).toBe("2026-12-02");
  });
});
