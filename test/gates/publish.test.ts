import { createRequire } from "node:module";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { publishGate } from "../../src/gates/publish.js";
import { handleCheckRunEvent, rerunRequestFrom } from "../../src/gates/rerun.js";
import { defaultGateConfig } from "../../src/gates/gate-config.js";
import { createGitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { laneRepo, type LaneRepo } from "./lane-repo.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];
const checkRunExamples = examples.find((e) => e.name === "check_run")?.examples ?? [];
const example = (action: string) =>
  structuredClone(checkRunExamples.find((e) => e.action === action)) as Record<string, unknown> & {
    check_run: { name: string };
  };

let lane: LaneRepo | undefined;
afterEach(async () => {
  await lane?.repo.remove();
  nock.cleanAll();
});

// The real GitHub port, faked at the HTTP level; no retries, so an error answer is the test's answer.
const port = () =>
  createGitHubPort({
    auth: { type: "token", token: "t" },
    baseUrl: "https://api.github.com",
    log: silentLogger(),
    pacing: "none",
    retries: 0,
  });
const target = { owner: "octo", repo: "app", headSha: "a".repeat(40) };

describe("publishGate", () => {
  it("creates the check run in progress, then completes it with 120 annotations in 3 requests of at most 50 (batched by the port)", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `export const v${i} = ${i}; // TODO tune ${i}`).join(
      "\n",
    );
    lane = await laneRepo({}, { "src/many.ts": `${lines}\n` });
    const sent: number[] = [];
    const scope = nock("https://api.github.com")
      .post("/repos/octo/app/check-runs", {
        name: "lanes/placeholders",
        head_sha: target.headSha,
        status: "in_progress",
      })
      .reply(201, { id: 77 })
      .patch("/repos/octo/app/check-runs/77", (body) => {
        sent.push(body.output.annotations.length);
        return (
          body.status === "completed" &&
          body.conclusion === "failure" &&
          body.actions[0].identifier === "rerun" &&
          body.output.title === "120 placeholders found"
        );
      })
      .reply(200, { id: 77 })
      .patch("/repos/octo/app/check-runs/77", (body) => {
        sent.push(body.output.annotations.length);
        return (
          body.status === undefined &&
          body.output.title === "120 placeholders found" &&
          body.output.annotations[0].start_line === 51
        );
      })
      .reply(200, { id: 77 })
      .patch("/repos/octo/app/check-runs/77", (body) => {
        sent.push(body.output.annotations.length);
        return body.status === undefined && body.output.annotations[0].start_line === 101;
      })
      .reply(200, { id: 77 });
    const current = lane;
    const published = await publishGate({
      port: port(),
      target,
      gate: "placeholders",
      config: defaultGateConfig(),
      input: () => current.input(),
    });
    expect(published).toMatchObject({
      gate: "placeholders",
      mode: "required",
      checkRunId: 77,
      result: { conclusion: "failure", title: "120 placeholders found" },
    });
    expect(published?.result.annotations).toHaveLength(120);
    expect(sent).toEqual([50, 50, 20]);
    scope.done();
  });

  it("sends no annotations key when there are none, and reports a failing optional gate as neutral", async () => {
    lane = await laneRepo({}, { "src/a.ts": "export const a = 1;\n" }, "feature/not-a-lane");
    const scope = nock("https://api.github.com")
      .post("/repos/octo/app/check-runs")
      .reply(201, { id: 5 })
      .patch(
        "/repos/octo/app/check-runs/5",
        (body) => body.conclusion === "neutral" && !("annotations" in body.output),
      )
      .reply(200, { id: 5 });
    const current = lane;
    const published = await publishGate({
      port: port(),
      target,
      gate: "lane",
      config: defaultGateConfig(),
      input: () => current.input(),
    });
    expect(published?.result.conclusion).toBe("neutral");
    scope.done();
  });

  it("publishes nothing for a gate that is off", async () => {
    const config = {
      ...defaultGateConfig(),
      modes: { ...defaultGateConfig().modes, commits: "off" as const },
    };
    const published = await publishGate({
      port: port(),
      target,
      gate: "commits",
      config,
      input: () => Promise.reject(new Error("not called")),
    });
    expect(published).toBeUndefined();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("completes the check run as failed, with the error, when the input cannot be collected", async () => {
    const scope = nock("https://api.github.com")
      .post("/repos/octo/app/check-runs")
      .reply(201, { id: 9 })
      .patch(
        "/repos/octo/app/check-runs/9",
        (body) =>
          body.conclusion === "failure" &&
          body.output.title === "The gate could not run" &&
          body.output.summary.includes("base ref main is missing"),
      )
      .reply(200, { id: 9 });
    const published = await publishGate({
      port: port(),
      target,
      gate: "commits",
      config: defaultGateConfig(),
      input: () => Promise.reject(new Error("base ref main is missing")),
    });
    expect(published?.result.conclusion).toBe("failure");
    scope.done();
  });

  it("surfaces a GitHub error from creating the check run", async () => {
    const scope = nock("https://api.github.com")
      .post("/repos/octo/app/check-runs")
      .reply(403, { message: "Resource not accessible by integration" });
    await expect(
      publishGate({
        port: port(),
        target,
        gate: "commits",
        config: defaultGateConfig(),
        input: () => Promise.reject(new Error("unused")),
      }),
    ).rejects.toMatchObject({ name: "GitHubRequestError", operation: "createCheckRun", status: 403 });
    scope.done();
  });
});

describe("re-running a gate from check_run webhooks", () => {
  it("ignores real example payloads whose check run is not a lanes gate or whose action is not Re-run", () => {
    expect(rerunRequestFrom(example("rerequested"))).toBeUndefined();
    // The example's button is "lgtm|26764" on "API Review": neither ours.
    expect(rerunRequestFrom(example("requested_action"))).toBeUndefined();
    const otherButton = example("requested_action");
    otherButton.check_run.name = "lanes/commits";
    expect(rerunRequestFrom(otherButton)).toBeUndefined();
    expect(rerunRequestFrom(example("created"))).toBeUndefined();
  });

  it("rejects a malformed payload", () => {
    expect(() => rerunRequestFrom({ action: "rerequested" })).toThrow();
  });

  it("re-runs the named gate on the same commit for rerequested and for the Re-run button", async () => {
    // The examples' check runs are renamed to a lanes gate (and the button to ours); all else is GitHub's payload.
    const rerequested = example("rerequested");
    rerequested.check_run.name = "lanes/integration";
    const button = example("requested_action");
    button.check_run.name = "lanes/commits";
    button.requested_action = { identifier: "rerun" };
    expect(rerunRequestFrom(rerequested)).toEqual({
      gate: "integration",
      owner: "github",
      repo: "hello-world",
      headSha: "d6fde92930d4715a2b49857d24b940956b26d2d3",
      checkRunId: 4,
      installationId: 1,
    });

    lane = await laneRepo({}, { "src/a.ts": "export const a = 1;\n" });
    const current = lane;
    const scope = nock("https://api.github.com")
      .post(
        "/repos/electron/electron/check-runs",
        (body) =>
          body.name === "lanes/commits" && body.head_sha === "5bd5f196a46b8222fb7484f05faba41a73cf34bd",
      )
      .reply(201, { id: 11 })
      .patch("/repos/electron/electron/check-runs/11", (body) => body.conclusion === "success")
      .reply(200, { id: 11 });
    const handled = await handleCheckRunEvent(button, async (request) => {
      await publishGate({
        port: port(),
        target: { owner: request.owner, repo: request.repo, headSha: request.headSha },
        gate: request.gate,
        config: defaultGateConfig(),
        input: () => current.input(),
      });
    });
    expect(handled?.gate).toBe("commits");
    scope.done();
  });
});
