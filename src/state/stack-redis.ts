// A stack's own redis-server, for local mode when no Redis is given: a daemon (it outlives `stack up`)
// on a loopback port, AOF on, its data, pid file and log in the stack's folder. `stack down` stops it,
// `stack resume` starts it again on the same port and data. Never used when a Redis URL is given.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { freeLoopbackPort, LocalRedisError, pingLoopback } from "./local-redis.js";

export interface StackRedis {
  url: string;
  port: number;
  dir: string;
  pid: number;
  /** False when a server was already running on the recorded port. */
  started: boolean;
}

const pidFile = (dir: string) => join(dir, "redis.pid");
export const stackRedisLog = (dir: string) => join(dir, "redis.log");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the stack's redis-server when it runs, else null. */
export async function stackRedisPid(dir: string): Promise<number | null> {
  if (!existsSync(pidFile(dir))) return null;
  const pid = Number((await readFile(pidFile(dir), "utf8")).trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

function runDaemon(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("redis-server", args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", (err) =>
      reject(
        new LocalRedisError(
          `could not start redis-server for the stack (${err.message}); install redis-server or pass --redis <url>`,
          { cause: err },
        ),
      ),
    );
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new LocalRedisError(`redis-server exited with ${code}: ${stderr.trim() || "no output"}`)),
    );
  });
}

/** Starts the stack's redis-server unless it already runs; `port` keeps the one the stack recorded. */
export async function ensureStackRedis(
  dir: string,
  options: { port?: number | undefined; readyTimeoutMs?: number } = {},
): Promise<StackRedis> {
  const running = await stackRedisPid(dir);
  if (running !== null && options.port !== undefined && (await pingLoopback(options.port)))
    return {
      url: `redis://127.0.0.1:${options.port}`,
      port: options.port,
      dir,
      pid: running,
      started: false,
    };
  await mkdir(dir, { recursive: true });
  const port = options.port ?? (await freeLoopbackPort());
  await runDaemon([
    "--daemonize",
    "yes",
    "--pidfile",
    pidFile(dir),
    "--logfile",
    stackRedisLog(dir),
    "--dir",
    dir,
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--protected-mode",
    "yes",
    "--save",
    "",
    "--appendonly",
    "yes",
    "--appendfsync",
    "everysec",
    "--loglevel",
    "warning",
  ]);
  const timeoutMs = options.readyTimeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pid = await stackRedisPid(dir);
    if (pid !== null && (await pingLoopback(port)))
      return { url: `redis://127.0.0.1:${port}`, port, dir, pid, started: true };
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = existsSync(stackRedisLog(dir)) ? (await readFile(stackRedisLog(dir), "utf8")).trim() : "";
  throw new LocalRedisError(
    `the stack's redis-server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms${log ? `: ${log.split("\n").slice(-3).join(" | ")}` : ""}`,
  );
}

/** SIGTERM (the AOF is flushed) and wait up to 5 s; false when it was not running. */
export async function stopStackRedis(dir: string): Promise<boolean> {
  const pid = await stackRedisPid(dir);
  if (pid === null) return false;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 5_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, "SIGKILL");
  return true;
}
