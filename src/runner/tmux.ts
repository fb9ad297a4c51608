// The one tmux driver: every tmux command in Lanes runs here, against a private server (`-L`).
// Text reaches a pane only as a sanitised, pasted buffer; untrusted text is never sent as keystrokes.
import { rm } from "node:fs/promises";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { PaneDeadError, TmuxError, TmuxMissingError } from "./errors.js";
import { sanitizeText } from "../text/sanitize.js";
import {
  commandArgs,
  envArgs,
  newPaneArgs,
  PANE_FORMAT,
  parsePanes,
  type ControlKey,
  type PaneInfo,
  type WindowSpec,
} from "./tmux-format.js";

export type { ControlKey, PaneInfo, WindowSpec } from "./tmux-format.js";

/** What sendText embeds in a tmux command string: pane ids (`%4`) and plain targets, no quoting needed. */
const SAFE_TARGET = /^[%@$=\w.:+-]+$/;
/** Printed by sendText's guard when the pane has exited; no pane text can produce it (it is never pasted). */
const PANE_DEAD_MARK = "lanes:pane-dead";

export class Tmux {
  constructor(
    readonly socket: string,
    private readonly size = { width: 200, height: 50 },
  ) {}

  /**
   * Runs `tmux -L <socket> -f /dev/null ...args`, optionally feeding stdin; resolves to stdout.
   * `launcher` prefixes the argv (e.g. `systemd-run --user --scope`) for the command that starts the server.
   */
  run(args: readonly string[], input?: string, launcher: readonly string[] = []): Promise<string> {
    return new Promise((resolve, reject) => {
      const env = { ...process.env };
      delete env.TMUX;
      // An Actions runner ends every process carrying its job's tracking id when the job ends: the
      // server (and so every pane) must not inherit it, or the stack dies with the job.
      delete env.RUNNER_TRACKING_ID;
      const argv = [...launcher, "tmux", "-L", this.socket, "-f", "/dev/null", ...args];
      const child = spawn(argv[0] as string, argv.slice(1), {
        env,
        stdio: ["pipe", "pipe", "pipe"],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (c: Buffer) => out.push(c));
      child.stderr.on("data", (c: Buffer) => err.push(c));
      child.on("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "ENOENT"
            ? new TmuxMissingError(error)
            : new TmuxError(args, error.message, { cause: error }),
        ),
      );
      child.on("close", (code) => {
        if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
        else reject(new TmuxError(args, Buffer.concat(err).toString("utf8")));
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(input ?? "");
    });
  }

  async hasSession(session: string): Promise<boolean> {
    return this.run(["has-session", "-t", `=${session}`]).then(
      () => true,
      (error: unknown) => {
        if (error instanceof TmuxMissingError) throw error;
        return false;
      },
    );
  }

  /** Creates the session with its first window; dead panes stay visible so crashes can be detected. */
  async newSession(spec: WindowSpec, launcher: readonly string[] = []): Promise<string> {
    const out = await this.run(
      [
        "set-option",
        "-g",
        "remain-on-exit",
        "on",
        ";",
        "set-option",
        "-g",
        "history-limit",
        "10000",
        ";",
        "new-session",
        "-d",
        "-s",
        spec.session,
        "-n",
        spec.window,
        "-x",
        String(this.size.width),
        "-y",
        String(this.size.height),
        ...newPaneArgs(spec),
      ],
      undefined,
      launcher,
    );
    return out.trim();
  }

  /** Opens a window (detached) in the stack's session; returns its pane id, e.g. `%3`. */
  async newWindow(spec: WindowSpec): Promise<string> {
    const out = await this.run([
      "new-window",
      "-d",
      "-t",
      `=${spec.session}:`,
      "-n",
      spec.window,
      ...newPaneArgs(spec),
    ]);
    return out.trim();
  }

  /**
   * Restarts the program of a pane in place, with a new command. A live program is hung up (SIGHUP)
   * first unless `kill` is false: then a pane that is not dead is refused (tmux: "still active").
   */
  async respawnPane(
    target: string,
    spec: Omit<WindowSpec, "session" | "window">,
    options: { kill?: boolean } = {},
  ): Promise<void> {
    await this.run([
      "respawn-pane",
      ...((options.kill ?? true) ? ["-k"] : []),
      "-t",
      target,
      "-c",
      spec.cwd,
      ...envArgs(spec.env),
      ...commandArgs(spec.command),
    ]);
  }

  /** Every pane of the server (or one session); empty when the server is not running. */
  async listPanes(session?: string): Promise<PaneInfo[]> {
    const scope = session === undefined ? ["-a"] : ["-s", "-t", `=${session}`];
    let out: string;
    try {
      out = await this.run(["list-panes", ...scope, "-F", PANE_FORMAT]);
    } catch (error) {
      if (
        error instanceof TmuxError &&
        /no server running|can't find session|error connecting/i.test(error.stderr)
      )
        return [];
      throw error;
    }
    return parsePanes(out);
  }

  async isAlive(target: string): Promise<boolean> {
    const out = await this.run(["display-message", "-p", "-t", target, "#{pane_dead}"]);
    return out.trim() === "0";
  }

  /**
   * Pastes text into a pane: sanitised, loaded into a named buffer through stdin, pasted with
   * bracketed paste (`-p`) and the buffer deleted (`-d`); Enter follows as a separate key.
   *
   * tmux 3.3a (Debian 12's) segfaults when it pastes into a pane whose process has exited, and takes
   * every lane of the stack with it. So the pane's liveness is checked inside the server, in the same
   * command list as the paste (`if-shell -F`): nothing runs between the check and the paste, so a pane
   * that dies a moment before is never pasted into. A dead pane gets PaneDeadError.
   */
  async sendText(target: string, text: string, options: { enter?: boolean } = {}): Promise<void> {
    if (!SAFE_TARGET.test(target)) throw new TmuxError(["paste-buffer", "-t", target], "not a pane target");
    const clean = sanitizeText(text);
    const buffer = `lanes-${randomUUID().slice(0, 8)}`;
    const deliver = [
      ...(clean.length > 0 ? [`paste-buffer -d -p -b ${buffer} -t ${target}`] : []),
      ...((options.enter ?? true) ? [`send-keys -t ${target} Enter`] : []),
    ];
    if (deliver.length === 0) {
      if (!(await this.isAlive(target))) throw new PaneDeadError(target);
      return;
    }
    const load = clean.length > 0 ? ["load-buffer", "-b", buffer, "-", ";"] : [];
    const dropBuffer = clean.length > 0 ? `delete-buffer -b ${buffer} ; ` : "";
    let out: string;
    try {
      out = await this.run(
        [
          ...load,
          "if-shell",
          "-F",
          "-t",
          target,
          "#{pane_dead}",
          `${dropBuffer}display-message -p ${PANE_DEAD_MARK}`,
          deliver.join(" ; "),
        ],
        clean.length > 0 ? clean : undefined,
      );
    } catch (error) {
      // a pane that is gone altogether: the buffer must not outlive the failed paste
      if (clean.length > 0) await this.run(["delete-buffer", "-b", buffer]).catch(() => undefined);
      throw error;
    }
    if (out.includes(PANE_DEAD_MARK)) throw new PaneDeadError(target);
  }

  /** Sends one of the fixed control keys; the only keystrokes Lanes ever sends. */
  async sendKey(target: string, key: ControlKey): Promise<void> {
    await this.run(["send-keys", "-t", target, key]);
  }

  /** The visible text of a pane plus `history` lines of scrollback, with no escape sequences. */
  async capture(target: string, history = 0): Promise<string> {
    return this.run([
      "capture-pane",
      "-p",
      "-J",
      "-t",
      target,
      ...(history > 0 ? ["-S", `-${history}`] : []),
    ]);
  }

  async killWindow(target: string): Promise<void> {
    await this.run(["kill-window", "-t", target]);
  }

  /** The pid of the private server, or undefined when none runs. */
  async serverPid(): Promise<number | undefined> {
    const out = await this.run(["display-message", "-p", "#{pid}"]).catch(() => "");
    const pid = Number(out.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /** Stops the private server and removes its socket file (tmux 3.3 leaves it behind). */
  async killServer(): Promise<void> {
    const socketPath = (await this.run(["display-message", "-p", "#{socket_path}"]).catch(() => "")).trim();
    await this.run(["kill-server"]).catch(() => undefined);
    if (socketPath) await rm(socketPath, { force: true });
  }

  /** argv a user runs to attach to the stack (for `--attach` and printed hints). */
  attachArgv(session: string): string[] {
    return ["tmux", "-L", this.socket, "attach-session", "-t", `=${session}`];
  }
}
