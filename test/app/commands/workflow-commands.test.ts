// `/lanes recheck`, `/lanes accept` and `/lanes integrate [--dry-run]` through the webhook: the App has no
// checkout, so each starts a workflow `lanes init` writes (workflow_dispatch, asking GitHub for the run) and the
// reply links the run. GitHub is nock with every scope asserted done; Redis is real.
import { describe, expect, it } from "vitest";
import { useAppHarness } from "../app-harness.js";
import { REPO_PATH } from "../payloads.js";
import { commented } from "./comment-payloads.js";
import { config, github, noConfig, permission, reacts, replies } from "./nock-github.js";

const ROCKET = ["eyes", "rocket"];
const CONFUSED = ["eyes", "confused"];
const HEAD = "a".repeat(40);
const RUN_URL = "https://github.com/Codertocat/Hello-World/actions/runs/77";

function pull(number: number, ref: string, sha = HEAD, state = "open") {
  return {
    number,
    title: ref,
    body: "",
    state,
    draft: false,
    merged: false,
    merge_commit_sha: null,
    head: { ref, sha },
    base: { ref: "main", sha: "b".repeat(40) },
    html_url: `https://github.com/Codertocat/Hello-World/pull/${number}`,
  };
}

/** The dispatch GitHub is expected to receive; captures the inputs. */
function dispatches(
  scope: ReturnType<typeof github>,
  workflow: string,
  into: Record<string, string>[],
  reply: [number, Record<string, unknown>] = [
    200,
    { workflow_run_id: 77, run_url: "https://api.github.test/r/77", html_url: RUN_URL },
  ],
) {
  return scope
    .post(
      `${REPO_PATH}/actions/workflows/${workflow}/dispatches`,
      (body: { ref: string; inputs: Record<string, string>; return_run_details: boolean }) => {
        into.push({ ref: body.ref, ...body.inputs });
        return body.return_run_details;
      },
    )
    .reply(...reply);
}

describe("/lanes commands that start workflows", () => {
  const h = useAppHarness();

  it("recheck on a lane PR starts lanes-gates for its head commit and links the run", async () => {
    const out: string[] = [];
    const sent: Record<string, string>[] = [];
    const scope = replies(
      dispatches(
        permission(reacts(github(), ...ROCKET), "maintainer", "write")
          .get(`${REPO_PATH}/pulls/12`)
          .reply(200, pull(12, "lanes/developer/7-add-it")),
        "lanes-gates.yml",
        sent,
      ),
      12,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes recheck", issue: 12, pullRequest: true }));
    scope.done();
    expect(sent).toEqual([
      { ref: "main", pr: "12", head_sha: HEAD, head_ref: "lanes/developer/7-add-it", base_ref: "main" },
    ]);
    expect(out).toEqual([`Gates started on #12 at \`aaaaaaa\`: [lanes-gates.yml run 77](${RUN_URL}).`]);
  });

  it("recheck on a PRP issue starts the gates on each of its open lane PRs, and only those", async () => {
    const out: string[] = [];
    const sent: Record<string, string>[] = [];
    const scope = replies(
      dispatches(
        dispatches(
          permission(reacts(github(), ...ROCKET), "maintainer", "write")
            .get(`${REPO_PATH}/pulls`)
            .query(true)
            .reply(200, [
              pull(12, "lanes/developer/7-add-it"),
              pull(13, "lanes/tester/7-add-it", "c".repeat(40)),
              pull(14, "lanes/developer/8-other"),
              pull(15, "feature/7-not-a-lane"),
            ]),
          "lanes-gates.yml",
          sent,
        ),
        "lanes-gates.yml",
        sent,
      ),
      7,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes recheck", issue: 7 }));
    scope.done();
    expect(sent.map((s) => s.pr)).toEqual(["12", "13"]);
    expect(out[0]?.split("\n")).toHaveLength(2);
  });

  it("recheck refuses a pull request that is not a lane's, and says why", async () => {
    const out: string[] = [];
    const scope = replies(
      permission(reacts(github(), ...CONFUSED), "maintainer", "write")
        .get(`${REPO_PATH}/pulls/3`)
        .reply(200, pull(3, "feature/x")),
      3,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes recheck", issue: 3, pullRequest: true }));
    scope.done();
    expect(out[0]).toContain("#3 is not a lane's pull request (its branch is `feature/x`)");
  });

  it("says to run lanes init again when lanes-gates.yml has no manual trigger (GitHub's 422)", async () => {
    const out: string[] = [];
    const scope = replies(
      dispatches(
        permission(reacts(github(), ...CONFUSED), "maintainer", "write")
          .get(`${REPO_PATH}/pulls/12`)
          .reply(200, pull(12, "lanes/developer/7-add-it")),
        "lanes-gates.yml",
        [],
        [422, { message: "Workflow does not have 'workflow_dispatch' trigger" }],
      ),
      12,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes recheck", issue: 12, pullRequest: true }));
    scope.done();
    expect(out[0]).toContain("Workflow does not have 'workflow_dispatch' trigger");
    expect(out[0]).toContain("run `lanes init` again");
  });

  it("accept on a lane PR starts the gates again, so lanes/prp counts it now", async () => {
    const out: string[] = [];
    const sent: Record<string, string>[] = [];
    const scope = replies(
      dispatches(
        permission(reacts(github(), ...ROCKET), "maintainer", "write")
          .get(`${REPO_PATH}/pulls/12`)
          .reply(200, pull(12, "lanes/developer/7-add-it")),
        "lanes-gates.yml",
        sent,
      ),
      12,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes accept 1 2", issue: 12, pullRequest: true }));
    scope.done();
    expect(sent.map((s) => s.head_sha)).toEqual([HEAD]);
    expect(out[0]).toMatch(/^Accepted; `lanes\/prp` judges again\. Gates started on #12/);
  });

  it("accept still stands when the gates cannot be started, and says so", async () => {
    const out: string[] = [];
    const scope = replies(
      dispatches(
        permission(reacts(github(), ...ROCKET), "maintainer", "write")
          .get(`${REPO_PATH}/pulls/12`)
          .reply(200, pull(12, "lanes/developer/7-add-it")),
        "lanes-gates.yml",
        [],
        [404, { message: "Not Found" }],
      ),
      12,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes accept all", issue: 12, pullRequest: true }));
    scope.done();
    expect(out[0]).toContain("counts it on its next run");
    expect(out[0]).toContain("`.github/workflows/lanes-gates.yml` on `main` does not exist");
  });

  /** GitHub's answers for the ready set: the default branch, lanes.yml, open PRs, their check runs, holds. */
  function readyLanes(scope: ReturnType<typeof github>) {
    const required = (conclusion: string) => ({
      total_count: 2,
      check_runs: ["lanes/prp", "lanes/validation"].map((name, id) => ({
        id,
        name,
        status: "completed",
        conclusion,
        html_url: "h",
      })),
    });
    return config(
      scope.get(REPO_PATH).reply(200, { default_branch: "main" }),
      "gates:\n  placeholders: { mode: off }\n  lane: { mode: off }\n  commits: { mode: off }\n  integration: { mode: off }\n",
    )
      .get(`${REPO_PATH}/pulls`)
      .query(true)
      .reply(200, [
        pull(12, "lanes/developer/7-api", "1".repeat(40)),
        pull(13, "lanes/tester/8-tests", "2".repeat(40)),
        pull(14, "lanes/developer/9-held", "3".repeat(40)),
      ])
      .get(`${REPO_PATH}/commits/${"1".repeat(40)}/check-runs`)
      .query(true)
      .reply(200, required("success"))
      .get(`${REPO_PATH}/commits/${"2".repeat(40)}/check-runs`)
      .query(true)
      .reply(200, required("neutral"))
      .get(`${REPO_PATH}/commits/${"3".repeat(40)}/check-runs`)
      .query(true)
      .reply(200, required("success"))
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [
        {
          number: 9,
          title: "held",
          body: "",
          state: "open",
          labels: [{ name: "lanes-hold" }],
          user: { login: "m" },
          html_url: "h",
          updated_at: "2026-12-01T00:00:00Z",
        },
      ]);
  }

  it("integrate --dry-run starts lanes-integrate on the default branch, listing ready and waiting lanes", async () => {
    const out: string[] = [];
    const sent: Record<string, string>[] = [];
    const scope = replies(
      dispatches(
        readyLanes(permission(reacts(github(), ...ROCKET), "maintainer", "maintain")),
        "lanes-integrate.yml",
        sent,
      ),
      1,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes integrate --dry-run" }));
    scope.done();
    expect(sent).toEqual([{ ref: "main", dry_run: "true" }]);
    const reply = out[0] ?? "";
    expect(reply).toContain(
      `A dry run of the integration (the plan only; nothing is pushed) of 1 ready lane onto \`main\` started: [lanes-integrate.yml run 77](${RUN_URL}).`,
    );
    expect(reply).toContain("- #12 `lanes/developer/7-api`");
    expect(reply).toContain("- #13 `lanes/tester/8-tests`: lanes/prp is neutral");
    expect(reply).toContain("- #14 `lanes/developer/9-held`: held");
  });

  it("integrate needs maintain by default: a writer is refused and nothing is read or started", async () => {
    const out: string[] = [];
    const scope = replies(noConfig(permission(reacts(github(), ...CONFUSED), "writer", "write")), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes integrate", author: "writer" }));
    scope.done();
    expect(out[0]).toContain("`/lanes integrate` needs maintain access");
  });

  it("integrate starts nothing when no lane is ready, and says what each waits for", async () => {
    const out: string[] = [];
    const scope = replies(
      config(
        permission(reacts(github(), ...ROCKET), "maintainer", "admin")
          .get(REPO_PATH)
          .reply(200, { default_branch: "main" }),
        "",
      )
        .get(`${REPO_PATH}/pulls`)
        .query(true)
        .reply(200, [pull(12, "lanes/developer/7-api")])
        .get(`${REPO_PATH}/commits/${HEAD}/check-runs`)
        .query(true)
        .reply(200, { total_count: 0, check_runs: [] })
        .get(`${REPO_PATH}/issues`)
        .query(true)
        .reply(200, []),
      1,
      out,
    );
    await h.send("issue_comment", commented({ body: "/lanes integrate" }));
    scope.done();
    expect(out[0]).toContain("No lane is ready to integrate; nothing was started.");
    expect(out[0]).toContain("- #12 `lanes/developer/7-api`: lanes/");
  });
});
