// The status of a stack as one value (lanes from their records, windows from tmux), rendered as a
// table for the status window and `lanes stack status`, or printed as JSON.
import { sanitizeText } from "../text/sanitize.js";
import type { LaneRecord } from "./lane-record.js";
import { heldReason, type Hold } from "./stack-holds.js";
import type { SupervisorRestart } from "./supervisor-restarts.js";
import type { PaneInfo } from "./tmux.js";
import { KEEPER_WINDOW } from "./stack-launch.js";
import type { Spend } from "./transcript-usage.js";

export interface LaneRow {
  lane: string;
  role: string;
  prp: string;
  state: string;
  branch: string;
  window: string;
  alive: boolean;
  lastEvent: string | null;
  idleSeconds: number | null;
  commits: number;
  restarts: number;
  note: string | null;
  /** A permission request the agent waits on. */
  waitingFor: string | null;
  /** When a paused lane resumes (ISO time), else null. */
  resumesAt: string | null;
  /** Why the agent last died (not-logged-in, no-network, usage-limit, crash), and its pane's last lines. */
  cause: string | null;
  lastLines: string | null;
  tokens: number;
  costUsd: number;
  /** Held with `lanes hold`: who and why (`lanes integrate --ready --stack` leaves it out), else null. */
  held: string | null;
}

export interface StackStatus {
  name: string;
  running: boolean;
  supervisor: boolean;
  /** Why the supervisor is not running, and who restarts it; null while it runs. */
  supervisorDown: string | null;
  /** Times the keeper restarted a dead supervisor, and the last one (when, why). */
  supervisorRestarts: { count: number; last: { at: number; reason: string } | null };
  lanes: LaneRow[];
  /** Tokens and cost per role and in total, from the lanes' transcripts. */
  usage: { total: Spend; roles: Record<string, Spend> };
}

function addSpend(into: Spend, spend: Spend): void {
  into.tokens += spend.tokens;
  into.costUsd = Math.round((into.costUsd + spend.costUsd) * 1e6) / 1e6;
}

export function stackStatus(
  name: string,
  lanes: readonly LaneRecord[],
  panes: readonly PaneInfo[],
  now: number,
  restarts: readonly SupervisorRestart[] = [],
  extra: {
    /** The error the last supervisor stopped on, from its log, when it stopped on one. */
    lastError?: string;
    /** `lanes hold` entries of this stack: a held lane says who held it and why. */
    holds?: readonly Hold[];
  } = {},
): StackStatus {
  const lastRestart = restarts.at(-1);
  const byId = new Map(panes.map((p) => [p.paneId, p]));
  const total: Spend = { tokens: 0, costUsd: 0 };
  const roles: Record<string, Spend> = {};
  for (const lane of lanes) {
    if (!lane.usage) continue;
    addSpend(total, lane.usage);
    addSpend((roles[lane.role] ??= { tokens: 0, costUsd: 0 }), lane.usage);
  }
  return {
    usage: { total, roles },
    name,
    running: panes.length > 0,
    supervisor: panes.some((p) => p.windowName === "supervisor" && !p.dead),
    supervisorDown: supervisorDown(name, panes, extra.lastError),
    supervisorRestarts: {
      count: restarts.length,
      last: lastRestart ? { at: lastRestart.at, reason: lastRestart.reason } : null,
    },
    lanes: lanes.map((lane) => {
      const pane = byId.get(lane.paneId);
      const hold = (extra.holds ?? []).find((h) => h.prp === String(lane.issue));
      return {
        lane: inert(lane.id),
        role: lane.role,
        prp: inert(`#${lane.issue} ${lane.title}`),
        state: lane.state,
        branch: inert(lane.branch),
        window: inert(lane.window),
        alive: pane !== undefined && !pane.dead,
        lastEvent: lane.lastEvent === undefined ? null : inert(lane.lastEvent),
        idleSeconds:
          lane.lastEventAt === undefined ? null : Math.max(0, Math.round((now - lane.lastEventAt) / 1000)),
        commits: lane.commits,
        restarts: lane.restarts,
        note: lane.note === undefined ? null : sanitizeText(lane.note, { tabs: false }),
        waitingFor: lane.waitingFor === undefined ? null : inert(lane.waitingFor),
        resumesAt:
          lane.state === "paused" && lane.pausedUntil !== undefined
            ? new Date(lane.pausedUntil).toISOString()
            : null,
        cause: lane.cause ?? null,
        lastLines: lane.lastLines === undefined ? null : sanitizeText(lane.lastLines, { tabs: false }),
        tokens: lane.usage?.tokens ?? 0,
        costUsd: lane.usage?.costUsd ?? 0,
        held: hold ? inert(heldReason(hold)) : null,
      };
    }),
  };
}

/** Why a stack's supervisor is down (its pane, the error it logged), and whether its keeper restarts it. */
export function supervisorDown(
  name: string,
  panes: readonly PaneInfo[],
  lastError: string | undefined,
): string | null {
  if (panes.length === 0) return "the stack is not running";
  const pane = panes.find((p) => p.windowName === "supervisor");
  if (pane && !pane.dead) return null;
  const how = !pane
    ? "its window was closed"
    : pane.deadStatus === null
      ? "it was killed (no exit status)"
      : `it exited with status ${pane.deadStatus}`;
  const error = lastError ? ` after an error: ${inert(lastError).slice(0, 300)}` : "";
  const keeper = panes.some((p) => p.windowName === KEEPER_WINDOW && !p.dead)
    ? "the keeper restarts it"
    : `no keeper runs to restart it: \`lanes stack resume --name ${name}\``;
  return `${how}${error}; ${keeper}`;
}

/** Agent and PRP text is shown only as inert, one-line text: no escape sequence reaches a terminal. */
const inert = (text: string): string => sanitizeText(text, { newlines: false, tabs: false });

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** 25403 → "25.4k", 1200000 → "1.2M". */
export function formatTokens(tokens: number): string {
  if (tokens >= 1_000_000) return `${(tokens / 1_000_000).toFixed(1)}M`;
  if (tokens >= 1_000) return `${(tokens / 1_000).toFixed(1)}k`;
  return String(tokens);
}

const spendText = (spend: Spend): string =>
  `${formatTokens(spend.tokens)} tokens, $${spend.costUsd.toFixed(2)}`;

/** States whose note a human needs to see: why the lane is stuck or what it asks. */
const NOTED_STATES = new Set(["waiting", "paused", "finishing", "blocked", "failed", "lost"]);

function restartsText({ count, last }: StackStatus["supervisorRestarts"], now: number): string {
  if (count === 0 || !last) return "";
  const ago = Math.max(0, Math.round((now - last.at) / 1000));
  return ` (restarted ${count}×, last ${ago}s ago: ${last.reason})`;
}

export function renderStackStatus(status: StackStatus, now = Date.now()): string {
  const head = `stack ${status.name}: ${status.running ? "running" : "not running"}, supervisor ${status.supervisorDown === null ? "up" : `down: ${status.supervisorDown}`}${restartsText(status.supervisorRestarts, now)}, ${status.lanes.length} lane(s)`;
  if (status.lanes.length === 0) return `${head}\n(no lanes yet)`;
  const header = `${cut("ROLE", 14)} ${cut("PRP", 32)} ${cut("STATE", 8)} ${cut("BRANCH", 40)} ${cut("LAST EVENT", 13)} ${cut("IDLE", 6)} ${cut("COMMITS", 7)} ${cut("TOKENS", 7)} COST`;
  const rows = status.lanes.flatMap((r) => [
    [
      cut(r.role, 14),
      cut(r.prp, 32),
      cut(r.state, 8),
      cut(r.branch, 40),
      cut(r.lastEvent ?? "-", 13),
      cut(r.idleSeconds === null ? "-" : `${r.idleSeconds}s`, 6),
      cut(String(r.commits), 7),
      cut(formatTokens(r.tokens), 7),
      `$${r.costUsd.toFixed(2)}`,
    ].join(" "),
    ...(r.resumesAt ? [`  ↳ resumes at ${r.resumesAt.replace(/\.\d{3}Z$/, "Z")}`] : []),
    ...(NOTED_STATES.has(r.state) && r.note ? [`  ↳ ${r.note.split("\n")[0]?.slice(0, 150) ?? ""}`] : []),
    ...(r.state === "failed" && r.cause ? [`  ↳ cause: ${r.cause}`] : []),
    ...(r.state === "failed" && r.lastLines
      ? r.lastLines
          .split("\n")
          .slice(-5)
          .map((line) => `  │ ${line.slice(0, 150)}`)
      : []),
    ...(r.state === "waiting" ? [`  ↳ answer with: lanes say ${r.window} <answer>`] : []),
    ...(r.held ? [`  ↳ not integrated: ${r.held.slice(0, 150)}`] : []),
  ]);
  const roles = Object.entries(status.usage.roles).map(([role, spend]) => `${role} ${spendText(spend)}`);
  const usage =
    roles.length > 0 ? [`usage: ${roles.join("; ")}; total ${spendText(status.usage.total)}`] : [];
  return [head, header, ...rows, ...usage].join("\n");
}
