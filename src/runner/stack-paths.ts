// Where a stack keeps its local files: its record, its lanes and its event log, under LANES_HOME.
import { homedir, userInfo } from "node:os";
import { basename, join, resolve } from "node:path";

export function lanesHome(env: NodeJS.ProcessEnv): string {
  return env.LANES_HOME ?? join(env.XDG_STATE_HOME ?? join(homedir(), ".local", "state"), "lanes");
}

/** A stack name usable as a tmux socket and a directory name. */
export function stackNameFor(repo: string, name?: string): string {
  const raw = name ?? basename(resolve(repo));
  const clean = raw
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return clean.length > 0 ? clean : "lanes";
}

export interface StackPaths {
  dir: string;
  record: string;
  events: string;
  lanes: string;
  /** Local holds (`lanes hold`): PRPs whose lanes `lanes integrate --ready --stack` leaves out. */
  holds: string;
  lane(id: string): string;
  /** The lane's brief, given to the agent on its command line (never written into the worktree). */
  brief(id: string): string;
  /** The lane agent's settings: hooks and permissions (never written into the worktree). */
  settings(id: string): string;
  /** The tmux socket name (`-L`) of the stack's private server. */
  socket: string;
}

/**
 * The user a stack belongs to, as a file-name-safe word: stacks are kept per user, so two users' stacks of
 * the same name never share a directory (a LANES_HOME or XDG_STATE_HOME several users share) or, for
 * local stacks, Redis keys.
 */
export function stackUser(env: NodeJS.ProcessEnv): string {
  let name = env.LANES_USER;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = typeof process.getuid === "function" ? `uid-${process.getuid()}` : "user";
    }
  }
  const word = name.replace(/[^A-Za-z0-9_.-]+/g, "-").slice(0, 64);
  return /^\.*$/.test(word) ? "user" : word;
}

/** The folder holding this user's stacks, one folder each. */
export function stacksDir(env: NodeJS.ProcessEnv): string {
  return join(lanesHome(env), "stacks", stackUser(env));
}

export function stackPaths(env: NodeJS.ProcessEnv, name: string): StackPaths {
  const dir = join(stacksDir(env), name);
  const safe = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, "_");
  return {
    dir,
    record: join(dir, "stack.json"),
    events: join(dir, "events.jsonl"),
    lanes: join(dir, "lanes"),
    holds: join(dir, "holds.json"),
    lane: (id: string) => join(dir, "lanes", `${safe(id)}.json`),
    brief: (id: string) => join(dir, "agents", `${safe(id)}.brief.md`),
    settings: (id: string) => join(dir, "agents", `${safe(id)}.settings.json`),
    socket: `lanes-${name}`,
  };
}
