// Pinning the standup issue through the port's GraphQL `pinIssue`: only when the App may and it is not pinned
// yet; a failure to pin is logged and audited and the standup is posted all the same. Real Redis (fake
// clock), GitHub faked by nock (REST and /graphql), every scope asserted done.
import nock from "nock";
import { beforeEach, describe, expect, it } from "vitest";
import { postStandup } from "../../../src/app/team/post-standup.js";
import { createGitHubPort } from "../../../src/github/index.js";
import { silentLogger } from "../../../src/observe/logger.js";
import type { StateStore } from "../../../src/state/index.js";
import { useRedis } from "../../support/redis.js";
import { useStores } from "../../state/helpers.js";
import { API } from "../app-harness.js";
import { noConfig } from "../commands/nock-github.js";
import { REPO_PATH } from "../payloads.js";

const repo = { owner: "Codertocat", repo: "Hello-World" };
const STANDUP = {
  number: 5,
  title: "Lanes standup",
  body: "",
  state: "open",
  labels: [],
  user: { login: "lanes[bot]" },
  html_url: "https://github.com/Codertocat/Hello-World/issues/5",
  updated_at: "2026-12-01T09:00:00Z",
};

describe("pinning the standup issue", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  let store: StateStore;

  beforeEach(async () => {
    store = await stores.open();
  });

  function deps() {
    const github = createGitHubPort({
      auth: { type: "token", token: "ghs_test" },
      baseUrl: API,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    return { repo, github, store, log: silentLogger() };
  }

  /** lanes.yml (none), the open issues (the standup issue exists), the day's comment. */
  function posting(): nock.Scope {
    return noConfig(nock(API))
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [STANDUP])
      .post(`${REPO_PATH}/issues/5/comments`, (b: { body: string }) => b.body.startsWith("### Lanes standup"))
      .reply(201, { id: 9, body: "x", user: { login: "lanes[bot]" }, created_at: "2026-12-01T09:00:00Z" });
  }

  const pinState = (isPinned: boolean, viewerCanUpdate: boolean) => ({
    data: { repository: { issue: { id: "I_kwDOstandup", isPinned, viewerCanUpdate } } },
  });
  const auditTypes = async () => (await store.readAudit()).map((e) => e.type);

  it("pins it with the pinIssue mutation when the App may", async () => {
    const scope = posting()
      .post(
        "/graphql",
        (b: { query: string; variables: { number: number } }) =>
          b.query.includes("isPinned") && b.variables.number === 5,
      )
      .reply(200, pinState(false, true))
      .post(
        "/graphql",
        (b: { query: string; variables: { id: string } }) =>
          b.query.includes("pinIssue") && b.variables.id === "I_kwDOstandup",
      )
      .reply(200, { data: { pinIssue: { issue: { isPinned: true } } } });
    expect(await postStandup(deps())).toBe(5);
    scope.done();
    expect(await auditTypes()).toEqual(["standup-posted", "standup-pinned"]);
  });

  it("does not pin when it is pinned already or the App may not", async () => {
    const pinned = posting().post("/graphql").reply(200, pinState(true, true));
    expect(await postStandup(deps())).toBe(5);
    pinned.done();

    stores.clock.advance(86_400_000);
    const readOnly = posting().post("/graphql").reply(200, pinState(false, false));
    expect(await postStandup(deps())).toBe(5);
    readOnly.done();
    expect(await auditTypes()).toEqual(["standup-posted", "standup-posted", "standup-not-permitted"]);
  });

  it("posts the standup when pinning fails, and audits the failure", async () => {
    const scope = posting()
      .post("/graphql")
      .reply(200, { errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }] });
    expect(await postStandup(deps())).toBe(5);
    scope.done();
    const failed = (await store.readAudit()).find((e) => e.type === "standup-pin-failed");
    expect(failed?.data).toContain("Resource not accessible by integration");
  });
});
