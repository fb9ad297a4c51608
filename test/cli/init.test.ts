import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readVersion } from "../../src/cli/version.js";
import { lanes } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { makeTempDir } from "../support/tmp.js";

const repos: TestRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.remove()));
});

const WRITTEN = [
  ".github/lanes.yml",
  ".github/workflows/lanes-gates.yml",
  ".github/workflows/lanes-stack.yml",
  ".github/workflows/lanes-app.yml",
  ".github/workflows/lanes-integrate.yml",
];

async function nodeRepo(): Promise<TestRepo> {
  const repo = await makeRepo();
  repos.push(repo);
  await repo.commit("a node project", {
    "package.json": JSON.stringify({
      name: "shop",
      scripts: { test: "vitest" },
      dependencies: { react: "18" },
    }),
    "package-lock.json": "{}",
  });
  return repo;
}

const read = (repo: TestRepo, path: string): string => readFileSync(join(repo.dir, path), "utf8");

describe("lanes init", () => {
  it("prints the plan and writes nothing with --dry-run", async () => {
    const repo = await nodeRepo();
    const result = await lanes(["init", "--dry-run", "--dir", repo.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `project type: web_application; toolchain: node; action: lanes-dev/lanes/action@v${readVersion()}`,
    );
    for (const path of WRITTEN)
      expect(result.stdout).toMatch(new RegExp(`create\\s+${path.replaceAll(".", "\\.")}`));
    expect(result.stdout).toContain("dry run: nothing written");
    expect(result.stdout).toContain("Register a self-hosted runner with the label `lanes`");
    expect(() => statSync(join(repo.dir, ".github"))).toThrow();
  });

  it("writes a lanes.yml that passes config check, with the detected validation, and pinned workflows", async () => {
    const repo = await nodeRepo();
    expect((await lanes(["init"], { cwd: repo.dir })).code).toBe(0);
    expect(await lanes(["config", "check"], { cwd: repo.dir })).toMatchObject({
      code: 0,
      stdout: "ok: .github/lanes.yml is valid\n",
    });
    expect(read(repo, ".github/lanes.yml")).toContain('validation: ["npm test"]');
    const gates = read(repo, ".github/workflows/lanes-gates.yml");
    expect(gates).toContain("  merge_group:");
    expect(gates).toContain("      - uses: actions/setup-node@v4");
    expect(gates).toContain("      - run: npm ci");
    expect(gates).toContain(`      - uses: lanes-dev/lanes/action@v${readVersion()}`);
    for (const path of WRITTEN.slice(1)) expect(read(repo, path)).not.toContain("./action");
    // on a schedule, and on demand (`/lanes integrate [--dry-run]`, the Run workflow button)
    expect(read(repo, ".github/workflows/lanes-integrate.yml")).toMatch(
      /schedule:\n\s+- cron: .*\n(\s+#.*\n)?\s+workflow_dispatch:\n\s+inputs:\n\s+dry_run:/,
    );
    expect(gates).toMatch(/workflow_dispatch:\n\s+inputs:\n\s+pr:/);
  });

  it("changes nothing on a second run", async () => {
    const repo = await nodeRepo();
    await lanes(["init", "--dir", repo.dir]);
    const before = WRITTEN.map((path) => read(repo, path));
    const again = await lanes(["init", "--dir", repo.dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing to write");
    expect(again.stdout.match(/^unchanged /gm)).toHaveLength(WRITTEN.length);
    expect(WRITTEN.map((path) => read(repo, path))).toEqual(before);
  });

  it("keeps a file that differs unless --force", async () => {
    const repo = await nodeRepo();
    await lanes(["init", "--dir", repo.dir]);
    writeFileSync(join(repo.dir, ".github/lanes.yml"), "team:\n  plan: max20x\n");
    const kept = await lanes(["init", "--dir", repo.dir]);
    expect(kept.stdout).toMatch(/keep \(differs; --force replaces it\)\s+\.github\/lanes\.yml/);
    expect(read(repo, ".github/lanes.yml")).toBe("team:\n  plan: max20x\n");
    const forced = await lanes(["init", "--force", "--dir", repo.dir]);
    expect(forced.stdout).toMatch(/overwrite\s+\.github\/lanes\.yml/);
    expect(read(repo, ".github/lanes.yml")).toContain("# Lanes settings.");
  });

  it("sets up Go for a Go module and validates with go test", async () => {
    const repo = await makeRepo();
    repos.push(repo);
    await repo.commit("a go module", {
      "go.mod": "module example.com/x\n\ngo 1.22\n",
      "main.go": "package main\n",
    });
    const result = await lanes(["init", "--json", "--dir", repo.dir]);
    expect(JSON.parse(result.stdout)).toMatchObject({ plan: { toolchains: ["go"] } });
    expect(read(repo, ".github/workflows/lanes-gates.yml")).toContain("go-version-file: go.mod");
    expect(read(repo, ".github/lanes.yml")).toContain('validation: ["go test ./..."]');
  });

  it("refuses a directory that is not a repository's root", async () => {
    const dir = await makeTempDir("lanes-init-plain");
    try {
      const result = await lanes(["init", "--dir", dir.path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("is not the root of a git repository");
    } finally {
      await dir.remove();
    }
  });
});
