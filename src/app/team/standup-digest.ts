// The daily standup as one value, and its text: done since the last one, in progress with age, waiting and
// blocked with their questions, next up by priority, integrations and deploys, tokens and cost when known.
// Collected from Redis (jobs, PRP states and records, the audit stream); rendering is pure.
import { priorityRank, type Priority } from "../../prp/index.js";
import type { StateStore } from "../../state/index.js";
import { currentState } from "../transition.js";
import type { StandupSpend } from "./standup-spend.js";

export interface StandupItem {
  issue: number | string;
  title: string;
  role: string;
  priority: Priority;
  state: string;
  /** Since it was queued (ms). */
  ageMs: number;
  /** A waiting or blocked PRP's question or reason. */
  question?: string;
}

export interface StandupDigest {
  since: number;
  at: number;
  done: { issue: number; title: string }[];
  inProgress: StandupItem[];
  stuck: StandupItem[];
  nextUp: StandupItem[];
  integrations: { at: number; text: string }[];
  /** Tokens and cost per role and in total since the last standup (standup-spend.ts). */
  spend?: StandupSpend;
}

const STUCK = new Set(["waiting", "blocked", "needs-human", "paused"]);
const NEXT_UP = 5;

type DigestStore = Pick<
  StateStore,
  "listJobs" | "readAudit" | "readPrpRecord" | "prpEvents" | "readIssueState"
>;

function lastQuestion(events: readonly { text: string }[]): string | undefined {
  const asked = [...events].reverse().find((e) => /asks:|needs a human because|paused until/.test(e.text));
  return asked?.text.replace(/^.*?(the agent asks: |needs a human because |paused until )/, "$1");
}

export async function collectStandup(
  store: DigestStore,
  options: { since: number; now: number; spend?: StandupDigest["spend"] },
): Promise<StandupDigest> {
  const audit = await store.readAudit({ since: options.since, limit: 10_000 });
  const doneIssues = audit
    .filter((e) => e.type === "transition" && / -> done$/.test(e.data ?? ""))
    .map((e) => Number((e.data ?? "").split(" ")[0]))
    .filter((n) => Number.isInteger(n) && n > 0);
  const done = await Promise.all(
    [...new Set(doneIssues)].map(async (issue) => ({
      issue,
      title: (await store.readPrpRecord(issue)).title ?? "",
    })),
  );
  const jobs = (await store.listJobs()).filter(
    (j) => j.kind === "build" && j.state !== "done" && j.state !== "cancelled",
  );
  const items: StandupItem[] = await Promise.all(
    jobs.map(async (job) => {
      const issue = typeof job.issue === "number" ? job.issue : undefined;
      const state = issue === undefined ? job.state : ((await currentState(store, issue)).state ?? job.state);
      const item: StandupItem = {
        issue: job.issue,
        title: job.title,
        role: job.role,
        priority: job.priority,
        state,
        ageMs: options.now - job.createdAt,
      };
      if (issue !== undefined && STUCK.has(state)) {
        const question = lastQuestion(await store.prpEvents(issue));
        if (question) item.question = question;
      }
      return item;
    }),
  );
  const byPriority = (a: StandupItem, b: StandupItem) =>
    priorityRank(a.priority) - priorityRank(b.priority) || b.ageMs - a.ageMs;
  return {
    since: options.since,
    at: options.now,
    done,
    inProgress: items.filter((i) => i.state === "active").sort(byPriority),
    stuck: items.filter((i) => STUCK.has(i.state)).sort(byPriority),
    nextUp: items
      .filter((i) => i.state === "queued")
      .sort(byPriority)
      .slice(0, NEXT_UP),
    integrations: audit
      .filter((e) => e.type.startsWith("integration-") || e.type.startsWith("deploy-"))
      .map((e) => ({ at: e.at, text: `${e.type}: ${e.data ?? ""}` })),
    ...(options.spend ? { spend: options.spend } : {}),
  };
}

export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${minutes % 60 ? ` ${minutes % 60}m` : ""}`;
  return `${Math.floor(hours / 24)}d`;
}

const ref = (issue: number | string) => (typeof issue === "number" ? `#${issue}` : issue);
const iso = (at: number) => new Date(at).toISOString().replace(/:\d{2}\.\d{3}Z$/, "Z");
const oneLine = (text: string) => text.replace(/\r?\n/g, " ").slice(0, 300);

export function renderStandup(digest: StandupDigest): string {
  const lines = [`### Lanes standup, ${iso(digest.at)}`, "", `Since ${iso(digest.since)}.`, ""];
  const section = (title: string, rows: string[]) => {
    lines.push(`**${title}**`, "", ...(rows.length === 0 ? ["- nothing"] : rows), "");
  };
  section(
    "Done",
    digest.done.map((d) => `- #${d.issue} ${oneLine(d.title)}`),
  );
  section(
    "In progress",
    digest.inProgress.map(
      (i) => `- ${ref(i.issue)} ${oneLine(i.title)} (${i.role}, ${i.priority}, ${formatAge(i.ageMs)})`,
    ),
  );
  section(
    "Waiting and blocked",
    digest.stuck.map(
      (i) =>
        `- ${ref(i.issue)} ${oneLine(i.title)}: ${i.state}${i.question ? `: ${oneLine(i.question)}` : ""}`,
    ),
  );
  section(
    "Next up",
    digest.nextUp.map((i) => `- ${ref(i.issue)} ${oneLine(i.title)} (${i.role}, ${i.priority})`),
  );
  section(
    "Integrations and deploys",
    digest.integrations.map((e) => `- ${iso(e.at)} ${oneLine(e.text)}`),
  );
  if (digest.spend) {
    const { since, total, byRole } = digest.spend;
    const spent = (s: { tokens: number; costUsd: number }) =>
      `${s.tokens.toLocaleString("en-US")} tokens, $${s.costUsd.toFixed(2)}`;
    section(`Tokens and cost ${since === null ? "so far" : `since the last standup (${iso(since)})`}`, [
      ...byRole.map((r) => `- ${r.role}: ${spent(r)}`),
      `- **total**: ${spent(total)}`,
    ]);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
