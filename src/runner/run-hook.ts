// `lanes hook EVENT`: turns a Claude Code hook call (JSON on stdin) into one line of the stack's
// event log. It must never break the agent, so problems are reported and the exit code stays 0.
// Claude Code runs it on every Stop, Notification and session event: it imports nothing but node's
// fs (no zod, no logger), and checks its input by hand. The supervisor validates the line it reads.
import { appendFile } from "node:fs/promises";
import type { LaneEvent } from "./lane-events.js";

export interface HookResult {
  recorded: LaneEvent | null;
  /** Why nothing was recorded (not run inside a lane, unreadable input). */
  problem?: string;
}

/** A string field of the hook input, cut to `max` characters; absent when missing or not a string. */
function text(input: Record<string, unknown>, key: string, max: number): string | undefined {
  const value = input[key];
  return typeof value === "string" && value.length > 0 ? value.slice(0, max) : undefined;
}

export async function runHook(
  event: string,
  stdin: string,
  env: NodeJS.ProcessEnv,
  now = Date.now(),
): Promise<HookResult> {
  const log = env.LANES_EVENTS;
  const lane = env.LANES_LANE;
  if (!log || !lane)
    return {
      recorded: null,
      problem: "not inside a Lanes lane (LANES_EVENTS and LANES_LANE are unset); nothing recorded",
    };
  let raw: unknown = {};
  if (stdin.trim().length > 0) {
    try {
      raw = JSON.parse(stdin);
    } catch {
      return { recorded: null, problem: `hook input for ${event} is not JSON; nothing recorded` };
    }
  }
  const input =
    typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const fields = {
    sessionId: text(input, "session_id", 200),
    transcriptPath: text(input, "transcript_path", 4096),
    message: text(input, "message", 4000),
    source: text(input, "source", 100),
    reason: text(input, "reason", 200),
    notificationType: text(input, "notification_type", 100),
  };
  const record: LaneEvent = {
    lane,
    event: event.slice(0, 64),
    at: now,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
  // one small append (< PIPE_BUF) per event: lines from many hooks never interleave
  await appendFile(log, `${JSON.stringify(record)}\n`);
  return { recorded: record };
}
