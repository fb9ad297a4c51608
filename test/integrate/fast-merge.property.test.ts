// The fast path (replaying disjoint lanes through fast-import) must give the tree `git merge --no-ff` gives.
// Lanes here add, delete, chmod and rewrite files on a small set of paths where files and directories
// collide (`a` vs `a/b`), some fork from an older base, so both the fast path and merge-tree run.
import { chmod, mkdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyIntegration } from "../../src/integrate/apply-integration.js";
import { planIntegration } from "../../src/integrate/plan-integration.js";
import { gitEnv } from "../support/git.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

const PATHS = ["a", "a/b", "a/c", "d/e", "d/f", "g", "h/i/j", "h/k"] as const;
type Op = { path: (typeof PATHS)[number]; kind: "write" | "delete" | "chmod" };

const op = fc.record({
  path: fc.constantFrom(...PATHS),
  kind: fc.constantFrom("write" as const, "delete" as const, "chmod" as const),
});
const scenario = fc.record({
  /** What main changes after the older base the "old" lanes fork from. */
  mainOps: fc.array(op, { maxLength: 2 }),
  lanes: fc.array(fc.record({ ops: fc.array(op, { minLength: 1, maxLength: 3 }), fromOld: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
  }),
});

async function kindOf(path: string): Promise<"file" | "dir" | undefined> {
  const found = await stat(path).catch(() => undefined);
  return found === undefined ? undefined : found.isDirectory() ? "dir" : "file";
}

/** Applies the operations to the checkout (ones that cannot apply, like writing `a` over a directory, are left out) and commits. */
async function commitOps(repo: LaneRepo, ops: readonly Op[], tag: string): Promise<void> {
  for (const { path, kind } of ops) {
    const full = join(repo.dir, path);
    const here = await kindOf(full);
    if (kind === "write") {
      const blocked =
        here === "dir" ||
        (await Promise.all(ancestors(path).map((a) => kindOf(join(repo.dir, a))))).includes("file");
      if (blocked) continue;
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, `${path} by ${tag}\n`);
    } else if (here === "file" && kind === "delete") await rm(full);
    else if (here === "file") await chmod(full, ((await stat(full)).mode & 0o111) !== 0 ? 0o644 : 0o755);
  }
  await repo.git("add", "-A");
  await repo.git("commit", "-q", "--allow-empty", "-m", tag);
}

const ancestors = (path: string) =>
  path
    .split("/")
    .slice(0, -1)
    .map((_, i, parts) => parts.slice(0, i + 1).join("/"));

describe("fast-path integration (property)", () => {
  it("gives the tree git merge --no-ff gives for lanes with prefix collisions, deletions, mode changes and older forks", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ mainOps, lanes }) => {
        const repo = await makeLaneRepo({ "a/b": "a/b\n", "d/e": "d/e\n", g: "g\n", "h/k": "h/k\n" });
        try {
          await repo.git("branch", "old");
          await commitOps(repo, mainOps, "main");
          const input = [];
          for (const [index, lane] of lanes.entries()) {
            const branch = `lanes/developer/${index + 1}-work`;
            await repo.git("checkout", "-q", "-b", branch, lane.fromOld ? "old" : "main");
            await commitOps(repo, lane.ops, branch);
            await repo.git("checkout", "-q", "main");
            input.push({ branch, id: String(index + 1), role: "developer" });
          }
          const plan = await planIntegration(repo.repo, { base: "main", lanes: input, date: "2026-01-01" });
          const result = await applyIntegration(plan, { env: gitEnv });

          await repo.git("checkout", "-q", "-b", "naive", "main");
          for (const branch of result.merged)
            await repo.git("merge", "-q", "--no-ff", "-m", `merge ${branch}`, branch);
          expect(await repo.git("rev-parse", `${result.commit}^{tree}`)).toBe(
            await repo.git("rev-parse", "naive^{tree}"),
          );
          // Each merge commit has the previous head and the lane as parents.
          if (result.merged.length > 0)
            expect((await repo.git("rev-list", "--parents", "-1", result.commit)).split(" ")).toHaveLength(3);
          expect(await repo.git("for-each-ref", "refs/lanes/")).toBe("");
        } finally {
          await repo.remove();
        }
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
