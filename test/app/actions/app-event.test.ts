// `lanes app-event` in a simulated Actions job: the workflow's event file, GITHUB_OUTPUT, the job's token,
// against the sandbox and a real Redis — the same handlers as `lanes serve`, for one event.
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import { Octokit } from "@octokit/rest";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sandboxInstallationToken, startSandbox, type Sandbox } from "../../../src/sandbox/index.js";
import { lanes } from "../../support/cli.js";
import { redisUrl } from "../../support/redis.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

type Payload = Record<string, unknown>;
const catalog = examples as unknown as { name: string; examples: Payload[] }[];

describe("lanes app-event (the action's app mode)", () => {
  let sandbox: Sandbox;
  let dir: TempDir;
  let redis: Redis;
  const name = `actions-${randomUUID().slice(0, 8)}`;
  const repo = { owner: "sandbox-admin", repo: name };

  beforeEach(async () => {
    sandbox = await startSandbox({ repos: [{ owner: "sandbox-admin", name }] });
    dir = await makeTempDir("lanes-app-event");
    redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  afterEach(async () => {
    const keys = await redis.keys(`lanes:{sandbox-admin/${name}}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await dir.remove();
    await sandbox.close();
  });

  async function job(event: string, payload: Payload): Promise<NodeJS.ProcessEnv> {
    const path = join(dir.path, `${event}.json`);
    await writeFile(path, JSON.stringify(payload));
    await writeFile(join(dir.path, "output"), "");
    return {
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: path,
      GITHUB_RUN_ID: String(Date.now()),
      GITHUB_OUTPUT: join(dir.path, "output"),
      GITHUB_TOKEN: await sandboxInstallationToken(sandbox.info()),
      GITHUB_API_URL: sandbox.info().api_url,
      GITHUB_REPOSITORY: `sandbox-admin/${name}`,
      REDIS_URL: redisUrl(),
    };
  }

  it("labels a new PRP lanes:queued with one status comment, writing event and request count to GITHUB_OUTPUT", async () => {
    const user = new Octokit({ auth: sandbox.info().users[0]?.token, baseUrl: sandbox.info().api_url });
    const body = "---\nrole: developer\n---\n# Greeting\n\n## Goal\nSay hello.\n";
    const { data: issue } = await user.rest.issues.create({
      ...repo,
      title: "Greeting",
      body,
      labels: ["prp"],
    });
    await sandbox.idle();
    // the payload Actions gets is the webhook's, without the App installation
    const labeled = sandbox.deliveries().find((d) => d.event === "issues" && d.action === "labeled");
    const { installation: _, ...payload } = labeled?.payload ?? {};
    const env = await job("issues", payload);
    const result = await lanes(["app-event", "--json"], { env });
    expect(result.code, result.stderr).toBe(0);
    const handled = JSON.parse(result.stdout) as { event: string; requests: number };
    expect(handled.event).toBe("issues.labeled");
    const { data: after } = await user.rest.issues.get({ ...repo, issue_number: issue.number });
    expect(after.labels.map((l) => (typeof l === "string" ? l : l.name))).toEqual(["prp", "lanes:queued"]);
    const { data: comments } = await user.rest.issues.listComments({ ...repo, issue_number: issue.number });
    expect(comments).toHaveLength(1);
    expect(comments[0]?.user?.login).toBe("lanes-sandbox[bot]");
    expect(await readFile(String(env.GITHUB_OUTPUT), "utf8")).toBe(
      `event=issues.labeled\nrequests=${handled.requests}\n`,
    );
    expect(await redis.zcard(`lanes:{sandbox-admin/${name}}:q:developer`)).toBe(1);
  });

  it("handles an event Lanes ignores (a webhooks-examples issue_comment) with no GitHub request", async () => {
    const comment = catalog.find((e) => e.name === "issue_comment")?.examples[0] ?? {};
    const env = await job("issue_comment", comment);
    const result = await lanes(["app-event", "--json"], {
      env: { ...env, GITHUB_API_URL: "http://127.0.0.1:9" },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ event: "issue_comment.created", requests: 0 });
  });

  it("fails with one line naming a missing setting", async () => {
    const env = await job("issues", {});
    const result = await lanes(["app-event"], { env: { ...env, GITHUB_EVENT_PATH: undefined } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/GITHUB_EVENT_PATH is not set/);
  });
});
