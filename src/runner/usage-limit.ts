// Recognises Claude Code's usage-limit messages and turns them into a resume instant.
// Pure: the clock and the host time zone are arguments; it never sleeps or schedules anything itself.
import { isTimeZone } from "../text/time-zone.js";

export interface UsageLimit {
  /** The instant the limit resets, as stated by the message. */
  resetAt: Date;
  /** When to resume the agent: the reset plus a margin (two minutes). */
  resumeAt: Date;
  /** "epoch" for `…|<epoch>`, "clock" for "resets 9pm (Zone)". */
  source: "epoch" | "clock";
  /** The zone the clock time was read in (the stated one, else the host's). */
  timeZone: string;
  /** The matched message, for logs and the PRP comment. */
  message: string;
}

export interface UsageLimitOptions {
  now: Date;
  /** Zone for clock times stated without one; defaults to the host's zone. */
  hostTimeZone?: string;
}

export const RESUME_MARGIN_MS = 2 * 60_000;
const REPROBE_MINUTES = [5, 10, 20, 40, 60] as const;

const EPOCH = /Claude AI usage limit reached\|(\d{9,13})/gi;
const LIMIT_PHRASE = /usage limit reached|limit will reset|limit reached|hit your [\w-]+ limit/i;
const RESET_CLOCK =
  /\breset(?:s)?(?:\s+at)?\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b(?:\s*\(([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)\))?/i;

export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function validZone(zone: string | undefined): zone is string {
  return zone !== undefined && isTimeZone(zone);
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(
  instant: number,
  timeZone: string,
): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour"), mi: get("minute") };
}

function zoneOffset(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(instant / 60_000) * 60_000;
}

/** The instant at which the wall clock in `timeZone` shows the given date and time (DST-aware). */
function zonedInstant(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): number {
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const first = naive - zoneOffset(naive, timeZone);
  return naive - zoneOffset(first, timeZone);
}

/** The next instant at or after `now` when the clock in `timeZone` reads hour:minute. */
export function nextClockTime(now: Date, hour: number, minute: number, timeZone: string): Date {
  const today = wallClock(now.getTime(), timeZone);
  const candidate = zonedInstant(today.y, today.mo, today.d, hour, minute, timeZone);
  if (candidate > now.getTime()) return new Date(candidate);
  return new Date(zonedInstant(today.y, today.mo, today.d + 1, hour, minute, timeZone));
}

function to24h(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem === undefined) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem.toLowerCase() === "pm";
  return (hour % 12) + (pm ? 12 : 0);
}

function limit(resetAt: Date, source: UsageLimit["source"], timeZone: string, message: string): UsageLimit {
  return { resetAt, resumeAt: new Date(resetAt.getTime() + RESUME_MARGIN_MS), source, timeZone, message };
}

function fromEpoch(text: string, zone: string): UsageLimit | undefined {
  const matches = [...text.matchAll(EPOCH)];
  const last = matches.at(-1);
  if (!last?.[1]) return undefined;
  const value = Number(last[1]);
  const ms = value > 1e12 ? value : value * 1000;
  return limit(new Date(ms), "epoch", zone, last[0]);
}

function fromClock(line: string, options: UsageLimitOptions, host: string): UsageLimit | undefined {
  const m = RESET_CLOCK.exec(line);
  if (!m?.[1]) return undefined;
  const hour = to24h(Number(m[1]), m[3]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour === undefined || minute > 59) return undefined;
  const zone = validZone(m[4]) ? m[4] : host;
  return limit(nextClockTime(options.now, hour, minute, zone), "clock", zone, line.trim());
}

/** Finds the most recent usage-limit message in text (e.g. a captured pane); undefined when none. */
export function detectUsageLimit(text: string, options: UsageLimitOptions): UsageLimit | undefined {
  const host = validZone(options.hostTimeZone) ? options.hostTimeZone : hostTimeZone();
  const lines = text.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    const epoch = fromEpoch(line, host);
    if (epoch) return epoch;
    if (!LIMIT_PHRASE.test(line)) continue;
    const clock = fromClock(line, options, host);
    if (clock) return clock;
  }
  return undefined;
}

/** Backoff for a re-probe after the stated reset proved wrong: 5, 10, 20, 40, then 60 minutes. */
export function reprobeDelayMs(attempt: number): number {
  const index = Math.min(Math.max(attempt, 1), REPROBE_MINUTES.length) - 1;
  return (REPROBE_MINUTES[index] as number) * 60_000;
}

/**
 * When to resume a paused agent. `attempt` counts resumes that met the limit again: 0 trusts the
 * message; after that the stated time has proved wrong, so the earlier of it and a backoff probe wins.
 */
export function planResume(found: UsageLimit, now: Date, attempt: number): Date {
  if (attempt <= 0) return found.resumeAt;
  const probe = now.getTime() + reprobeDelayMs(attempt);
  return new Date(Math.min(found.resumeAt.getTime(), probe));
}
