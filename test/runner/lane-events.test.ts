import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendLaneEvent,
  ensureEventLog,
  followLaneEvents,
  readLaneEvents,
  type LaneEvent,
} from "../../src/runner/lane-events.js";
import { runHook } from "../../src/runner/run-hook.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

describe("lane event log and lanes hook", () => {
  let tmp: TempDir;
  let log: string;
  beforeEach(async () => {
    tmp = await makeTempDir("lanes-events");
    log = join(tmp.path, "events.jsonl");
    await ensureEventLog(log);
  });
  afterEach(async () => {
    await tmp.remove();
  });

  it("records a Claude Code hook payload with the lane and session id", async () => {
    const stdin = JSON.stringify({
      session_id: "abc-123",
      transcript_path: "/t.jsonl",
      cwd: "/w",
      hook_event_name: "Stop",
      extra: 1,
    });
    const result = await runHook("Stop", stdin, { LANES_EVENTS: log, LANES_LANE: "job-1" }, 1000);
    expect(result.recorded).toEqual({
      lane: "job-1",
      event: "Stop",
      at: 1000,
      sessionId: "abc-123",
      transcriptPath: "/t.jsonl",
    });
    const { events } = await readLaneEvents(log, 0);
    expect(events).toEqual([result.recorded]);
  });

  it("records nothing, without failing, outside a lane or for input that is not JSON", async () => {
    expect((await runHook("Stop", "{}", {})).problem).toMatch(/not inside a Lanes lane/);
    expect((await runHook("Stop", "not json", { LANES_EVENTS: log, LANES_LANE: "j" })).problem).toMatch(
      /not JSON/,
    );
    expect((await readLaneEvents(log, 0)).events).toEqual([]);
  });

  it("reads only complete lines after an offset and skips torn or foreign lines", async () => {
    await appendLaneEvent(log, { lane: "a", event: "Stop", at: 1 });
    await appendFile(log, 'garbage\n{"lane":"b"}\n{"lane":"c","event":"Stop",');
    const first = await readLaneEvents(log, 0);
    expect(first.events.map((e) => e.lane)).toEqual(["a"]);
    await appendFile(log, '"at":2}\n');
    const second = await readLaneEvents(log, first.offset);
    expect(second.events.map((e) => e.lane)).toEqual(["c"]);
  });

  it("follows the log: events written later are delivered without polling", async () => {
    await appendLaneEvent(log, { lane: "old", event: "Stop", at: 1 });
    const { offset } = await readLaneEvents(log, 0);
    const seen: LaneEvent[] = [];
    const follower = followLaneEvents(log, offset, (e) => seen.push(e));
    try {
      await appendLaneEvent(log, { lane: "new", event: "SessionStart", at: 2, sessionId: "s" });
      await waitUntil(async () => seen.length === 1, "the follower to see the event");
      expect(seen[0]?.lane).toBe("new");
    } finally {
      follower.stop();
    }
  });
});
