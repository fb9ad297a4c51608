// Runs a command in a real pseudo-terminal: a pane of a private tmux server (`-L`, unique per run) of a
// fixed size. Returns the screen as the user would see it when the command ended, and every byte it wrote
// (tmux pipe-pane), so a test can check both what a live view looked like and how it was drawn.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { makeTempDir } from "./tmp.js";

const run = promisify(execFile);

export interface TerminalRun {
  /** The pane's text (history included) when the command ended, trailing blank lines dropped. */
  screen: string;
  /** Everything the command wrote to the terminal, escape sequences included. */
  raw: string;
  code: number;
}

export interface TerminalOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  columns?: number;
  rows?: number;
  timeoutMs?: number;
}

/** Runs `argv` in a fresh terminal and waits for it to exit. */
export async function runInTerminal(argv: readonly string[], options: TerminalOptions): Promise<TerminalRun> {
  const socket = `lanes-pty-${randomUUID().slice(0, 8)}`;
  const dir = await makeTempDir("lanes-pty");
  const go = join(dir.path, "go");
  const done = join(dir.path, "exit-code");
  const rawFile = join(dir.path, "raw");
  // the terminal's environment is the test's: no CI, NO_COLOR or TERM leak in from the runner
  const { CI: _ci, NO_COLOR: _noColor, TERM: _term, TMUX: _tmux, ...inherited } = options.env;
  const env = { ...inherited, TERM: "xterm-256color" };
  const tmux = (...args: string[]) => run("tmux", ["-L", socket, ...args], { env, cwd: options.cwd });
  // the command waits for `go`, so the raw capture is in place before its first byte
  const script = `while [ ! -e "$0" ]; do sleep 0.02; done; cd "$1"; shift; shift; "$@"; echo $? > "$DONE_FILE"`;
  try {
    await tmux(
      "new-session",
      "-d",
      "-s",
      "t",
      "-x",
      String(options.columns ?? 100),
      "-y",
      String(options.rows ?? 30),
      "-e",
      `DONE_FILE=${done}`,
      "sh",
      "-c",
      script,
      go,
      options.cwd,
      "--",
      ...argv,
    );
    await tmux("set-option", "-t", "t", "remain-on-exit", "on");
    await tmux("set-option", "-t", "t", "status", "off");
    await tmux("pipe-pane", "-t", "t", "-o", `cat >> '${rawFile}'`);
    await writeFile(go, "");
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    while (!existsSync(done)) {
      if (Date.now() > deadline) {
        const { stdout } = await tmux("capture-pane", "-p", "-t", "t").catch(() => ({ stdout: "" }));
        throw new Error(`${argv.join(" ")} did not finish in the terminal; its screen:\n${stdout}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    // pipe-pane writes asynchronously: let it catch up before reading
    await new Promise((r) => setTimeout(r, 300));
    // with the history: tmux's "Pane is dead" line at the bottom may have scrolled the first line off
    const { stdout } = await tmux("capture-pane", "-p", "-S", "-", "-t", "t");
    return {
      screen: stdout.replace(/\n*Pane is dead \(status \d+[^\n]*\n*$/, "").replace(/\s+$/, ""),
      raw: await readFile(rawFile, "utf8").catch(() => ""),
      code: Number((await readFile(done, "utf8")).trim()),
    };
  } finally {
    const path = await tmux("display-message", "-p", "#{socket_path}").then(
      (r) => r.stdout.trim(),
      () => "",
    );
    await tmux("kill-server").catch(() => undefined);
    if (path) await rm(path, { force: true });
    await dir.remove();
  }
}
