import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitLaneWork } from "../../src/runner/lane-commit.js";
import { defaultScript } from "../../src/runner/agents/script-steps.js";
import { catV } from "../support/cat-v.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

describe("commit messages Lanes writes carry no control characters", () => {
  let repo: TestRepo;
  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# r\n" });
  });
  afterEach(() => repo.remove());

  it("commits a criterion holding a NUL byte and escape sequences (the script agent crashed on every retry)", async () => {
    const [, commit] = defaultScript({
      issue: 3,
      title: "T",
      criteria: ["parses a\x00b \x1b]0;owned\x07\x1b[31mred\x1b[201~"],
    });
    const message = (commit as { commit: string }).commit;
    await writeFile(join(repo.dir, "a.txt"), "a\n");
    const sha = await commitLaneWork(repo.dir, message, gitEnv);
    expect(sha).not.toBeNull();
    const logged = await repo.git("log", "-1", "--format=%B");
    expect(logged).toBe("Meet criterion 1 of #3: parses ab red");
    expect(catV(logged)).toBe(logged);
  });

  it("a message that is nothing but control characters still commits, with a plain message", async () => {
    await writeFile(join(repo.dir, "b.txt"), "b\n");
    await commitLaneWork(repo.dir, "\x1b[2J\x00", gitEnv);
    expect(await repo.git("log", "-1", "--format=%s")).toBe("Lanes: work in progress");
  });
});
