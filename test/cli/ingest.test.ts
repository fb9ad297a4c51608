// `lanes ingest` against the local GitHub sandbox: plan, file, file nothing twice, refuse bad input.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planIngest } from "../../src/cli/ingest/plan-ingest.js";
import { parsePrp } from "../../src/prp/index.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { lanes } from "../support/cli.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const BACKLOG = "examples/demo/backlog";

describe("planIngest", () => {
  const prp = (text: string) => parsePrp(text).prp as NonNullable<ReturnType<typeof parsePrp>["prp"]>;
  it("files what has no issue yet, keeps what has one (same title), and resolves dependency aliases", () => {
    const plan = planIngest(
      "o/r",
      [
        { id: "1", aliases: ["01-model", "model"], file: "01-model.md", prp: prp("# Model\n") },
        { id: "2", aliases: [], file: "02-api.md", prp: prp("---\ndepends_on: [model]\n---\n# API\n") },
      ],
      [
        {
          number: 7,
          title: "model",
          body: null,
          state: "open",
          labels: ["prp"],
          author: "a",
          isPullRequest: false,
          htmlUrl: "",
          updatedAt: "",
        },
      ],
    );
    expect(plan.items.map((i) => [i.backlogId, i.action, i.issue, i.dependsOn])).toEqual([
      ["1", "exists", 7, []],
      ["2", "create", null, ["1"]],
    ]);
  });
});

describe("planIngest with two PRPs of the same title", () => {
  const prp = (text: string) => parsePrp(text).prp as NonNullable<ReturnType<typeof parsePrp>["prp"]>;
  const issue = (number: number, title: string) => ({
    number,
    title,
    body: null,
    state: "open" as const,
    labels: ["prp"],
    author: "a",
    isPullRequest: false,
    htmlUrl: "",
    updatedAt: "",
  });
  const twins = [
    { id: "1", aliases: [], file: "01-a.md", prp: prp("# Add tests\n") },
    { id: "2", aliases: [], file: "02-b.md", prp: prp("# Add tests\n") },
  ];

  it("re-ingesting maps each to its own issue, never both to one", () => {
    const plan = planIngest("o/r", twins, [issue(9, "Add tests"), issue(4, "add tests")]);
    expect(plan.items.map((i) => [i.backlogId, i.action, i.issue])).toEqual([
      ["1", "exists", 4],
      ["2", "exists", 9],
    ]);
  });

  it("files the second when only one issue has the title", () => {
    const plan = planIngest("o/r", twins, [issue(4, "Add tests")]);
    expect(plan.items.map((i) => [i.backlogId, i.action, i.issue])).toEqual([
      ["1", "exists", 4],
      ["2", "create", null],
    ]);
  });
});

describe("lanes ingest (sandbox)", () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  let octokit: Octokit;
  let out: TempDir;
  const repo = { owner: "sandbox-admin", repo: "demo" };

  beforeAll(async () => {
    sandbox = await startSandbox();
    const info = sandbox.info();
    const token = info.users.find((u) => u.login === "sandbox-admin")?.token ?? "";
    env = { GITHUB_TOKEN: token, GITHUB_API_URL: info.api_url };
    octokit = new Octokit({ auth: token, baseUrl: info.api_url });
    out = await makeTempDir("lanes-ingest");
  });
  afterAll(async () => {
    await sandbox.close();
    await out.remove();
  });

  it("prints the plan with --dry-run and files nothing", async () => {
    const result = await lanes(
      ["ingest", BACKLOG, "--github-repo", "sandbox-admin/demo", "--dry-run", "--json"],
      { env },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).items.map((i: { action: string }) => i.action)).toEqual([
      "create",
      "create",
      "create",
      "create",
      "create",
    ]);
    expect((await octokit.rest.issues.listForRepo(repo)).data).toEqual([]);
  });

  it("files every PRP as an issue labelled prp, with dependencies as issue numbers, and nothing twice", async () => {
    const first = await lanes(
      ["ingest", BACKLOG, "--github-repo", "sandbox-admin/demo", "--out", out.path, "--json"],
      { env },
    );
    expect(first.stderr).toBe("");
    const filed = JSON.parse(first.stdout) as {
      issues: { backlogId: string; issue: number; created: boolean }[];
    };
    expect(filed.issues.map((i) => [i.backlogId, i.issue, i.created])).toEqual([
      ["1", 1, true],
      ["2", 2, true],
      ["3", 3, true],
      ["4", 4, true],
      ["5", 5, true],
    ]);
    const { data: board } = await octokit.rest.issues.get({ ...repo, issue_number: 2 });
    expect(board.labels.map((l) => (typeof l === "string" ? l : l.name))).toEqual(["prp"]);
    expect(parsePrp(board.body ?? "").prp).toMatchObject({ title: "Board store", dependsOn: ["1"] });

    const written = parsePrp(await readFile(join(out.path, "2-board-store.md"), "utf8")).prp;
    expect(written).toMatchObject({ title: "Board store", dependsOn: ["1"] });

    // A PRP whose issue is closed (its lane merged) is not filed again either.
    await octokit.rest.issues.update({ ...repo, issue_number: 1, state: "closed" });
    const again = await lanes(["ingest", BACKLOG, "--github-repo", "sandbox-admin/demo"], { env });
    expect(again.stdout).toContain("#1 exists  Task model");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("#2 exists  Board store");
    expect((await octokit.rest.issues.listForRepo({ ...repo, state: "all" })).data).toHaveLength(5);
  });

  it("refuses a backlog with errors before filing anything, and a missing token or bad repo as usage errors", async () => {
    const bad = await lanes(["ingest", "test/fixtures/prp-backlog", "--github-repo", "sandbox-admin/demo"], {
      env,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/04-auth\.md:4: priorty: unknown key/);
    expect((await octokit.rest.issues.listForRepo({ ...repo, state: "all" })).data).toHaveLength(5);
    expect(
      (await lanes(["ingest", BACKLOG, "--github-repo", "sandbox-admin/demo"], { env: { GITHUB_TOKEN: "" } }))
        .code,
    ).toBe(2);
    expect(await lanes(["ingest", BACKLOG, "--github-repo", "nope"], { env })).toMatchObject({
      code: 2,
      stderr:
        'lanes: --github-repo "nope" is not a repository name; expected owner/repo, e.g. octo-org/api\n',
    });
  });
});
