import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitVersionOf } from "../../src/cli/doctor/check-git-features.js";
import { lanes } from "../support/cli.js";
import { redisUrl } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

interface Report {
  ok: boolean;
  environment: { name: string; status: string; detail: string }[];
}

const homes: TempDir[] = [];
afterEach(async () => {
  await Promise.all(homes.splice(0).map((h) => h.remove()));
});

async function doctor(env: NodeJS.ProcessEnv): Promise<{
  code: number;
  report: Report;
  check: (name: string) => Report["environment"][number] | undefined;
}> {
  const home = await makeTempDir("lanes-doctor-home");
  homes.push(home);
  const base = {
    HOME: home.path,
    GITHUB_ACTIONS: "",
    GITHUB_TOKEN: "",
    APP_ID: "",
    PRIVATE_KEY: "",
    ANTHROPIC_API_KEY: "",
    CLAUDE_CONFIG_DIR: "",
  };
  const result = await lanes(["doctor", "--json"], { env: { ...base, REDIS_URL: redisUrl(), ...env } });
  const report = JSON.parse(result.stdout) as Report;
  return { code: result.code, report, check: (name) => report.environment.find((c) => c.name === name) };
}

describe("lanes doctor's environment checks", () => {
  it("warns that a job's GITHUB_TOKEN inside Actions expires with the job", async () => {
    const { check, code } = await doctor({ GITHUB_ACTIONS: "true", GITHUB_TOKEN: "ghs_job" });
    expect(check("github credentials")).toMatchObject({ status: "warn" });
    expect(check("github credentials")?.detail).toContain("expires when this job ends");
    expect(code).toBe(0);
  });

  it("prefers App credentials, and says a plain token is a token", async () => {
    expect(
      (await doctor({ APP_ID: "42", PRIVATE_KEY: "k", GITHUB_TOKEN: "t", GITHUB_ACTIONS: "true" })).check(
        "github credentials",
      ),
    ).toEqual({
      name: "github credentials",
      status: "ok",
      detail: "GitHub App 42 (APP_ID, PRIVATE_KEY)",
    });
    expect((await doctor({ GITHUB_TOKEN: "t" })).check("github credentials")).toMatchObject({
      status: "ok",
      detail: "a token (GITHUB_TOKEN)",
    });
  });

  it("reaches the Redis REDIS_URL names, and warns when nothing answers there", async () => {
    expect((await doctor({})).check("redis")).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("answers (REDIS_URL)") as unknown,
    });
    const down = (await doctor({ REDIS_URL: "redis://127.0.0.1:1" })).check("redis");
    expect(down).toMatchObject({
      status: "warn",
      detail: expect.stringContaining("is not reachable") as unknown,
    });
  });

  it("finds a claude login from its credentials file, or says how to log in", async () => {
    expect((await doctor({})).check("claude login")).toMatchObject({
      status: "warn",
      detail: expect.stringContaining("run `claude` once") as unknown,
    });
    const config = await makeTempDir("lanes-doctor-claude");
    homes.push(config);
    mkdirSync(config.path, { recursive: true });
    writeFileSync(join(config.path, ".credentials.json"), "{}");
    expect((await doctor({ CLAUDE_CONFIG_DIR: config.path })).check("claude login")).toMatchObject({
      status: "ok",
    });
  });

  it("believes `claude auth status` over a credentials file: logged out is a warning, not ok", async () => {
    const config = await makeTempDir("lanes-doctor-claude-out");
    homes.push(config);
    writeFileSync(join(config.path, ".credentials.json"), "{}");
    const bin = join(config.path, "bin");
    mkdirSync(bin);
    const fake = (loggedIn: boolean) =>
      writeFileSync(
        join(bin, "claude"),
        `#!/bin/sh\n[ "$1" = auth ] && echo '{"loggedIn":${loggedIn}}' && exit 0\necho "2.0.0 (Claude Code)"\n`,
        { mode: 0o755 },
      );
    const env = { CLAUDE_CONFIG_DIR: config.path, PATH: `${bin}:${process.env.PATH ?? ""}` };
    fake(false);
    expect((await doctor(env)).check("claude login")).toMatchObject({
      status: "warn",
      detail: expect.stringContaining("`claude auth status` says not logged in") as unknown,
    });
    fake(true);
    expect((await doctor(env)).check("claude login")).toMatchObject({
      status: "ok",
      detail: "`claude auth status` says logged in",
    });
  });

  it("reports whether git merge-tree --stdin is available", async () => {
    const check = (await doctor({})).check("git merge-tree --stdin");
    const usage = spawnSync("git", ["merge-tree", "-h"], { encoding: "utf8" });
    const available = `${usage.stdout}${usage.stderr}`.includes("--stdin");
    expect(check).toMatchObject(
      available
        ? { status: "ok", detail: "available" }
        : { status: "warn", detail: expect.stringContaining("arrived in git 2.40") as unknown },
    );
  });

  it("fails a git older than 2.38, which cannot merge-tree --write-tree, and names the version", async () => {
    const bin = await makeTempDir("lanes-doctor-old-git");
    homes.push(bin);
    // git 2.34 as Ubuntu 22.04 ships it: reports its version, runs the real git for anything else
    const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(
      join(bin.path, "git"),
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "git version 2.34.1"; exit 0; fi\nexec ${realGit} "$@"\n`,
      { mode: 0o755 },
    );
    const { code, check } = await doctor({ PATH: `${bin.path}:${process.env.PATH ?? ""}` });
    expect(check("git version")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("git 2.34 is older than 2.38") as unknown,
    });
    expect(code).not.toBe(0);
    expect((await doctor({})).check("git version")).toMatchObject({ status: "ok" });
  });

  it("reads git's version from its output", () => {
    expect(gitVersionOf("git version 2.39.5\n")).toEqual([2, 39]);
    expect(gitVersionOf("git version 2.45.1.windows.1")).toEqual([2, 45]);
    expect(gitVersionOf("hub version 2.14")).toBeUndefined();
  });
});
