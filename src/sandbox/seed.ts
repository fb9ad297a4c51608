// Seeding the sandbox: users with tokens, and repositories as bare git repos with an initial commit.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { runGit } from "../git/index.js";
import { createBareRepo, type PushNotice } from "./bare-repo.js";
import { SandboxSetupError } from "./errors.js";
import { PERMISSIONS, type SandboxRepo, type SandboxState, type SandboxUser } from "./state.js";

export const UserSeedSchema = z.object({
  login: z.string().regex(/^[A-Za-z0-9-]+(\[bot\])?$/, "a GitHub login: letters, digits and dashes"),
  permission: z.enum(PERMISSIONS),
  token: z.string().min(1).optional(),
});
export type UserSeed = z.input<typeof UserSeedSchema>;

export const RepoSeedSchema = z.object({
  owner: z.string().min(1),
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, "a repository name: letters, digits, '.', '_' and '-'"),
  defaultBranch: z.string().default("main"),
  /** Files of the initial commit (path → content). */
  files: z.record(z.string(), z.string()).default({ "README.md": "# Sandbox repository\n" }),
});
export type RepoSeed = z.input<typeof RepoSeedSchema>;

export function seedUser(state: SandboxState, seed: UserSeed): SandboxUser {
  const parsed = UserSeedSchema.parse(seed);
  const user: SandboxUser = {
    id: state.nextId(),
    login: parsed.login,
    type: "User",
    permission: parsed.permission,
    token: parsed.token ?? `ghp_${randomBytes(18).toString("hex")}`,
  };
  state.users.set(user.login, user);
  return user;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: "Lanes Sandbox",
  GIT_AUTHOR_EMAIL: "sandbox@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Sandbox",
  GIT_COMMITTER_EMAIL: "sandbox@lanes.invalid",
};

async function initialCommit(gitDir: string, branch: string, files: Record<string, string>): Promise<void> {
  const index = join(gitDir, "seed-index");
  const env = { ...IDENTITY, GIT_INDEX_FILE: index };
  for (const [path, content] of Object.entries(files)) {
    const sha = (
      await runGit(["hash-object", "-w", "--stdin"], { cwd: gitDir, input: content })
    ).stdout.trim();
    await runGit(["update-index", "--add", "--cacheinfo", `100644,${sha},${path}`], { cwd: gitDir, env });
  }
  const tree = (await runGit(["write-tree"], { cwd: gitDir, env })).stdout.trim();
  const commit = (
    await runGit(["commit-tree", tree, "-m", "Initial commit"], { cwd: gitDir, env })
  ).stdout.trim();
  await runGit(["update-ref", `refs/heads/${branch}`, commit], { cwd: gitDir });
  await rm(index, { force: true });
}

export async function seedRepo(
  state: SandboxState,
  root: string,
  notice: Omit<PushNotice, "fullName">,
  seed: RepoSeed,
): Promise<SandboxRepo> {
  const parsed = RepoSeedSchema.parse(seed);
  if (!state.users.has(parsed.owner))
    throw new SandboxSetupError(
      `repository owner ${parsed.owner} is not a sandbox user; seed the user first`,
    );
  const fullName = `${parsed.owner}/${parsed.name}`;
  if (state.repos.has(fullName))
    throw new SandboxSetupError(`repository ${fullName} already exists in the sandbox`);
  const gitDir = join(root, "repos", parsed.owner, `${parsed.name}.git`);
  await createBareRepo(gitDir, parsed.defaultBranch, { ...notice, fullName });
  if (Object.keys(parsed.files).length > 0) await initialCommit(gitDir, parsed.defaultBranch, parsed.files);
  const repo: SandboxRepo = {
    id: state.nextId(),
    owner: parsed.owner,
    name: parsed.name,
    fullName,
    gitDir,
    defaultBranch: parsed.defaultBranch,
    createdAt: state.now(),
    nextNumber: 1,
    labels: new Map(),
    issues: new Map(),
    comments: new Map(),
    reactions: new Map(),
    pulls: new Map(),
    reviews: new Map(),
    checkRuns: new Map(),
    workflowDispatches: [],
    workflowRuns: new Map(),
  };
  state.repos.set(fullName, repo);
  return repo;
}
