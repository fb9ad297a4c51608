// Posts the standup once a day, at `standup.time` in `standup.zone`, as a comment on the "Lanes standup"
// issue (created when missing, pinned when the App may), and schedules the next one. A day's standup is
// posted once however many replicas fire it (a per-day mark in Redis). Its tokens and cost are counted since
// the last posted one.
import type { LanesConfig } from "../../config/index.js";
import { errorMessage } from "../../errors.js";
import { readRepoConfig } from "./repo-config.js";
import { collectStandup, renderStandup } from "./standup-digest.js";
import { baselineOf, spendSince } from "./standup-spend.js";
import type { TeamDeps } from "./team-deps.js";
import { schedule } from "./timers.js";

const DAY_MS = 86_400_000;

/** The wall-clock offset of `zone` at `at` (ms to add to UTC). */
function zoneOffset(at: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The next moment after `now` when the clock in `zone` shows `time` (HH:MM). */
export function nextTimeOfDay(now: number, time: string, zone: string): number {
  const [hh = 0, mm = 0] = time.split(":").map(Number);
  const local = new Date(now + zoneOffset(now, zone));
  let candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hh, mm);
  for (let i = 0; i < 3; i += 1) {
    const at = candidate - zoneOffset(candidate, zone);
    if (at > now) return at;
    candidate += DAY_MS;
  }
  return candidate - zoneOffset(candidate, zone);
}

/** The local date (YYYY-MM-DD in `zone`) of `at`: a standup is posted once per local day. */
export function localDate(at: number, zone: string): string {
  return new Date(at + zoneOffset(at, zone)).toISOString().slice(0, 10);
}

export async function scheduleStandup(deps: TeamDeps, config: LanesConfig, options: { keep?: boolean } = {}) {
  const { time, zone } = config.standup;
  return schedule(deps, { kind: "standup" }, nextTimeOfDay(deps.store.now(), time, zone), options);
}

async function standupIssue(deps: TeamDeps, title: string): Promise<number> {
  const open = await deps.github.listIssues(deps.repo, { state: "open" });
  const found = open.find((i) => !i.isPullRequest && i.title === title);
  if (found) return found.number;
  const created = await deps.github.createIssue(deps.repo, {
    title,
    body: "Lanes posts its daily standup here, one comment a day (`standup:` in .github/lanes.yml), and pins this issue when its permissions allow.",
  });
  return created.number;
}

/** Pins the standup issue when the App may and it is not pinned; a failure is logged, never thrown. */
async function pinStandup(deps: TeamDeps, issue: number): Promise<void> {
  try {
    const how = await deps.github.pinIssue(deps.repo, issue);
    if (how === "already-pinned") return;
    if (how === "not-permitted")
      deps.log.info({ issue }, "the standup issue is not pinned: the App may not pin issues here");
    await deps.store.appendAudit({ type: `standup-${how}`, actor: "lanes", data: `#${issue}` });
  } catch (error) {
    deps.log.warn(
      { issue, err: errorMessage(error) },
      "could not pin the standup issue; the standup is posted",
    );
    await deps.store.appendAudit({
      type: "standup-pin-failed",
      actor: "lanes",
      data: `#${issue}: ${errorMessage(error)}`,
    });
  }
}

/** Posts today's standup unless it was posted; then schedules tomorrow's. Returns the issue, or null. */
export async function postStandup(deps: TeamDeps): Promise<number | null> {
  const config = await readRepoConfig(deps);
  const now = deps.store.now();
  const { zone, issue: title } = config.standup;
  let posted: number | null = null;
  if (await deps.store.markOnce(`standup:${localDate(now, zone)}`, 2 * 24 * 3600)) {
    const usage = await deps.store.laneUsage();
    const spend = spendSince(usage, await deps.store.usageBaseline());
    const digest = await collectStandup(deps.store, { since: now - DAY_MS, now, spend });
    posted = await standupIssue(deps, title);
    await deps.github.createComment(deps.repo, posted, renderStandup(digest));
    // the next standup counts its spend from the totals this one read
    await deps.store.saveUsageBaseline(baselineOf(usage, now));
    await deps.store.appendAudit({ type: "standup-posted", actor: "lanes", data: `#${posted}` });
    await pinStandup(deps, posted);
  }
  await scheduleStandup(deps, config);
  return posted;
}
