// The charts, drawn with uPlot (served from node_modules, no CDN) from the snapshot's series: PRPs done,
// lead time, time waiting, first-try gate pass rate and handoffs, tokens and cost by role.
import uPlot from "./vendor/uPlot.esm.js";

const COLOURS = ["#58a6ff", "#3fb950", "#d29922", "#f85149", "#bc8cff", "#39c5cf", "#ff7b72", "#a5d6ff"];

function chart(title, days, series, target) {
  const x = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const opts = {
    title,
    width: 420,
    height: 200,
    scales: { x: { time: true } },
    axes: [
      { stroke: "#8a96a3", grid: { stroke: "#2a323c" } },
      { stroke: "#8a96a3", grid: { stroke: "#2a323c" }, size: 64 },
    ],
    series: [
      {},
      ...series.map((s, i) => ({
        label: s.label,
        stroke: COLOURS[i % COLOURS.length],
        width: 2,
        spanGaps: true,
        points: { show: true },
      })),
    ],
  };
  const box = document.createElement("div");
  box.className = "chart";
  target.append(box);
  return new uPlot(opts, [x, ...series.map((s) => s.values)], box);
}

const byKey = (record) => Object.entries(record).map(([label, values]) => ({ label, values }));

/** Replaces the charts in `target` with the ones `charts` has data for. */
export function drawCharts(target, charts) {
  target.replaceChildren();
  chart("PRPs done per day", charts.days, [{ label: "done", values: charts.prpsDone }], target);
  chart(
    "Lead time, labelled → done (median h)",
    charts.days,
    [{ label: "hours", values: charts.leadTimeHours }],
    target,
  );
  chart("Hours in waiting / blocked / needs-human", charts.days, byKey(charts.hoursIn), target);
  chart(
    "First-try gate pass rate (%)",
    charts.days,
    [{ label: "passed first try", values: charts.firstTryPassPercent }],
    target,
  );
  chart("Handoffs per day", charts.days, [{ label: "handoffs", values: charts.handoffs }], target);
  const tokens = byKey(charts.tokensByRole);
  if (tokens.length > 0) {
    chart("Tokens per day by role", charts.days, tokens, target);
    chart("Cost per day by role ($)", charts.days, byKey(charts.costByRole), target);
  }
}
