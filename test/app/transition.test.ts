// transition(): compare-and-set in a real Redis, the label swap through the GitHub port (GitHub faked by nock).
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { transition } from "../../src/app/index.js";
import { createGitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { useStores } from "../state/helpers.js";
import { useRedis } from "../support/redis.js";

const API = "https://github.example.test/api/v3";
const repo = { owner: "acme", repo: "app" };
const labelsJson = (...names: string[]) => names.map((name) => ({ name }));

function port() {
  return createGitHubPort({
    auth: { type: "token", token: "ghp_test" },
    baseUrl: API,
    log: silentLogger(),
    pacing: "none",
  });
}

describe("transition()", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  afterEach(() => nock.cleanAll());

  it("moves a PRP queued → active: Redis first, then adds the new label and removes the old one", async () => {
    const store = await stores.open();
    const github = port();
    const deps = { store, github, repo, log: silentLogger() };
    const scope = nock(API)
      .post("/repos/acme/app/issues/12/labels", { labels: ["lanes:queued"] })
      .reply(200, labelsJson("prp", "lanes:queued"))
      .post("/repos/acme/app/issues/12/labels", { labels: ["lanes:active"] })
      .reply(200, labelsJson("prp", "lanes:queued", "lanes:active"))
      .delete("/repos/acme/app/issues/12/labels/lanes%3Aqueued")
      .reply(200, labelsJson("prp", "lanes:active"));
    expect(await transition(deps, { issue: 12, event: "accepted", actor: "octo" })).toEqual({
      applied: true,
      from: null,
      to: "queued",
    });
    expect(await transition(deps, { issue: 12, event: "claimed", actor: "supervisor@h1" })).toEqual({
      applied: true,
      from: "queued",
      to: "active",
    });
    expect(await store.readIssueState("12")).toBe("active");
    scope.done();
  });

  it("ignores a stale or repeated event with no GitHub call", async () => {
    const store = await stores.open();
    const github = port();
    const deps = { store, github, repo, log: silentLogger() };
    await store.transition("12", null, "review", "test");
    expect(await transition(deps, { issue: 12, event: "claimed", actor: "late" })).toMatchObject({
      applied: false,
      reason: "not-allowed",
    });
    await store.transition("12", "review", "queued", "test");
    expect(await transition(deps, { issue: 12, event: "accepted", actor: "again" })).toMatchObject({
      applied: false,
      reason: "unchanged",
    });
    expect(github.requestCounts()).toEqual({});
  });

  it("applies exactly one of two racing transitions from the same state", async () => {
    const [a, b] = [await stores.open(), await stores.open()];
    await a.transition("12", null, "queued", "test");
    const scope = nock(API)
      .post("/repos/acme/app/issues/12/labels")
      .reply(200, labelsJson("lanes:queued", "lanes:active"))
      .delete("/repos/acme/app/issues/12/labels/lanes%3Aqueued")
      .reply(200, []);
    const results = await Promise.all([
      transition(
        { store: a, github: port(), repo, log: silentLogger() },
        { issue: 12, event: "claimed", actor: "h1" },
      ),
      transition(
        { store: b, github: port(), repo, log: silentLogger() },
        { issue: 12, event: "claimed", actor: "h2" },
      ),
    ]);
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    scope.done();
  });

  it("starts from the issue's state label when Redis has forgotten the PRP, and removes stray state labels", async () => {
    const store = await stores.open();
    const deps = { store, github: port(), repo, log: silentLogger() };
    const scope = nock(API)
      .post("/repos/acme/app/issues/12/labels", { labels: ["lanes:done"] })
      .reply(200, labelsJson("prp", "lanes:review", "lanes:blocked", "lanes:done"))
      .delete("/repos/acme/app/issues/12/labels/lanes%3Areview")
      .reply(200, [])
      .delete("/repos/acme/app/issues/12/labels/lanes%3Ablocked")
      .reply(200, []);
    const labels = ["prp", "lanes:review", "lanes:blocked"];
    expect(await transition(deps, { issue: 12, event: "merged", actor: "octo", labels })).toEqual({
      applied: true,
      from: "review",
      to: "done",
    });
    scope.done();
  });

  it("withdraws a PRP: the state key is removed with its label", async () => {
    const store = await stores.open();
    await store.transition("12", null, "blocked", "test");
    const scope = nock(API).delete("/repos/acme/app/issues/12/labels/lanes%3Ablocked").reply(200, []);
    const deps = { store, github: port(), repo, log: silentLogger() };
    expect(await transition(deps, { issue: 12, event: "withdrawn", actor: "octo" })).toMatchObject({
      applied: true,
      to: null,
    });
    expect(await store.readIssueState("12")).toBeNull();
    scope.done();
  });
});
