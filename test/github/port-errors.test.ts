// Failure paths of the GitHub port, with GitHub faked by nock: typed errors keep the status and
// operation; secondary rate limits and 5xx are retried with backoff and counted as requests.
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import {
  createGitHubPort,
  GitHubConfigError,
  GitHubRequestError,
  githubApiUrl,
} from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";

const API = "https://github.example.test/api/v3";
const repo = { owner: "acme", repo: "app" };
const issueJson = {
  number: 7,
  title: "t",
  body: null,
  state: "open",
  labels: [{ name: "prp" }],
  user: { login: "octo" },
  html_url: "x",
  updated_at: "2026-01-01T00:00:00Z",
};

function makePort(retries = 2) {
  return createGitHubPort({
    auth: { type: "token", token: "ghp_test" },
    baseUrl: API,
    log: silentLogger(),
    retries,
    backoffUnitMs: 1,
    pacing: "none",
  });
}

async function failure(promise: Promise<unknown>): Promise<GitHubRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubRequestError);
  return error as GitHubRequestError;
}

describe("GitHub port failures", () => {
  afterEach(() => nock.cleanAll());

  it("turns a 404 into a GitHubRequestError that names the operation and keeps the status", async () => {
    const scope = nock(API)
      .get("/repos/acme/app/issues/7")
      .reply(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    const error = await failure(makePort().getIssue(repo, 7));
    expect(error).toMatchObject({ status: 404, operation: "getIssue" });
    expect(error.message).toBe(
      "GitHub getIssue failed with HTTP 404: Not Found - https://docs.github.com/rest",
    );
    expect(scope.isDone()).toBe(true);
  });

  it("does not retry a 403 that is not a rate limit", async () => {
    const scope = nock(API)
      .post("/repos/acme/app/issues/7/labels")
      .once()
      .reply(403, { message: "Resource not accessible by integration" });
    const port = makePort();
    expect(await failure(port.addLabels(repo, 7, ["prp"]))).toMatchObject({
      status: 403,
      operation: "addLabels",
    });
    expect(port.requestCounts()).toEqual({ "POST /repos/{owner}/{repo}/issues/{issue_number}/labels": 1 });
    expect(scope.isDone()).toBe(true);
  });

  it("does not retry a 422 and keeps GitHub's validation message", async () => {
    const scope = nock(API)
      .post("/repos/acme/app/issues")
      .reply(422, { message: "Validation Failed", errors: [{ field: "title", code: "missing_field" }] });
    const error = await failure(makePort().createIssue(repo, { title: "" }));
    expect(error).toMatchObject({ status: 422, operation: "createIssue" });
    expect(error.message).toContain("Validation Failed");
    expect(scope.isDone()).toBe(true);
  });

  it("retries a secondary rate limit after Retry-After and succeeds", async () => {
    const scope = nock(API)
      .get("/repos/acme/app/issues/7")
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "1" })
      .get("/repos/acme/app/issues/7")
      .reply(200, issueJson);
    const port = makePort();
    expect((await port.getIssue(repo, 7)).labels).toEqual(["prp"]);
    expect(port.requestCounts()).toEqual({ "GET /repos/{owner}/{repo}/issues/{issue_number}": 2 });
    expect(scope.isDone()).toBe(true);
  });

  it("gives up on a secondary rate limit after the configured retries", async () => {
    const scope = nock(API)
      .get("/repos/acme/app/issues/7")
      .times(2)
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "1" });
    expect(await failure(makePort(1).getIssue(repo, 7))).toMatchObject({ status: 403 });
    expect(scope.isDone()).toBe(true);
  });

  it("retries 5xx with backoff and succeeds", async () => {
    const scope = nock(API)
      .get("/repos/acme/app/issues/7")
      .reply(502, { message: "Bad Gateway" })
      .get("/repos/acme/app/issues/7")
      .reply(500, { message: "Server Error" })
      .get("/repos/acme/app/issues/7")
      .reply(200, issueJson);
    const port = makePort();
    expect((await port.getIssue(repo, 7)).number).toBe(7);
    expect(port.requestCounts()["GET /repos/{owner}/{repo}/issues/{issue_number}"]).toBe(3);
    expect(scope.isDone()).toBe(true);
  });

  it("reports the last 5xx once retries are exhausted", async () => {
    const scope = nock(API).get("/repos/acme/app/pulls/3").times(3).reply(503, { message: "Unavailable" });
    expect(await failure(makePort(2).getPull(repo, 3))).toMatchObject({ status: 503, operation: "getPull" });
    expect(scope.isDone()).toBe(true);
  });

  it("sends If-None-Match on a repeated read and serves the 304 from cache", async () => {
    const scope = nock(API)
      .get("/repos/acme/app/issues/7")
      .reply(200, issueJson, { etag: '"abc"' })
      .get("/repos/acme/app/issues/7")
      .matchHeader("if-none-match", '"abc"')
      .reply(304);
    const port = makePort();
    await port.getIssue(repo, 7);
    expect((await port.getIssue(repo, 7)).title).toBe("t");
    expect(port.notModifiedCount()).toBe(1);
    expect(scope.isDone()).toBe(true);
  });

  it("sends the token and treats a missing label as already removed", async () => {
    const scope = nock(API)
      .matchHeader("authorization", "token ghp_test")
      .delete("/repos/acme/app/issues/7/labels/lanes%3Aactive")
      .reply(404, { message: "Label does not exist" });
    expect(await makePort().removeLabel(repo, 7, "lanes:active")).toBe(false);
    expect(scope.isDone()).toBe(true);
  });

  it("rejects bad auth options before any request, and reads the base URL from GITHUB_API_URL", () => {
    expect(() =>
      createGitHubPort({ auth: { type: "token", token: "" }, baseUrl: API, log: silentLogger() }),
    ).toThrow(GitHubConfigError);
    expect(githubApiUrl({ GITHUB_API_URL: "http://127.0.0.1:9/" })).toBe("http://127.0.0.1:9/");
    expect(githubApiUrl({})).toBe("https://api.github.com");
  });
});
