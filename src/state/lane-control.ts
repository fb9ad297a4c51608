// The per-lane control channel: commands for a PRP's running agent (say, pause, resume, rebrief, cancel,
// schedule) as a Redis stream per PRP, read by whichever supervisor holds the lane, now or after it is picked
// up again elsewhere. Publishing is de-duplicated by the command's id; the applier's cursor (last applied
// entry) lives here too, so delivery is at-least-once and a redelivered command has one effect.
import * as z from "zod";
import type { BlockingPool } from "./wait-for-work.js";
import type { StoreCore } from "./store-core.js";

export const ControlMessageSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("say"), text: z.string().min(1).max(4000) }),
  z.object({ op: z.literal("pause") }),
  z.object({ op: z.literal("resume") }),
  z.object({ op: z.literal("rebrief") }),
  z.object({ op: z.literal("cancel") }),
  z.object({ op: z.literal("schedule"), dueAt: z.number(), note: z.string().min(1).max(2000) }),
]);
export type ControlMessage = z.infer<typeof ControlMessageSchema>;

export const ControlEntrySchema = z.object({
  /** The command's own id (`<comment id>-<line>`, or a CLI-made one). */
  id: z.string().min(1),
  actor: z.string(),
  at: z.number(),
  message: ControlMessageSchema,
});
export type ControlEntry = z.infer<typeof ControlEntrySchema> & { streamId: string };

/** Entries kept per lane: a lane's pending commands are few; the cap only bounds a forgotten lane. */
const STREAM_MAX = 500;
const ID_TTL_SEC = 3 * 24 * 3600;

// SET NX of the command id and XADD in one step: a redelivered command is neither lost nor added twice.
const PUBLISH = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'entry', ARGV[3])
end
return false`;

function parseEntries(rows: [string, string[]][]): ControlEntry[] {
  const entries: ControlEntry[] = [];
  for (const [streamId, fields] of rows) {
    const text = fields[fields.indexOf("entry") + 1];
    if (text === undefined) continue;
    try {
      const parsed = ControlEntrySchema.safeParse(JSON.parse(text));
      if (parsed.success) entries.push({ ...parsed.data, streamId });
    } catch {
      // not ours: skipped, and acknowledged with the rest
    }
  }
  return entries;
}

export function makeLaneControl(core: StoreCore, pool: BlockingPool) {
  const stream = (lane: string) => `${core.prefix}lane-control:${lane}`;
  const cursorKey = (lane: string) => `${core.prefix}lane-control-cursor:${lane}`;
  const idKey = (id: string) => `${core.prefix}control-id:${id}`;
  return {
    /** Queues a command for a PRP's lane (`lane` is the PRP's issue or backlog id); false when its id was seen. */
    async publishControl(lane: string, entry: z.infer<typeof ControlEntrySchema>): Promise<boolean> {
      const json = JSON.stringify(ControlEntrySchema.parse(entry));
      const added = await core.call("lane-control publish", () =>
        core.redis.eval(PUBLISH, 2, idKey(entry.id), stream(lane), ID_TTL_SEC, STREAM_MAX, json),
      );
      return added !== null;
    },
    /** Where the applier stopped: entries after this stream id are still to apply. */
    async controlCursor(lane: string): Promise<string> {
      return (await core.call("GET", () => core.redis.get(cursorKey(lane)))) ?? "0-0";
    },
    async ackControl(lane: string, streamId: string): Promise<void> {
      await core.call("SET", () => core.redis.set(cursorKey(lane), streamId));
    },
    /**
     * The entries after each lane's cursor, waiting up to `blockMs` (0: no wait) for the first (XREAD BLOCK on a pooled
     * connection, so a supervisor hears a command at once without polling). Aborting ends the wait.
     */
    async readControl(
      cursors: ReadonlyMap<string, string>,
      blockMs: number,
      signal?: AbortSignal,
    ): Promise<Map<string, ControlEntry[]>> {
      const result = new Map<string, ControlEntry[]>();
      if (cursors.size === 0) return result;
      const lanes = [...cursors.keys()];
      const connection = pool.acquire();
      const onAbort = () => pool.drop(connection);
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        // BLOCK 0 would wait forever: a wait of 0 ms reads once
        const wait = blockMs > 0 ? ["BLOCK", blockMs] : [];
        const reply = (await connection.call(
          "XREAD",
          "COUNT",
          100,
          ...wait,
          "STREAMS",
          ...lanes.map(stream),
          ...lanes.map((lane) => cursors.get(lane) ?? "0-0"),
        )) as [string, [string, string[]][]][] | null;
        for (const [key, rows] of reply ?? []) {
          const lane = lanes.find((l) => stream(l) === key);
          if (lane !== undefined) result.set(lane, parseEntries(rows));
        }
        return result;
      } catch (error) {
        if (signal?.aborted) return result;
        throw error;
      } finally {
        signal?.removeEventListener("abort", onAbort);
        if (!signal?.aborted) pool.release(connection);
      }
    },
  };
}
