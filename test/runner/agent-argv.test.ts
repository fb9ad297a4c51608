import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { agentArgv } from "../../src/runner/lane-setup.js";

const run = promisify(execFile);

describe("agentArgv", () => {
  const env = {
    PATH: process.env.PATH,
    GITHUB_TOKEN: "ghs_x",
    WEBHOOK_SECRET: "w",
    REDIS_URL: "redis://:pw@h",
    ANTHROPIC_API_KEY: "sk-keep",
    HOME: "/h",
  };

  it("unsets the runner's secrets for the agent by name, and keeps its model credentials", () => {
    expect(agentArgv(["claude", "--model", "sonnet"], env)).toEqual([
      "env",
      "-u",
      "GITHUB_TOKEN",
      "-u",
      "REDIS_URL",
      "-u",
      "WEBHOOK_SECRET",
      "claude",
      "--model",
      "sonnet",
    ]);
  });

  it("runs the command unchanged when there is nothing to hide", () => {
    expect(agentArgv(["cat"], { PATH: "/bin" })).toEqual(["cat"]);
  });

  it("really leaves the secrets out of the agent's environment, values never on the command line", async () => {
    const argv = agentArgv(["env"], env);
    expect(argv.join(" ")).not.toMatch(/ghs_x|pw@h/);
    const [cmd, ...args] = argv;
    const { stdout } = await run(cmd as string, args, { env });
    expect(stdout).toContain("ANTHROPIC_API_KEY=sk-keep");
    expect(stdout).not.toMatch(/GITHUB_TOKEN|WEBHOOK_SECRET|REDIS_URL/);
  });
});
