// Builds a lane's brief: organisation, project and role layers, then the PRP, its criteria and the
// lane rules. Rendering is pure; the brief is written outside the worktree (the agent gets it through
// its command line) and never overwrites a project file such as CLAUDE.md.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { excludeFromGit } from "../git/git-exclude.js";

export interface LaneSpec {
  /** Issue number, or the PRP's local id in backlog mode. */
  issue: number | string;
  title: string;
  role: string;
  body: string;
  criteria: readonly string[];
  paths: readonly string[];
  validation: readonly string[];
  /** The handoff record (YAML) of the role that worked on the branch before (`/lanes handoff`). */
  handoff?: string | undefined;
}

export interface LaneBriefInput {
  prp: LaneSpec;
  branch: string;
  worktree: string;
  roleBrief: string;
  organisation?: string | undefined;
  project?: string | undefined;
  commitEveryMinutes?: number;
}

/** Files through which an agent reports back; `.lanes/` is in the repository's git exclude. */
export const DONE_FILE = ".lanes/done";
export const BLOCKED_FILE = ".lanes/blocked";
/** What Lanes may place inside a worktree, as git exclude patterns. */
export const LANE_EXCLUDES = [".lanes/"] as const;

function section(title: string, text: string | undefined): string[] {
  const body = text?.trim();
  return body ? [`## ${title}`, "", body, ""] : [];
}

function list(items: readonly string[], empty: string, mark = "-"): string {
  return items.length > 0 ? items.map((item) => `${mark} ${item}`).join("\n") : empty;
}

export function renderLaneBrief(input: LaneBriefInput): string {
  const { prp } = input;
  const minutes = input.commitEveryMinutes ?? 30;
  const lines = [
    `# Lane: ${prp.role} on #${prp.issue} — ${prp.title}`,
    "",
    "Lanes gives you this brief for this lane only; the project's own CLAUDE.md, if any, still applies.",
    "",
    ...section("Organisation", input.organisation),
    ...section("Project", input.project),
    ...section(`Your role: ${prp.role}`, input.roleBrief),
    `## The PRP: ${prp.title}`,
    "",
    prp.body.trim(),
    "",
    ...(prp.handoff
      ? [
          "## Handoff",
          "",
          "The previous role handed this branch over to you:",
          "",
          "```yaml",
          prp.handoff.trim(),
          "```",
          "",
        ]
      : []),
    "## Success criteria",
    "",
    list(prp.criteria, "(none stated: agree them with the PM before you start)", "- [ ]"),
    "",
    "## Validation commands",
    "",
    list(
      prp.validation.map((v) => `\`${v}\``),
      "(none)",
    ),
    "",
    "## Lane rules",
    "",
    `- You work in \`${input.worktree}\` on branch \`${input.branch}\`. Stay inside this directory.`,
    `- Change only these paths: ${prp.paths.length > 0 ? prp.paths.map((p) => `\`${p}\``).join(", ") : "any path the PRP needs"}.`,
    `- Commit at least every ${minutes} minutes, small commits whose messages say why. Lanes makes a WIP commit for you if you do not.`,
    "- Do not push, merge or rebase: Lanes pushes your branch and opens the pull request.",
    "- Do not commit anything under `.lanes/`: it is Lanes' own folder.",
    `- When every criterion is met and committed, write to \`${DONE_FILE}\` a one-line summary, then one line per success criterion: \`- criterion <n>:\` and, in backticks, the name of the test that proves it, exactly as the test runner reports it. It becomes your pull request's body: lanes/prp counts a criterion only when that test is added or changed in your lane and passes in the validation run. Then stop.`,
    `- If you are blocked and need a human, write the question to \`${BLOCKED_FILE}\` and stop.`,
    "",
  ];
  return lines.join("\n");
}

/** The short message pasted into the agent's pane to start (or restart) the lane. */
export function briefMessage(prp: Pick<LaneSpec, "issue" | "title">, restart = false): string {
  const start = restart
    ? "You were restarted; your work so far is committed in this worktree."
    : "You have a new lane.";
  return `${start} Your brief for #${prp.issue} "${prp.title}" is in your instructions ("Lane: …"). Work through its success criteria now.`;
}

/** The project layer: PROJECT_CONTEXT.md, else the README, else nothing. */
export async function readProjectLayer(dir: string): Promise<string | undefined> {
  for (const name of ["PROJECT_CONTEXT.md", "README.md", "readme.md"]) {
    const path = join(dir, name);
    if (existsSync(path)) return readFile(path, "utf8");
  }
  return undefined;
}

/**
 * Writes the brief to `file` (in the stack's directory, outside the worktree) and prepares the
 * worktree's `.lanes/` folder, listed in the repository's git exclude so `git add -A` never stages it.
 */
export async function writeLaneBrief(input: LaneBriefInput, file: string): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, renderLaneBrief(input));
  await excludeFromGit(input.worktree, LANE_EXCLUDES);
  await mkdir(join(input.worktree, ".lanes"), { recursive: true });
  return file;
}
