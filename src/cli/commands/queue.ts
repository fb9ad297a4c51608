// `lanes queue stats|add|list|show|cancel|retry`: the operator's view of, and hands on, the work queues.
import type { Command } from "commander";
import { ROLE_NAMES, isRoleName, type RoleName } from "../../domain/role-names.js";
import { UsageError } from "../../errors.js";
import { normalizePriority, type Priority } from "../../domain/priority.js";
import {
  JOB_KINDS,
  JOB_STATES,
  type Job,
  type JobKind,
  type JobState,
  type NewJob,
  type QueueStats,
} from "../../state/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { addStateOptions, repoFrom, withStateStore, type StateOptions } from "./state-options.js";
import { renderTable } from "../table.js";

interface JsonOption {
  json?: boolean;
}

function parseRole(value: string): RoleName {
  if (!isRoleName(value))
    throw new UsageError(`unknown role "${value}"; expected one of ${ROLE_NAMES.join(", ")}`);
  return value;
}

function parsePriority(value: string): Priority {
  const priority = normalizePriority(value);
  if (!priority)
    throw new UsageError(`unknown priority "${value}"; expected critical, high, medium or low (or P0-P3)`);
  return priority;
}

function parseChoice<T extends string>(what: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`unknown ${what} "${value}"; expected one of ${choices.join(", ")}`);
  }
  return value as T;
}

function parsePayload(text: string): NewJob["payload"] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--payload is not JSON: ${text.slice(0, 80)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new UsageError("--payload must be a JSON object");
  return value as NewJob["payload"];
}

function renderStats(s: QueueStats): string {
  const depth = Object.entries(s.depth)
    .map(([role, n]) => `${role} ${n}`)
    .join(", ");
  return [
    `queued       ${s.queued}${depth ? `  (${depth})` : ""}`,
    `in flight    ${s.inFlight}`,
    `delayed      ${s.delayed}`,
    `paused       ${s.paused}`,
    `needs-human  ${s.needsHuman}`,
    `hosts alive  ${s.hostsAlive}`,
    `paused roles ${s.pausedRoles.join(", ") || "none"}`,
  ].join("\n");
}

function renderJobs(jobs: Job[]): string {
  if (jobs.length === 0) return "no open jobs";
  return renderTable(
    jobs.map((j) => [j.id, j.state, j.role, j.priority, `${j.attempts}/${j.maxAttempts}`, j.title]),
  );
}

function renderJob(job: Job): string {
  const time = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  const rows: [string, unknown][] = [
    ["id", job.id],
    ["state", job.state],
    ["repo", job.repo],
    ["issue", job.issue],
    ["role", job.role],
    ["priority", job.priority],
    ["kind", job.kind],
    ["title", job.title],
    ["attempts", `${job.attempts}/${job.maxAttempts}`],
    ["created", time(job.createdAt)],
    ["run at", time(job.runAt)],
    ["lease", job.leaseHost && `${job.leaseHost}/${job.leaseAgent} until ${time(job.leaseUntil)}`],
    ["paused until", time(job.pausedUntil)],
    ["last run", job.lastHost && `${job.lastHost}/${job.lastAgent ?? "?"}`],
    ["last error", job.lastError],
    ["payload", JSON.stringify(job.payload)],
  ];
  return renderTable(
    rows.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]),
    { gap: 1 },
  );
}

/** cancel / retry: exit 0 when applied, 1 with the reason when the job's state does not allow it. */
function registerJobControl(queue: Command, ctx: CliDeps, name: "cancel" | "retry", allowed: string): void {
  addStateOptions(queue.command(`${name} <id>`))
    .description(
      name === "cancel"
        ? "cancel an open job (a running one loses its lease)"
        : "run a needs-human, delayed or paused job now",
    )
    .option("--json", "print the result as JSON")
    .action(
      action(ctx, (id: string, opts: StateOptions & JsonOption) =>
        withStateStore(ctx, opts, async (store) => {
          const applied = await (name === "cancel" ? store.cancel(id) : store.retryNow(id));
          const job = await store.getJob(id);
          const verb = name === "cancel" ? "cancelled" : "queued again";
          emit(
            ctx,
            { id, applied, state: job.state },
            {
              json: opts.json,
              human: (r) =>
                r.applied ? `${verb} ${id}` : `${id} is ${r.state}; only ${allowed} jobs can be ${verb}`,
            },
          );
          return applied ? 0 : 1;
        }),
      ),
    );
}

export function registerQueue(program: Command, ctx: CliDeps): void {
  const queue = program.command("queue").description("inspect and steer the work queues in Redis");

  addStateOptions(queue.command("stats"))
    .description("depth per role, in flight, delayed, needs-human, hosts alive")
    .option("--json", "print as JSON")
    .action(
      action(ctx, (opts: StateOptions & JsonOption) =>
        withStateStore(ctx, opts, async (store) => {
          emit(ctx, await store.stats(), { json: opts.json, human: renderStats });
          return 0;
        }),
      ),
    );

  addStateOptions(queue.command("add"))
    .description("queue a job by hand")
    .requiredOption("--role <role>", "role that runs it", parseRole)
    .requiredOption("--title <text>", "what the job is")
    .option("--issue <n|id>", "issue number or backlog id", "manual")
    .option("--priority <level>", "critical | high | medium | low", parsePriority, "medium" as Priority)
    .option(
      "--kind <kind>",
      `one of ${JOB_KINDS.join(", ")}`,
      (v: string) => parseChoice("kind", v, JOB_KINDS),
      "build" as JobKind,
    )
    .option("--delay <seconds>", "run no earlier than this many seconds from now", (v: string) => {
      if (!/^\d+$/.test(v)) throw new UsageError(`--delay takes whole seconds, not "${v}"`);
      return Number(v);
    })
    .option("--payload <json>", "JSON object handed to the runner", parsePayload)
    .option("--id <id>", "job id (adding an existing id changes nothing)")
    .option("--json", "print as JSON")
    .action(
      action(
        ctx,
        (
          opts: StateOptions &
            JsonOption & {
              role: RoleName;
              title: string;
              issue: string;
              priority: Priority;
              kind: JobKind;
              delay?: number;
              payload?: NewJob["payload"];
              id?: string;
            },
        ) =>
          withStateStore(ctx, opts, async (store) => {
            const repo = repoFrom(opts, ctx);
            if (!repo)
              throw new UsageError("queue add needs --repo owner/repo (the job records its repository)");
            const issue = /^\d+$/.test(opts.issue) ? Number(opts.issue) : opts.issue;
            const result = await store.enqueue(
              {
                id: opts.id,
                repo,
                issue,
                role: opts.role,
                title: opts.title,
                priority: opts.priority,
                kind: opts.kind,
                payload: opts.payload ?? {},
              },
              { delayMs: opts.delay === undefined ? undefined : opts.delay * 1_000 },
            );
            emit(ctx, result, {
              json: opts.json,
              human: (r) => (r.created ? `added ${r.id}` : `${r.id} already exists; nothing changed`),
            });
            return 0;
          }),
      ),
    );

  addStateOptions(queue.command("list"))
    .description("open jobs, oldest first")
    .option("--state <state>", `one of ${JOB_STATES.join(", ")}`, (v: string) =>
      parseChoice("state", v, JOB_STATES),
    )
    .option("--role <role>", "only this role", parseRole)
    .option("--limit <n>", "at most n jobs", (v: string) => {
      if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--limit takes a positive number, not "${v}"`);
      return Number(v);
    })
    .option("--json", "print as JSON")
    .action(
      action(ctx, (opts: StateOptions & JsonOption & { state?: JobState; role?: RoleName; limit?: number }) =>
        withStateStore(ctx, opts, async (store) => {
          emit(ctx, await store.listJobs({ state: opts.state, role: opts.role, limit: opts.limit }), {
            json: opts.json,
            human: renderJobs,
          });
          return 0;
        }),
      ),
    );

  addStateOptions(queue.command("show <id>"))
    .description("one job in full")
    .option("--json", "print as JSON")
    .action(
      action(ctx, (id: string, opts: StateOptions & JsonOption) =>
        withStateStore(ctx, opts, async (store) => {
          emit(ctx, await store.getJob(id), { json: opts.json, human: renderJob });
          return 0;
        }),
      ),
    );

  registerJobControl(queue, ctx, "cancel", "open");
  registerJobControl(queue, ctx, "retry", "needs-human, delayed or paused");
}
