import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { pullRequestsVia } from "../../src/runner/github-pulls.js";
import { finishLane } from "../../src/runner/lane-finish.js";
import type { LaneRecord } from "../../src/runner/lane-record.js";
import { prepareLaneWorktree } from "../../src/runner/lane-worktree.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const API = "https://api.github.test";

function pull(number: number, head: string) {
  return {
    number,
    title: "t",
    body: "",
    state: "open",
    merge_commit_sha: null,
    head: { ref: head, sha: "a" },
    base: { ref: "main", sha: "b" },
    html_url: `https://github.test/acme/app/pull/${number}`,
  };
}

describe("finishing a lane", () => {
  let repo: TestRepo;
  let remote: TestRepo;
  let tmp: TempDir;
  let lane: LaneRecord;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "x\n" });
    remote = await makeRepo({ bare: true });
    tmp = await makeTempDir("lanes-finish");
    const wt = await prepareLaneWorktree(
      repo.dir,
      tmp.path,
      { role: "developer", issue: 12, title: "Health" },
      "main",
    );
    await writeFile(join(wt.path, "health.ts"), "export const ok = true;\n");
    lane = {
      id: "j",
      role: "developer",
      issue: 12,
      title: "Health",
      branch: wt.branch,
      worktree: wt.path,
      window: "w",
      paneId: "%1",
      state: "working",
      briefed: true,
      sessionId: "11111111-2222-4333-8444-555555555555",
      sessionUsed: true,
      briefFile: "/stack/agents/j.brief.md",
      settingsFile: "/stack/agents/j.settings.json",
      permissionMode: "dontAsk",
      restarts: 0,
      startedAt: 0,
      commits: 0,
      limitAttempts: 0,
      limitLinesSeen: 0,
      lease: { jobId: "j", token: "t", host: "h", agent: "a", leaseUntil: 0 },
    };
  });
  afterEach(async () => {
    nock.cleanAll();
    await repo.remove();
    await remote.remove();
    await tmp.remove();
  });

  it("commits leftovers as WIP, keeps the branch local without a remote and says the PR step was skipped", async () => {
    const report = await finishLane(lane, "all done", { repo: repo.dir, base: "main", env: gitEnv });
    expect(report.wipCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(report).toMatchObject({ commits: 1, pushed: null, pr: null });
    expect(report.notes).toEqual([
      `no git remote: branch ${lane.branch} kept locally, not pushed`,
      "PR step skipped: GitHub is not configured for this stack",
    ]);
  });

  it("pushes to the remote and opens the PR 'Closes #12' through the GitHub port, or updates the open one", async () => {
    await repo.git("remote", "add", "origin", remote.dir);
    const github = createGitHubPort({
      auth: { type: "token", token: "t" },
      baseUrl: API,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    const pulls = pullRequestsVia(github, { owner: "acme", repo: "app" });
    const create = nock(API)
      .get("/repos/acme/app/pulls")
      .query(true)
      .reply(200, [])
      .post(
        "/repos/acme/app/pulls",
        (body) => body.head === lane.branch && body.base === "main" && body.body.startsWith("Closes #12"),
      )
      .reply(201, pull(5, lane.branch));
    const first = await finishLane(lane, "done", { repo: repo.dir, base: "main", pulls, env: gitEnv });
    expect(first).toMatchObject({ pushed: "origin", pr: "https://github.test/acme/app/pull/5", notes: [] });
    expect(await remote.git("rev-parse", lane.branch)).toBe(await repo.git("rev-parse", lane.branch));
    create.done();

    const update = nock(API)
      .get("/repos/acme/app/pulls")
      .query(true)
      .reply(200, [pull(5, lane.branch)])
      .patch("/repos/acme/app/pulls/5")
      .reply(200, pull(5, lane.branch));
    await finishLane(lane, "done again", { repo: repo.dir, base: "main", pulls, env: gitEnv });
    update.done();
  });

  it("opens a stacked lane's PR against its dependency's open PR branch, so it shows only its own changes", async () => {
    await repo.git("remote", "add", "origin", remote.dir);
    const github = createGitHubPort({
      auth: { type: "token", token: "t" },
      baseUrl: API,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    const pulls = pullRequestsVia(github, { owner: "acme", repo: "app" });
    const dependency = "lanes/developer/11-the-dependency";
    const scope = nock(API)
      .get("/repos/acme/app/pulls")
      .query((q) => q.head === `acme:${lane.branch}`)
      .reply(200, [])
      .get("/repos/acme/app/pulls")
      .query((q) => q.head === `acme:${dependency}`)
      .reply(200, [pull(4, dependency)])
      .post(
        "/repos/acme/app/pulls",
        (body) =>
          body.base === dependency &&
          body.body.includes(`Stacked on #4 (\`${dependency}\`)`) &&
          body.body.includes("retargeted to `main` when #4 merges"),
      )
      .reply(201, pull(6, lane.branch));
    const report = await finishLane({ ...lane, stackedOn: [dependency] }, "done", {
      repo: repo.dir,
      base: "main",
      pulls,
      env: gitEnv,
    });
    expect(report.pr).toBe("https://github.test/acme/app/pull/6");
    scope.done();
  });
});
