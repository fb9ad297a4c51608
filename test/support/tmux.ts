// A private tmux server per test (`tmux -L <socket>`), killed afterwards; never the user's own server.
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TmuxTestServer {
  socket: string;
  /** Runs `tmux -L <socket> ...args` and returns stdout. */
  tmux(...args: string[]): Promise<string>;
  /** Kills the server (ignores "no server running"). */
  kill(): Promise<void>;
}

export function privateTmux(): TmuxTestServer {
  const socket = `lanes-test-${randomUUID().slice(0, 8)}`;
  return {
    socket,
    async tmux(...args: string[]) {
      const { stdout } = await run("tmux", ["-L", socket, ...args], { env: { ...process.env, TMUX: "" } });
      return stdout;
    },
    async kill() {
      const path = await run("tmux", ["-L", socket, "display-message", "-p", "#{socket_path}"]).then(
        (r) => r.stdout.trim(),
        () => "",
      );
      await run("tmux", ["-L", socket, "kill-server"]).catch(() => undefined);
      if (path) await rm(path, { force: true });
    },
  };
}
