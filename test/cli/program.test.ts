import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";

describe("lanes CLI", () => {
  it("prints the package version with --version and exits 0", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const result = await lanes(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("prints help with --help and exits 0", async () => {
    const result = await lanes(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: lanes");
  });

  it("rejects an unknown command with exit code 2 and says so", async () => {
    const result = await lanes(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe("lanes doctor", () => {
  it("reports git, tmux and redis-server as present on a bootstrapped machine", async () => {
    const result = await lanes(["doctor", "--json"]);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: { tool: string; ok: boolean }[] };
    expect(report.checks.filter((c) => c.tool !== "claude").every((c) => c.ok)).toBe(true);
    expect(result.code).toBe(0);
  });

  it("fails with exit 1 and names what to install when a required tool is missing", async () => {
    const result = await lanes(["doctor"], { env: { PATH: "/nonexistent" } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/MISSING git\s+install git/);
  });
});
