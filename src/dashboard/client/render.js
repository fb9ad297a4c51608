// Builds the page from a snapshot with DOM nodes only: every piece of agent, issue or error text goes
// through textContent, never innerHTML, so HTML or script in it is shown as text.

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(
      typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child,
    );
  }
  return node;
}

/** Only http(s) links to GitHub's pages the server built; anything else is shown as text. */
function link(href, text) {
  return typeof href === "string" && /^https?:\/\//.test(href)
    ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, text)
    : text;
}

const badge = (state) => el("span", { class: `badge state-${String(state).replace(/[^a-z-]/g, "")}` }, state);

export function ago(seconds) {
  if (seconds === null || seconds === undefined) return "-";
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400)
    return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}`;
  return `${Math.floor(seconds / 86400)}d`;
}

export function idleOf(lane, now) {
  return lane.lastEventAt === undefined ? null : Math.max(0, Math.round((now - lane.lastEventAt) / 1000));
}

function table(headers, rows, empty) {
  if (rows.length === 0) return el("p", { class: "empty" }, empty);
  return el(
    "table",
    {},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        headers.map((h) => el("th", {}, h)),
      ),
    ),
    el("tbody", {}, rows),
  );
}

function hosts(repo) {
  return table(
    ["host", "alive", "roles", "lanes", "last seen"],
    repo.hosts.map((h) =>
      el(
        "tr",
        {},
        el("td", {}, h.host),
        el(
          "td",
          {},
          el("span", { class: `badge ${h.alive ? "alive" : "dead"}` }, h.alive ? "alive" : "gone"),
        ),
        el("td", {}, h.roles.join(", ")),
        el("td", {}, h.lanes),
        el("td", {}, new Date(h.lastSeen).toLocaleTimeString()),
      ),
    ),
    "No runner host has registered.",
  );
}

const prpText = (lane) => `#${lane.issue} ${lane.title}`;

function gates(map) {
  const names = Object.keys(map);
  if (names.length === 0) return el("span", { class: "dim" }, "-");
  return names.map((name) => el("span", {}, badge(map[name]), " ", name.replace(/^lanes\//, ""), " "));
}

function lanes(repo, now) {
  return table(
    ["role", "PRP", "state", "branch", "PR", "gates", "idle", "commits", "tokens", "cost", "host"],
    repo.lanes.map((lane) =>
      el(
        "tr",
        { "data-lane": lane.id },
        el("td", {}, lane.role),
        el("td", {}, link(lane.issueUrl, prpText(lane))),
        el("td", { class: "state" }, badge(lane.state)),
        el("td", {}, lane.branch),
        el(
          "td",
          {},
          lane.pr ? link(lane.prUrl, lane.pr) : "-",
          lane.checksUrl ? [" ", link(lane.checksUrl, "checks")] : [],
        ),
        el("td", {}, gates(lane.gates)),
        el("td", { class: "idle", "data-last-event-at": lane.lastEventAt ?? "" }, ago(idleOf(lane, now))),
        el("td", {}, lane.commits),
        el("td", {}, lane.tokens.toLocaleString()),
        el("td", {}, `$${lane.costUsd.toFixed(2)}`),
        el("td", {}, `${lane.host} / ${lane.stack}`),
      ),
    ),
    "No lanes yet.",
  );
}

function attention(repo) {
  const waiting = repo.lanes.filter(
    (l) => l.state === "waiting" || l.state === "paused" || l.state === "blocked",
  );
  const rows = [
    ...waiting.map((l) =>
      el(
        "tr",
        {},
        el("td", {}, badge(l.state)),
        el("td", {}, link(l.issueUrl, prpText(l))),
        el("td", {}, l.role),
        el("td", { class: "question" }, l.waitingFor ?? l.note ?? ""),
      ),
    ),
    ...repo.attention.map((j) =>
      el(
        "tr",
        {},
        el("td", {}, badge(j.state)),
        el("td", {}, `#${j.issue} ${j.title}`),
        el("td", {}, j.role),
        el("td", { class: "question" }, j.lastError ?? ""),
      ),
    ),
  ];
  return table(["state", "PRP", "role", "question / reason"], rows, "Nothing waits on a person.");
}

function jobRows(jobs) {
  return jobs.map((j) =>
    el(
      "tr",
      {},
      el("td", {}, j.role),
      el("td", {}, `#${j.issue} ${j.title}`),
      el("td", {}, j.priority),
      el("td", {}, badge(j.state)),
      el("td", {}, ago(j.waitedSeconds)),
      el("td", {}, j.attempts),
    ),
  );
}

function queues(repo) {
  const jobs = Object.values(repo.queues).flat();
  const blocked = repo.blocked.map((b) =>
    el(
      "tr",
      {},
      el("td", {}, b.role),
      el("td", {}, link(b.issueUrl, `#${b.issue} ${b.title}`)),
      el("td", {}, "-"),
      el("td", {}, badge("blocked")),
      el("td", {}, b.waitingOn.map((n) => `#${n}`).join(", ")),
      el("td", {}, "-"),
    ),
  );
  return table(
    ["role", "PRP", "priority", "state", "waited / on", "attempts"],
    [...jobRows(jobs), ...blocked],
    "The queues are empty.",
  );
}

function integration(repo) {
  const runs = repo.integrations.map((run) =>
    el(
      "tr",
      { "data-integration": run.branch ?? "" },
      el("td", { class: "dim" }, new Date(run.at).toLocaleString()),
      el("td", {}, run.branch ?? "(nothing written)"),
      el("td", {}, run.pr ? link(run.pr, run.pr.replace(/^.*\/pull\//, "#")) : "-"),
      el("td", {}, run.lanes.join(", ") || "-"),
      el("td", {}, run.conflicts.join(", ") || "-"),
      el(
        "td",
        {},
        run.validation.map((v) => el("span", {}, badge(v.ok ? "success" : "failure"), " ", v.command, " ")),
      ),
      el("td", {}, badge(run.merged ? "merged" : "open")),
    ),
  );
  return [
    table(
      ["role", "job", "priority", "state", "waited", "attempts"],
      jobRows(repo.integration),
      "No integration work is queued.",
    ),
    table(
      ["when", "branch", "PR", "lanes merged", "conflicts", "validation", "PR state"],
      runs,
      "No integration has run yet.",
    ),
  ];
}

function flags(repo) {
  return table(
    ["flag", "PRP", "why"],
    repo.flags.map((f) =>
      el(
        "tr",
        { "data-flag": `${f.issue} ${f.kind}` },
        el("td", {}, badge(f.kind)),
        el("td", {}, link(f.issueUrl, `#${f.issue} ${f.title}`)),
        el("td", { class: "question" }, f.text),
      ),
    ),
    "No SLA or deadline flags.",
  );
}

function recent(repo) {
  return el(
    "ul",
    { class: "plain" },
    repo.recent
      .slice(0, 20)
      .map((e) =>
        el(
          "li",
          {},
          el("span", { class: "dim" }, new Date(e.at).toLocaleTimeString()),
          " ",
          e.type,
          " ",
          e.job ?? "",
          " ",
          e.data ?? "",
        ),
      ),
  );
}

/** One <details> per lane, its <pre> filled from `lines` (kept by the caller across snapshots). */
export function logPanel(repo, lane, lines, open) {
  const pre = el("pre", { class: "log", "data-log": lane.id }, lines.join("\n"));
  return el(
    "details",
    { class: "log", "data-lane-log": `${repo.repo} ${lane.id}`, open },
    el("summary", {}, `${lane.role} — ${prpText(lane)} `, badge(lane.state)),
    pre,
  );
}

export function repoSection(repo, now, logsOf, openLogs) {
  return el(
    "section",
    { class: "repo", "data-repo": repo.repo },
    el("h2", {}, link(repo.repoUrl, repo.repo)),
    el("h3", {}, "Hosts"),
    hosts(repo),
    el("h3", {}, "Needs attention"),
    attention(repo),
    el("h3", {}, "Flags"),
    flags(repo),
    el("h3", {}, "Lanes"),
    lanes(repo, now),
    el("h3", {}, "Live lane logs"),
    repo.lanes.length === 0
      ? el("p", { class: "empty" }, "No lanes yet.")
      : repo.lanes.map((lane) =>
          logPanel(repo, lane, logsOf(repo.repo, lane.id), openLogs.has(`${repo.repo} ${lane.id}`)),
        ),
    el("h3", {}, "Queues"),
    queues(repo),
    el("h3", {}, "Integration"),
    integration(repo),
    el("h3", {}, "Charts"),
    el("div", { class: "charts", "data-charts": repo.repo }),
    el("h3", {}, "Recent activity"),
    recent(repo),
  );
}
