// lanes doctor's runner labels: the runner named by RUNNER_NAME or its .runner file, its labels read from
// GitHub (they are kept nowhere on the host), and whether `lanes` is one of them.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { checkRunnerLabels } from "../../src/cli/doctor/check-runner-labels.js";
import { lanes } from "../support/cli.js";
import { makeTempDir } from "../support/tmp.js";

const repo = { owner: "acme", repo: "shop" };
const runnersOf = (labels: string[]) => async () => [
  { name: "other", labels: ["self-hosted", "lanes"] },
  { name: "box-1", labels },
];

describe("lanes doctor: runner labels", () => {
  afterEach(() => nock.cleanAll());

  it("in a job, names the runner and says whether it carries the lanes label", async () => {
    const env = { RUNNER_NAME: "box-1", RUNNER_ENVIRONMENT: "self-hosted", GITHUB_REPOSITORY: "acme/shop" };
    expect(await checkRunnerLabels(env, { runners: runnersOf(["self-hosted", "Linux", "lanes"]) })).toEqual({
      name: "runner labels",
      status: "ok",
      detail: "runner box-1: self-hosted, Linux, lanes",
    });
    const missing = await checkRunnerLabels(env, { runners: runnersOf(["self-hosted", "Linux"]) });
    expect(missing.status).toBe("warn");
    expect(missing.detail).toContain("runner box-1 lacks the label lanes (has self-hosted, Linux)");
    expect(missing.detail).toContain("./config.sh --labels lanes");
  });

  it("warns on a GitHub-hosted runner, and without credentials says the labels live on GitHub", async () => {
    expect(
      (await checkRunnerLabels({ RUNNER_ENVIRONMENT: "github-hosted", RUNNER_NAME: "GitHub Actions 3" }, {}))
        .detail,
    ).toContain("a stack needs a self-hosted runner labelled lanes");
    const blind = await checkRunnerLabels({ RUNNER_NAME: "box-1", GITHUB_REPOSITORY: "acme/shop" }, {});
    expect(blind.status).toBe("warn");
    expect(blind.detail).toContain("its labels are kept by GitHub, not on this host");
    expect(await checkRunnerLabels({}, {})).toMatchObject({ status: "ok" });
  });

  it("reads the runner's name and repository from its .runner file (with config.sh's byte order mark)", async () => {
    const dir = await makeTempDir("lanes-runner");
    try {
      await writeFile(
        join(dir.path, ".runner"),
        `\uFEFF${JSON.stringify({ agentId: 7, agentName: "box-1", poolId: 1, gitHubUrl: "https://github.com/acme/shop", workFolder: "_work" })}`,
      );
      const seen: unknown[] = [];
      const check = await checkRunnerLabels(
        {},
        {
          runnerDir: dir.path,
          runners: async (r) => {
            seen.push(r);
            return runnersOf(["lanes"])();
          },
        },
      );
      expect(seen).toEqual([repo]);
      expect(check).toMatchObject({ status: "ok", detail: "runner box-1: lanes" });
      const none = await checkRunnerLabels({}, { runnerDir: join(dir.path, "nope") });
      expect(none.detail).toMatch(/nope\/.runner cannot be read: is .*nope a configured runner/);
    } finally {
      await dir.remove();
    }
  });

  it("`lanes doctor --runner-dir` asks GitHub for the repository's runners with the token", async () => {
    const dir = await makeTempDir("lanes-runner");
    try {
      await writeFile(
        join(dir.path, ".runner"),
        JSON.stringify({ agentName: "box-1", gitHubUrl: "https://github.com/acme/shop" }),
      );
      const api = nock("https://api.github.com")
        .get("/repos/acme/shop/actions/runners")
        .query(true)
        .reply(200, {
          total_count: 1,
          runners: [
            {
              id: 1,
              name: "box-1",
              os: "linux",
              status: "online",
              busy: false,
              labels: [
                { id: 1, name: "self-hosted", type: "read-only" },
                { id: 2, name: "lanes", type: "custom" },
              ],
            },
          ],
        });
      const result = await lanes(["doctor", "--runner-dir", dir.path, "--json"], {
        env: {
          GITHUB_TOKEN: "ghp_test",
          GITHUB_API_URL: "",
          APP_ID: "",
          PRIVATE_KEY: "",
          PRIVATE_KEY_PATH: "",
          REDIS_URL: "redis://127.0.0.1:1",
        },
      });
      const report = JSON.parse(result.stdout) as {
        environment: { name: string; status: string; detail: string }[];
      };
      expect(report.environment.find((c) => c.name === "runner labels")).toEqual({
        name: "runner labels",
        status: "ok",
        detail: "runner box-1: self-hosted, lanes",
      });
      expect(api.isDone()).toBe(true);
    } finally {
      await dir.remove();
    }
  });
});
