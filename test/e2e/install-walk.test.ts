// README's "Install on your repository", walked against the sandbox: `lanes init` writes the files (the
// config passes `lanes config check`), they are committed and pushed, the App's credentials come from the
// sandbox (its creation through `lanes serve` is test/app/serve-setup.test.ts), a labelled issue is
// worked by a script-agent stack started the way the written lanes-stack.yml starts it.
// The stack is authenticated as the GitHub App, and the sandbox issues installation tokens that live
// 3 s: `stack up --github-repo` reconciles the open PRPs into its queue, the supervisor pushes over HTTPS
// (the sandbox's git endpoint wants a token) and opens PRs; after every token it had has expired, a new
// PRP is queued and the stack still pushes and opens its PR, because it minted a fresh token itself.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLanesChild } from "../../src/cli/demo/child-cli.js";
import { listLanes } from "../../src/runner/lane-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { waitUntil } from "../runner/wait-until.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { freshPrefix, redisUrl } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const OWNER = "sandbox-admin";
const TTL_SECONDS = 3;
const quiet = () => undefined;

describe("the README's install steps against the sandbox; a stack authenticated as the App (installation tokens that expire)", () => {
  const name = `auth-${randomUUID().slice(0, 8)}`;
  const fullName = `${OWNER}/${name}`;
  let sandbox: Sandbox;
  let user: Octokit;
  let clone: TestRepo;
  let home: TempDir;
  let env: NodeJS.ProcessEnv;
  let stackWorkflow = "";

  beforeAll(async () => {
    sandbox = await startSandbox({
      repos: [{ owner: OWNER, name }],
      installationTokenTtlSeconds: TTL_SECONDS,
    });
    const info = sandbox.info();
    user = new Octokit({
      auth: info.users[0]?.token,
      baseUrl: info.api_url,
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
    const repo = info.repos[0] as (typeof info.repos)[number];
    clone = await makeRepo();
    await clone.git("remote", "add", "origin", repo.clone_url);
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-B", "main", "origin/main");
    // steps 1 and 2: lanes init writes the files; they are committed and pushed
    const init = await runLanesChild(["init"], { env: gitEnv, cwd: clone.dir });
    expect(init.code, init.stderr).toBe(0);
    const check = await runLanesChild(["config", "check"], { env: gitEnv, cwd: clone.dir });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    stackWorkflow = await readFile(join(clone.dir, ".github", "workflows", "lanes-stack.yml"), "utf8");
    await clone.git("add", ".github");
    await clone.git("commit", "-q", "-m", "Install Lanes");
    await clone.git("push", "-q", "origin", "main");
    // from here on the remote is git over HTTP, which answers only to a valid token
    await clone.git("remote", "set-url", "origin", repo.http_url);
    home = await makeTempDir("lanes-app-auth");
    const { GITHUB_TOKEN: _none, ...rest } = gitEnv;
    env = {
      ...rest,
      APP_ID: info.env.APP_ID,
      PRIVATE_KEY_PATH: info.env.PRIVATE_KEY_PATH,
      GITHUB_API_URL: info.api_url,
      LANES_HOME: home.path,
      LANES_WORKTREE_ROOT: join(home.path, "worktrees"),
      REDIS_URL: redisUrl(),
      LANES_PREFIX: freshPrefix(),
      LANES_TICK_MS: "300",
      LANES_LOG_LEVEL: "info",
    };
  }, 60_000);

  afterAll(async () => {
    if (env) await new Tmux(stackPaths(env, name).socket).killServer();
    await clone?.remove();
    await home?.remove();
    await sandbox?.close();
  });

  const prpIssue = async (title: string): Promise<number> =>
    (
      await user.rest.issues.create({
        owner: OWNER,
        repo: name,
        title,
        body: `---\nrole: developer\n---\n# ${title}\n\n## Goal\nBuild ${title}.\n\n## Success Criteria\n- [ ] ${title} exists\n`,
        labels: ["prp"],
      })
    ).data.number;

  const pullFor = (issue: number) =>
    [...(sandbox.state.repos.get(fullName)?.pulls.values() ?? [])].find((p) =>
      p.head.startsWith(`lanes/developer/${issue}-`),
    );

  it("reconciles the open PRPs, pushes over HTTPS and opens PRs, and keeps doing so after its token expired", async () => {
    // the stack starts as the written lanes-stack.yml starts it: as the App, with --github-repo
    expect(stackWorkflow).toContain("APP_ID: ${{ secrets.LANES_APP_ID }}");
    expect(stackWorkflow).toContain("--github-repo ${{ github.repository }}");
    const first = await prpIssue("Schema");
    const up = await runLanesChild(
      [
        "stack",
        "up",
        "--name",
        name,
        "--repo",
        clone.dir,
        "--github-repo",
        fullName,
        "--roles",
        "developer",
        "--agent",
        "script",
        "--agents",
        "1",
        "--json",
      ],
      { env, cwd: clone.dir },
    );
    expect(up.code, up.stderr).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({
      repoSlug: fullName,
      reconciled: { prps: 1, queued: [first] },
    });
    const firstPull = await waitUntil(async () => pullFor(first), "the first lane's PR", 90_000);
    await waitUntil(
      async () => sandbox.state.repos.get(fullName)?.issues.get(first)?.labels.includes("lanes:review"),
      "the first PRP in review",
      30_000,
    );

    // every token minted so far (the stack's included) expires; only then is the second PRP queued
    const minted = sandbox.state.app.installationTokens.size;
    const lastExpiry = Math.max(...sandbox.state.app.installationTokens.values());
    await new Promise((r) => setTimeout(r, lastExpiry - Date.now() + 200));
    const [oldToken] = [...sandbox.state.app.installationTokens.keys()];
    await expect(
      new Octokit({ auth: oldToken, baseUrl: sandbox.info().api_url, log: user.log }).rest.issues.get({
        owner: OWNER,
        repo: name,
        issue_number: first,
      }),
    ).rejects.toMatchObject({ status: 401 });

    const second = await prpIssue("Render");
    const reconcile = await runLanesChild(
      ["reconcile", "--github-repo", fullName, "--prefix", env.LANES_PREFIX as string, "--json"],
      { env, cwd: clone.dir },
    );
    expect(reconcile.code, reconcile.stderr).toBe(0);
    const secondPull = await waitUntil(async () => pullFor(second), "the second lane's PR", 90_000);

    // the supervisor minted fresh tokens after the first ones expired (not only the reconcile above)
    expect(sandbox.state.app.installationTokens.size).toBeGreaterThanOrEqual(minted + 2);
    const gitDir = sandbox.state.repos.get(fullName)?.gitDir as string;
    for (const pull of [firstPull, secondPull]) {
      const sha = (await clone.git("--git-dir", gitDir, "rev-parse", `refs/heads/${pull.head}`)).trim();
      expect(sha).toBe(pull.headSha);
    }
    const lanes = await waitUntil(
      async () => {
        const all = await listLanes(stackPaths(env, name).lanes);
        return all.length === 2 && all.every((l) => l.state === "done") ? all : undefined;
      },
      "both lanes done",
      30_000,
    );
    expect(lanes.map((l) => l.issue).sort()).toEqual([first, second]);
    // no token was written where an agent could read it: the repository's and the worktrees' git config
    const config = await readFile(join(clone.dir, ".git", "config"), "utf8");
    expect(config).not.toMatch(/ghs_|extraheader/i);
  }, 240_000);
});
