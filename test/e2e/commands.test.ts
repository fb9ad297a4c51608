// `/lanes` commands end to end, as people meet them: comments on the sandbox (GitHub) reach `lanes serve` as
// signed issue_comment webhooks; the App checks the commenter's access, reacts, replies and publishes lane
// commands to Redis; a real stack (`lanes stack up`: tmux on its own socket, script agents, git) claims the
// PRPs the App queued and applies the commands to its lanes' panes. One stack serves every case.
import { randomUUID } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GATE_NAMES } from "../../src/gates/types.js";
import { checkRunName } from "../../src/gates/check-run-name.js";
import type { LaneRecord } from "../../src/runner/lane-record.js";
import { sandboxInstallationToken, type SandboxRepo } from "../../src/sandbox/index.js";
import { openStateStore, repoPrefix, type OpenedStateStore } from "../../src/state/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { waitUntil } from "../runner/wait-until.js";
import { lanes } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { redisUrl } from "../support/redis.js";
import { settle, startSandboxApp, type SandboxApp } from "../support/sandbox-app.js";
import { startSandboxStack, type SandboxStack } from "../support/sandbox-stack.js";

const OWNER = "sandbox-admin";
const MAINTAINER = "sandbox-maintainer";
/** Read access only: may open issues and comment, may not steer lanes. */
const OUTSIDER = "sandbox-reader";
const TRIAGER = "sandbox-triager";
// the machine is shared and loaded: waits are generous, and a wait is never a timing assertion
const WAIT_MS = 240_000;
const TEST_MS = 420_000;

describe("/lanes commands end to end (sandbox → lanes serve → Redis → a stack of script agents)", () => {
  const name = `cmd-${randomUUID().slice(0, 8)}`;
  const fullName = `${OWNER}/${name}`;
  const repo = { owner: OWNER, repo: name };
  let app: SandboxApp;
  let stack: SandboxStack;
  let store: OpenedStateStore;
  let checkout: TestRepo;
  const prps: Record<"asks" | "steered" | "quick", number> = { asks: 0, steered: 0, quick: 0 };

  const sandboxRepo = (): SandboxRepo => {
    const found = app.sandbox.state.repos.get(fullName);
    if (!found) throw new Error(`no sandbox repo ${fullName}`);
    return found;
  };
  const stateOf = (n: number) =>
    (sandboxRepo().issues.get(n)?.labels ?? []).filter((l) => l.startsWith("lanes:")).join(",");
  const labelsOf = (n: number) => sandboxRepo().issues.get(n)?.labels ?? [];
  const comments = (n: number) => [...sandboxRepo().comments.values()].filter((c) => c.issueNumber === n);
  const statusComment = (n: number) =>
    comments(n).find((c) => c.body.startsWith("<!-- lanes:status -->"))?.body ?? "";
  const reactions = (commentId: number) =>
    (sandboxRepo().reactions.get(`comment:${commentId}`) ?? []).map((r) => r.content);

  async function fileIssue(login: string, title: string, front: string[]): Promise<number> {
    const body = [
      "---",
      ...front,
      "---",
      `# ${title}`,
      "",
      "## Goal",
      `Build ${title}.`,
      "",
      "## Success Criteria",
      `- [ ] ${title} works`,
      "",
    ].join("\n");
    const { data } = await app.as(login).rest.issues.create({ ...repo, title, body, labels: ["prp"] });
    await settle(app.sandbox);
    return data.number;
  }

  /** Comments as `login` and waits until the App has handled it (and what its writes caused). */
  async function comment(login: string, issue: number, body: string): Promise<number> {
    const { data } = await app.as(login).rest.issues.createComment({ ...repo, issue_number: issue, body });
    await settle(app.sandbox);
    return data.id;
  }

  /** The App's replies on an issue after a given comment. */
  const repliesAfter = (issue: number, commentId: number) =>
    comments(issue)
      .filter((c) => c.id > commentId && !c.body.startsWith("<!-- lanes:"))
      .map((c) => c.body);

  const laneOf = async (issue: number, role = "developer"): Promise<LaneRecord | undefined> =>
    (await stack.lanes()).find((l) => Number(l.issue) === issue && l.role === role);
  const untilLane = (issue: number, states: LaneRecord["state"][], role = "developer") =>
    waitUntil(
      async () => {
        const lane = await laneOf(issue, role);
        return lane && states.includes(lane.state) ? lane : undefined;
      },
      `the ${role} lane of #${issue} ${states.join(" or ")}`,
      WAIT_MS,
    );
  const untilState = (issue: number, state: string) =>
    waitUntil(async () => stateOf(issue) === `lanes:${state}`, `#${issue} lanes:${state}`, WAIT_MS);
  const untilPane = (lane: LaneRecord, text: string) =>
    waitUntil(async () => (await stack.pane(lane)).includes(text), `"${text}" in the pane`, WAIT_MS);

  beforeAll(async () => {
    app = await startSandboxApp({ repos: [{ owner: OWNER, name }] });
    const info = app.sandbox.info();
    store = await openStateStore({ url: redisUrl(), prefix: repoPrefix(fullName), log: silentLogger() });
    stack = await startSandboxStack({
      cloneUrl: info.repos[0]?.clone_url ?? "",
      fullName,
      apiUrl: info.api_url,
      token: info.users.find((u) => u.login === OWNER)?.token ?? "",
      roles: ["developer", "tester"],
      agents: 4,
    });
    checkout = await makeRepo();
    await checkout.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    // the stack claims these while the first cases run
    prps.asks = await fileIssue(OWNER, "Database", [
      "role: developer",
      "agent_script:",
      '  - ask: "Postgres or SQLite?"',
      "  - write: db.txt",
      '    content: "postgres\\n"',
      "  - commit: Pick the database",
    ]);
    // a lane that stays open: each question keeps its agent waiting for the next line
    prps.steered = await fileIssue(OWNER, "Cache", [
      "role: developer",
      "agent_script:",
      "  - write: cache.txt",
      '    content: "lru\\n"',
      "  - commit: Add a cache",
      '  - ask: "first question"',
      '  - ask: "second question"',
      '  - ask: "third question"',
    ]);
    prps.quick = await fileIssue(OWNER, "Export", ["role: developer"]);
  }, TEST_MS);

  afterAll(async () => {
    await stack?.stop();
    await store?.quit();
    await checkout?.remove();
    await app?.stop();
  }, 120_000);

  it(
    "refuses an outsider's `/lanes cancel` once, politely, with 😕; nothing is cancelled and the audit has it",
    async () => {
      const n = prps.steered;
      await untilLane(n, ["working", "idle", "waiting"]);
      const { jobId } = await store.readPrpRecord(n);
      const before = stateOf(n);
      const id = await comment(OUTSIDER, n, "/lanes cancel");
      expect(repliesAfter(n, id)).toEqual([
        `@${OUTSIDER} sorry, \`/lanes cancel\` needs write access to this repository, and yours is read. Nothing was done.`,
      ]);
      expect(reactions(id)).toEqual(["eyes", "confused"]);
      expect(stateOf(n)).toBe(before);
      expect(jobId).toBeDefined();
      expect((await store.findJob(jobId ?? ""))?.state).toBe("active");
      expect((await laneOf(n))?.state).toMatch(/^(working|idle|waiting)$/);
      const audit = (await store.readAudit()).filter((e) => e.type === "command" && e.actor === OUTSIDER);
      expect(audit.map((e) => JSON.parse(e.data ?? "{}"))).toContainEqual(
        expect.objectContaining({ command: "cancel", issue: n, comment: id, result: "refused" }),
      );
    },
    TEST_MS,
  );

  it(
    "shows an agent's question as lanes:waiting, quoted in the status comment; a maintainer's `/lanes say` answers it and the lane finishes",
    async () => {
      const n = prps.asks;
      const lane = await untilLane(n, ["waiting"]);
      await untilState(n, "waiting");
      // the label comes first, then the status comment is rewritten
      const status = await waitUntil(
        async () => statusComment(n).includes("**The agent asks:**") && statusComment(n),
        "the question in the status comment",
        WAIT_MS,
      );
      expect(status).toContain("**The agent asks:**\n\n> Postgres or SQLite?");
      expect(status).toContain("Answer with `/lanes say <your answer>`");
      const id = await comment(MAINTAINER, n, "/lanes say yes, Postgres");
      expect(reactions(id)).toEqual(["eyes", "rocket"]);
      await untilPane(lane, "heard: yes, Postgres");
      await untilLane(n, ["done"]);
      await untilState(n, "review");
      expect(sandboxRepo().pulls.size).toBeGreaterThan(0);
    },
    TEST_MS,
  );

  it(
    "`/lanes pause` then `/lanes resume` a live lane: paused with its pane kept, then told to continue",
    async () => {
      const n = prps.steered;
      const lane = await untilLane(n, ["waiting"]);
      await untilState(n, "waiting");
      const paused = await comment(MAINTAINER, n, "/lanes pause");
      expect(reactions(paused)).toEqual(["eyes", "rocket"]);
      await untilLane(n, ["paused"]);
      await untilState(n, "paused");
      const resumed = await comment(MAINTAINER, n, "/lanes resume");
      expect(reactions(resumed)).toEqual(["eyes", "rocket"]);
      // (the pause's Escape reaches the script's stdin ahead of the message, so match past its first letter)
      await untilPane(lane, "resumed this lane. Continue");
      // the continue message answered the first question; the agent asks its second
      await waitUntil(
        async () => (await laneOf(n))?.waitingFor === "second question",
        "the second question",
        WAIT_MS,
      );
      await untilState(n, "waiting");
      expect((await laneOf(n))?.paneId).toBe(lane.paneId);
    },
    TEST_MS,
  );

  it(
    "`/lanes schedule 5 …` pastes its check-in when the supervisor's (fake) clock reaches it, not before",
    async () => {
      const n = prps.steered;
      const lane = await untilLane(n, ["waiting"]);
      const id = await comment(MAINTAINER, n, "/lanes schedule 5 how are the tests?");
      expect(repliesAfter(n, id)).toEqual([expect.stringMatching(/^Check-in scheduled for \S+Z\.$/)]);
      await waitUntil(
        async () => (await store.listCheckIns(String(n))).length === 1,
        "the check-in kept in Redis",
        WAIT_MS,
      );
      // a few ticks go by on the real clock: nothing is pasted early
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await stack.pane(lane)).not.toContain("how are the tests?");
      await stack.setClockOffset(6 * 60_000);
      await untilPane(lane, "heard: Lanes check-in: how are the tests?");
      // pasted once: the lane's holder removes it
      await waitUntil(
        async () => (await store.listCheckIns(String(n))).length === 0,
        "the check-in removed from Redis",
        WAIT_MS,
      );
    },
    TEST_MS,
  );

  it(
    "`/lanes handoff tester …` posts the YAML record and the tester's lane starts on the same branch",
    async () => {
      const n = prps.asks;
      await untilState(n, "review");
      const developer = await untilLane(n, ["done"]);
      const id = await comment(MAINTAINER, n, "/lanes handoff tester check the database choice");
      const [reply = ""] = repliesAfter(n, id);
      expect(reply).toContain(`Handed off to tester; its lane continues on \`${developer.branch}\`.`);
      const yaml = /```yaml\n([\s\S]*)```/.exec(reply)?.[1] ?? "";
      for (const key of [
        "from",
        "to",
        "completed",
        "dependencies_ready",
        "blockers",
        "next_steps",
        "artifacts",
      ])
        expect(yaml).toMatch(new RegExp(`^${key}:`, "m"));
      expect(yaml).toMatch(/^from: developer$/m);
      expect(yaml).toMatch(/^to: tester$/m);
      expect(yaml).toContain("check the database choice");
      expect((await store.readPrpRecord(n)).handoff).toBe(yaml);
      const tester = await untilLane(n, ["working", "idle", "waiting", "done"], "tester");
      expect(tester.branch).toBe(developer.branch);
    },
    TEST_MS,
  );

  it(
    "`/lanes hold` keeps a lane out of `lanes integrate --ready`; after `/lanes unhold` it is integrated",
    async () => {
      const n = prps.quick;
      const lane = await untilLane(n, ["done"]);
      await untilState(n, "review");
      const pull = [...sandboxRepo().pulls.values()].find((p) => p.head === lane.branch);
      expect(pull).toBeDefined();
      // the gates passed (as the gates workflow would report them, with the App's token)
      const gates = new Octokit({
        auth: await sandboxInstallationToken(app.sandbox.info()),
        baseUrl: app.sandbox.info().api_url,
      });
      for (const gate of GATE_NAMES)
        await gates.rest.checks.create({
          ...repo,
          name: checkRunName(gate),
          head_sha: pull?.headSha ?? "",
          status: "completed",
          conclusion: "success",
        });
      await settle(app.sandbox);

      const held = await comment(MAINTAINER, n, "/lanes hold");
      expect(reactions(held)).toEqual(["eyes", "rocket"]);
      expect(labelsOf(n)).toContain("lanes-hold");
      await checkout.git("fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*");
      const env = {
        GITHUB_TOKEN: app.sandbox.info().users.find((u) => u.login === MAINTAINER)?.token,
        GITHUB_API_URL: app.sandbox.info().api_url,
      };
      const integrate = (...extra: string[]) =>
        lanes(
          [
            ...["integrate", "--ready", "--github-repo", fullName, "--repo", checkout.dir],
            ...["--base", "origin/main", "--json", ...extra],
          ],
          { env, cwd: checkout.dir },
        );
      const plan = await integrate("--dry-run");
      const planned = JSON.parse(plan.stdout) as {
        order: string[];
        waiting: { branch: string; reason: string }[];
      };
      expect(planned.order).not.toContain(lane.branch);
      expect(planned.waiting).toContainEqual(
        expect.objectContaining({ branch: lane.branch, reason: expect.stringContaining("held") }),
      );

      const unheld = await comment(MAINTAINER, n, "/lanes unhold");
      expect(reactions(unheld)).toEqual(["eyes", "rocket"]);
      expect(labelsOf(n)).not.toContain("lanes-hold");
      const run = await integrate();
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as { merged: string[] }).merged).toEqual([lane.branch]);
    },
    TEST_MS,
  );

  it(
    "`/lanes approve` by a maintainer queues a PRP an outsider opened; before that it is not queued",
    async () => {
      // GitHub drops the labels of an issue opened without triage access: a triager labels it
      const n = await fileIssue(OUTSIDER, "Import", ["role: developer"]);
      await app.as(TRIAGER).rest.issues.addLabels({ ...repo, issue_number: n, labels: ["prp"] });
      await settle(app.sandbox);
      expect(stateOf(n)).toBe("lanes:needs-approval");
      const jobsFor = async () => (await store.listJobs()).filter((j) => j.issue === n);
      expect(await jobsFor()).toEqual([]);
      const id = await comment(MAINTAINER, n, "/lanes approve");
      expect(reactions(id)).toEqual(["eyes", "rocket"]);
      expect(await jobsFor()).toHaveLength(1);
      expect(["lanes:queued", "lanes:active", "lanes:review"]).toContain(stateOf(n));
      // and the stack builds it
      await untilLane(n, ["working", "idle", "waiting", "done"]);
    },
    TEST_MS,
  );
});
