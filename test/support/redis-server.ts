// Starts a real redis-server on a free loopback port, in its own temp dir.
// Used once per run by the global setup, and directly by tests that restart or kill Redis.
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./free-port.js";
import { makeTempDir, type TempDir } from "./tmp.js";

export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  /** Stops the server (SIGTERM, so AOF is flushed) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL: nothing is flushed beyond what the AOF policy wrote. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data dir. */
  start(): Promise<void>;
  /** Stops it and removes its data dir. */
  destroy(): Promise<void>;
}

export interface RedisServerOptions {
  appendonly?: boolean;
  port?: number;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    socket.setTimeout(500);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      socket.destroy();
      resolve(reply.startsWith("+PONG"));
    });
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const tmp: TempDir = await makeTempDir("lanes-redis");
  let child: ChildProcess | undefined;

  const args = [
    "--port", String(port),
    "--bind", "127.0.0.1",
    "--dir", tmp.path,
    "--save", "",
    "--appendonly", options.appendonly ? "yes" : "no",
    "--appendfsync", "always",
    "--protected-mode", "yes",
    "--loglevel", "warning",
  ];

  async function start(): Promise<void> {
    const proc = spawn("redis-server", args, { stdio: ["ignore", "ignore", "pipe"] });
    child = proc;
    let stderr = "";
    proc.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
    const failed = new Promise<never>((_, reject) => {
      proc.once("error", (err) =>
        reject(new Error(`could not start redis-server (${err.message}); run scripts/bootstrap to install it`)),
      );
      proc.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${stderr.trim()}`)));
    });
    failed.catch(() => undefined);
    await Promise.race([waitFor(() => ping(port), `redis-server on port ${port}`), failed]);
  }

  async function signal(sig: NodeJS.Signals): Promise<void> {
    const proc = child;
    if (!proc) return;
    child = undefined;
    proc.kill(sig);
    await exited(proc);
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir: tmp.path,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
    start,
    async destroy() {
      await signal("SIGTERM");
      await tmp.remove();
    },
  };
}
