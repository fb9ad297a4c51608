import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_PRICES, type Budgets } from "../../src/config/usage-schema.js";
import { silentLogger } from "../../src/observe/logger.js";
import type { LaneReport } from "../../src/runner/lane-reporter.js";
import type { JobPort, LaneJob } from "../../src/runner/job-port.js";
import { LaneDriver } from "../../src/runner/lane-driver.js";
import { loadLane, type LaneRecord } from "../../src/runner/lane-record.js";
import type { LaneHost } from "../../src/runner/lane-setup.js";
import { stackStatus, renderStackStatus } from "../../src/runner/stack-status.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { privateTmux } from "../support/tmux.js";

const SESSION = "0b7e3c1e-5a52-4d0c-9a43-1f1f6f0c2d10";
const NOW = Date.parse("2026-12-01T12:00:00Z");
const NO_BUDGET: Budgets = { lane: {}, day: {} };

/** A job port that only records what the driver asked of it (no claim happens in these tests). */
function recordingStore(calls: string[]): JobPort {
  return {
    claim: async () => null,
    heartbeat: async () => NOW + 60_000,
    ack: async () => (calls.push("ack"), true),
    fail: async (_lease, reason) =>
      (calls.push(`fail: ${reason}`), { outcome: "retry", attempts: 1 }) as never,
    registerHost: async () => undefined,
    heartbeatHost: async () => undefined,
    reap: async () => undefined,
    recordLaneUsage: async (lane, entry) => {
      calls.push(`usage ${lane} ${entry.role} ${entry.tokens} ${entry.costUsd}`);
    },
    scheduleCheckIn: async () => undefined,
    dueCheckIns: async () => [],
    removeCheckIn: async () => undefined,
    clearCheckIns: async () => undefined,
  };
}

describe("lane driver: permission prompts, tokens, cost and budgets", () => {
  let tmp: TempDir;
  let tmux: Tmux;
  let paneId: string;
  beforeEach(async () => {
    tmp = await makeTempDir("lanes-usage");
    tmux = new Tmux(privateTmux().socket);
    paneId = await tmux.newSession({ session: "s", window: "developer-12", cwd: tmp.path, command: ["cat"] });
    await mkdir(join(tmp.path, "wt"));
    await copyFile("test/fixtures/transcripts/lane-session.jsonl", join(tmp.path, "transcript.jsonl"));
  }, 60_000);
  afterEach(async () => {
    await tmux.killServer();
    await tmp.remove();
  }, 60_000);

  function driver(budgets: Budgets, calls: string[] = [], reports: LaneReport[] = []): LaneDriver {
    const paths = stackPaths({ LANES_HOME: tmp.path }, "s");
    const lane: LaneRecord = {
      id: "job-12",
      role: "developer",
      issue: 12,
      title: "Health",
      branch: "lanes/developer/12-health",
      worktree: join(tmp.path, "wt"),
      window: "developer-12",
      paneId,
      state: "working",
      sessionId: SESSION,
      sessionUsed: true,
      briefFile: paths.brief("job-12"),
      settingsFile: paths.settings("job-12"),
      permissionMode: "dontAsk",
      briefed: true,
      restarts: 0,
      startedAt: NOW,
      commits: 0,
      limitAttempts: 0,
      limitLinesSeen: 0,
      lease: { jobId: "job-12", token: "t", host: "h", agent: "a", leaseUntil: NOW + 60_000 },
    };
    const job: LaneJob = {
      id: "job-12",
      issue: 12,
      role: "developer",
      title: "Health",
      kind: "build",
      payload: {},
      attempts: 0,
      maxAttempts: 3,
    } as LaneJob;
    const host = {
      repo: tmp.path,
      base: "main",
      worktreeRoot: tmp.path,
      session: "s",
      tmux,
      paths,
    } as LaneHost;
    return new LaneDriver(
      {
        host,
        store: recordingStore(calls),
        log: silentLogger(),
        now: () => NOW,
        finish: { repo: tmp.path, base: "main" },
        maxRestarts: 1,
        briefFallbackMs: 60_000,
        usage: { prices: DEFAULT_PRICES, budgets },
        reporter: { report: async (_job, report) => void reports.push(report) },
      },
      lane,
      job,
    );
  }

  it("moves a lane to waiting with the request when Claude Code shows a permission prompt, and back on its next turn", async () => {
    const d = driver(NO_BUDGET);
    const message = "Claude needs your permission to use Bash";
    await d.onEvent({
      lane: "job-12",
      event: "Notification",
      at: NOW,
      message,
      notificationType: "permission_prompt",
    });
    expect(d.lane).toMatchObject({ state: "waiting", waitingFor: message });
    const status = stackStatus("s", [d.lane], [], NOW);
    expect(status.lanes[0]?.waitingFor).toBe(message);
    expect(renderStackStatus(status)).toContain(`↳ waiting for permission: ${message}`);
    await d.onEvent({ lane: "job-12", event: "Stop", at: NOW + 1 });
    expect(d.lane.state).toBe("idle");
    expect(d.lane.waitingFor).toBeUndefined();
  });

  it("counts tokens and cost from the transcript on Stop, per lane and per role in stack status, for /metrics and the PRP", async () => {
    const calls: string[] = [];
    const reports: LaneReport[] = [];
    const d = driver(NO_BUDGET, calls, reports);
    await d.onEvent({
      lane: "job-12",
      event: "Stop",
      at: NOW,
      sessionId: SESSION,
      transcriptPath: join(tmp.path, "transcript.jsonl"),
    });
    expect(d.lane.usage).toMatchObject({ tokens: 25_403, costUsd: 0.054574 });
    // for /metrics (every count) and the PRP's status comment (at most every five minutes)
    expect(calls).toEqual(["usage job-12 developer 25403 0.054574"]);
    expect(reports).toEqual([
      { kind: "usage", usage: expect.objectContaining({ tokens: 25_403, costUsd: 0.054574 }) },
    ]);
    await d.onEvent({ lane: "job-12", event: "Stop", at: NOW + 1, sessionId: SESSION });
    expect(reports).toHaveLength(1);
    expect(calls).toHaveLength(2);
    const saved = await loadLane(stackPaths({ LANES_HOME: tmp.path }, "s").lane("job-12"));
    expect(saved?.usage?.tokens).toBe(25_403);
    const status = stackStatus("s", [d.lane], [], NOW);
    expect(status.usage.roles).toEqual({ developer: { tokens: 25_403, costUsd: 0.054574 } });
    expect(renderStackStatus(status)).toContain(
      "usage: developer 25.4k tokens, $0.05; total 25.4k tokens, $0.05",
    );
  });

  it("pauses a lane over its token budget with the reason, and the stack over today's cost until midnight", async () => {
    const transcriptPath = join(tmp.path, "transcript.jsonl");
    const lane = driver({ lane: { tokens: 20_000 }, day: {} });
    await lane.onEvent({ lane: "job-12", event: "Stop", at: NOW, sessionId: SESSION, transcriptPath });
    expect(lane.lane).toMatchObject({
      state: "paused",
      note: expect.stringContaining("25403 tokens of 20000"),
    });
    expect(lane.lane.pausedUntil).toBeUndefined();

    const day = driver({ lane: {}, day: { cost_usd: 0.001 } });
    await day.onEvent({ lane: "job-12", event: "Stop", at: NOW, sessionId: SESSION, transcriptPath });
    // only the haiku message of the fixture falls on 2026-12-01: $0.001 reaches the cap
    expect(day.lane).toMatchObject({ state: "paused", note: expect.stringContaining("$0.0010 of $0.0010") });
    expect(day.lane.pausedUntil).toBe(Date.parse("2026-12-02T00:02:00Z"));
  });
});
