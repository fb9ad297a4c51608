// Starts a private redis-server on a free loopback port with its data in a given directory: for the
// demo and for tests, never for production (point REDIS_URL at a managed Redis there).
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection, createServer } from "node:net";
import { LanesError } from "../errors.js";

export class LocalRedisError extends LanesError {
  override name = "LocalRedisError";
}

export interface LocalRedis {
  url: string;
  port: number;
  dir: string;
  /** SIGTERM (AOF flushed) and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL: nothing beyond what the AOF policy already wrote survives. */
  kill(): Promise<void>;
  /** Start again on the same port and data dir. */
  start(): Promise<void>;
}

export interface LocalRedisOptions {
  dir: string;
  port?: number;
  appendonly?: boolean;
  /** How long to wait for the server to answer PING (ms); 10 s unless told. */
  readyTimeoutMs?: number;
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() =>
        port > 0
          ? resolve(port)
          : reject(new LocalRedisError("could not read the port of a loopback listener")),
      );
    });
  });
}

/** Whether a Redis on this loopback port answers PING within half a second. */
export function pingLoopback(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.setTimeout(500);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      socket.destroy();
      resolve(chunk.toString().startsWith("+PONG"));
    });
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startLocalRedis(options: LocalRedisOptions): Promise<LocalRedis> {
  const port = options.port ?? (await freeLoopbackPort());
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    options.dir,
    "--save",
    "",
    "--appendonly",
    options.appendonly ? "yes" : "no",
    "--appendfsync",
    "always",
    "--protected-mode",
    "yes",
    "--loglevel",
    "warning",
  ];
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const proc = spawn("redis-server", args, { stdio: ["ignore", "ignore", "pipe"] });
    child = proc;
    let stderr = "";
    proc.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
    const failed = new Promise<never>((_, reject) => {
      proc.once("error", (err) =>
        reject(
          new LocalRedisError(
            `could not start redis-server (${err.message}); run scripts/bootstrap to install it`,
            { cause: err },
          ),
        ),
      );
      proc.once("exit", (code) =>
        reject(new LocalRedisError(`redis-server exited with ${code}: ${stderr.trim() || "no output"}`)),
      );
    });
    failed.catch(() => undefined);
    const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
    const deadline = Date.now() + readyTimeoutMs;
    const ready = (async () => {
      while (Date.now() < deadline) {
        if (await pingLoopback(port)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new LocalRedisError(
        `redis-server did not answer on 127.0.0.1:${port} within ${readyTimeoutMs} ms`,
      );
    })();
    try {
      await Promise.race([ready, failed]);
    } catch (error) {
      // a server that never became ready must not outlive the failed start
      if (child === proc) child = undefined;
      if (proc.pid !== undefined) {
        proc.kill("SIGKILL");
        await exited(proc);
      }
      throw error;
    }
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
    dir: options.dir,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
    start,
  };
}
