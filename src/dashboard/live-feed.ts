// The live feed behind the page's server-sent events: one follower per repository (XREAD BLOCK on the
// audit and lane log streams) while at least one page is open. Log lines go out as they arrive; any audit
// entry triggers one rebuilt snapshot for every page (debounced, never two builds at once). No polling.
import type { Logger } from "../observe/logger.js";
import type { BoardFeedItem, BoardFollower } from "../state/index.js";
import type { DashboardSnapshot, DashboardSource } from "./build-snapshot.js";

export interface FeedClient {
  send(event: "snapshot" | "log", data: unknown): void;
}

export interface LiveFeedOptions {
  sources: () => Promise<DashboardSource[]>;
  snapshot: (sources: DashboardSource[]) => Promise<DashboardSnapshot>;
  log: Logger;
  /** Audit entries arriving within this window cause one snapshot (ms). */
  debounceMs?: number;
}

export interface LiveFeed {
  /** Sends the current snapshot to the client, then everything new; returns the unsubscribe. */
  subscribe(client: FeedClient): Promise<() => void>;
  close(): void;
}

export function createLiveFeed(options: LiveFeedOptions): LiveFeed {
  const clients = new Set<FeedClient>();
  const followers = new Map<string, BoardFollower>();
  let building: Promise<void> | undefined;
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;

  const broadcast = (event: "snapshot" | "log", data: unknown) => {
    for (const client of clients) client.send(event, data);
  };

  async function currentSnapshot(): Promise<DashboardSnapshot> {
    const sources = await options.sources();
    if (clients.size > 0) follow(sources);
    return options.snapshot(sources);
  }

  function rebuild(): void {
    if (building) {
      dirty = true;
      return;
    }
    building = currentSnapshot()
      .then((snapshot) => broadcast("snapshot", snapshot))
      .catch((error: unknown) => options.log.warn({ err: String(error) }, "dashboard snapshot failed"))
      .finally(() => {
        building = undefined;
        if (dirty) {
          dirty = false;
          schedule();
        }
      });
  }

  function schedule(): void {
    timer ??= setTimeout(() => {
      timer = undefined;
      rebuild();
    }, options.debounceMs ?? 100);
  }

  function onItems(repo: string, items: BoardFeedItem[]): void {
    const lines = new Map<string, string[]>();
    let changed = false;
    for (const item of items) {
      if (item.kind === "log") {
        const list = lines.get(item.lane) ?? [];
        list.push(item.line.text);
        lines.set(item.lane, list);
      } else changed = true;
    }
    for (const [lane, text] of lines) broadcast("log", { repo, lane, lines: text });
    if (changed) schedule();
  }

  function follow(sources: DashboardSource[]): void {
    for (const source of sources) {
      if (followers.has(source.repo)) continue;
      followers.set(
        source.repo,
        source.store.followBoard((items) => onItems(source.repo, items)),
      );
    }
  }

  function stopFollowing(): void {
    for (const follower of followers.values()) follower.stop();
    followers.clear();
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  return {
    async subscribe(client) {
      clients.add(client);
      client.send("snapshot", await currentSnapshot());
      return () => {
        clients.delete(client);
        if (clients.size === 0) stopFollowing();
      };
    },
    close() {
      clients.clear();
      stopFollowing();
    },
  };
}
