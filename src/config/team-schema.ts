// The `.github/lanes.yml` sections that keep a team of agents on course (issue 19): SLAs per priority,
// code owners, alert destinations, the daily standup and the deploy after an integration.
import * as z from "zod";
import { isTimeZone } from "../text/time-zone.js";

const DURATION = /^(\d{1,6})\s*(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `15m`, `4h`, `1d`: minutes, hours or days. */
export const DurationSchema = z
  .string()
  .trim()
  .regex(DURATION, 'expected a duration such as "15m", "4h" or "1d"');

/** Milliseconds of a duration DurationSchema accepted. */
export function durationMs(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const slaOf = (claim: string, pr: string) =>
  z
    .strictObject({
      /** From queued to claimed by an agent. */
      claim: DurationSchema.default(claim),
      /** From queued to a pull request. */
      pr: DurationSchema.default(pr),
    })
    .prefault({});

/** Seed 002's severities: P0 answered within 15 minutes, P1 an hour, P2 four hours, P3 the next day. */
export const SlaSchema = z.strictObject({
  P0: slaOf("15m", "4h"),
  P1: slaOf("1h", "1d"),
  P2: slaOf("4h", "3d"),
  P3: slaOf("1d", "7d"),
});
export type Sla = z.infer<typeof SlaSchema>;

const OwnerSchema = z
  .string()
  .trim()
  .regex(/^@[A-Za-z0-9][\w-]*(\/[A-Za-z0-9][\w.-]*)?$/, "expected @user or @org/team");

/** Path glob (CODEOWNERS syntax) → the people or teams who own it and must review changes to it. */
export const OwnersSchema = z.record(z.string().trim().min(1), z.array(OwnerSchema).min(1));
export type Owners = z.infer<typeof OwnersSchema>;

const WebhookSchema = z.strictObject({
  /** Where alerts are POSTed (Slack incoming webhooks accept the JSON as is). */
  url: z
    .string()
    .regex(/^https?:\/\/[^\s/]+/, "expected an http(s) URL such as https://hooks.slack.com/services/…"),
  /** The environment variable holding the HMAC-SHA256 signing secret (never the secret itself). */
  secret_env: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, "expected an environment variable name such as LANES_ALERT_SECRET"),
});
export type AlertWebhook = z.infer<typeof WebhookSchema>;

export const AlertsSchema = z.strictObject({
  webhooks: z.array(WebhookSchema).default([]),
  /** Mention the PRP's owners in one comment on its issue. */
  mention_owners: z.boolean().default(true),
  /** An agent's question unanswered this long raises an alert. */
  waiting_minutes: z.number().int().positive().default(30),
  /** A usage-limit pause longer than this raises an alert. */
  paused_minutes: z.number().int().positive().default(120),
  /** A runner host with lanes that has not heartbeaten this long raises an alert (and a notice when back). */
  host_silent_minutes: z.number().int().positive().default(10),
});

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const StandupSchema = z.strictObject({
  /** Time of day the standup is posted, HH:MM in `zone`. */
  time: z.string().regex(CLOCK_TIME, 'expected a time of day such as "09:00"').default("09:00"),
  /** IANA time zone. */
  zone: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone such as "Europe/Berlin" or "UTC"')
    .default("UTC"),
  /** Title of the issue the standup is posted on (created when missing). */
  issue: z.string().trim().min(1).max(200).default("Lanes standup"),
});

export const DeploySchema = z.strictObject({
  /** Workflow file (e.g. deploy.yml) dispatched when an integration PR is merged; unset: no deploy. */
  workflow: z
    .string()
    .regex(/^[\w.-]+\.ya?ml$|^\d+$/, "expected a workflow file name such as deploy.yml, or its id")
    .optional(),
  /** Inputs passed to the workflow_dispatch. */
  inputs: z.record(z.string().min(1), z.string()).default({}),
});
