// `lanes stack keep`: the keeper window of a stack. It restarts the supervisor when its program dies
// (a crash, an OOM kill, kill -9), at once after a healthy run and with a growing backoff in a crash
// loop, and records each restart. It never restarts a supervisor that ended the stack: that one took
// the tmux server, and so the keeper, down with it. The supervisor restarts a dead keeper in turn.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { pino } from "pino";
import { createLogger } from "../observe/logger.js";
import {
  appendSupervisorRestart,
  HEALTHY_UPTIME_MS,
  RESTART_REASON_ENV,
  restartDelayMs,
} from "./supervisor-restarts.js";
import { logFile, respawnSupervisor, restartRequestFile } from "./stack-launch.js";
import { readStackRecord } from "./stack-record.js";
import { stackPaths } from "./stack-paths.js";
import { Tmux } from "./tmux.js";

export interface KeeperOptions {
  /** How often the supervisor's pane is looked at (ms). */
  checkEveryMs?: number;
}

export async function keepSupervisor(
  env: NodeJS.ProcessEnv,
  name: string,
  signal: AbortSignal,
  options: KeeperOptions = {},
): Promise<void> {
  const paths = stackPaths(env, name);
  const record = await readStackRecord(paths.record, name);
  const log = createLogger(
    { name: `lanes-keeper-${name}`, destination: pino.destination({ dest: logFile(paths), mkdir: true }) },
    env,
  );
  const tmux = new Tmux(paths.socket);
  const every = options.checkEveryMs ?? 1_000;
  let streak = 0;
  let startedAt = Date.now();
  let livePid: number | undefined;
  let dead: { since: number; delayMs: number; reason: string; uptimeMs: number } | undefined;
  log.info({ name }, "keeper running");
  while (!signal.aborted) {
    const panes = await tmux.listPanes(name).catch(() => []);
    if (panes.length === 0) break; // the stack is gone
    const pane = panes.find((p) => p.windowName === "supervisor");
    const now = Date.now();
    if (pane && !pane.dead) {
      if (pane.pid !== livePid) [livePid, startedAt] = [pane.pid, livePid === undefined ? startedAt : now];
      dead = undefined;
    } else if (!dead) {
      const uptimeMs = now - startedAt;
      const requested = existsSync(restartRequestFile(paths));
      await rm(restartRequestFile(paths), { force: true });
      if (!requested) streak = uptimeMs >= HEALTHY_UPTIME_MS ? 0 : streak + 1;
      const status = pane?.deadStatus;
      const reason = requested
        ? "restart requested"
        : !pane
          ? "its window was closed"
          : status === null || status === undefined
            ? "it died (killed, no exit status)"
            : `it exited with status ${status}`;
      dead = { since: now, delayMs: requested ? 0 : restartDelayMs(streak), reason, uptimeMs };
      log.warn({ reason, uptimeMs, delayMs: dead.delayMs, streak }, "supervisor down: restarting it");
    }
    if (dead && now - dead.since >= dead.delayMs) {
      try {
        await respawnSupervisor(record, tmux, env, { [RESTART_REASON_ENV]: dead.reason });
        await appendSupervisorRestart(paths, {
          at: Date.now(),
          foundDeadAt: dead.since,
          reason: dead.reason,
          uptimeMs: dead.uptimeMs,
        });
        log.info({ reason: dead.reason }, "supervisor restarted");
        [dead, startedAt, livePid] = [undefined, Date.now(), undefined];
      } catch (error) {
        log.error({ err: String(error) }, "could not restart the supervisor; trying again");
      }
    }
    await new Promise((r) => setTimeout(r, every));
  }
  log.info({ name }, "keeper stopped");
  log.flush();
}
