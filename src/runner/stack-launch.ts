// Starts a stack's tmux server: a `status` window (live table), a `supervisor` window and a `logs`
// window, then waits until the supervisor says it is running; the supervisor then opens the `keeper`
// window, which restarts it when it dies. The stack outlives the terminal (and an Actions job).
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { StackError, TmuxError } from "./errors.js";
import { lanesCommand } from "./lanes-command.js";
import { detachedLauncher } from "./detached-launcher.js";
import type { StackRecord } from "./stack-record.js";
import { lanesHome, stackUser, type StackPaths } from "./stack-paths.js";
import { endStack } from "./stack-end.js";
import { isRunning } from "./stack-processes.js";
import type { PaneInfo, Tmux } from "./tmux.js";

export function readyFile(paths: StackPaths): string {
  return join(paths.dir, "supervisor.ready");
}

export function logFile(paths: StackPaths): string {
  return join(paths.dir, "supervisor.log");
}

/** Written by a supervisor asked to restart (SIGUSR2): the keeper restarts it at once, no backoff. */
export function restartRequestFile(paths: StackPaths): string {
  return join(paths.dir, "supervisor.restart-requested");
}

/** The window that restarts a dead supervisor (and that a live supervisor restarts in turn). */
export const KEEPER_WINDOW = "keeper";

function paneEnvOf(env: NodeJS.ProcessEnv): Record<string, string> {
  // the supervisor and hooks find the stack's directory under the same home and user as `stack up`
  const paneEnv: Record<string, string> = { LANES_HOME: lanesHome(env), LANES_USER: stackUser(env) };
  for (const key of PASSED_ENV) {
    const value = env[key];
    if (value !== undefined) paneEnv[key] = value;
  }
  return paneEnv;
}

/** The git identity agents commit as: the one the stack was started with. */
export const GIT_IDENTITY_ENV = [
  "GIT_AUTHOR_NAME",
  "GIT_AUTHOR_EMAIL",
  "GIT_COMMITTER_NAME",
  "GIT_COMMITTER_EMAIL",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_NOSYSTEM",
] as const;

// Settings panes need even when `stack up` ran with a custom environment. Secrets (API keys, tokens)
// are not passed with -e, which would put them on a command line: panes inherit them from the server.
const PASSED_ENV = [
  "PATH",
  "HOME",
  "REDIS_URL",
  "LANES_LOG_LEVEL",
  ...GIT_IDENTITY_ENV,
  "GITHUB_REPOSITORY",
  "GITHUB_API_URL",
] as const;

function superviseCommand(record: StackRecord): string[] {
  return [...lanesCommand(), "stack", "supervise", "--name", record.name];
}

/** A pane someone else restarted meanwhile is fine: that program runs. */
function unlessStillActive(error: unknown): void {
  if (!(error instanceof TmuxError && /still active/i.test(error.stderr))) throw error;
}

const windowOf = (panes: readonly PaneInfo[], name: string) => panes.find((p) => p.windowName === name);

/**
 * Starts the supervisor again in its (dead) pane, or in a new window when the window is gone; only
 * ever on a dead pane: respawning a live one hangs it up, and a supervisor hung up ends the stack.
 */
export async function respawnSupervisor(
  record: StackRecord,
  tmux: Tmux,
  env: NodeJS.ProcessEnv,
  extraEnv: Record<string, string> = {},
): Promise<void> {
  const spec = {
    cwd: record.repo,
    command: superviseCommand(record),
    env: { ...paneEnvOf(env), ...extraEnv },
  };
  const pane = windowOf(await tmux.listPanes(record.name), "supervisor");
  if (pane && !pane.dead) return;
  // never -k: if something else restarted it meanwhile, tmux refuses ("still active") and that one runs
  if (pane) await tmux.respawnPane(pane.paneId, spec, { kill: false }).catch(unlessStillActive);
  else await tmux.newWindow({ session: record.name, window: "supervisor", ...spec });
}

/** Starts the keeper window, or restarts its program when it died; a live keeper is left alone. */
export async function ensureKeeper(record: StackRecord, tmux: Tmux, env: NodeJS.ProcessEnv): Promise<void> {
  const spec = {
    cwd: record.repo,
    command: [...lanesCommand(), "stack", "keep", "--name", record.name],
    env: paneEnvOf(env),
  };
  const pane = windowOf(await tmux.listPanes(record.name), KEEPER_WINDOW);
  if (pane && !pane.dead) return;
  if (pane) await tmux.respawnPane(pane.paneId, spec, { kill: false }).catch(unlessStillActive);
  else await tmux.newWindow({ session: record.name, window: KEEPER_WINDOW, ...spec });
}

/**
 * Restarts only the supervisor (agents keep running); the new one adopts the lanes. A live supervisor
 * is asked to stop (SIGUSR2: stop without ending the stack) and the keeper starts it again at once.
 */
export async function restartSupervisor(
  record: StackRecord,
  paths: StackPaths,
  tmux: Tmux,
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<void> {
  const pane = windowOf(await tmux.listPanes(record.name), "supervisor");
  if (!pane)
    throw new StackError(
      `stack ${record.name} has no supervisor window; stop it with \`lanes stack down\` and start it again`,
    );
  await rm(readyFile(paths), { force: true });
  if (!pane.dead && isRunning(pane.pid)) {
    process.kill(pane.pid, "SIGUSR2");
    const deadline = Date.now() + timeoutMs;
    while (isRunning(pane.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
  // The keeper restarts it within a second; without a keeper (or when it is slower) it starts here.
  await new Promise((r) => setTimeout(r, 1_500));
  await respawnSupervisor(record, tmux, env);
  await waitForSupervisor(record, paths, tmux, timeoutMs);
}

export async function launchStack(
  record: StackRecord,
  paths: StackPaths,
  tmux: Tmux,
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<void> {
  if (await tmux.hasSession(record.name))
    throw new StackError(
      `stack ${record.name} is already running; see \`lanes stack status --name ${record.name}\` or stop it with \`lanes stack down\``,
    );
  await rm(readyFile(paths), { force: true });
  const lanes = lanesCommand();
  const paneEnv = paneEnvOf(env);
  await tmux.newSession(
    {
      session: record.name,
      window: "status",
      cwd: record.repo,
      command: [...lanes, "stack", "status", "--name", record.name, "--watch"],
      env: paneEnv,
    },
    await detachedLauncher(record.name, env),
  );
  await tmux.newWindow({
    session: record.name,
    window: "supervisor",
    cwd: record.repo,
    command: superviseCommand(record),
    env: paneEnv,
  });
  await tmux.newWindow({
    session: record.name,
    window: "logs",
    cwd: record.repo,
    command: ["tail", "-n", "200", "-F", logFile(paths)],
    env: paneEnv,
  });
  try {
    // The supervisor starts its keeper once it runs: one that cannot start is reported, not retried.
    await waitForSupervisor(record, paths, tmux, timeoutMs);
  } catch (error) {
    // A stack whose supervisor never came up is not left half running: the next `stack up` must work.
    await endStack(tmux, record.name);
    throw error;
  }
}

/** A one-off wait in the CLI while the supervisor starts (not a supervision loop). */
async function waitForSupervisor(
  record: StackRecord,
  paths: StackPaths,
  tmux: Tmux,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(readyFile(paths))) return;
    const pane = (await tmux.listPanes(record.name)).find((p) => p.windowName === "supervisor");
    // pane_dead alone: tmux 3.3a sometimes never reaps the exit status, so waiting for it could hang.
    if (!pane || pane.dead) {
      const screen = pane ? await tmux.capture(pane.paneId, 50).catch(() => "") : "";
      const log = existsSync(logFile(paths))
        ? (await readFile(logFile(paths), "utf8")).split("\n").slice(-5).join("\n")
        : "";
      throw new StackError(
        `the supervisor of stack ${record.name} exited while starting:\n${(screen.trim() || log.trim()).slice(-1500)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StackError(
    `the supervisor of stack ${record.name} did not start within ${Math.round(timeoutMs / 1000)} s; see ${logFile(paths)}`,
  );
}
