// The sandbox's HTTP front: matches each request to a GitHub operation, validates it against the
// OpenAPI subset, authenticates, and answers in GitHub's shapes (JSON errors, ETag / 304, Link pages).
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ZodError } from "zod";
import type { Logger } from "../observe/logger.js";
import { authenticate, authorize } from "./authenticate.js";
import { handleControl } from "./control-routes.js";
import { serveGitHttp } from "./git-http.js";
import { serveManifestForm } from "./manifest-form.js";
import { SandboxHttpError, notFound, unprocessable, validationFailed } from "./errors.js";
import { PRP_LIMITS } from "../domain/limits.js";
import type { HandlerContext, Reply } from "./handler.js";
import { matchOperation, validateRequest } from "./openapi-operations.js";
import { ROUTES } from "./routes.js";
import type { SandboxState } from "./state.js";
import type { WebhookSender } from "./webhook-sender.js";

export interface ServerDeps {
  state: SandboxState;
  webhooks: WebhookSender;
  /** Shared with the bare repos' hooks, so only they may post push notices. */
  controlSecret: string;
  log: Logger;
}

const MAX_BODY = 25 * 1024 * 1024;

/** Who calls an operation that needs no authentication (the manifest conversion). */
const ANONYMOUS = { id: 0, login: "ghost", type: "User", permission: "none", token: "" } as const;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new SandboxHttpError(413, "Request body too large");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SandboxHttpError(400, "Problems parsing JSON");
  }
}

async function route(deps: ServerDeps, req: IncomingMessage, url: URL, body: unknown): Promise<Reply> {
  const method = req.method ?? "GET";
  if (url.pathname.startsWith("/_sandbox/")) {
    if (req.headers["x-sandbox-secret"] !== deps.controlSecret)
      throw new SandboxHttpError(403, "sandbox control endpoints need the control secret");
    await handleControl(deps, url.pathname, body);
    return { status: 204 };
  }
  const match = matchOperation(method, url.pathname);
  const handler = match && ROUTES[match.operation.operationId];
  if (!match || !handler) throw notFound();
  const appRoute = match.operation.path.startsWith("/app/") || handler.permission === "app-jwt";
  const actor =
    handler.permission === "public"
      ? ANONYMOUS
      : authenticate(deps.state, req.headers.authorization, handler, appRoute);
  const ctx: HandlerContext = {
    state: deps.state,
    webhooks: deps.webhooks,
    actor,
    params: match.params,
    query: url.searchParams,
    body:
      typeof body === "object" && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : {},
    repo: undefined as never,
  };
  if (match.params.owner !== undefined && match.params.repo !== undefined) {
    const repo = deps.state.repos.get(`${match.params.owner}/${match.params.repo}`);
    if (!repo) throw notFound();
    authorize(actor, repo, handler, match.operation.operationId);
    ctx.repo = repo;
  }
  const problems = validateRequest(match, url.searchParams, body);
  if (problems.length > 0) throw validationFailed(problems);
  refuseLongBody(ctx.body);
  return handler.handle(ctx);
}

/** GitHub refuses an issue, pull request or comment body over 65,536 characters with 422; so does the sandbox. */
const GITHUB_BODY_LIMIT = PRP_LIMITS.body;

function refuseLongBody(body: Record<string, unknown>): void {
  const text = body.body;
  if (typeof text === "string" && text.length > GITHUB_BODY_LIMIT)
    throw unprocessable(
      `Validation Failed: body is too long (maximum is ${GITHUB_BODY_LIMIT} characters)`,
      "body",
    );
}

function send(res: ServerResponse, req: IncomingMessage, reply: Reply): void {
  const headers: Record<string, string> = {
    "x-github-request-id": randomUUID(),
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-resource": "core",
    ...reply.headers,
  };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  if (req.method === "GET" && reply.status === 200) {
    const etag = `W/"${createHash("sha256").update(text).digest("hex").slice(0, 32)}"`;
    headers.etag = etag;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
  }
  res.writeHead(reply.status, { ...headers, "content-type": "application/json; charset=utf-8" }).end(text);
}

export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    // GitHub Enterprise Server's layout (the REST API under /api/v3), as Probot's setup uses it
    if (url.pathname.startsWith("/api/v3/")) url.pathname = url.pathname.slice("/api/v3".length);
    if (serveGitHttp(deps.state, req, res, url)) return;
    if (serveManifestForm(deps.state, req, res, url)) return;
    void (async () => {
      try {
        const body = await readBody(req);
        send(res, req, await route(deps, req, url, body));
      } catch (error) {
        if (error instanceof SandboxHttpError) send(res, req, { status: error.status, body: error.body() });
        else if (error instanceof ZodError)
          send(res, req, { status: 422, body: new SandboxHttpError(422, error.message).body() });
        else {
          deps.log.error({ err: error, method: req.method, path: url.pathname }, "sandbox request failed");
          send(res, req, { status: 500, body: new SandboxHttpError(500, "Server Error").body() });
        }
      }
    })();
  };
}
