import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readBacklog } from "../../src/backlog/read-backlog.js";
import { backlogJobs, readyBacklogJobs } from "../../src/runner/backlog-jobs.js";

const DIR = resolve("test/fixtures/runner/backlog");

describe("backlog jobs (local mode)", () => {
  it("turns PRP files into jobs carrying the PRP in their payload", async () => {
    const jobs = backlogJobs(await readBacklog(DIR), { repo: "local/demo", defaultRole: "developer" });
    expect([...jobs.keys()].sort()).toEqual(["1", "2", "3", "4"]);
    const greeting = jobs.get("1");
    expect(greeting).toMatchObject({
      id: "backlog-1",
      issue: 1,
      role: "developer",
      priority: "high",
      title: "Greeting module",
    });
    expect(greeting?.payload.prp.criteria).toEqual(["greeting file exists", "greeting is committed"]);
    expect(jobs.get("3")?.payload.prp.script).toEqual([
      { write: "docs/notes.md", content: "notes\n" },
      { commit: "Add notes for the docs lane" },
    ]);
  });

  it("offers only PRPs whose dependencies are done", async () => {
    const backlog = await readBacklog(DIR);
    const jobs = backlogJobs(backlog, { repo: "local/demo", defaultRole: "developer" });
    expect(
      readyBacklogJobs(backlog, jobs, new Set())
        .map((j) => j.issue)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([1, 3, 4]);
    expect(
      readyBacklogJobs(backlog, jobs, new Set(["1"]))
        .map((j) => j.issue)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([2, 3, 4]);
  });
});
