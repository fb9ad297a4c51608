// Orders lanes for integration (pure): dependencies first, then priority, then role order, then branch.
// Lanes that cannot be ordered (cycle, unknown dependency, duplicate id) are returned, never dropped silently.
import { buildGraph, compareIds, type GraphNode } from "../prp/graph.js";
import { LaneUnorderableError } from "./errors.js";
import type { Lane } from "./lane.js";
import { DEFAULT_ROLE_ORDER, roleRank } from "./role-order.js";

export interface OrderOptions {
  roleOrder?: readonly string[];
  /** PRP ids already merged into the base: dependencies on them are satisfied. */
  merged?: ReadonlySet<string>;
}

export interface LaneOrder {
  order: Lane[];
  unordered: { lane: Lane; error: LaneUnorderableError }[];
}

export function orderLanes(lanes: readonly Lane[], options: OrderOptions = {}): LaneOrder {
  const roleOrder = options.roleOrder ?? DEFAULT_ROLE_ORDER;
  const unordered: LaneOrder["unordered"] = [];
  const byId = new Map<string, Lane>();
  for (const lane of lanes) {
    const first = byId.get(lane.id);
    if (first)
      unordered.push({
        lane,
        error: new LaneUnorderableError(lane.branch, `PRP ${lane.id} is already built by ${first.branch}`),
      });
    else byId.set(lane.id, lane);
  }
  const tieBreak = (a: GraphNode, b: GraphNode): number => {
    const la = byId.get(a.id) as Lane;
    const lb = byId.get(b.id) as Lane;
    return roleRank(roleOrder, la.role) - roleRank(roleOrder, lb.role) || compareIds(la.branch, lb.branch);
  };
  const graph = buildGraph(
    [...byId.values()].map((l) => ({ id: l.id, dependsOn: l.dependsOn, priority: l.priority })),
    { external: options.merged ?? new Set(), tieBreak },
  );
  const ordered = new Set(graph.order);
  for (const lane of byId.values()) {
    if (ordered.has(lane.id)) continue;
    const issue = graph.issues.find((i) => i.ids.includes(lane.id));
    const why =
      issue?.message ?? `it depends on a PRP that cannot be integrated (${lane.dependsOn.join(", ")})`;
    unordered.push({ lane, error: new LaneUnorderableError(lane.branch, why) });
  }
  return { order: graph.order.map((id) => byId.get(id) as Lane), unordered };
}
