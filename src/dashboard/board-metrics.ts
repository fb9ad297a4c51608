// Prometheus gauges read from what the dashboard reads, once per scrape: lanes by role and state, live
// runner hosts, and from the audit stream's transitions (its capped window, at most 14 days) PRPs done,
// the median lead time and the hours PRPs spent waiting, blocked or with a person.
import { Gauge, type Registry } from "prom-client";
import type { DashboardSource } from "./build-snapshot.js";
import { chartData } from "./chart-data.js";

const WINDOW_DAYS = 14;

export function registerBoardMetrics(
  registry: Registry,
  sources: () => Promise<DashboardSource[]>,
  now: () => number = Date.now,
): void {
  let reading: Promise<void> | undefined;
  const refresh = () => (reading ??= read().finally(() => (reading = undefined)));
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry], collect: refresh });
  const lanes = gauge("lanes_lanes", "Lanes on the dashboard board by role and state", [
    "repo",
    "role",
    "state",
  ]);
  const hosts = gauge("lanes_hosts_alive", "Runner hosts whose heartbeat is current", ["repo"]);
  const done = gauge(
    "lanes_prps_done_recent",
    `PRPs that reached done in the audit stream's window (at most ${WINDOW_DAYS} days)`,
    ["repo"],
  );
  const lead = gauge(
    "lanes_lead_time_median_hours",
    "Median hours from a PRP's first state (labelled prp) to done, over the PRPs done in the audit window",
    ["repo"],
  );
  const stateHours = gauge(
    "lanes_state_hours_recent",
    "Hours PRPs spent in waiting, blocked or needs-human in the audit window (counted when they left it)",
    ["repo", "state"],
  );

  async function read(): Promise<void> {
    for (const g of [lanes, hosts, done, lead, stateHours]) g.reset();
    for (const { repo, store } of await sources()) {
      const [snapshots, stats, audit] = await Promise.all([
        store.listLaneSnapshots(),
        store.stats(),
        store.readAudit({ since: now() - WINDOW_DAYS * 86_400_000, limit: 10_000 }),
      ]);
      for (const lane of snapshots) lanes.inc({ repo, role: lane.role, state: lane.state });
      hosts.set({ repo }, stats.hostsAlive);
      const charts = chartData(audit, snapshots, now(), WINDOW_DAYS);
      done.set(
        { repo },
        charts.prpsDone.reduce((a, b) => a + b, 0),
      );
      if (charts.leadTimeMedianHours !== null) lead.set({ repo }, charts.leadTimeMedianHours);
      for (const [state, hours] of Object.entries(charts.hoursIn))
        stateHours.set(
          { repo, state },
          hours.reduce((a, b) => a + b, 0),
        );
    }
  }
}
