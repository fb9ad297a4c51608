// The PRP dependency graph (pure): unknown dependencies and cycles named, a topological order with
// priority tie-break, and ready/blocked sets given what is done. No I/O.
import { MinHeap } from "./min-heap.js";
import { priorityRank, type Priority } from "../domain/priority.js";

export interface GraphNode {
  id: string;
  dependsOn: readonly string[];
  priority: Priority;
}

export type GraphIssueKind = "unknown-dependency" | "cycle" | "self-dependency";

export interface GraphIssue {
  kind: GraphIssueKind;
  /** The PRPs involved: for a cycle, its members in order; otherwise [dependent, dependency]. */
  ids: string[];
  message: string;
}

export interface DependencyGraph {
  nodes: ReadonlyMap<string, GraphNode>;
  /** Every node that is not in a cycle and has no unknown dependency, dependencies first. */
  order: string[];
  issues: GraphIssue[];
}

export interface GraphOptions {
  /** Ids that exist outside this set of PRPs (e.g. closed issues): dependencies on them are known. */
  external?: ReadonlySet<string>;
  /** Breaks ties between equally ready nodes of the same priority (default: by id, numbers in order). */
  tieBreak?: (a: GraphNode, b: GraphNode) => number;
}

const idCollator = new Intl.Collator("en", { numeric: true });
/** Orders ids with numbers by value ("2" before "10") and words alphabetically. */
export const compareIds = (a: string, b: string): number => idCollator.compare(a, b);

export function buildGraph(list: readonly GraphNode[], options: GraphOptions = {}): DependencyGraph {
  const nodes = new Map<string, GraphNode>();
  for (const node of list) nodes.set(node.id, node);
  const external = options.external ?? new Set<string>();
  const issues: GraphIssue[] = [];
  const broken = new Set<string>();

  for (const node of nodes.values()) {
    for (const dep of node.dependsOn) {
      if (dep === node.id) {
        issues.push({
          kind: "self-dependency",
          ids: [node.id, dep],
          message: `PRP ${node.id} depends on itself`,
        });
        broken.add(node.id);
      } else if (!nodes.has(dep) && !external.has(dep)) {
        issues.push({
          kind: "unknown-dependency",
          ids: [node.id, dep],
          message: `PRP ${node.id} depends on ${dep}, which is not a known PRP`,
        });
        broken.add(node.id);
      }
    }
  }
  for (const cycle of findCycles(nodes)) {
    issues.push({
      kind: "cycle",
      ids: cycle,
      message: `dependency cycle: ${[...cycle, cycle[0]].join(" → ")}`,
    });
    for (const id of cycle) broken.add(id);
  }
  // A node that depends (transitively) on a broken node cannot be ordered either.
  const dependents = new Map<string, string[]>();
  for (const node of nodes.values()) for (const dep of node.dependsOn) pushTo(dependents, dep, node.id);
  const spread = [...broken];
  for (let id = spread.pop(); id !== undefined; id = spread.pop()) {
    for (const dependent of dependents.get(id) ?? []) {
      if (!broken.has(dependent)) {
        broken.add(dependent);
        spread.push(dependent);
      }
    }
  }
  const order = topologicalOrder(
    [...nodes.values()].filter((n) => !broken.has(n.id)),
    options.tieBreak ?? ((a, b) => compareIds(a.id, b.id)),
  );
  return { nodes, order, issues };
}

function topologicalOrder(
  list: readonly GraphNode[],
  tieBreak: (a: GraphNode, b: GraphNode) => number,
): string[] {
  const inSet = new Map(list.map((n) => [n.id, n]));
  const remaining = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const node of list) {
    const deps = node.dependsOn.filter((d) => inSet.has(d));
    remaining.set(node.id, new Set(deps).size);
    for (const dep of new Set(deps)) pushTo(dependents, dep, node.id);
  }
  const compare = (a: GraphNode, b: GraphNode) =>
    priorityRank(a.priority) - priorityRank(b.priority) || tieBreak(a, b);
  const ready = new MinHeap<GraphNode>(compare);
  for (const node of list) if (remaining.get(node.id) === 0) ready.push(node);
  const order: string[] = [];
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    order.push(next.id);
    for (const id of dependents.get(next.id) ?? []) {
      const left = (remaining.get(id) ?? 0) - 1;
      remaining.set(id, left);
      if (left === 0) ready.push(inSet.get(id) as GraphNode);
    }
  }
  return order;
}

/** Strongly connected components with more than one member (Tarjan), each rotated to start at its smallest id. */
function findCycles(nodes: ReadonlyMap<string, GraphNode>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const dep of nodes.get(id)?.dependsOn ?? []) {
      if (!nodes.has(dep) || dep === id) continue;
      if (!index.has(dep)) {
        visit(dep);
        low.set(id, Math.min(low.get(id) as number, low.get(dep) as number));
      } else if (onStack.has(dep)) {
        low.set(id, Math.min(low.get(id) as number, index.get(dep) as number));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      if (component.length > 1) cycles.push(rotateToSmallest(component.reverse()));
    }
  };
  for (const id of [...nodes.keys()].sort(compareIds)) if (!index.has(id)) visit(id);
  return cycles;
}

function rotateToSmallest(ids: string[]): string[] {
  const smallest = [...ids].sort(compareIds)[0] as string;
  const at = ids.indexOf(smallest);
  return [...ids.slice(at), ...ids.slice(0, at)];
}

export interface Readiness {
  /** Not done, every dependency done: can be queued now, in graph order. */
  ready: string[];
  /** Not done, waiting on the listed dependencies. */
  blocked: { id: string; waitingOn: string[] }[];
  /** In a cycle or with an unknown dependency (see graph.issues): never queued until fixed. */
  invalid: string[];
}

export function readiness(graph: DependencyGraph, done: ReadonlySet<string>): Readiness {
  const ordered = new Set(graph.order);
  const ready: string[] = [];
  const blocked: Readiness["blocked"] = [];
  for (const id of graph.order) {
    if (done.has(id)) continue;
    const node = graph.nodes.get(id) as GraphNode;
    const waitingOn = [...new Set(node.dependsOn)].filter((d) => !done.has(d));
    if (waitingOn.length === 0) ready.push(id);
    else blocked.push({ id, waitingOn });
  }
  const invalid = [...graph.nodes.keys()].filter((id) => !ordered.has(id) && !done.has(id)).sort(compareIds);
  return { ready, blocked, invalid };
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
