import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyIntegration } from "../../src/integrate/apply-integration.js";
import { planIntegration } from "../../src/integrate/plan-integration.js";
import { PRIORITIES } from "../../src/domain/priority.js";
import { gitEnv } from "../support/git.js";
import { makeLaneRepo } from "./lane-repo.js";

const SLOTS = 8;
/** A shared file whose editable lines are kept apart by unchanged lines, so distinct owners merge cleanly. */
const sharedFile = (edits: ReadonlyMap<number, string>) =>
  Array.from({ length: SLOTS }, (_, i) => `${edits.get(i) ?? `line ${i}`}\nkeep ${i}a\nkeep ${i}b\n`).join(
    "",
  );

const scenario = fc.integer({ min: 1, max: 5 }).chain((lanes) =>
  fc.record({
    lanes: fc.constant(lanes),
    /** For each slot of the shared file: which lane edits it, or -1 for none. */
    owners: fc.array(fc.integer({ min: -1, max: lanes - 1 }), { minLength: SLOTS, maxLength: SLOTS }),
    priorities: fc.array(fc.constantFrom(...PRIORITIES), { minLength: lanes, maxLength: lanes }),
    roles: fc.array(fc.constantFrom("developer", "tester", "databaseops", "devops"), {
      minLength: lanes,
      maxLength: lanes,
    }),
  }),
);

describe("merge-tree integration (property)", () => {
  it("produces the same tree as git merge --no-ff of the same lanes, in the same order, in a working tree", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ lanes, owners, priorities, roles }) => {
        const repo = await makeLaneRepo({ "shared.txt": sharedFile(new Map()) });
        try {
          const input = [];
          for (let lane = 0; lane < lanes; lane += 1) {
            const edits = new Map(
              owners.flatMap((owner, slot) =>
                owner === lane ? [[slot, `lane ${lane} edits ${slot}`] as const] : [],
              ),
            );
            const files: Record<string, string> = { [`lane-${lane}/own.txt`]: `${lane}\n` };
            if (edits.size > 0) files["shared.txt"] = sharedFile(edits);
            const branch = `lanes/${roles[lane]}/${lane + 1}-work`;
            await repo.lane(branch, files);
            input.push({ branch, id: String(lane + 1), role: roles[lane], priority: priorities[lane] });
          }
          const plan = await planIntegration(repo.repo, { base: "main", lanes: input, date: "2026-01-01" });
          const result = await applyIntegration(plan, { env: gitEnv });
          expect(result.conflicts).toEqual([]);
          expect(result.merged).toHaveLength(lanes);

          await repo.git("checkout", "-q", "-b", "naive", "main");
          for (const branch of result.merged)
            await repo.git("merge", "-q", "--no-ff", "-m", `merge ${branch}`, branch);
          expect(await repo.git("rev-parse", `${result.commit}^{tree}`)).toBe(
            await repo.git("rev-parse", "naive^{tree}"),
          );
        } finally {
          await repo.remove();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
