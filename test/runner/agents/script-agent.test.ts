import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultScript, SCRIPT_FILE, type ScriptFile } from "../../../src/runner/agents/script-steps.js";
import { writeLaneBrief } from "../../../src/runner/lane-brief.js";
import { ensureEventLog, readLaneEvents, type LaneEvent } from "../../../src/runner/lane-events.js";
import { nodeEntry } from "../../../src/runner/lanes-command.js";
import { Tmux } from "../../../src/runner/tmux.js";
import { prepareLaneWorktree } from "../../../src/runner/lane-worktree.js";
import { makeRepo, type TestRepo } from "../../support/git.js";
import { privateTmux } from "../../support/tmux.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";
import { waitUntil } from "../wait-until.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Lanes Test",
  GIT_AUTHOR_EMAIL: "test@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Test",
  GIT_COMMITTER_EMAIL: "test@lanes.invalid",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

describe("script agent in a tmux pane", () => {
  let repo: TestRepo;
  let tmp: TempDir;
  let tmux: Tmux;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "demo\n" });
    tmp = await makeTempDir("lanes-script");
    tmux = new Tmux(privateTmux().socket);
  }, 120_000);
  afterEach(async () => {
    await tmux.killServer();
    await repo.remove();
    await tmp.remove();
  }, 120_000);

  async function events(log: string): Promise<LaneEvent[]> {
    return (await readLaneEvents(log, 0)).events;
  }

  it("waits for its brief, commits one file per criterion, marks done and reports through lanes hook", async () => {
    const lane = { role: "developer", issue: 7, title: "Add greeting" };
    const wt = await prepareLaneWorktree(repo.dir, join(tmp.path, "wt"), lane, "main");
    const spec = {
      ...lane,
      body: "Say hello.",
      criteria: ["greets", "is tested"],
      paths: [],
      validation: [],
    };
    await writeLaneBrief(
      { prp: spec, branch: wt.branch, worktree: wt.path, roleBrief: "dev" },
      join(tmp.path, "brief.md"),
    );
    const script: ScriptFile = { issue: 7, title: lane.title, criteria: spec.criteria };
    await writeFile(join(wt.path, SCRIPT_FILE), JSON.stringify(script));
    const log = join(tmp.path, "events.jsonl");
    await ensureEventLog(log);

    const pane = await tmux.newSession({
      session: "s",
      window: "developer-7",
      cwd: wt.path,
      command: nodeEntry("runner/agents/script-agent-main"),
      env: { LANES_EVENTS: log, LANES_LANE: "job-7", ...IDENTITY },
    });
    const start = await waitUntil(
      async () => (await events(log)).find((e) => e.event === "SessionStart"),
      "SessionStart",
      30_000,
    );
    expect(start.sessionId).toMatch(/[0-9a-f-]{36}/);
    expect(existsSync(join(wt.path, ".lanes", "done"))).toBe(false);

    await tmux.sendText(pane, "Read CLAUDE.md and start.");
    const stop = await waitUntil(
      async () => (await events(log)).find((e) => e.event === "Stop"),
      "Stop",
      30_000,
    );
    expect(stop).toMatchObject({ lane: "job-7", sessionId: start.sessionId });
    expect(await readFile(join(wt.path, ".lanes", "done"), "utf8")).toContain("met 2 criteria");
    const subjects = (await repo.git("log", "--format=%s", wt.branch)).split("\n");
    expect(subjects.slice(0, 2)).toEqual([
      "Meet criterion 2 of #7: is tested",
      "Meet criterion 1 of #7: greets",
    ]);
    const files = await repo.git("ls-tree", "-r", "--name-only", wt.branch);
    expect(files).not.toMatch(/CLAUDE\.md|\.lanes/);
    expect(files).toContain("lanes-work/7/1-greets.md");
    expect(await repo.git("status", "--porcelain")).toBe("");
  }, 120_000);

  it("crashes once where its script says, and a restarted agent continues after that step", async () => {
    const lane = { role: "tester", issue: 8, title: "Crash once" };
    const wt = await prepareLaneWorktree(repo.dir, join(tmp.path, "wt"), lane, "main");
    const steps = [
      { write: "a.txt", content: "a" },
      { commit: "a" },
      { exit: 3 },
      ...defaultScript({ issue: 8, title: "x", criteria: ["b"] }),
    ];
    await mkdir(join(wt.path, ".lanes"));
    await writeFile(
      join(wt.path, SCRIPT_FILE),
      JSON.stringify({ issue: 8, title: lane.title, criteria: ["b"], steps }),
    );
    const log = join(tmp.path, "events.jsonl");
    await ensureEventLog(log);
    const spec = {
      session: "s",
      window: "w",
      cwd: wt.path,
      command: nodeEntry("runner/agents/script-agent-main"),
      env: { LANES_EVENTS: log, LANES_LANE: "j", ...IDENTITY },
    };
    const pane = await tmux.newSession(spec);
    await waitUntil(
      async () => (await events(log)).some((e) => e.event === "SessionStart"),
      "SessionStart",
      30_000,
    );
    await tmux.sendText(pane, "go");
    const dead = await waitUntil(
      async () => (await tmux.listPanes("s")).find((p) => p.dead),
      "the scripted crash",
      30_000,
    );
    // tmux 3.3a marks the pane dead at EOF and sometimes never records the exit status (the child stays
    // a zombie), so the supervisor acts on pane_dead; when the status is there, it is the scripted one.
    if (dead.deadStatus !== null) expect(dead.deadStatus).toBe(3);

    await tmux.respawnPane(pane, {
      cwd: wt.path,
      command: [...spec.command, "--resume", "sess-1"],
      env: spec.env,
    });
    await waitUntil(
      async () => (await events(log)).some((e) => e.sessionId === "sess-1" && e.source === "resume"),
      "resumed start",
      30_000,
    );
    await tmux.sendText(pane, "continue");
    await waitUntil(async () => (await events(log)).some((e) => e.event === "Stop"), "Stop", 30_000);
    expect((await repo.git("log", "--format=%s", wt.branch)).split("\n").slice(0, 2)).toEqual([
      "Meet criterion 1 of #8: b",
      "a",
    ]);
  }, 120_000);
});
