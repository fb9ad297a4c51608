// The local event log of a stack: `lanes hook` appends one JSON line per agent event, the supervisor
// and the status window follow it with fs.watch (inotify), so hooks drive the stack without polling.
import { watch, type FSWatcher } from "node:fs";
import { appendFile, mkdir, open, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import * as z from "zod";

export const LaneEventSchema = z.object({
  /** The lane (job) the event belongs to. */
  lane: z.string().min(1),
  /** Claude Code hook name (Stop, Notification, SessionStart, SessionEnd) or a supervisor event. */
  event: z.string().min(1).max(64),
  at: z.number(),
  sessionId: z.string().max(200).optional(),
  transcriptPath: z.string().max(4096).optional(),
  message: z.string().max(4000).optional(),
  source: z.string().max(100).optional(),
  reason: z.string().max(200).optional(),
  /** Claude Code's `notification_type` of a Notification, e.g. `permission_prompt`, `idle_prompt`. */
  notificationType: z.string().max(100).optional(),
});
export type LaneEvent = z.infer<typeof LaneEventSchema>;

/** The event `lanes say` appends after pasting into a waiting lane's pane: the question is answered. */
export const ANSWERED_EVENT = "Answered";

/** A Notification that says the agent waits for a permission it was not given. */
export function isPermissionPrompt(event: LaneEvent): boolean {
  if (event.event !== "Notification") return false;
  if (event.notificationType !== undefined) return event.notificationType === "permission_prompt";
  return /needs your permission/i.test(event.message ?? "");
}

/** Appends one event; small appends (< PIPE_BUF) from many processes never interleave. */
export async function appendLaneEvent(file: string, event: LaneEvent): Promise<void> {
  await appendFile(file, `${JSON.stringify(LaneEventSchema.parse(event))}\n`);
}

export async function ensureEventLog(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, "", { flag: "a" });
}

/**
 * Reads the complete lines after `offset`; returns the events, the offset after each of them (`ends`,
 * for a reader that records how far it got) and the offset after the last full line.
 */
export async function readLaneEvents(
  file: string,
  offset: number,
): Promise<{ events: LaneEvent[]; ends: number[]; offset: number }> {
  const size = (await stat(file)).size;
  if (size <= offset) return { events: [], ends: [], offset: Math.min(offset, size) };
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(size - offset);
    await handle.read(buffer, 0, buffer.length, offset);
    const text = buffer.toString("utf8");
    const end = text.lastIndexOf("\n");
    if (end < 0) return { events: [], ends: [], offset };
    const events: LaneEvent[] = [];
    const ends: number[] = [];
    let position = offset;
    for (const line of text.slice(0, end).split("\n")) {
      position += Buffer.byteLength(line) + 1;
      if (line.trim() === "") continue;
      try {
        const parsed = LaneEventSchema.safeParse(JSON.parse(line));
        if (parsed.success) {
          events.push(parsed.data);
          ends.push(position);
        }
      } catch {
        // a torn or foreign line is skipped; the log is advisory, the worktree is the truth
      }
    }
    return { events, ends, offset: offset + Buffer.byteLength(text.slice(0, end + 1)) };
  } finally {
    await handle.close();
  }
}

export interface EventFollower {
  stop(): void;
  /** The offset up to which events were delivered. */
  offset(): number;
}

/** Calls `onEvent` for every event after `offset` (with the offset after it), now and whenever the file grows. */
export function followLaneEvents(
  file: string,
  offset: number,
  onEvent: (event: LaneEvent, end: number) => void,
): EventFollower {
  let position = offset;
  let reading = false;
  let again = false;
  let stopped = false;
  const drain = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const { events, ends, offset: next } = await readLaneEvents(file, position);
        position = next;
        events.forEach((event, i) => {
          if (!stopped) onEvent(event, ends[i] ?? next);
        });
      } while (again && !stopped);
    } finally {
      reading = false;
    }
  };
  const watcher: FSWatcher = watch(file, () => void drain().catch(() => undefined));
  void drain().catch(() => undefined);
  return {
    stop() {
      stopped = true;
      watcher.close();
    },
    offset: () => position,
  };
}
