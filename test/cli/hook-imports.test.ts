import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** Every module `file` loads at start-up: static, non-type imports, followed through local files. */
function staticImports(
  file: string,
  seen = new Set<string>(),
): { local: Set<string>; packages: Set<string> } {
  const packages = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(path, "utf8");
    for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) {
      const spec = match[1] as string;
      if (spec.startsWith(".")) visit(resolve(dirname(path), spec.replace(/\.js$/, ".ts")));
      else packages.add(spec);
    }
  };
  visit(resolve(file));
  return { local: seen, packages };
}

describe("CLI start-up", () => {
  it("loads only node built-ins and three of its own files for `lanes hook`", () => {
    const main = staticImports(join("src", "cli", "main.ts"));
    const hook = staticImports(join("src", "cli", "hook-command.ts"));
    for (const graph of [main, hook])
      expect([...graph.packages].every((p) => p.startsWith("node:"))).toBe(true);
    expect([...hook.local].map((p) => p.replace(/^.*\/src\//, "src/")).sort()).toEqual([
      "src/cli/hook-command.ts",
      "src/runner/run-hook.ts",
    ]);
  });

  it("loads a command's module only when that command runs", () => {
    const program = staticImports(join("src", "cli", "program.ts"));
    expect([...program.packages].filter((p) => !p.startsWith("node:"))).toEqual(["commander"]);
    expect([...program.local].some((p) => p.includes("/commands/") && !p.endsWith("index.ts"))).toBe(false);
  });

  it("loads neither Octokit, ioredis nor the gates for a plain `lanes integrate --branches`", () => {
    const integrate = staticImports(join("src", "cli", "commands", "integrate.ts"));
    const local = [...integrate.local].map((p) => p.replace(/^.*\/src\//, "src/"));
    expect([...integrate.packages].filter((p) => /octokit|ioredis|probot/.test(p))).toEqual([]);
    expect(local.filter((p) => p.startsWith("src/state/") || p.startsWith("src/github/"))).toEqual([]);
    expect(local.filter((p) => p.startsWith("src/gates/gate-") && p !== "src/gates/gate-config.ts")).toEqual(
      [],
    );
  });
});
