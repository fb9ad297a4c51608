import { describe, expect, it } from "vitest";
import { ConfigError, durationMs, loadConfig } from "../../src/config/index.js";

function issuesOf(text: string): string[] {
  try {
    loadConfig(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe("lanes.yml: sla, owners, alerts, standup and deploy", () => {
  it("defaults to seed 002's severities, no owners, no webhooks, a 09:00 UTC standup and no deploy", () => {
    const config = loadConfig("");
    expect(config.sla.P0).toEqual({ claim: "15m", pr: "4h" });
    expect(config.sla.P1.claim).toBe("1h");
    expect(config.sla.P2.claim).toBe("4h");
    expect(config.sla.P3.claim).toBe("1d");
    expect(config.owners).toEqual({});
    expect(config.alerts).toMatchObject({ webhooks: [], mention_owners: true });
    expect(config.standup).toEqual({ time: "09:00", zone: "UTC", issue: "Lanes standup" });
    expect(config.deploy).toEqual({ inputs: {} });
  });

  it("reads every key the issue names", () => {
    const config = loadConfig(
      [
        "sla:",
        "  P0: { claim: 5m, pr: 2h }",
        "owners:",
        '  "infra/**": ["@ops", "@acme/platform"]',
        "alerts:",
        "  webhooks:",
        "    - url: https://hooks.example.com/lanes",
        "      secret_env: LANES_ALERT_SECRET",
        "  mention_owners: false",
        "standup: { time: '08:30', zone: Europe/Berlin, issue: Daily }",
        "deploy:",
        "  workflow: deploy.yml",
        "  inputs: { environment: production }",
      ].join("\n"),
    );
    expect(config.sla.P0).toEqual({ claim: "5m", pr: "2h" });
    expect(config.sla.P1).toEqual({ claim: "1h", pr: "1d" });
    expect(config.owners).toEqual({ "infra/**": ["@ops", "@acme/platform"] });
    expect(config.alerts.webhooks).toEqual([
      { url: "https://hooks.example.com/lanes", secret_env: "LANES_ALERT_SECRET" },
    ]);
    expect(config.alerts.mention_owners).toBe(false);
    expect(config.standup).toEqual({ time: "08:30", zone: "Europe/Berlin", issue: "Daily" });
    expect(config.deploy).toEqual({ workflow: "deploy.yml", inputs: { environment: "production" } });
  });

  it("refuses a bad duration, owner, webhook, time of day, zone and workflow", () => {
    const issues = issuesOf(
      [
        "sla: { P2: { claim: 2 weeks } }",
        "owners: { 'infra/**': [ops] }",
        "alerts: { webhooks: [{ url: 'ftp://x', secret_env: 'my secret' }] }",
        "standup: { time: '25:00', zone: Mars/Olympus }",
        "deploy: { workflow: 'deploy' }",
      ].join("\n"),
    );
    expect(issues.join("\n")).toMatch(/sla\.P2\.claim: .*duration/);
    expect(issues.join("\n")).toMatch(/owners\.infra\/\*\*\[0\]: .*@user/);
    expect(issues.join("\n")).toMatch(/alerts\.webhooks\[0\]\.url: .*http/);
    expect(issues.join("\n")).toMatch(/alerts\.webhooks\[0\]\.secret_env: .*environment variable/);
    expect(issues.join("\n")).toMatch(/standup\.time: .*time of day/);
    expect(issues.join("\n")).toMatch(/standup\.zone: .*IANA/);
    expect(issues.join("\n")).toMatch(/deploy\.workflow: .*workflow file/);
  });

  it("turns durations into milliseconds", () => {
    expect(durationMs("15m")).toBe(900_000);
    expect(durationMs("4h")).toBe(14_400_000);
    expect(durationMs("1d")).toBe(86_400_000);
  });
});
