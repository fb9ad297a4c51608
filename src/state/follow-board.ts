// Follows the audit stream and every lane's log stream with XREAD BLOCK on a connection of its own: the
// dashboard's live feed. No polling — Redis answers when an entry arrives. A lane announced on the audit
// stream (type `lane`) has its log stream followed from then on.
import type { Redis } from "ioredis";
import { AuditEntrySchema, type AuditEntry } from "./audit-log.js";
import { fieldOf, laneBoardKeys, type LaneLogLine } from "./lane-board.js";
import type { StoreCore } from "./store-core.js";

export type BoardFeedItem =
  { kind: "audit"; entry: AuditEntry } | { kind: "log"; lane: string; line: LaneLogLine };

export interface BoardFollower {
  stop(): void;
}

export interface FollowBoardOptions {
  /** How long one XREAD waits before it is renewed (ms). */
  blockMs?: number;
  /** Entries read at most per XREAD. */
  count?: number;
}

type StreamReply = [key: string, entries: [id: string, fields: string[]][]][];

function auditEntry(id: string, flat: readonly string[]): AuditEntry | undefined {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const value = flat[i + 1] as string;
    if (value !== "") fields[flat[i] as string] = value;
  }
  const parsed = AuditEntrySchema.safeParse({ id, ...fields });
  return parsed.success ? parsed.data : undefined;
}

async function lastId(redis: Redis, key: string): Promise<string> {
  const rows = await redis.xrevrange(key, "+", "-", "COUNT", 1);
  return rows[0]?.[0] ?? "0-0";
}

export function makeBoardFollower(core: StoreCore) {
  const board = laneBoardKeys(core.prefix);

  /** Calls `onItems` with each batch of new entries until `stop()`; transient errors are retried. */
  function followBoard(
    onItems: (items: BoardFeedItem[]) => void,
    options: FollowBoardOptions = {},
  ): BoardFollower {
    const connection = core.redis.duplicate({ maxRetriesPerRequest: null });
    connection.on("error", () => undefined);
    let stopped = false;
    const cursors = new Map<string, string>();
    const laneOf = new Map<string, string>();

    async function follow(id: string, from?: string): Promise<void> {
      const key = board.log(id);
      if (cursors.has(key)) return;
      laneOf.set(key, id);
      cursors.set(key, from ?? (await lastId(connection, key)));
    }

    async function start(): Promise<void> {
      cursors.set(core.keys.audit, await lastId(connection, core.keys.audit));
      for (const id of await connection.zrevrange(board.lanes, 0, -1)) await follow(id);
    }

    async function readOnce(): Promise<void> {
      const keys = [...cursors.keys()];
      const reply = (await connection.xread(
        "COUNT",
        options.count ?? 500,
        "BLOCK",
        options.blockMs ?? 5_000,
        "STREAMS",
        ...keys,
        ...keys.map((k) => cursors.get(k) as string),
      )) as StreamReply | null;
      if (!reply) return;
      const items: BoardFeedItem[] = [];
      for (const [key, entries] of reply) {
        const last = entries.at(-1);
        if (last) cursors.set(key, last[0]);
        for (const [id, flat] of entries) {
          if (key === core.keys.audit) {
            const entry = auditEntry(id, flat);
            if (!entry) continue;
            items.push({ kind: "audit", entry });
            // a new lane's log is read from its start: its first lines may already be there
            if (entry.type === "lane" && entry.job) await follow(entry.job, "0-0");
          } else
            items.push({
              kind: "log",
              lane: laneOf.get(key) ?? "",
              line: { id, text: fieldOf(flat, "line") },
            });
        }
      }
      if (items.length > 0) onItems(items);
    }

    void (async () => {
      while (!stopped) {
        try {
          if (!cursors.has(core.keys.audit)) await start();
          await readOnce();
        } catch (error) {
          if (stopped) return;
          core.log.warn({ err: String(error) }, "board feed read failed, retrying");
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    })();

    return {
      stop() {
        stopped = true;
        connection.disconnect();
      },
    };
  }

  return { followBoard };
}
