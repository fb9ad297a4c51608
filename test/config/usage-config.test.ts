import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";

describe("lanes.yml: permissions, runner, prices and budgets", () => {
  it("reads the README's example and keeps Lanes' prices for models it does not name", () => {
    const config = loadConfig(
      [
        "permissions:",
        '  allow: ["Bash(make lint)"]',
        '  deny: ["Read(//srv/secrets/**)"]',
        "roles:",
        "  developer:",
        '    permissions: { allow: ["WebFetch(domain:docs.example.com)"] }',
        "runner:",
        "  sandboxed: false",
        "prices:",
        "  sonnet: { input: 3, output: 15, cache_read: 0.3, cache_write: 3.75 }",
        "budgets:",
        "  lane: { tokens: 5000000 }",
        "  day: { cost_usd: 50 }",
      ].join("\n"),
    );
    expect(config.permissions).toEqual({ allow: ["Bash(make lint)"], deny: ["Read(//srv/secrets/**)"] });
    expect(config.roles.developer?.permissions?.allow).toEqual(["WebFetch(domain:docs.example.com)"]);
    expect(config.runner.sandboxed).toBe(false);
    expect(config.prices.haiku?.input).toBe(1);
    expect(config.budgets).toEqual({ lane: { tokens: 5_000_000 }, day: { cost_usd: 50 } });
  });

  it("defaults to no extra rules, an unsandboxed runner and no budget", () => {
    const config = loadConfig("");
    expect(config.permissions).toEqual({ allow: [], deny: [] });
    expect(config.runner.sandboxed).toBe(false);
    expect(config.budgets).toEqual({ lane: {}, day: {} });
  });

  it("rejects a permission rule that is not Claude Code's syntax, with its line", () => {
    let issue: unknown;
    try {
      loadConfig("permissions:\n  allow:\n    - 'rm -rf /'\n");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      issue = (error as ConfigError).issues[0];
    }
    expect(issue).toMatchObject({ path: "permissions.allow[0]", line: 3 });
  });
});
