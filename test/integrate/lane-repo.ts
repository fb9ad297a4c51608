// A throwaway repository with a base branch and lane branches cut from it, for integration tests.
import type { GitRepo } from "../../src/git/git-repo.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

export interface LaneRepo extends TestRepo {
  /** The repository as the integration code sees it (test identity, no global config). */
  repo: GitRepo;
  /** Creates `branch` from `from` (default main) with one commit writing `files`; returns its sha. */
  lane(branch: string, files: Record<string, string>, from?: string): Promise<string>;
  refs(): Promise<string>;
}

export async function makeLaneRepo(
  baseFiles: Record<string, string> = { "README.md": "base\n" },
): Promise<LaneRepo> {
  const test = await makeRepo();
  await test.commit("base", baseFiles);
  return {
    ...test,
    repo: { dir: test.dir, env: gitEnv },
    async lane(branch, files, from = "main") {
      await test.git("checkout", "-q", "-b", branch, from);
      const sha = await test.commit(`work on ${branch}`, files);
      await test.git("checkout", "-q", "main");
      return sha;
    },
    refs: () => test.git("for-each-ref", "--format=%(refname) %(objectname)"),
  };
}
