// PR → PRP resolution through the real GitHub port, with GitHub faked at the HTTP level by nock: each case
// declares exactly the reads it expects (the PR, then the issues), replies with GitHub-shaped JSON built
// from @octokit/webhooks-examples payloads, and fails on any request it did not declare. The whole path
// also runs against the sandbox in pr-sandbox.test.ts.
import { createRequire } from "node:module";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolvePrFacts } from "../../src/gates/pr-facts.js";
import { createGitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];
const payload = (event: string, action: string) =>
  examples.find((e) => e.name === event)?.examples.find((e) => e.action === action) ?? {};
type Json = Record<string, unknown>;
const PULL = payload("pull_request", "opened").pull_request as Json & { head: Json; base: Json };
const ISSUE = payload("issues", "opened").issue as Json;
// GET /issues/N on a pull request answers the issue view of it, with this `pull_request` key.
const PULL_KEY = (payload("issues", "demilestoned").issue as Json).pull_request as Json;

const API = "https://api.github.com";
const repo = { owner: "octo", repo: "app" };
const PATTERN = { branchPattern: "lanes/{role}/{issue}-{slug}" };
const NOT_FOUND = {
  message: "Not Found",
  documentation_url: "https://docs.github.com/rest/issues/issues#get-an-issue",
  status: "404",
};

const PRP = `---
role: developer
depends_on: [3, 4, 5, auth-api]
validation: npm test
---
# Rate limiting

## Success Criteria
- [ ] requests are limited
`;
// The same PRP without dependencies, for cases about which issue is found (no dependency reads follow).
const PRP_ALONE = PRP.replace("depends_on: [3, 4, 5, auth-api]\n", "");

// The real port, no retries: the reply nock gives is the answer the code sees.
const port = () =>
  createGitHubPort({
    auth: { type: "token", token: "t" },
    baseUrl: API,
    log: silentLogger(),
    pacing: "none",
    retries: 0,
  });

function pullJson(number: number, over: { body: string | null; headRef?: string }): Json {
  const ref = over.headRef ?? "lanes/developer/7-rate-limit";
  const pull = structuredClone(PULL);
  return {
    ...pull,
    number,
    title: "Add rate limiting",
    body: over.body,
    state: "open",
    draft: false,
    merged: false,
    merge_commit_sha: null,
    url: `${API}/repos/octo/app/pulls/${number}`,
    html_url: `https://github.com/octo/app/pull/${number}`,
    head: { ...pull.head, ref, label: `octo:${ref}` },
    base: { ...pull.base, ref: "main", label: "octo:main" },
  };
}

function issueJson(
  number: number,
  over: { title?: string; body?: string; state?: "open" | "closed"; isPullRequest?: boolean } = {},
): Json {
  const state = over.state ?? "open";
  return {
    ...structuredClone(ISSUE),
    number,
    title: over.title ?? `Issue ${number}`,
    body: over.body ?? "",
    state,
    closed_at: state === "closed" ? "2026-01-02T00:00:00Z" : null,
    url: `${API}/repos/octo/app/issues/${number}`,
    html_url: `https://github.com/octo/app/issues/${number}`,
    ...(over.isPullRequest
      ? {
          pull_request: {
            ...PULL_KEY,
            url: `${API}/repos/octo/app/pulls/${number}`,
            html_url: `https://github.com/octo/app/pull/${number}`,
          },
        }
      : {}),
  };
}

/** GitHub answering the PR's comments, its reviews and GET /repos/octo/app/pulls/{pr}; chain `.get(issue)` for each issue read expected. */
const github = (
  pr: number,
  pull: { body: string | null; headRef?: string },
  comments: Json[] = [],
  reviews: Json[] = [],
) =>
  nock(API)
    .get(`/repos/octo/app/issues/${pr}/comments`)
    .query(true)
    .reply(200, comments)
    .get(`/repos/octo/app/pulls/${pr}/reviews`)
    .query(true)
    .reply(200, reviews)
    .get(`/repos/octo/app/pulls/${pr}`)
    .reply(200, pullJson(pr, pull));
const REVIEW = payload("pull_request_review", "submitted").review as Json;
/** A review as GET /pulls/{pr}/reviews lists it (states in capitals, unlike the webhook's). */
const review = (id: number, login: string, state: string, body: string, type = "User"): Json => ({
  ...structuredClone(REVIEW),
  id,
  body,
  state,
  user: { ...(REVIEW.user as Json), login, type },
});
const issuePath = (number: number) => `/repos/octo/app/issues/${number}`;
const AUTHOR = (ISSUE.user as { login: string }).login;
// GET /collaborators/{author}/permission: the PRP author's access decides whether its validation commands run.
const permissionPath = `/repos/octo/app/collaborators/${AUTHOR}/permission`;
const permission = (level: "admin" | "write" | "read") => ({
  permission: level,
  role_name: level,
  user: ISSUE.user,
});

// Every request nock did not expect is recorded, so a case also fails on a read whose error the code swallowed.
let unexpected: string[] = [];
const onNoMatch = (request: { method?: string; path?: string }) =>
  unexpected.push(`${request.method} ${request.path}`);
beforeEach(() => {
  unexpected = [];
  nock.emitter.on("no match", onNoMatch);
});
afterEach(() => {
  nock.emitter.removeListener("no match", onNoMatch);
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(unexpected).toEqual([]);
  expect(pending).toEqual([]);
});

describe("resolvePrFacts", () => {
  it("parses the issue the body closes, ids the PRP by its number and collects closed dependencies", async () => {
    // #3 is closed; #4 is open, #5 does not exist and the backlog id auth-api is never looked up.
    const scope = github(12, { body: "Closes #7\n\n- [x] requests are limited" })
      .get(issuePath(7))
      .reply(200, issueJson(7, { body: PRP, title: "Rate limiting issue" }))
      .get(permissionPath)
      .reply(200, permission("write"))
      .get(issuePath(3))
      .reply(200, issueJson(3, { state: "closed" }))
      .get(issuePath(4))
      .reply(200, issueJson(4))
      .get(issuePath(5))
      .reply(404, NOT_FOUND);
    const facts = await resolvePrFacts(port(), repo, 12, PATTERN);
    expect(facts.issue).toEqual({ number: 7, via: "closing keyword" });
    expect(facts.prp).toMatchObject({
      id: "7",
      title: "Rate limiting",
      role: "developer",
      validation: ["npm test"],
      dependsOn: ["3", "4", "5", "auth-api"],
    });
    expect(facts.prpProblem).toBeUndefined();
    expect(facts.prBody).toContain("- [x] requests are limited");
    expect([...facts.mergedPrpIds]).toEqual(["3"]);
    scope.done();
  });

  it("prefers the closing reference that matches the branch, and falls back to the branch name", async () => {
    const both = github(1, { body: "Fixes #9, closes #7" })
      .get(issuePath(7))
      .reply(200, issueJson(7, { body: PRP_ALONE }))
      .get(permissionPath)
      .reply(200, permission("admin"));
    expect((await resolvePrFacts(port(), repo, 1, PATTERN)).issue).toEqual({
      number: 7,
      via: "closing keyword",
    });
    both.done();
    const other = github(1, { body: "Fixes #9" })
      .get(issuePath(9))
      .reply(200, issueJson(9, { body: PRP_ALONE }))
      .get(permissionPath)
      .reply(200, permission("admin"));
    expect((await resolvePrFacts(port(), repo, 1, PATTERN)).issue).toEqual({
      number: 9,
      via: "closing keyword",
    });
    other.done();
    const none = github(1, { body: "no link" })
      .get(issuePath(7))
      .reply(200, issueJson(7, { body: PRP_ALONE }))
      .get(permissionPath)
      .reply(200, permission("admin"));
    expect((await resolvePrFacts(port(), repo, 1, PATTERN)).issue).toEqual({
      number: 7,
      via: "branch name",
    });
    none.done();
  });

  it("withholds the validation commands of a PRP by an author with read access, unless the app accepted it", async () => {
    const reader = github(1, { body: "Closes #7" })
      .get(issuePath(7))
      .reply(200, issueJson(7, { body: PRP_ALONE }))
      .get(permissionPath)
      .reply(200, permission("read"));
    const withheld = await resolvePrFacts(port(), repo, 1, PATTERN);
    expect(withheld.prp.validation).toEqual([]);
    expect(withheld.validationWithheld).toContain(`written by @${AUTHOR}, who has read access`);
    reader.done();
    // A lanes:* state label means the app accepted it (a maintainer's /lanes approve): no permission read needed.
    const accepted = github(1, { body: "Closes #7" })
      .get(issuePath(7))
      .reply(200, {
        ...issueJson(7, { body: PRP_ALONE }),
        labels: [
          {
            id: 1,
            name: "lanes:queued",
            color: "ededed",
            default: false,
            description: null,
            node_id: "x",
            url: "",
          },
        ],
      });
    const facts = await resolvePrFacts(port(), repo, 1, PATTERN);
    expect(facts.prp.validation).toEqual(["npm test"]);
    expect(facts.validationWithheld).toBeUndefined();
    accepted.done();
  });

  it("reports a missing PRP, with how to link one, when neither the body nor the branch names an issue (and reads no issue)", async () => {
    const scope = github(12, { body: "see #7", headRef: "feature/x" });
    const facts = await resolvePrFacts(port(), repo, 12, PATTERN);
    expect(facts.issue).toBeUndefined();
    expect(facts.prpProblem).toMatchObject({ kind: "missing", title: "No PRP linked to the PR" });
    expect(facts.prpProblem?.summary).toContain("`Closes #<issue>` in the PR body");
    scope.done();
  });

  it("reports a missing PRP when the linked number is a pull request or does not exist", async () => {
    const pull = github(12, { body: "Closes #7" })
      .get(issuePath(7))
      .reply(200, issueJson(7, { isPullRequest: true }));
    const asPull = await resolvePrFacts(port(), repo, 12, PATTERN);
    expect(asPull.prpProblem?.summary).toContain("#7 (found by closing keyword) is a pull request");
    pull.done();
    const notFound = github(12, { body: "Closes #8" }).get(issuePath(8)).reply(404, NOT_FOUND);
    const gone = await resolvePrFacts(port(), repo, 12, PATTERN);
    expect(gone.prpProblem).toMatchObject({ kind: "missing" });
    expect(gone.prpProblem?.summary).toContain("issue #8 (found by closing keyword) does not exist");
    expect(gone.prp.id).toBe("8");
    notFound.done();
    // GitHub answers 410 Gone for a deleted issue.
    const deleted = github(12, { body: "Closes #8" }).get(issuePath(8)).reply(410, {
      message: "This issue was deleted",
      documentation_url: "https://docs.github.com/rest/issues/issues#get-an-issue",
      status: "410",
    });
    expect((await resolvePrFacts(port(), repo, 12, PATTERN)).prpProblem?.summary).toContain(
      "issue #8 (found by closing keyword) does not exist",
    );
    deleted.done();
  });

  it("reports a PRP that does not parse with each error's line and field, keeping the issue id for the lane gate", async () => {
    const broken = "---\nrole: astronaut\ntimeout_minutes: soon\n---\n# Broken\n";
    const scope = github(12, { body: "Closes #7" })
      .get(issuePath(7))
      .reply(200, issueJson(7, { body: broken }));
    const facts = await resolvePrFacts(port(), repo, 12, PATTERN);
    expect(facts.prpProblem).toMatchObject({
      kind: "invalid",
      title: "The PRP in #7 does not parse (2 errors)",
    });
    expect(facts.prpProblem?.summary).toMatch(/line 2: `role`: .*\n- line 3: `timeout_minutes`: /);
    expect(facts.prp).toEqual({ id: "7", title: "Issue 7", criteria: [] });
    scope.done();
  });

  it("lets other GitHub errors through, so a token without issue access is not read as a missing PRP", async () => {
    const scope = github(12, { body: "Closes #7" }).get(issuePath(7)).reply(403, {
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest/issues/issues#get-an-issue",
      status: "403",
    });
    await expect(resolvePrFacts(port(), repo, 12, PATTERN)).rejects.toThrow(
      "GitHub getIssue failed with HTTP 403: Resource not accessible by integration",
    );
    scope.done();
  });

  it("lets a pull request GitHub does not know fail with the port's 404, before any issue is read", async () => {
    const scope = nock(API)
      .get("/repos/octo/app/pulls/12")
      .reply(404, {
        ...NOT_FOUND,
        documentation_url: "https://docs.github.com/rest/pulls/pulls#get-a-pull-request",
      });
    await expect(resolvePrFacts(port(), repo, 12, PATTERN)).rejects.toThrow(
      "GitHub getPull failed with HTTP 404: Not Found",
    );
    scope.done();
  });

  it("collects the criteria people with write access accepted in comments, ignoring readers and bots", async () => {
    const comment = (id: number, login: string, body: string, type = "User") => ({
      id,
      body,
      user: { login, type },
      created_at: "2026-01-02T00:00:00Z",
    });
    const scope = github(12, { body: "no link", headRef: "feature/x" }, [
      comment(1, "lead", "Looks right.\n/lanes accept 1, 3"),
      comment(2, "visitor", "/lanes accept all"),
      comment(3, "lanes-bot", "/lanes accept all", "Bot"),
    ])
      .get("/repos/octo/app/collaborators/lead/permission")
      .reply(200, { permission: "write", role_name: "write", user: ISSUE.user })
      .get("/repos/octo/app/collaborators/visitor/permission")
      .reply(200, { permission: "read", role_name: "read", user: ISSUE.user });
    const facts = await resolvePrFacts(port(), repo, 12, PATTERN);
    expect(facts.acceptances).toEqual([{ criteria: [1, 3], by: "lead", at: "comment 1" }]);
    scope.done();
  });

  it("counts an approving review that names criteria, from a person with write access, and nothing else", async () => {
    const scope = github(
      12,
      { body: "no link", headRef: "feature/x" },
      [],
      [
        review(21, "lead", "APPROVED", "Checked criterion 2 by hand; criteria 3 and 4 are covered too."),
        review(22, "lead", "APPROVED", "LGTM"),
        review(23, "visitor", "APPROVED", "all criteria met"),
        review(24, "lanes-bot", "APPROVED", "/lanes accept all", "Bot"),
        review(25, "second", "COMMENTED", "criterion 1 looks fine"),
        review(26, "changed-mind", "APPROVED", "criterion 1 verified"),
        review(27, "changed-mind", "CHANGES_REQUESTED", "no, criterion 1 breaks on empty input"),
        review(28, "dismissed", "DISMISSED", "criterion 5 verified"),
      ],
    )
      .get("/repos/octo/app/collaborators/lead/permission")
      .reply(200, { permission: "write", role_name: "write", user: ISSUE.user })
      .get("/repos/octo/app/collaborators/visitor/permission")
      .reply(200, { permission: "read", role_name: "read", user: ISSUE.user });
    const facts = await resolvePrFacts(port(), repo, 12, PATTERN);
    expect(facts.acceptances).toEqual([{ criteria: [2, 3, 4], by: "lead", at: "review 21" }]);
    scope.done();
  });
});
