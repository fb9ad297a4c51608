// The layer rule (scripts/lint/layers.js) run through ESLint's Node API on source text placed inside src/:
// an import up the layers is an error, an import down them is not.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The boundaries messages ESLint reports for `text` as if it were the file `path` (relative to the root). */
async function layerErrors(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith("boundaries/") || m.fatal)
    .map((m) => m.message);
}

describe("the layer rule", () => {
  it("rejects an import from a folder above: prp importing the runner", async () => {
    const errors = await layerErrors(
      "src/prp/upward.ts",
      'import { Supervisor } from "../runner/supervisor.js";\nexport const run = Supervisor;\n',
    );
    expect(errors).toEqual([
      'There is no policy allowing dependencies from elements of type "prp" to elements of type "runner"',
    ]);
  });

  it("accepts imports the architecture allows: prp reading the shared words, the CLI the runner", async () => {
    expect(
      await layerErrors(
        "src/prp/downward.ts",
        'import { PRIORITIES } from "../domain/priority.js";\nexport const first = PRIORITIES[0];\n',
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "src/cli/commands/wiring.ts",
        'import { Supervisor } from "../../runner/supervisor.js";\nexport const run = Supervisor;\n',
      ),
    ).toEqual([]);
  });

  it("keeps the pure core off Node's file and process modules", async () => {
    const errors = await layerErrors(
      "src/prp/reads-disk.ts",
      'import { readFile } from "node:fs/promises";\nexport const read = readFile;\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('origin "core" are not allowed in elements of type "prp"');
  });

  it("rejects a src/ folder that has no place in the layers", async () => {
    const errors = await layerErrors("src/nowhere/thing.ts", "export const thing = 1;\n");
    expect(errors).toEqual([expect.stringContaining("does not belong to any known element")]);
  });
});
