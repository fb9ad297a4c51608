// The delayed jobs the App schedules, one zod schema per kind: SLA and deadline checks of a PRP, the checks
// of a long wait or pause, a webhook delivery to retry, the daily standup, the check of the runner hosts. Ids make a second schedule of
// the same check replace (or keep) the first instead of adding another.
import * as z from "zod";
import type { RepoDeps } from "../repo-deps.js";

const issue = z.number().int().positive();

export const AlertSchema = z.object({
  /** De-duplication key: the same key alerts once. */
  key: z.string().min(1),
  kind: z.string().min(1),
  title: z.string(),
  text: z.string(),
  repo: z.string(),
  issue: issue.optional(),
  url: z.string().optional(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const TimerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sla-claim"), issue, priority: z.string(), limit: z.string() }),
  z.object({ kind: z.literal("sla-pr"), issue, priority: z.string(), limit: z.string() }),
  z.object({ kind: z.literal("at-risk"), issue, deadline: z.string() }),
  z.object({ kind: z.literal("overdue"), issue, deadline: z.string() }),
  z.object({ kind: z.literal("waiting"), issue, minutes: z.number() }),
  z.object({ kind: z.literal("paused"), issue, minutes: z.number() }),
  z.object({
    kind: z.literal("alert-retry"),
    alert: AlertSchema,
    url: z.string(),
    secretEnv: z.string(),
    attempt: z.number().int().positive(),
  }),
  z.object({ kind: z.literal("standup") }),
  /** The periodic check of the runner hosts' heartbeats (host-watch.ts). */
  z.object({ kind: z.literal("hosts") }),
  /** A dispatched deploy being followed; it fires only when its run never reports back. */
  z.object({
    kind: z.literal("deploy"),
    pr: z.number().int().positive(),
    workflow: z.string(),
    branch: z.string(),
  }),
]);
export type Timer = z.infer<typeof TimerSchema>;
export type TimerKind = Timer["kind"];

export function timerId(timer: Timer): string {
  switch (timer.kind) {
    case "alert-retry":
      return `alert-retry:${timer.alert.key}:${timer.url}`;
    case "standup":
      return "standup";
    case "hosts":
      return "hosts";
    case "deploy":
      return deployTimerId(timer.workflow, timer.branch);
    default:
      return `${timer.kind}:${timer.issue}`;
  }
}

/** The deploy of `workflow` (its path) on `branch` being followed. */
export function deployTimerId(workflow: string, branch: string): string {
  return `deploy:${workflow}:${branch}`;
}

export async function schedule(
  deps: Pick<RepoDeps, "store">,
  timer: Timer,
  dueAt: number,
  options: { keep?: boolean } = {},
): Promise<boolean> {
  return deps.store.setTimer(timerId(timer), dueAt, JSON.stringify(timer), options);
}
