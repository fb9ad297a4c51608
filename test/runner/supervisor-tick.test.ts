// The supervisor's timer never builds a backlog of ticks: a tick asked for while the last one is queued
// or running is skipped, so a command or event waits behind at most one tick however slow ticks get.
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import type { JobPort } from "../../src/runner/job-port.js";
import type { LaneHost } from "../../src/runner/lane-setup.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor } from "../../src/runner/supervisor.js";

const TICK_WORK_MS = 200;

/** A store whose host heartbeat takes TICK_WORK_MS, like Redis on a machine under heavy load. */
function slowStore(trace: string[]): JobPort {
  return {
    claim: () => Promise.resolve(null),
    heartbeat: () => Promise.resolve(null),
    ack: () => Promise.resolve(true),
    fail: () => Promise.resolve({ outcome: "stale" }),
    registerHost: () => Promise.resolve(),
    heartbeatHost: async () => {
      trace.push("tick");
      await new Promise((r) => setTimeout(r, TICK_WORK_MS));
    },
    reap: () => Promise.resolve(0),
    scheduleCheckIn: () => Promise.resolve(),
    dueCheckIns: () => Promise.resolve([]),
    removeCheckIn: () => Promise.resolve(),
    clearCheckIns: () => Promise.resolve(),
  };
}

function supervisorWith(store: JobPort): Supervisor {
  // With no lanes a tick touches only the store: the host is never used.
  const host = { paths: stackPaths({ LANES_HOME: "/nonexistent" }, "tick") } as unknown as LaneHost;
  return new Supervisor({
    name: "tick",
    hostName: "host-a",
    roles: ["developer"],
    agents: 1,
    leaseMs: 60_000,
    store,
    log: silentLogger(),
    maxRestarts: 1,
    briefFallbackMs: 60_000,
    host,
    finish: { repo: "/nonexistent", base: "main" },
  });
}

describe("supervisor ticks", () => {
  let timer: NodeJS.Timeout | undefined;
  afterEach(() => clearInterval(timer));

  it("skips a tick while the last one still runs, so a 20 ms timer over 200 ms ticks builds no backlog", async () => {
    const trace: string[] = [];
    const supervisor = supervisorWith(slowStore(trace));
    let asked = 0;
    timer = setInterval(() => {
      asked += 1;
      void supervisor.tick();
    }, 20);
    await new Promise((r) => setTimeout(r, 1_000));
    clearInterval(timer);
    const ranWhenStopped = trace.length;
    await supervisor.settle();

    // One queued tick would have run per timer firing; only the ones that found no tick pending did.
    expect(asked).toBeGreaterThan(20);
    expect(ranWhenStopped).toBeLessThanOrEqual(Math.ceil(1_000 / TICK_WORK_MS) + 1);
    // Nothing was left queued: after the timer stops at most the tick under way finishes.
    expect(trace.length - ranWhenStopped).toBeLessThanOrEqual(1);
    expect(supervisor.skippedTicks).toBe(asked - trace.length);
  });

  it("runs a command asked for during a storm of ticks after at most one of them", async () => {
    const trace: string[] = [];
    const supervisor = supervisorWith(slowStore(trace));
    timer = setInterval(() => void supervisor.tick(), 10);
    await new Promise((r) => setTimeout(r, 300));
    const ticksBefore = trace.length;
    // settle() is queued like a control command or a hook event: behind what is already queued.
    await supervisor.settle();
    trace.push("command");
    clearInterval(timer);

    expect(trace.indexOf("command") - ticksBefore).toBeLessThanOrEqual(1);
  });

  it("starts a fresh tick once the last one has finished", async () => {
    const trace: string[] = [];
    const supervisor = supervisorWith(slowStore(trace));
    await supervisor.tick();
    await supervisor.tick();
    expect(trace).toEqual(["tick", "tick"]);
    expect(supervisor.skippedTicks).toBe(0);
  });
});
