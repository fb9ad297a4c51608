// Merging in the sandbox fails the way GitHub does: conflicts are 405 naming the files, a stale head sha is 409.
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";

describe("sandbox merges", () => {
  let sandbox: Sandbox;
  let clone: TestRepo;
  let user: Octokit;
  const repo = { owner: "sandbox-admin", repo: "demo" };

  beforeAll(async () => {
    sandbox = await startSandbox();
    const info = sandbox.info();
    const quiet = () => undefined;
    user = new Octokit({
      auth: info.users[0]?.token,
      baseUrl: info.api_url,
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
    clone = await makeRepo();
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
  });
  afterAll(async () => {
    await clone.remove();
    await sandbox.close();
  });

  async function branch(name: string, files: Record<string, string>): Promise<string> {
    await clone.git("checkout", "-q", "-B", name, "origin/main");
    const sha = await clone.commit(name, files);
    await clone.git("push", "-q", "-f", "origin", `HEAD:refs/heads/${name}`);
    return sha;
  }

  it("refuses a conflicting merge with 405 naming the file, and leaves main alone", async () => {
    await branch("one", { "README.md": "one\n" });
    await branch("two", { "README.md": "two\n" });
    const first = await user.rest.pulls.create({ ...repo, head: "one", base: "main", title: "one" });
    const second = await user.rest.pulls.create({ ...repo, head: "two", base: "main", title: "two" });
    await user.rest.pulls.merge({ ...repo, pull_number: first.data.number });
    const main = (await user.rest.repos.getBranch({ ...repo, branch: "main" })).data.commit.sha;
    const error = await user.rest.pulls.merge({ ...repo, pull_number: second.data.number }).then(
      () => null,
      (e: { status: number; message: string }) => e,
    );
    expect(error?.status).toBe(405);
    expect(error?.message).toContain("conflicts in README.md");
    expect((await user.rest.repos.getBranch({ ...repo, branch: "main" })).data.commit.sha).toBe(main);
  });

  it("refuses a merge whose expected head sha is stale with 409, and an already merged PR with 405", async () => {
    const sha = await branch("three", { "three.txt": "3\n" });
    const pull = await user.rest.pulls.create({ ...repo, head: "three", base: "main", title: "three" });
    const stale = await user.rest.pulls
      .merge({ ...repo, pull_number: pull.data.number, sha: "f".repeat(40) })
      .then(
        () => null,
        (e: { status: number }) => e,
      );
    expect(stale?.status).toBe(409);
    await user.rest.pulls.merge({ ...repo, pull_number: pull.data.number, sha });
    const again = await user.rest.pulls.merge({ ...repo, pull_number: pull.data.number }).then(
      () => null,
      (e: { status: number }) => e,
    );
    expect(again?.status).toBe(405);
  });
});
