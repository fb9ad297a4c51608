// Watches the runner hosts' heartbeats (state/host-registry) from the App's scheduler: a host with lanes on it
// that has been silent longer than `alerts.host_silent_minutes` raises one alert per outage, not one per
// check, and a "back" notice when it heartbeats again. The watch outlives the reaper, which drops a dead
// host and requeues its lanes, so a reaped host is still reported. Never touches a host's leases.
import * as z from "zod";
import type { HostInfo } from "../../state/index.js";
import { repoName } from "../repo-deps.js";
import { raiseAlert } from "./raise-alert.js";
import { readRepoConfig } from "./repo-config.js";
import type { TeamDeps } from "./team-deps.js";
import { schedule } from "./timers.js";

/** How often the hosts are checked. */
export const HOST_CHECK_MS = 60_000;
/** A host gone from the registry this long without lanes is forgotten. */
export const HOST_FORGET_MS = 7 * 86_400_000;

const WatchSchema = z.object({
  lastSeen: z.number(),
  /** Lanes it held when last counted (kept while it is silent: the reaper requeues them). */
  lanes: z.number().int().nonnegative(),
  /** The `lastSeen` of the outage already alerted. */
  alerted: z.number().optional(),
});
export type HostWatch = z.infer<typeof WatchSchema>;

export type HostEvent = "silent" | "back" | null;

/**
 * The next watch record of one host (null: forget it) and what to announce, from the last record and what
 * the registry shows now (null: the reaper dropped it). Pure.
 */
export function judgeHost(
  prev: HostWatch | undefined,
  current: { lastSeen: number; lanes: number } | null,
  now: number,
  silentMs: number,
): { next: HostWatch | null; event: HostEvent } {
  if (current === null) {
    if (prev === undefined) return { next: null, event: null };
    const silent = now - prev.lastSeen > silentMs;
    if (silent && prev.lanes > 0 && prev.alerted === undefined)
      return { next: { ...prev, alerted: prev.lastSeen }, event: "silent" };
    if (now - prev.lastSeen > HOST_FORGET_MS) return { next: null, event: null };
    return { next: prev, event: null };
  }
  const silent = now - current.lastSeen > silentMs;
  if (!silent)
    return {
      next: { lastSeen: current.lastSeen, lanes: current.lanes },
      event: prev?.alerted !== undefined ? "back" : null,
    };
  const lanes = Math.max(current.lanes, prev?.lanes ?? 0);
  const alerted = prev?.alerted;
  if (lanes > 0 && alerted === undefined)
    return { next: { lastSeen: current.lastSeen, lanes, alerted: current.lastSeen }, event: "silent" };
  return {
    next: { lastSeen: current.lastSeen, lanes, ...(alerted === undefined ? {} : { alerted }) },
    event: null,
  };
}

function readWatch(raw: string | undefined): HostWatch | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = WatchSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/** `outage`: the last heartbeat before the silence, which names the outage in the alert keys. */
async function announce(
  deps: TeamDeps,
  host: string,
  event: "silent" | "back",
  watch: HostWatch,
  outage: number,
) {
  const now = deps.store.now();
  const since = new Date(watch.lastSeen).toISOString();
  const repo = repoName(deps.repo);
  if (event === "silent")
    return raiseAlert(deps, {
      key: `host-silent:${host}:${outage}`,
      kind: "host-silent",
      title: `Runner host ${host} is silent`,
      text: `no heartbeat for ${minutes(now - watch.lastSeen)} min (last seen ${since}); it had ${watch.lanes} lane(s), which go back to the queue when their leases expire`,
      repo,
    });
  return raiseAlert(deps, {
    key: `host-back:${host}:${outage}`,
    kind: "host-back",
    title: `Runner host ${host} is back`,
    text: `heartbeating again after ${minutes(watch.lastSeen - outage)} min of silence`,
    repo,
  });
}

/** Checks every watched and registered host once and schedules the next check. Returns what it announced. */
export async function checkHosts(deps: TeamDeps): Promise<{ host: string; event: "silent" | "back" }[]> {
  const config = await readRepoConfig(deps);
  const silentMs = config.alerts.host_silent_minutes * 60_000;
  const now = deps.store.now();
  const watch = await deps.store.readHostWatch();
  const registered = new Map<string, HostInfo>((await deps.store.listHosts()).map((h) => [h.host, h]));
  const announced: { host: string; event: "silent" | "back" }[] = [];
  for (const host of new Set([...Object.keys(watch), ...registered.keys()])) {
    const info = registered.get(host);
    const prev = readWatch(watch[host]);
    const current = info ? { lastSeen: info.lastSeen, lanes: await deps.store.hostLaneCount(host) } : null;
    const { next, event } = judgeHost(prev, current, now, silentMs);
    if (event !== null && next !== null) {
      await announce(
        deps,
        host,
        event,
        next,
        (event === "back" ? prev?.alerted : next.alerted) ?? next.lastSeen,
      );
      announced.push({ host, event });
    }
    await deps.store.writeHostWatch(host, next === null ? null : JSON.stringify(next));
  }
  await scheduleHostCheck(deps);
  return announced;
}

/** The next check; `keep` leaves one already scheduled where it is. */
export function scheduleHostCheck(deps: Pick<TeamDeps, "store">, options: { keep?: boolean } = {}) {
  return schedule(deps, { kind: "hosts" }, deps.store.now() + HOST_CHECK_MS, options);
}
