// Prometheus gauges read from what the dashboard reads, once per scrape: lanes by role and state, live
// runner hosts, and from the audit stream's transitions (its capped window, at most 14 days) PRPs done,
// the median lead time and the hours PRPs spent waiting, blocked or with a person; from the gate attempts
// (state/gate-runs) the first-try pass rate, runs by gate and conclusion and the median gate duration.
import { Gauge, type Registry } from "prom-client";
import type { DashboardSource } from "./build-snapshot.js";
import { chartData } from "./chart-data.js";

const WINDOW_DAYS = 14;

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

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

  const handoffs = gauge(
    "lanes_handoffs_recent",
    `/lanes handoff records in the audit stream's window (at most ${WINDOW_DAYS} days)`,
    ["repo"],
  );
  const firstTry = gauge(
    "lanes_gate_first_try_pass_ratio",
    `Share of PRPs with gate results in the last ${WINDOW_DAYS} days whose gates all passed on the lane's first head commit`,
    ["repo"],
  );
  const gateRuns = gauge(
    "lanes_gate_runs_recent",
    `Completed lanes/* gate runs of PRPs with gate results in the last ${WINDOW_DAYS} days, by gate and conclusion`,
    ["repo", "gate", "conclusion"],
  );
  const gateSeconds = gauge(
    "lanes_gate_duration_seconds_median",
    `Median duration of a lanes/* gate run over the last ${WINDOW_DAYS} days`,
    ["repo", "gate"],
  );
  const all = [lanes, hosts, done, lead, stateHours, handoffs, firstTry, gateRuns, gateSeconds];

  async function read(): Promise<void> {
    for (const g of all) g.reset();
    for (const { repo, store } of await sources()) {
      const since = now() - WINDOW_DAYS * 86_400_000;
      const [snapshots, stats, audit, gates] = await Promise.all([
        store.listLaneSnapshots(),
        store.stats(),
        store.readAudit({ since, limit: 10_000 }),
        store.recentGateSummaries(since),
      ]);
      for (const lane of snapshots) lanes.inc({ repo, role: lane.role, state: lane.state });
      hosts.set({ repo }, stats.hostsAlive);
      const charts = chartData(audit, snapshots, now(), WINDOW_DAYS, gates);
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
      handoffs.set(
        { repo },
        charts.handoffs.reduce((a, b) => a + b, 0),
      );
      if (charts.firstTryPassRatio !== null) firstTry.set({ repo }, charts.firstTryPassRatio);
      const durations = new Map<string, number[]>();
      for (const run of gates.flatMap((g) => g.runs)) {
        gateRuns.inc({ repo, gate: run.gate, conclusion: run.conclusion });
        if (run.durationMs !== null)
          durations.set(run.gate, [...(durations.get(run.gate) ?? []), run.durationMs]);
      }
      for (const [gate, values] of durations) gateSeconds.set({ repo, gate }, medianOf(values) / 1000);
    }
  }
}
