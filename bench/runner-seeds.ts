// Baselines for the runner benchmarks: what the seed shell scripts Lanes replaces did — tmux called
// directly with commands typed as keystrokes, a polling dispatcher, and a pane-scraping monitor.
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { cpuOver, pause, until } from "./cpu.js";
import { summarize, type BenchResult } from "./stats.js";

const execFileAsync = promisify(execFile);

/** Baselines only: tmux called directly, as the seed scripts did, on a private `-L` socket. */
export async function rawTmux(socket: string, ...args: string[]): Promise<string> {
  const env = { ...process.env };
  delete env.TMUX;
  return (await execFileAsync("tmux", ["-L", socket, "-f", "/dev/null", ...args], { env })).stdout;
}

export const killRawServer = (socket: string) => rawTmux(socket, "kill-server").catch(() => "");

/** The seeds' way: a shell per window, the command typed into it with send-keys. */
export async function seedStackReady(n: number, dir: string): Promise<BenchResult> {
  const samples: number[] = [];
  const windows = ["status", "supervisor", "logs", "agent-1", "agent-2", "agent-3"];
  for (let i = 0; i < n; i++) {
    const socket = `lanes-bench-seed-ready-${process.pid}-${i}`;
    const start = performance.now();
    await rawTmux(socket, "new-session", "-d", "-s", "s", "-n", "status", "-c", dir, "-x", "200", "-y", "50");
    for (const w of windows.slice(1)) await rawTmux(socket, "new-window", "-t", "s:", "-n", w, "-c", dir);
    for (const w of windows)
      await rawTmux(socket, "send-keys", "-t", `s:${w}`, `cd ${dir} && sleep 60`, "Enter");
    await until(async () => {
      const commands = (
        await rawTmux(socket, "list-panes", "-s", "-t", "s", "-F", "#{pane_current_command}")
      ).split("\n");
      return commands.filter((c) => c === "sleep").length === windows.length ? true : undefined;
    });
    samples.push(performance.now() - start);
    await killRawServer(socket);
  }
  return summarize(
    'seed scripts: tmux new-session + new-window ×5 + send-keys "cd <dir> && <cmd>" Enter, until 6 panes run it',
    samples,
  );
}

/**
 * The seeds' dispatch: a loop that LPOPs a plain Redis list and sleeps 500 ms when it is empty, then
 * types the brief into a `cat` pane with send-keys. Jobs arrive at a random phase of the poll.
 */
export async function seedPollToBrief(n: number, redisUrl: string): Promise<BenchResult> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  const socket = `lanes-bench-seed-poll-${process.pid}`;
  const key = "seed:queue";
  await rawTmux(socket, "new-session", "-d", "-s", "s", "-n", "agent", "-x", "200", "-y", "50", "cat");
  let running = true;
  const poller = (async () => {
    while (running) {
      const brief = await redis.lpop(key);
      if (brief === null) await pause(500);
      else
        await rawTmux(socket, "send-keys", "-t", "s:agent", "-l", brief).then(() =>
          rawTmux(socket, "send-keys", "-t", "s:agent", "Enter"),
        );
    }
  })();
  const samples: number[] = [];
  try {
    for (let i = 1; i <= n; i++) {
      await pause(Math.random() * 500);
      const start = performance.now();
      await redis.rpush(key, `Work on #${i} "Bench ${i}"`);
      await until(async () =>
        (await rawTmux(socket, "capture-pane", "-p", "-J", "-t", "s:agent")).includes(`#${i} "Bench ${i}"`)
          ? true
          : undefined,
      );
      samples.push(performance.now() - start);
    }
  } finally {
    running = false;
    await poller;
    redis.disconnect();
    await killRawServer(socket);
  }
  return summarize(
    "seed dispatch: RPUSH → LPOP poll every 500 ms → tmux send-keys → brief visible in a cat pane",
    samples,
  );
}

/** The seeds' monitor: every `everyMs`, `tmux capture-pane -p` on each idle `cat` pane to spot idle/crash. */
export async function seedScrapeCpu(agents: number, seconds: number, everyMs: number): Promise<BenchResult> {
  const socket = `lanes-bench-seed-scrape-${process.pid}`;
  await rawTmux(socket, "new-session", "-d", "-s", "s", "-n", "agent-1", "-x", "200", "-y", "50", "cat");
  for (let i = 2; i <= agents; i++)
    await rawTmux(socket, "new-window", "-t", "s:", "-n", `agent-${i}`, "cat");
  const serverPid = Number((await rawTmux(socket, "display-message", "-p", "-t", "s:", "#{pid}")).trim());
  let running = true;
  const monitor = (async () => {
    while (running) {
      for (let i = 1; i <= agents && running; i++)
        await rawTmux(socket, "capture-pane", "-p", "-t", `s:agent-${i}`);
      await pause(everyMs);
    }
  })();
  try {
    return await cpuOver(
      seconds,
      serverPid,
      `seed monitor: capture-pane on ${agents} idle panes every ${everyMs / 1000} s`,
    );
  } finally {
    running = false;
    await monitor;
    await killRawServer(socket);
  }
}
