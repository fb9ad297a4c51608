// Opens a lane for a claimed job: worktree and branch, the brief and the agent's settings (both in
// the stack's directory, outside the worktree), and a tmux window running the agent. Briefing
// happens later, when the agent reports SessionStart.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PermissionRules } from "../config/usage-schema.js";
import type { AgentAdapter, AgentLaunchInput } from "./agents/agent-adapter.js";
import { SCRIPT_FILE } from "./agents/script-steps.js";
import { BLOCKED_FILE, readProjectLayer, writeLaneBrief } from "./lane-brief.js";
import { mergeBranchesInto } from "./lane-commit.js";
import { WorktreeError } from "./errors.js";
import { lanePayload, type LaneJob, type LaneLease } from "./job-port.js";
import { lanesCommand } from "./lanes-command.js";
import { lanePermissions, packageManagerFor, type PermissionMode } from "./lane-permissions.js";
import type { LaneRecord } from "./lane-record.js";
import type { StackPaths } from "./stack-paths.js";
import type { Tmux } from "./tmux.js";
import { refreshLaneBranch, refreshNote } from "./lane-refresh.js";
import { prepareLaneWorktree } from "./lane-worktree.js";

export interface LaneHost {
  repo: string;
  base: string;
  worktreeRoot: string;
  session: string;
  tmux: Tmux;
  paths: StackPaths;
  agent: AgentAdapter;
  roleBrief: (role: string) => string;
  /** The role's model (config, else the role's default); a PRP's own model wins. */
  modelFor?: (role: string) => string | undefined;
  organisation?: string | undefined;
  /** Extra environment for agent panes (e.g. git identity in tests). */
  paneEnv?: Record<string, string>;
  /** The branches of finished lanes for these PRP ids (stacked lanes); none when absent. */
  dependencyBranches?: (ids: readonly string[]) => Promise<string[]>;
  /** Permission rules from lanes.yml for a role: the common ones, then the role's own. */
  permissionsFor?: (role: string) => readonly PermissionRules[];
  /** `runner.sandboxed`: agents bypass permission checks. */
  sandboxed?: boolean;
}

export function laneWindowName(job: Pick<LaneJob, "role" | "issue">): string {
  return `${job.role}-${job.issue}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 40);
}

/** Secrets an agent never needs (the supervisor pushes and talks to GitHub): its model credentials stay. */
const AGENT_HIDDEN = /TOKEN|SECRET|PASSWORD|PRIVATE_KEY|CREDENTIAL|REDIS_URL/i;
const AGENT_KEEPS = /^(ANTHROPIC_|CLAUDE_)/;

/**
 * The agent's command, run through `env -u NAME…` so that the runner's secrets it inherits from the
 * tmux server (GITHUB_TOKEN, the App key, Redis passwords) are not in its environment. Only names
 * appear on the command line, never values.
 */
export function agentArgv(command: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const hidden = Object.keys(env)
    .filter((name) => AGENT_HIDDEN.test(name) && !AGENT_KEEPS.test(name))
    .sort();
  return hidden.length === 0 ? [...command] : ["env", ...hidden.flatMap((name) => ["-u", name]), ...command];
}

export function paneEnvFor(host: LaneHost, laneId: string): Record<string, string> {
  return { ...host.paneEnv, LANES_EVENTS: host.paths.events, LANES_LANE: laneId, LANES_STACK: host.session };
}

/**
 * Whether a lane's session has a conversation to resume: its transcript exists, or (agents without
 * one, like the script agent) it was briefed. `--resume` of a session that never got a message fails.
 */
export function hasConversation(lane: Pick<LaneRecord, "sessionUsed" | "transcriptPath">): boolean {
  if (lane.transcriptPath !== undefined) return existsSync(lane.transcriptPath);
  return lane.sessionUsed;
}

/** The argv that starts (or restarts) a lane's agent, from what its record says. */
export function laneLaunch(lane: LaneRecord, model: string | undefined): AgentLaunchInput {
  return {
    worktree: lane.worktree,
    model,
    sessionId: lane.sessionId,
    resume: hasConversation(lane),
    briefFile: lane.briefFile,
    settingsFile: lane.settingsFile,
    permissionMode: lane.permissionMode as PermissionMode,
    name: `lanes ${lane.role} #${lane.issue}`,
  };
}

/** Prepares the worktree and context, then starts the agent in a fresh window. */
export async function openLane(
  host: LaneHost,
  job: LaneJob,
  lease: LaneLease,
  now: number,
  previous?: LaneRecord,
): Promise<LaneRecord> {
  const payload = lanePayload(job);
  const model = payload.model ?? host.modelFor?.(job.role);
  const prp = { ...payload, ...(model ? { model } : {}) };
  const wt = await prepareLaneWorktree(
    host.repo,
    host.worktreeRoot,
    {
      role: job.role,
      issue: job.issue,
      title: job.title,
      ...(payload.branch ? { branch: payload.branch } : {}),
    },
    host.base,
  );
  // A lane opened again (retry after a human answered) must not stop at once on the old question.
  await rm(join(wt.path, BLOCKED_FILE), { force: true });
  // …and its branch, forked from an older base, is brought onto the current one first.
  const refreshed =
    wt.how === "created"
      ? undefined
      : refreshNote(
          await refreshLaneBranch(wt.path, host.base, { ...process.env, ...host.paneEnv }),
          host.base,
        );
  const stackOn = host.dependencyBranches ? await host.dependencyBranches(payload.dependsOn) : [];
  const stacked = await mergeBranchesInto(wt.path, stackOn, { ...process.env, ...host.paneEnv });
  if (!stacked.ok) {
    throw new WorktreeError(
      `lane #${job.issue} cannot build on its dependencies: merging ${stackOn.join(", ")} conflicts in ${stacked.conflicts.join(", ")}`,
    );
  }
  const briefFile = await writeLaneBrief(
    {
      prp: { issue: job.issue, title: job.title, role: job.role, ...prp },
      branch: wt.branch,
      worktree: wt.path,
      roleBrief: host.roleBrief(job.role),
      organisation: host.organisation,
      project: await readProjectLayer(wt.path),
    },
    host.paths.brief(job.id),
  );
  if (host.agent.kind === "script") {
    await writeFile(
      join(wt.path, SCRIPT_FILE),
      JSON.stringify({ issue: job.issue, title: job.title, criteria: prp.criteria, steps: prp.script }),
    );
  }
  const permissions = lanePermissions({
    worktree: wt.path,
    validation: prp.validation,
    packageManager: packageManagerFor(new Set(await readdir(wt.path))),
    configured: host.permissionsFor?.(job.role) ?? [],
    sandboxed: host.sandboxed ?? false,
  });
  const settingsFile = host.paths.settings(job.id);
  await host.agent.writeSettings({
    file: settingsFile,
    hookCommand: [...lanesCommand(), "hook"],
    permissions,
  });

  // the worktree is new to the agent: its first-run trust question is answered here, not at the pane
  await host.agent.trustFolder?.(wt.path, { ...process.env, ...host.paneEnv });
  const window = laneWindowName(job);
  for (const pane of await host.tmux.listPanes(host.session)) {
    if (pane.windowName === window) await host.tmux.killWindow(pane.paneId);
  }
  // Lanes chooses the session id; a retried lane continues the conversation its session already has.
  const sessionId = previous?.sessionId ?? randomUUID();
  const resume = previous !== undefined && hasConversation(previous);
  const launch: AgentLaunchInput = {
    worktree: wt.path,
    model: prp.model,
    sessionId,
    resume,
    briefFile,
    settingsFile,
    permissionMode: permissions.defaultMode,
    name: `lanes ${job.role} #${job.issue}`,
  };
  const paneId = await host.tmux.newWindow({
    session: host.session,
    window,
    cwd: wt.path,
    command: agentArgv(host.agent.command(launch)),
    env: paneEnvFor(host, job.id),
  });
  return {
    id: job.id,
    role: job.role,
    issue: job.issue,
    title: job.title,
    branch: wt.branch,
    worktree: wt.path,
    window,
    paneId,
    state: "starting",
    sessionId,
    sessionUsed: resume,
    ...(resume && previous?.transcriptPath ? { transcriptPath: previous.transcriptPath } : {}),
    briefFile,
    settingsFile,
    permissionMode: permissions.defaultMode,
    ...(prp.model ? { model: prp.model } : {}),
    briefed: false,
    restarts: previous?.restarts ?? 0,
    ...(refreshed ? { note: refreshed } : {}),
    ...(stackOn.length > 0 ? { stackedOn: stackOn } : {}),
    startedAt: now,
    commits: 0,
    limitAttempts: 0,
    limitLinesSeen: 0,
    lease,
  };
}
