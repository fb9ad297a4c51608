// docs/metrics.md names what /metrics exports, and the Grafana example uses only documented names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAppMetrics } from "../../src/app/serve/app-metrics.js";
import { registerBoardMetrics } from "../../src/dashboard/board-metrics.js";
import { createRequestCounter } from "../../src/github/request-counter.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

function registered(): Map<string, string> {
  const { registry } = createAppMetrics();
  registerBoardMetrics(registry, async () => []);
  createRequestCounter(registry);
  return new Map(registry.getMetricsAsArray().map((m) => [m.name, m.help]));
}

describe("docs/metrics.md", () => {
  const doc = read("docs/metrics.md");
  const rows = [...doc.matchAll(/^\| `(lanes_[a-z_]+)` \| [a-z]+ \| [^|]* \| ([^|]+) \|$/gm)].map((m) => ({
    name: m[1] as string,
    help: (m[2] as string).trim(),
  }));

  it("lists every Lanes metric /metrics exports, with its help text", () => {
    const metrics = registered();
    const own = [...metrics.keys()].filter((name) => !name.startsWith("lanes_app_"));
    expect(rows.map((r) => r.name).sort()).toEqual(own.sort());
    for (const row of rows) expect(row.help, row.name).toBe(metrics.get(row.name));
  });

  it("is what the Grafana example queries", () => {
    const grafana = read("examples/grafana-dashboard.json");
    const used = new Set(
      [...grafana.matchAll(/\b(lanes_[a-z_]+)/g)].map((m) => (m[1] as string).replace(/_bucket$/, "")),
    );
    const known = new Set(rows.map((r) => r.name));
    for (const name of used) if (!name.startsWith("lanes_app_")) expect(known, name).toContain(name);
    expect(used.size).toBeGreaterThan(8);
  });
});
