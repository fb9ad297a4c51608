// The status of a stack as one value (lanes from their records, windows from tmux), rendered as a
// table for the status window and `lanes stack status`, or printed as JSON.
import type { LaneRecord } from "./lane-record.js";
import type { PaneInfo } from "./tmux.js";
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
  tokens: number;
  costUsd: number;
}

export interface StackStatus {
  name: string;
  running: boolean;
  supervisor: boolean;
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
): StackStatus {
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
    lanes: lanes.map((lane) => {
      const pane = byId.get(lane.paneId);
      return {
        lane: lane.id,
        role: lane.role,
        prp: `#${lane.issue} ${lane.title}`,
        state: lane.state,
        branch: lane.branch,
        window: lane.window,
        alive: pane !== undefined && !pane.dead,
        lastEvent: lane.lastEvent ?? null,
        idleSeconds:
          lane.lastEventAt === undefined ? null : Math.max(0, Math.round((now - lane.lastEventAt) / 1000)),
        commits: lane.commits,
        restarts: lane.restarts,
        note: lane.note ?? null,
        waitingFor: lane.waitingFor ?? null,
        tokens: lane.usage?.tokens ?? 0,
        costUsd: lane.usage?.costUsd ?? 0,
      };
    }),
  };
}

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
const NOTED_STATES = new Set(["waiting", "paused", "blocked", "failed", "lost"]);

export function renderStackStatus(status: StackStatus): string {
  const head = `stack ${status.name}: ${status.running ? "running" : "not running"}, supervisor ${status.supervisor ? "up" : "down"}, ${status.lanes.length} lane(s)`;
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
    ...(NOTED_STATES.has(r.state) && r.note ? [`  ↳ ${r.note.split("\n")[0]?.slice(0, 150) ?? ""}`] : []),
    ...(r.state === "waiting" ? [`  ↳ answer with: lanes say ${r.window} <answer>`] : []),
  ]);
  const roles = Object.entries(status.usage.roles).map(([role, spend]) => `${role} ${spendText(spend)}`);
  const usage =
    roles.length > 0 ? [`usage: ${roles.join("; ")}; total ${spendText(status.usage.total)}`] : [];
  return [head, header, ...rows, ...usage].join("\n");
}
