// The status of a stack as one value (lanes from their records, windows from tmux), rendered as a
// table for the status window and `lanes stack status`, or printed as JSON.
import type { LaneRecord } from "./lane-record.js";
import type { PaneInfo } from "./tmux.js";

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
}

export interface StackStatus {
  name: string;
  running: boolean;
  supervisor: boolean;
  lanes: LaneRow[];
}

export function stackStatus(
  name: string,
  lanes: readonly LaneRecord[],
  panes: readonly PaneInfo[],
  now: number,
): StackStatus {
  const byId = new Map(panes.map((p) => [p.paneId, p]));
  return {
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
      };
    }),
  };
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function renderStackStatus(status: StackStatus): string {
  const head = `stack ${status.name}: ${status.running ? "running" : "not running"}, supervisor ${status.supervisor ? "up" : "down"}, ${status.lanes.length} lane(s)`;
  if (status.lanes.length === 0) return `${head}\n(no lanes yet)`;
  const header = `${cut("ROLE", 14)} ${cut("PRP", 32)} ${cut("STATE", 8)} ${cut("BRANCH", 40)} ${cut("LAST EVENT", 13)} ${cut("IDLE", 6)} COMMITS`;
  const rows = status.lanes.map((r) =>
    [
      cut(r.role, 14),
      cut(r.prp, 32),
      cut(r.state, 8),
      cut(r.branch, 40),
      cut(r.lastEvent ?? "-", 13),
      cut(r.idleSeconds === null ? "-" : `${r.idleSeconds}s`, 6),
      String(r.commits),
    ].join(" "),
  );
  return [head, header, ...rows].join("\n");
}
