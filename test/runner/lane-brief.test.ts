import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  briefMessage,
  readProjectLayer,
  renderLaneBrief,
  writeLaneBrief,
  type LaneBriefInput,
} from "../../src/runner/lane-brief.js";
import { makeRepo } from "../support/git.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const input: LaneBriefInput = {
  prp: {
    issue: 12,
    title: "Add the /health endpoint",
    role: "developer",
    body: 'Expose GET /health returning {"ok":true}.\r\n',
    criteria: ["GET /health answers 200", "a test covers it"],
    paths: ["src/api/**", "test/api/**"],
    validation: ["npm test"],
  },
  branch: "lanes/developer/12-add-the-health-endpoint",
  worktree: "/work/lanes/developer--12-add-the-health-endpoint",
  roleBrief: "You are a developer: you write small, tested changes.",
  organisation: "Acme builds boring, reliable software.",
  project: "# Shop\nA web shop.",
};

describe("lane brief", () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir("lanes-ctx");
  });
  afterEach(async () => {
    await tmp.remove();
  });

  it("renders the three layers, the PRP, its criteria and the lane rules", () => {
    expect(renderLaneBrief(input).replace(/\r\n/g, "\n")).toMatchSnapshot();
  });

  it("leaves out empty layers and says when no criteria or paths are stated", () => {
    const text = renderLaneBrief({
      ...input,
      organisation: undefined,
      project: "  ",
      prp: { ...input.prp, criteria: [], paths: [] },
    });
    expect(text).not.toContain("## Organisation");
    expect(text).not.toContain("## Project");
    expect(text).toContain("(none stated");
    expect(text).toContain("any path the PRP needs");
  });

  it("reads PROJECT_CONTEXT.md before the README, and nothing when neither exists", async () => {
    expect(await readProjectLayer(tmp.path)).toBeUndefined();
    await writeFile(join(tmp.path, "README.md"), "readme");
    expect(await readProjectLayer(tmp.path)).toBe("readme");
    await writeFile(join(tmp.path, "PROJECT_CONTEXT.md"), "context");
    expect(await readProjectLayer(tmp.path)).toBe("context");
  });

  it("writes the brief outside the worktree and keeps .lanes/ out of git add -A", async () => {
    const repo = await makeRepo();
    try {
      await repo.commit("init", { "CLAUDE.md": "# The project's own notes\n" });
      const before = await readFile(join(repo.dir, "CLAUDE.md"));
      const file = join(tmp.path, "agents", "j.brief.md");
      expect(await writeLaneBrief({ ...input, worktree: repo.dir }, file)).toBe(file);
      expect(await readFile(file, "utf8")).toContain("# Lane: developer on #12");
      await writeFile(join(repo.dir, ".lanes", "done"), "ok\n");
      expect(await readFile(join(repo.dir, "CLAUDE.md"))).toEqual(before);
      expect(await repo.git("status", "--porcelain")).toBe("");
      await writeLaneBrief({ ...input, worktree: repo.dir }, file);
      const exclude = await readFile(join(repo.dir, ".git", "info", "exclude"), "utf8");
      expect(exclude.split("\n").filter((line) => line === ".lanes/")).toHaveLength(1);
    } finally {
      await repo.remove();
    }
  });

  it("briefs a restarted agent differently from a new one", () => {
    expect(briefMessage(input.prp)).toContain("new lane");
    expect(briefMessage(input.prp, true)).toContain("restarted");
  });
});
