// The silent-host alert on the App's scheduler: real Redis with a fake clock, hosts heartbeating through the
// state store as supervisors do, GitHub (lanes.yml) faked by nock, a loopback receiver for the alert webhook.
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fireTimer } from "../../../src/app/team/fire-timer.js";
import { judgeHost, scheduleHostCheck } from "../../../src/app/team/host-watch.js";
import { createRepoFilesCache } from "../../../src/app/team/repo-config.js";
import { createScheduler, type Scheduler } from "../../../src/app/team/scheduler.js";
import type { TeamDeps } from "../../../src/app/team/team-deps.js";
import { createGitHubPort } from "../../../src/github/index.js";
import { silentLogger } from "../../../src/observe/logger.js";
import type { StateStore } from "../../../src/state/index.js";
import { useRedis } from "../../support/redis.js";
import { job, useStores } from "../../state/helpers.js";
import { API } from "../app-harness.js";
import { config } from "../commands/nock-github.js";
import { startAlertReceiver, type AlertReceiver } from "./alert-receiver.js";

const SECRET_ENV = "LANES_HOST_ALERT_SECRET";
const repo = { owner: "Codertocat", repo: "Hello-World" };
const worker = { role: "developer" as const, agent: "a1" };

describe("silent runner hosts (fake clock, real Redis)", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  let receiver: AlertReceiver;
  let store: StateStore;
  let scheduler: Scheduler;

  beforeAll(async () => {
    receiver = await startAlertReceiver();
  });
  afterAll(() => receiver?.close());

  beforeEach(async () => {
    receiver.received.length = 0;
    config(
      nock(API),
      [
        "alerts:",
        "  host_silent_minutes: 5",
        "  webhooks:",
        `    - { url: "${receiver.url}", secret_env: ${SECRET_ENV} }`,
      ].join("\n"),
    );
    store = await stores.open({ leaseMs: 600_000 });
    const github = createGitHubPort({
      auth: { type: "token", token: "ghs_test" },
      baseUrl: API,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    const deps: TeamDeps = {
      repo,
      github,
      store,
      log: silentLogger(),
      files: createRepoFilesCache(),
      env: { [SECRET_ENV]: "host-secret" },
    };
    scheduler = createScheduler({
      targets: async () => [deps],
      fire: (d, t) => fireTimer(d, t),
      log: silentLogger(),
      clock: stores.clock,
    });
    await scheduleHostCheck(deps);
  });
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
  });

  /** `minutes` minutes, one at a time: the `alive` hosts heartbeat, then the due timers fire. */
  async function minutesPass(minutes: number, alive: string[]): Promise<void> {
    for (let i = 0; i < minutes; i += 1) {
      stores.clock.advance(60_000);
      for (const host of alive) await store.heartbeatHost(host, 30_000);
      await scheduler.runDue();
    }
  }

  const kinds = () => receiver.received.map((r) => r.payload.lanes.kind);

  it("alerts once when a host with lanes goes silent, even after the reaper drops it, and notes its return", async () => {
    await store.registerHost({ host: "runner-a", ttlMs: 30_000 });
    await store.registerHost({ host: "runner-idle", ttlMs: 30_000 });
    await store.enqueue(job({ id: "j1" }));
    expect(await store.claim({ ...worker, host: "runner-a" })).not.toBeNull();

    await minutesPass(2, ["runner-a", "runner-idle"]);
    await minutesPass(5, ["runner-idle"]); // runner-a last seen 5 minutes ago: not yet past the threshold
    expect(kinds()).toEqual([]);

    await minutesPass(1, ["runner-idle"]);
    expect(kinds()).toEqual(["host-silent"]);
    expect(receiver.received[0]?.payload.text).toContain("Runner host runner-a is silent");
    expect(receiver.received[0]?.payload.text).toContain("it had 1 lane(s)");

    // the reaper requeues its lane and drops the host; the checks go on without a second alert
    expect(await store.reap()).toMatchObject({ deadHosts: 1 });
    await minutesPass(30, []); // runner-idle, without lanes, goes silent too: no alert for it
    expect(kinds()).toEqual(["host-silent"]);

    await store.registerHost({ host: "runner-a", ttlMs: 30_000 });
    await minutesPass(1, ["runner-a"]);
    expect(kinds()).toEqual(["host-silent", "host-back"]);
    expect(receiver.received[1]?.payload.text).toContain("heartbeating again after 37 min");
    await minutesPass(3, ["runner-a"]);
    expect(kinds()).toHaveLength(2);

    const audit = (await store.readAudit()).filter((e) => e.type === "alert-delivered");
    expect(audit).toHaveLength(2);
  });

  it("a second outage of the same host alerts again", async () => {
    await store.registerHost({ host: "runner-b", ttlMs: 30_000 });
    await store.enqueue(job({ id: "j2" }));
    await store.claim({ ...worker, host: "runner-b" });
    await minutesPass(7, []);
    await minutesPass(2, ["runner-b"]);
    await minutesPass(7, []);
    expect(kinds()).toEqual(["host-silent", "host-back", "host-silent"]);
  });
});

describe("judgeHost", () => {
  const min = 60_000;
  it("forgets a reaped host without lanes after a week, and keeps one it has not yet alerted about", () => {
    expect(judgeHost({ lastSeen: 0, lanes: 0 }, null, 8 * 1440 * min, 10 * min)).toEqual({
      next: null,
      event: null,
    });
    expect(judgeHost({ lastSeen: 0, lanes: 0 }, null, 20 * min, 10 * min)).toEqual({
      next: { lastSeen: 0, lanes: 0 },
      event: null,
    });
  });
});
