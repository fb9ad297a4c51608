// The page: one EventSource on /dashboard/api/events (server-sent events; no polling). A `snapshot` event
// redraws the repositories, a `log` event appends lines to a lane's log. Idle times tick locally.
import { drawCharts } from "./charts.js";
import { ago, repoSection } from "./render.js";

const MAX_LINES = 400;
const logs = new Map();

const logKey = (repo, lane) => `${repo} ${lane}`;
const logsOf = (repo, lane) => logs.get(logKey(repo, lane)) ?? [];

function openLogs() {
  return new Set(
    [...document.querySelectorAll("details[data-lane-log][open]")].map((d) =>
      d.getAttribute("data-lane-log"),
    ),
  );
}

function render(snapshot) {
  for (const repo of snapshot.repos)
    for (const [lane, lines] of Object.entries(repo.logs))
      logs.set(logKey(repo.repo, lane), lines.slice(-MAX_LINES));
  const open = openLogs();
  const root = document.getElementById("repos");
  const sections = snapshot.repos.map((repo) => repoSection(repo, Date.now(), logsOf, open));
  if (sections.length === 0) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "No repository has Lanes state in this Redis yet.";
    sections.push(p);
  }
  root.replaceChildren(...sections);
  for (const repo of snapshot.repos) {
    const target = root.querySelector(`[data-charts="${CSS.escape(repo.repo)}"]`);
    if (target) drawCharts(target, repo.charts);
  }
  document.getElementById("generated").textContent =
    `updated ${new Date(snapshot.generatedAt).toLocaleTimeString()}`;
}

function appendLog({ repo, lane, lines }) {
  const key = logKey(repo, lane);
  const all = [...(logs.get(key) ?? []), ...lines].slice(-MAX_LINES);
  logs.set(key, all);
  const section = document.querySelector(`section[data-repo="${CSS.escape(repo)}"]`);
  const pre = section?.querySelector(`pre[data-log="${CSS.escape(lane)}"]`);
  if (!pre) return;
  const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
  pre.textContent = all.join("\n");
  if (atEnd) pre.scrollTop = pre.scrollHeight;
}

function tickIdle() {
  const now = Date.now();
  for (const cell of document.querySelectorAll("td.idle[data-last-event-at]")) {
    const at = Number(cell.getAttribute("data-last-event-at"));
    if (at > 0) cell.textContent = ago(Math.max(0, Math.round((now - at) / 1000)));
  }
}

function connect() {
  const status = document.getElementById("connection");
  const events = new EventSource("api/events");
  events.addEventListener("open", () => {
    status.textContent = "live";
    status.className = "badge live";
  });
  events.addEventListener("error", () => {
    status.textContent = "reconnecting…";
    status.className = "badge reconnecting";
  });
  events.addEventListener("snapshot", (e) => render(JSON.parse(e.data)));
  events.addEventListener("log", (e) => appendLog(JSON.parse(e.data)));
}

connect();
setInterval(tickIdle, 1000);
