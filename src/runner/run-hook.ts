// `lanes hook EVENT`: turns a Claude Code hook call (JSON on stdin) into one line of the stack's
// event log. It must never break the agent, so problems are reported and the exit code stays 0.
import { z } from "zod";
import { appendLaneEvent, type LaneEvent } from "./lane-events.js";

const HookInputSchema = z.looseObject({
  session_id: z.string().max(200).optional(),
  transcript_path: z.string().max(4096).optional(),
  cwd: z.string().optional(),
  hook_event_name: z.string().optional(),
  message: z.string().optional(),
  source: z.string().optional(),
  reason: z.string().optional(),
  notification_type: z.string().optional(),
});

export interface HookResult {
  recorded: LaneEvent | null;
  /** Why nothing was recorded (not run inside a lane, unreadable input). */
  problem?: string;
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
  const parsed = HookInputSchema.safeParse(raw);
  const input = parsed.success ? parsed.data : {};
  const record: LaneEvent = {
    lane,
    event: event.slice(0, 64),
    at: now,
    ...(input.session_id ? { sessionId: input.session_id } : {}),
    ...(input.transcript_path ? { transcriptPath: input.transcript_path } : {}),
    ...(input.message ? { message: input.message.slice(0, 4000) } : {}),
    ...(input.source ? { source: input.source.slice(0, 100) } : {}),
    ...(input.reason ? { reason: input.reason.slice(0, 200) } : {}),
    ...(input.notification_type ? { notificationType: input.notification_type.slice(0, 100) } : {}),
  };
  await appendLaneEvent(log, record);
  return { recorded: record };
}
