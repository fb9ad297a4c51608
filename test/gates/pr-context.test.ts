// PR → PRP resolution over an in-memory stand-in for the two port reads it makes (the whole path runs
// against the sandbox in pr-sandbox.test.ts); GitHub's 404 comes back as the port's own error.
import { describe, expect, it } from "vitest";
import { resolvePrContext, type PrContextPort } from "../../src/gates/pr-context.js";
import { GitHubRequestError } from "../../src/github/errors.js";
import type { Issue, PullRequest } from "../../src/github/github-port.js";

const repo = { owner: "octo", repo: "app" };
const PATTERN = { branchPattern: "lanes/{role}/{issue}-{slug}" };

const PRP = `---
role: developer
depends_on: [3, 4, 5, auth-api]
validation: npm test
---
# Rate limiting

## Success Criteria
- [ ] requests are limited
`;

const issue = (number: number, over: Partial<Issue> = {}): Issue => ({
  number, title: `Issue ${number}`, body: "", state: "open", labels: [], author: "a", isPullRequest: false, htmlUrl: "", updatedAt: "", ...over,
});

function portWith(pull: Partial<PullRequest>, issues: Issue[], failWith?: number): PrContextPort & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    getPull: async (_repo, number) => ({
      number, title: "Add rate limiting", body: null, state: "open", draft: false, merged: false, mergeCommitSha: null,
      head: { ref: "lanes/developer/7-rate-limit", sha: "abc" }, base: { ref: "main", sha: "def" }, htmlUrl: "", ...pull,
    }),
    getIssue: async (_repo, number) => {
      asked.push(number);
      if (failWith) throw new GitHubRequestError("getIssue", failWith, "Forbidden");
      const found = issues.find((i) => i.number === number);
      if (!found) throw new GitHubRequestError("getIssue", 404, "Not Found");
      return found;
    },
  };
}

describe("resolvePrContext", () => {
  it("parses the issue the body closes, ids the PRP by its number and collects closed dependencies", async () => {
    const port = portWith({ body: "Closes #7\n\n- [x] requests are limited" }, [
      issue(7, { body: PRP, title: "Rate limiting issue" }), issue(3, { state: "closed" }), issue(4),
    ]);
    const context = await resolvePrContext(port, repo, 12, PATTERN);
    expect(context.issue).toEqual({ number: 7, via: "closing keyword" });
    expect(context.prp).toMatchObject({ id: "7", title: "Rate limiting", role: "developer", validation: ["npm test"], dependsOn: ["3", "4", "5", "auth-api"] });
    expect(context.prpProblem).toBeUndefined();
    expect(context.prBody).toContain("- [x] requests are limited");
    // #3 is closed; #4 is open, #5 does not exist and backlog ids are never looked up.
    expect([...context.mergedPrpIds]).toEqual(["3"]);
    expect(port.asked.sort()).toEqual([3, 4, 5, 7]);
  });

  it("prefers the closing reference that matches the branch, and falls back to the branch name", async () => {
    const issues = [issue(7, { body: PRP }), issue(9, { body: PRP })];
    expect((await resolvePrContext(portWith({ body: "Fixes #9, closes #7" }, issues), repo, 1, PATTERN)).issue).toEqual({ number: 7, via: "closing keyword" });
    expect((await resolvePrContext(portWith({ body: "Fixes #9" }, issues), repo, 1, PATTERN)).issue).toEqual({ number: 9, via: "closing keyword" });
    expect((await resolvePrContext(portWith({ body: "no link" }, issues), repo, 1, PATTERN)).issue).toEqual({ number: 7, via: "branch name" });
  });

  it("reports a missing PRP, with how to link one, when neither the body nor the branch names an issue", async () => {
    const context = await resolvePrContext(portWith({ body: "see #7", head: { ref: "feature/x", sha: "abc" } }, []), repo, 12, PATTERN);
    expect(context.issue).toBeUndefined();
    expect(context.prpProblem).toMatchObject({ kind: "missing", title: "No PRP linked to the PR" });
    expect(context.prpProblem?.summary).toContain("`Closes #<issue>` in the PR body");
  });

  it("reports a missing PRP when the linked number is a pull request or does not exist", async () => {
    const asPull = await resolvePrContext(portWith({ body: "Closes #7" }, [issue(7, { isPullRequest: true })]), repo, 12, PATTERN);
    expect(asPull.prpProblem?.summary).toContain("#7 (found by closing keyword) is a pull request");
    const gone = await resolvePrContext(portWith({ body: "Closes #8" }, []), repo, 12, PATTERN);
    expect(gone.prpProblem).toMatchObject({ kind: "missing" });
    expect(gone.prpProblem?.summary).toContain("issue #8 (found by closing keyword) does not exist");
    expect(gone.prp.id).toBe("8");
  });

  it("reports a PRP that does not parse with each error's line and field, keeping the issue id for the lane gate", async () => {
    const broken = "---\nrole: astronaut\ntimeout_minutes: soon\n---\n# Broken\n";
    const context = await resolvePrContext(portWith({ body: "Closes #7" }, [issue(7, { body: broken })]), repo, 12, PATTERN);
    expect(context.prpProblem).toMatchObject({ kind: "invalid", title: "The PRP in #7 does not parse (2 errors)" });
    expect(context.prpProblem?.summary).toMatch(/line 2: `role`: .*\n- line 3: `timeout_minutes`: /);
    expect(context.prp).toEqual({ id: "7", title: "Issue 7", criteria: [] });
  });

  it("lets other GitHub errors through, so a token without issue access is not read as a missing PRP", async () => {
    await expect(resolvePrContext(portWith({ body: "Closes #7" }, [], 403), repo, 12, PATTERN)).rejects.toThrow("GitHub getIssue failed with HTTP 403");
  });
});
