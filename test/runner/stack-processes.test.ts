import { describe, expect, it } from "vitest";
import { processesOf, type ProcessInfo } from "../../src/runner/stack-processes.js";
import { restartDelayMs } from "../../src/runner/supervisor-restarts.js";

const proc = (pid: number, ppid: number, pgid: number, sid: number): ProcessInfo => ({
  pid,
  ppid,
  pgid,
  sid,
});

describe("the processes of a stack", () => {
  it("finds a pane's program, its children in other process groups and orphans still in its session", () => {
    const all = [
      proc(100, 1, 100, 100), // pane program (session leader)
      proc(101, 100, 101, 100), // child in its own group
      proc(102, 101, 102, 102), // grandchild that started a new session
      proc(103, 1, 103, 100), // orphan reparented to init, still in the pane's session
      proc(200, 1, 200, 200), // unrelated
    ];
    expect(processesOf([100], all).sort()).toEqual([100, 101, 102, 103]);
  });

  it("never includes the calling process or init", () => {
    const all = [proc(1, 0, 1, 1), proc(process.pid, 50, 50, 50), proc(50, 1, 50, 50)];
    expect(processesOf([1, 50], all)).toEqual([50]);
  });
});

describe("the keeper's backoff", () => {
  it("restarts at once after a healthy run, then waits 1, 2, 4 … s in a crash loop, at most a minute", () => {
    expect([0, 1, 2, 3, 4, 7, 20].map(restartDelayMs)).toEqual([
      0, 1_000, 2_000, 4_000, 8_000, 60_000, 60_000,
    ]);
  });
});
