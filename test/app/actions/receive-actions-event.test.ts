// The Actions adapter: a workflow's event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) reaches the app function through
// Probot 14's receive, authenticated with the job's token against GITHUB_API_URL (GitHub faked by nock).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import nock from "nock";
import type { ApplicationFunction } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { readActionsEnv, receiveActionsEvent } from "../../../src/app/actions/receive-actions-event.js";
import { silentLogger } from "../../../src/observe/logger.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

const API = "https://ghes.example.test/api/v3";
type Payload = Record<string, unknown> & { repository: { name: string; owner: { login: string } } };
const catalog = examples as unknown as { name: string; examples: Payload[] }[];
const labeled = catalog.find((e) => e.name === "issues")?.examples.find((x) => x.action === "labeled");

describe("receiveActionsEvent", () => {
  const dirs: TempDir[] = [];
  afterEach(async () => {
    nock.cleanAll();
    for (const d of dirs.splice(0)) await d.remove();
  });

  async function envFor(payload: unknown, name = "issues"): Promise<NodeJS.ProcessEnv> {
    const dir = await makeTempDir("lanes-actions");
    dirs.push(dir);
    const path = join(dir.path, "event.json");
    await writeFile(path, JSON.stringify(payload));
    return {
      GITHUB_EVENT_NAME: name,
      GITHUB_EVENT_PATH: path,
      GITHUB_RUN_ID: "4242",
      GITHUB_TOKEN: "ghs_job_token",
      GITHUB_API_URL: API,
    };
  }

  it("hands the event to the app function, whose Octokit uses the job's token and GITHUB_API_URL", async () => {
    expect(labeled).toBeDefined();
    const { owner, name } = { owner: labeled!.repository.owner.login, name: labeled!.repository.name };
    const scope = nock(API, { reqheaders: { authorization: "token ghs_job_token" } })
      .get(`/repos/${owner}/${name}`)
      .reply(200, { id: 1, full_name: `${owner}/${name}` });
    const seen: string[] = [];
    const appFn: ApplicationFunction = (app) => {
      app.on("issues.labeled", async (context) => {
        seen.push(
          `${context.id} ${context.name}.${context.payload.action} ${context.payload.label?.name ?? ""}`,
        );
        await context.octokit.rest.repos.get(context.repo());
      });
    };
    const env = readActionsEnv(await envFor(labeled));
    const delivery = await receiveActionsEvent({ env, appFn, log: silentLogger() });
    expect(delivery).toEqual({ id: "actions-run-4242", event: "issues.labeled" });
    expect(seen).toEqual([
      `actions-run-4242 issues.labeled ${String((labeled!.label as { name: string }).name)}`,
    ]);
    scope.done();
  });

  it("fails when a handler fails, so the job fails", async () => {
    const appFn: ApplicationFunction = (app) => {
      app.onAny(() => Promise.reject(new Error("handler broke")));
    };
    const env = readActionsEnv(await envFor(labeled));
    await expect(receiveActionsEvent({ env, appFn, log: silentLogger() })).rejects.toThrow("handler broke");
  });

  it("names a missing or wrong setting in one line", async () => {
    const env = await envFor(labeled);
    expect(() => readActionsEnv({ ...env, GITHUB_EVENT_PATH: undefined })).toThrow(
      /^GITHUB_EVENT_PATH is not set: the app mode runs inside a GitHub Actions job/,
    );
    expect(() => readActionsEnv({ ...env, GITHUB_API_URL: "not a url" })).toThrow(
      /^GITHUB_API_URL is not valid/,
    );
    const broken = readActionsEnv({ ...env, GITHUB_EVENT_PATH: "/nonexistent/event.json" });
    await expect(
      receiveActionsEvent({ env: broken, appFn: () => undefined, log: silentLogger() }),
    ).rejects.toThrow("GITHUB_EVENT_PATH /nonexistent/event.json: not a readable JSON event payload");
  });
});
