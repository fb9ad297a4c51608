// `lanes ingest` on a terminal shows each PRP being filed, redrawn in place; in a pipe it prints only the
// result, as it always did. PRP titles carrying escape sequences reach neither inert-less.
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../src/sandbox/index.js";
import { lanes } from "../../support/cli.js";
import { runInTerminal } from "../../support/terminal.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

const CLI = resolve("dist/src/cli/main.js");
const HOSTILE = "Fix \x1b]0;owned\x07login\x1b[2J now";

describe("lanes ingest progress", () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  let backlog: TempDir;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const info = sandbox.info();
    const token = info.users.find((u) => u.login === "sandbox-admin")?.token ?? "";
    env = { ...process.env, GITHUB_TOKEN: token, GITHUB_API_URL: info.api_url, LANES_LOG_LEVEL: "silent" };
    backlog = await makeTempDir("lanes-ingest-progress");
    await writeFile(join(backlog.path, "01-model.md"), "---\nrole: developer\n---\n# Task model\n");
    await writeFile(join(backlog.path, "02-store.md"), "---\ndepends_on: [1]\n---\n# Board store\n");
    await writeFile(join(backlog.path, "03-hostile.md"), `---\ndepends_on: [2]\n---\n# ${HOSTILE}\n`);
  });
  afterAll(async () => {
    await sandbox.close();
    await backlog.remove();
  });

  it(
    "shows each PRP filed with its issue and time on a terminal, then the result",
    { timeout: 60_000 },
    async () => {
      const run = await runInTerminal(
        ["node", CLI, "ingest", backlog.path, "--github-repo", "sandbox-admin/demo"],
        { env, cwd: process.cwd() },
      );
      expect(run.code).toBe(0);
      const screen = run.screen.split("\n");
      // the view's final frame: every step done, each on one line, drawn once although redrawn many times
      expect(screen[0]).toMatch(/^ {2}✓ read .*: 3 PRP\(s\) +\d+\.\ds$/);
      expect(screen[1]).toMatch(/^ {2}✓ PRP issues on sandbox-admin\/demo: 0 found +\d+\.\ds$/);
      expect(screen[2]).toMatch(/^ {2}✓ 1 Task model: filed #1 +\d+\.\ds$/);
      expect(screen[3]).toMatch(/^ {2}✓ 2 Board store: filed #2 +\d+\.\ds$/);
      expect(screen[4]).toMatch(/^ {2}✓ 3 Fix login now: filed #3 +\d+\.\ds$/);
      expect(screen.slice(5)).toEqual([
        "ingested into sandbox-admin/demo:",
        "  #1 filed   Task model  (backlog 1)",
        "  #2 filed   Board store  (backlog 2)",
        "  #3 filed   Fix login now  (backlog 3)",
      ]);
      // many frames, each drawn over the last (ESC[<n>A back to the view's first line)
      expect(run.raw.split("\x1b[").filter((s) => /^\d+A\r/.test(s)).length).toBeGreaterThan(4);
      expect(run.raw).not.toContain("\x1b]0;");
      expect(run.raw).not.toContain("\x1b[2J");
    },
  );

  it("prints only the result in a pipe, with no escape sequence", { timeout: 60_000 }, async () => {
    const result = await lanes(["ingest", backlog.path, "--github-repo", "sandbox-admin/demo"], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "ingested into sandbox-admin/demo:",
        "  #1 exists  Task model  (backlog 1)",
        "  #2 exists  Board store  (backlog 2)",
        "  #3 exists  Fix login now  (backlog 3)",
        "",
      ].join("\n"),
    );
  });

  it(
    "keeps the plain output on a terminal with --json, CI=true or TERM=dumb",
    { timeout: 90_000 },
    async () => {
      const json = await runInTerminal(
        ["node", CLI, "ingest", backlog.path, "--github-repo", "sandbox-admin/demo", "--json"],
        { env, cwd: process.cwd() },
      );
      expect(json.code).toBe(0);
      expect(json.raw).not.toContain("\x1b");
      expect(json.screen.startsWith("{")).toBe(true);
      for (const plain of [{ CI: "true" }, { TERM: "dumb" }]) {
        const run = await runInTerminal(
          [
            "env",
            ...Object.entries(plain).map(([k, v]) => `${k}=${v}`),
            "node",
            CLI,
            "ingest",
            backlog.path,
            "--github-repo",
            "sandbox-admin/demo",
            "--dry-run",
          ],
          { env, cwd: process.cwd() },
        );
        expect(run.code).toBe(0);
        expect(run.raw).not.toContain("✓");
        expect(run.screen.split("\n")[0]).toBe("ingest plan for sandbox-admin/demo:");
      }
    },
  );
});
