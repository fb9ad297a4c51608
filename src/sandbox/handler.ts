// What a sandbox route handler receives and returns; handlers are registered per OpenAPI operationId.
import { notFound, unprocessable } from "./errors.js";
import { renderRepo, renderUser } from "./render-resources.js";
import type { Permission, SandboxIssue, SandboxRepo, SandboxState, SandboxUser } from "./state.js";
import type { WebhookSender } from "./webhook-sender.js";

export interface HandlerContext {
  state: SandboxState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  actor: SandboxUser;
  webhooks: WebhookSender;
  /** The repository named by {owner}/{repo}; handlers of /repos routes may rely on it. */
  repo: SandboxRepo;
}

/** The part of a handler context that sending webhooks needs (also used for git pushes). */
export type EventContext = Pick<HandlerContext, "state" | "repo" | "webhooks" | "actor">;

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  /**
   * Least permission on the repository the actor needs; "app" = only the App's installation token;
   * "app-jwt" = only the App itself (its JWT), as for /app routes; "public" = no authentication.
   */
  permission: Permission | "app" | "app-jwt" | "public";
  handle: (ctx: HandlerContext) => Promise<Reply> | Reply;
}

export type Routes = Record<string, Route>;

/** Sends a repository webhook with the fields GitHub adds to every one: repository, sender, installation. */
export function emit(
  ctx: EventContext,
  event: string,
  payload: Record<string, unknown>,
  sender: SandboxUser = ctx.actor,
): void {
  const { state, repo } = ctx;
  ctx.webhooks.send(event, {
    ...payload,
    repository: renderRepo(state, repo),
    sender: renderUser(state, sender),
    installation: {
      id: state.app.installationId,
      node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${state.app.installationId}`,
    },
  });
}

export function requireIssue(repo: SandboxRepo, number: string | undefined): SandboxIssue {
  const issue = repo.issues.get(Number(number));
  if (!issue) throw notFound();
  return issue;
}

export function str(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

export function requireStr(body: Record<string, unknown>, key: string): string {
  const value = str(body, key);
  if (value === undefined) throw unprocessable(`"${key}" wasn't supplied.`, key);
  return value;
}

/** One page of a list, with the Link header Octokit's paginate follows. */
export function page<T>(ctx: HandlerContext, items: readonly T[], path: string): Reply {
  const perPage = Math.min(Number(ctx.query.get("per_page") ?? 30) || 30, 100);
  const current = Math.max(Number(ctx.query.get("page") ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const links: string[] = [];
  const link = (p: number, rel: string) =>
    `<${ctx.state.apiUrl}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  if (current < last) links.push(link(current + 1, "next"), link(last, "last"));
  if (current > 1) links.push(link(1, "first"), link(current - 1, "prev"));
  return {
    status: 200,
    body: items.slice((current - 1) * perPage, current * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}
