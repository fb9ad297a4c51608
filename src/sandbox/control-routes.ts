// Sandbox-only endpoints under /_sandbox/ (never GitHub API paths): push notices from the bare repos'
// post-receive hooks, and the clicks a user would make in GitHub's UI (re-run a check, press its button).
import * as z from "zod";
import { SandboxHttpError, notFound } from "./errors.js";
import type { HandlerContext } from "./handler.js";
import { requestCheckRunAction } from "./handlers/checks.js";
import { emitWorkflowRun } from "./handlers/actions.js";
import { announceRefUpdate } from "./push-events.js";
import type { SandboxState } from "./state.js";
import type { WebhookSender } from "./webhook-sender.js";

const PushNoticeSchema = z.object({
  repo: z.string(),
  pusher: z.string().nullable(),
  updates: z.array(z.object({ before: z.string(), after: z.string(), ref: z.string() })),
});

const CheckRunClickSchema = z.object({
  repo: z.string(),
  check_run_id: z.number().int(),
  identifier: z.string().nullable().default(null),
  login: z.string().optional(),
});

export interface ControlDeps {
  state: SandboxState;
  webhooks: WebhookSender;
}

function contextFor(deps: ControlDeps, fullName: string, login: string | null | undefined): HandlerContext {
  const repo = deps.state.repos.get(fullName);
  if (!repo) throw notFound();
  const actor = deps.state.users.get(login ?? repo.owner) ?? deps.state.users.get(repo.owner);
  if (!actor) throw new SandboxHttpError(422, `unknown user ${login ?? repo.owner}`);
  return {
    state: deps.state,
    webhooks: deps.webhooks,
    repo,
    actor,
    params: {},
    query: new URLSearchParams(),
    body: {},
  };
}

export async function handlePushNotice(deps: ControlDeps, body: unknown): Promise<void> {
  const notice = PushNoticeSchema.parse(body);
  const ctx = contextFor(deps, notice.repo, notice.pusher);
  for (const update of notice.updates) await announceRefUpdate(ctx, update);
}

export function handleCheckRunClick(deps: ControlDeps, body: unknown): void {
  const click = CheckRunClickSchema.parse(body);
  requestCheckRunAction(contextFor(deps, click.repo, click.login), click.check_run_id, click.identifier);
}

/** A workflow run finishes (what GitHub Actions does when its jobs end): workflow_run.completed. */
export function completeWorkflowRun(
  deps: ControlDeps,
  fullName: string,
  runId: number,
  conclusion: "success" | "failure" | "cancelled",
): void {
  const ctx = contextFor(deps, fullName, null);
  const run = ctx.repo.workflowRuns.get(runId);
  if (!run) throw notFound();
  run.status = "completed";
  run.conclusion = conclusion;
  emitWorkflowRun(ctx, run, "completed");
}

export async function handleControl(deps: ControlDeps, path: string, body: unknown): Promise<void> {
  if (path === "/_sandbox/post-receive") return handlePushNotice(deps, body);
  if (path === "/_sandbox/check-run-click") return handleCheckRunClick(deps, body);
  throw notFound();
}
