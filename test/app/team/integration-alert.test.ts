// A failed lanes-integrate run raises one signed alert per run, naming the run, its link and the integration
// PR: at the Probot level with the webhooks-examples workflow_run payload, real Redis, GitHub faked by nock,
// a loopback receiver for the alert webhook.
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { INTEGRATE_WORKFLOW_PATH } from "../../../src/app/team/integration-alert.js";
import { API, useAppHarness } from "../app-harness.js";
import { config } from "../commands/nock-github.js";
import { example, REPO_PATH, type Payload } from "../payloads.js";
import { startAlertReceiver, type AlertReceiver } from "./alert-receiver.js";

const SECRET_ENV = "LANES_TEST_INTEGRATION_ALERT_SECRET";
const RUN_URL = "https://github.com/Codertocat/Hello-World/actions/runs/777";

/** The example's completed run, made a scheduled lanes-integrate run with `conclusion`. */
function integrationRun(conclusion: string, id = 777): Payload {
  const payload = example("workflow_run", "completed");
  const run = payload.workflow_run as Record<string, unknown>;
  Object.assign(run, {
    id,
    run_number: 41,
    name: "lanes-integrate",
    path: INTEGRATE_WORKFLOW_PATH,
    event: "schedule",
    conclusion,
    head_branch: "main",
    html_url: RUN_URL,
    created_at: "2026-12-01T18:00:05Z",
  });
  return payload;
}

const pull = (number: number, head: string) => ({
  number,
  title: `Integration ${head}`,
  body: "",
  state: "open",
  draft: false,
  merged: false,
  merge_commit_sha: null,
  head: { ref: head, sha: "a".repeat(40) },
  base: { ref: "main", sha: "b".repeat(40) },
  html_url: `https://github.com/Codertocat/Hello-World/pull/${number}`,
});

describe("alert on a failed integration (workflow_run.completed)", () => {
  const h = useAppHarness();
  let receiver: AlertReceiver;
  let lanesYml: string;

  beforeAll(async () => {
    receiver = await startAlertReceiver();
    lanesYml = ["alerts:", "  webhooks:", `    - { url: "${receiver.url}", secret_env: ${SECRET_ENV} }`].join(
      "\n",
    );
  });
  afterAll(() => receiver?.close());
  beforeEach(() => {
    receiver.received.length = 0;
    vi.stubEnv(SECRET_ENV, "integration-secret");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("alerts once per run with the run's link and its open integration PR", async () => {
    const scope = config(nock(API), lanesYml)
      .get(`${REPO_PATH}/pulls`)
      .query(true)
      .reply(200, [pull(12, "lane/7-cache"), pull(34, "lanes/integration/2026-12-01")]);
    await h.send("workflow_run", integrationRun("failure"));
    await h.send("workflow_run", integrationRun("failure")); // a second delivery of the same run
    scope.done();

    expect(receiver.received).toHaveLength(1);
    const [alert] = receiver.received;
    expect(alert?.payload.lanes).toMatchObject({ kind: "integration-failed", key: "integration-failed:777" });
    expect(alert?.payload.text).toContain("Integration run #41 failed");
    expect(alert?.payload.text).toContain("integration PR #34 (lanes/integration/2026-12-01 into main)");
    expect(alert?.payload.text).toContain(RUN_URL);
    const audit = (await h.store.readAudit()).map((e) => e.type);
    expect(audit.filter((type) => type === "integration-failed")).toHaveLength(1);
    expect(audit).toContain("alert-delivered");
  });

  it("names the day's branch when no PR is open, and says a timed-out run timed out", async () => {
    const scope = config(nock(API), lanesYml)
      .get(`${REPO_PATH}/pulls`)
      .query(true)
      .reply(200, [])
      .get(`${REPO_PATH}/git/ref/heads%2Flanes%2Fintegration%2F2026-12-01`)
      .reply(404, { message: "Not Found" });
    await h.send("workflow_run", integrationRun("timed_out", 778));
    scope.done();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.payload.text).toContain("Integration run #41 timed out");
    expect(receiver.received[0]?.payload.text).toContain("no lanes/integration/2026-12-01 was written");
  });

  it("says nothing about a successful or cancelled integration run", async () => {
    await h.send("workflow_run", integrationRun("success", 779));
    await h.send("workflow_run", integrationRun("cancelled", 780));
    expect(receiver.received).toHaveLength(0);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
