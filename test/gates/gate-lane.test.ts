import { afterEach, describe, expect, it } from "vitest";
import { branchRegExp, laneGate } from "../../src/gates/gate-lane.js";
import { pathMatcher } from "../../src/gates/path-globs.js";
import { laneRepo, samplePrp, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

describe("globs for PRP paths", () => {
  it.each([
    ["src/**", "src/api/a.ts", true],
    ["src/**", "srcx/a.ts", false],
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/api/a.ts", false],
    ["src/**/*.test.ts", "src/a.test.ts", true],
    ["src/**/*.test.ts", "src/x/y/a.test.ts", true],
    ["docs/{api,guide}/*.md", "docs/guide/a.md", true],
    ["docs/{api,guide}/*.md", "docs/other/a.md", false],
    ["file?.txt", "file1.txt", true],
    ["a+b.txt", "a+b.txt", true],
    ["src/**", "src/.env.example", true],
    ["./src/*.ts", "src/a.ts", true],
    ["src/[ab].ts", "src/b.ts", true],
    ["src/[ab].ts", "src/c.ts", false],
    ["v[0-9]/*.md", "v2/notes.md", true],
    ["v[^0-9]/*.md", "v2/notes.md", false],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(pathMatcher([glob])(path)).toBe(expected);
  });

  it("treats a plain folder as everything below it", () => {
    expect(pathMatcher(["src/api"])("src/api/a.ts")).toBe(true);
    expect(pathMatcher(["src/api/"])("src/api/a.ts")).toBe(true);
    expect(pathMatcher(["src/api/"])("src/apix/a.ts")).toBe(false);
  });

  it("takes out what a !glob excludes, whatever the order", () => {
    for (const globs of [
      ["src/**", "!src/generated/**"],
      ["!src/generated/**", "src/**"],
    ]) {
      const inside = pathMatcher(globs);
      expect(inside("src/api/a.ts")).toBe(true);
      expect(inside("src/generated/types.ts")).toBe(false);
      expect(inside("docs/a.md")).toBe(false);
    }
  });

  it("reads a list of only exclusions as everything else", () => {
    const inside = pathMatcher(["!docs/**", "!*.md"]);
    expect(inside("src/a.ts")).toBe(true);
    expect(inside("docs/guide/a.ts")).toBe(false);
    expect(inside("README.md")).toBe(false);
  });
});

describe("lanes/lane", () => {
  it("passes a well-named lane that stays inside its paths", async () => {
    lane = await laneRepo({}, { "src/a.ts": "export const a = 1;\n" });
    const result = await laneGate.run(await lane.input());
    expect(result).toMatchObject({ conclusion: "success", title: "Lane follows its PRP", annotations: [] });
  });

  it("fails a branch that breaks the naming convention or names another role", async () => {
    lane = await laneRepo({}, { "src/a.ts": "export const a = 1;\n" }, "feature/rate-limit");
    expect((await laneGate.run(await lane.input())).summary).toContain(
      "does not follow `lanes/{role}/{issue}-{slug}`",
    );
    await lane.repo.remove();
    lane = await laneRepo({}, { "src/a.ts": "export const a = 1;\n" }, "lanes/tester/7-rate-limit");
    const result = await laneGate.run(await lane.input());
    expect(result.conclusion).toBe("failure");
    expect(result.summary).toContain("Branch role `tester` differs from the PRP's role `developer`.");
  });

  it("flags changes outside the PRP's paths on the file's first added line", async () => {
    lane = await laneRepo(
      { "package.json": "{}\n" },
      { "src/a.ts": "export const a = 1;\n", "package.json": '{\n  "name": "x"\n}\n' },
    );
    const result = await laneGate.run(await lane.input());
    expect(result.conclusion).toBe("failure");
    expect(result.annotations).toEqual([
      expect.objectContaining({
        path: "package.json",
        startLine: 1,
        level: "failure",
        title: "Outside the lane's paths",
      }),
    ]);
  });

  it("reports files other lanes also change as a warning, not a failure", async () => {
    lane = await laneRepo(
      { "src/shared.ts": "export const s = 0;\n" },
      { "src/shared.ts": "export const s = 1;\n" },
    );
    await lane.repo.git("checkout", "-q", "-b", "lanes/tester/9-tests", "main");
    await lane.repo.commit("Change the shared file", {
      "src/shared.ts": "export const s = 2;\n",
      "test/x.test.ts": "x\n",
    });
    await lane.repo.git("checkout", "-q", "lanes/developer/7-rate-limit");
    const result = await laneGate.run(await lane.input());
    expect(result.conclusion).toBe("neutral");
    expect(result.annotations).toEqual([
      expect.objectContaining({ path: "src/shared.ts", level: "warning" }),
    ]);
    expect(result.summary).toContain("| src/shared.ts | lanes/tester/9-tests |");
  });

  it("tolerates max_foreign_files outside the paths as warnings", async () => {
    lane = await laneRepo({}, { "src/a.ts": "a\n", "docs/a.md": "# a\n" });
    const result = await laneGate.run(await lane.input({ config: { maxForeignFiles: 1 } }));
    expect(result.conclusion).toBe("neutral");
    expect(result.annotations).toEqual([expect.objectContaining({ path: "docs/a.md", level: "warning" })]);
  });

  it("follows a configured branch pattern", async () => {
    expect(branchRegExp("team/{issue}.{slug}").exec("team/12.fix-it")?.groups).toEqual({
      issue: "12",
      slug: "fix-it",
    });
    expect(branchRegExp("team/{issue}.{slug}").test("team/12xfix-it")).toBe(false);
    lane = await laneRepo({}, { "src/a.ts": "a\n" }, "agents/developer/7");
    expect(
      (await laneGate.run(await lane.input({ config: { branchPattern: "agents/{role}/{issue}" } })))
        .conclusion,
    ).toBe("success");
  });

  it("reads [abc] classes and !exclusions in the PRP's paths", async () => {
    lane = await laneRepo(
      {},
      { "src/a.ts": "a\n", "src/b.ts": "b\n", "src/c.ts": "c\n", "src/generated/d.ts": "d\n" },
    );
    const prp = samplePrp({ paths: ["src/[ab].ts", "src/generated/**", "!src/generated/**"] });
    const result = await laneGate.run(await lane.input({ prp }));
    expect(result.conclusion).toBe("failure");
    expect(result.annotations.map((a) => a.path)).toEqual(["src/c.ts", "src/generated/d.ts"]);
  });

  it("accepts any path when the PRP lists none", async () => {
    lane = await laneRepo({}, { "anywhere/x.md": "# x\n" });
    expect((await laneGate.run(await lane.input({ prp: samplePrp({ paths: [] }) }))).conclusion).toBe(
      "success",
    );
  });
});
