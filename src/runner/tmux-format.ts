// How the tmux driver writes a pane's argv and reads tmux's pane listings; pure, runs nothing. Commands
// themselves run only in tmux.ts.
import { shellWord } from "./shell-word.js";

export interface PaneInfo {
  session: string;
  windowName: string;
  windowIndex: number;
  paneId: string;
  dead: boolean;
  deadStatus: number | null;
  pid: number;
  currentCommand: string;
  currentPath: string;
}

export interface WindowSpec {
  session: string;
  window: string;
  cwd: string;
  /** argv run directly in the pane (no shell); an empty array opens the default shell. */
  command: readonly string[];
  env?: Record<string, string>;
}

/** Keys the driver may send as keystrokes: a fixed set, never text from outside. */
export type ControlKey = "Enter" | "Escape" | "C-c";

export const PANE_FORMAT = [
  "#{session_name}",
  "#{window_name}",
  "#{window_index}",
  "#{pane_id}",
  "#{pane_dead}",
  "#{pane_dead_status}",
  "#{pane_pid}",
  "#{pane_current_command}",
  "#{pane_current_path}",
].join("\t");

export function commandArgs(command: readonly string[]): string[] {
  // tmux runs a single argument through `sh -c` but execs two or more directly: quote the one word.
  if (command.length === 1) return [shellWord(command[0] as string)];
  return [...command];
}

export function envArgs(env: Record<string, string> | undefined): string[] {
  return Object.entries(env ?? {}).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
}

/** How a new session or window starts its pane: directory, environment, argv; tmux prints the pane id. */
export function newPaneArgs(spec: WindowSpec): string[] {
  return ["-c", spec.cwd, "-P", "-F", "#{pane_id}", ...envArgs(spec.env), ...commandArgs(spec.command)];
}

/** `list-panes -F PANE_FORMAT` output, one pane a line. */
export function parsePanes(out: string): PaneInfo[] {
  return out
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      const [s, name, index, paneId, dead, status, pid, cmd, path] = line.split("\t");
      return {
        session: s ?? "",
        windowName: name ?? "",
        windowIndex: Number(index),
        paneId: paneId ?? "",
        dead: dead === "1",
        deadStatus: status === undefined || status === "" ? null : Number(status),
        pid: Number(pid),
        currentCommand: cmd ?? "",
        currentPath: path ?? "",
      };
    });
}
