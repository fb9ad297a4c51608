// Role loops waiting for a free lane slot: a long-running supervisor waits thousands of times, so a wait
// must leave nothing behind on the supervisor's abort signal once it ends.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import type { JobPort } from "../../src/runner/job-port.js";
import type { LaneHost } from "../../src/runner/lane-setup.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor } from "../../src/runner/supervisor.js";

/** A store with no work: each claim waits `claimMs` and comes back empty, as a blocking pop that times out. */
function idleStore(claimMs: number, claims: { count: number }): JobPort {
  return {
    claim: async () => {
      claims.count += 1;
      await new Promise((r) => setTimeout(r, claimMs));
      return null;
    },
    heartbeat: () => Promise.resolve(null),
    ack: () => Promise.resolve(true),
    fail: () => Promise.resolve({ outcome: "stale" }),
    registerHost: () => Promise.resolve(),
    heartbeatHost: () => Promise.resolve(),
    reap: () => Promise.resolve(0),
    scheduleCheckIn: () => Promise.resolve(),
    dueCheckIns: () => Promise.resolve([]),
    removeCheckIn: () => Promise.resolve(),
    clearCheckIns: () => Promise.resolve(),
  };
}

describe("supervisor slots", () => {
  let home: string | undefined;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);

  afterEach(async () => {
    process.off("warning", onWarning);
    warnings.length = 0;
    if (home) await rm(home, { recursive: true, force: true });
    home = undefined;
  });

  it("removes a slot wait's abort listener when the wait ends: many waits raise no MaxListenersExceededWarning", async () => {
    home = await mkdtemp(join(tmpdir(), "lanes-slots-"));
    const host = { paths: stackPaths({ LANES_HOME: home }, "slots") } as unknown as LaneHost;
    const claims = { count: 0 };
    const supervisor = new Supervisor({
      name: "slots",
      hostName: "host-a",
      // two roles share one slot: while one claims, the other waits for the slot
      roles: ["developer", "tester"],
      agents: 1,
      leaseMs: 60_000,
      claimWaitMs: 1,
      store: idleStore(1, claims),
      log: silentLogger(),
      maxRestarts: 1,
      briefFallbackMs: 60_000,
      host,
      finish: { repo: home, base: "main" },
    });
    process.on("warning", onWarning);
    await supervisor.start();
    while (claims.count < 40) await new Promise((r) => setTimeout(r, 20));
    await supervisor.stop();
    // warnings are emitted on the next tick
    await new Promise((r) => setImmediate(r));

    expect(claims.count).toBeGreaterThanOrEqual(40);
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning").map((w) => w.message)).toEqual(
      [],
    );
  });
});
