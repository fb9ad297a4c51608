// Git over HTTPS the way GitHub serves it, for the sandbox: `<api url>/<owner>/<repo>.git` runs
// `git http-backend` on the repository's bare repo. Every request needs a token as the Basic password
// (a user's token, or an installation token that has not expired), as a clone of a private repository does.
import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { credentialOf } from "./authenticate.js";
import { findUserByToken, permits, type SandboxState, type SandboxUser } from "./state.js";

const GIT_PATH = /^\/([^/]+)\/([^/]+)\.git(\/.*)$/;

/** The token of a request: the Basic password (git's way, `x-access-token:<token>`), or a token header. */
function tokenOf(header: string | undefined): string | null {
  const basic = /^basic\s+(\S+)$/i.exec(header?.trim() ?? "");
  if (!basic) return credentialOf(header);
  const decoded = Buffer.from(basic[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res
    .writeHead(status, {
      "content-type": "text/plain",
      ...(status === 401 ? { "www-authenticate": 'Basic realm="GitHub"' } : {}),
    })
    .end(`${message}\n`);
}

/** Whether the request is for the git endpoint; if so it is answered (true), otherwise left alone. */
export function serveGitHttp(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  const match = GIT_PATH.exec(url.pathname);
  if (!match) return false;
  const repo = state.repos.get(`${match[1]}/${match[2]}`);
  if (!repo) {
    refuse(res, 404, "Repository not found.");
    return true;
  }
  const token = tokenOf(req.headers.authorization);
  const user: SandboxUser | undefined = token === null ? undefined : findUserByToken(state, token);
  if (!user) {
    refuse(
      res,
      401,
      "Invalid username or token. Password authentication is not supported for Git operations.",
    );
    return true;
  }
  const pushing =
    url.searchParams.get("service") === "git-receive-pack" || url.pathname.endsWith("/git-receive-pack");
  const needed = pushing ? "write" : "read";
  if (user.type !== "Bot" && !permits(user.permission, needed)) {
    refuse(res, 403, `Permission to ${repo.fullName}.git denied to ${user.login}.`);
    return true;
  }
  const backend = spawn("git", ["http-backend"], {
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      GIT_PROJECT_ROOT: repo.gitDir,
      GIT_HTTP_EXPORT_ALL: "1",
      PATH_INFO: match[3] as string,
      QUERY_STRING: url.search.replace(/^\?/, ""),
      REQUEST_METHOD: req.method ?? "GET",
      CONTENT_TYPE: req.headers["content-type"] ?? "",
      ...(req.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: req.headers["content-encoding"] } : {}),
      ...(req.headers["git-protocol"] ? { GIT_PROTOCOL: String(req.headers["git-protocol"]) } : {}),
      // http-backend allows receive-pack only for an authenticated user; the push hook names the pusher
      REMOTE_USER: user.login,
      REMOTE_ADDR: req.socket.remoteAddress ?? "127.0.0.1",
      LANES_SANDBOX_USER: user.login,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  req.pipe(backend.stdin);
  backend.stdin.on("error", () => undefined);
  let head = Buffer.alloc(0);
  let headersSent = false;
  backend.stdout.on("data", (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf("\r\n\r\n");
    if (end < 0) return;
    // CGI headers: "Status: 200 OK" and the response headers, then the body
    const headers: Record<string, string> = {};
    let status = 200;
    for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === "status") status = Number.parseInt(value, 10) || 200;
      else if (name) headers[name] = value;
    }
    res.writeHead(status, headers);
    headersSent = true;
    res.write(head.subarray(end + 4));
  });
  let stderr = "";
  backend.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  backend.on("close", (code) => {
    if (!headersSent) refuse(res, 500, `git http-backend failed (exit ${code}): ${stderr.trim()}`);
    else res.end();
  });
  return true;
}
