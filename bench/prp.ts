// PRP core benchmarks: ordering a large backlog with buildGraph, against a naive repeated-scan sort.
import { buildGraph, compareIds, type GraphNode } from "../src/prp/graph.js";
import { PRIORITIES } from "../src/prp/priority.js";
import { compare, summarize, time, type BenchResult } from "./stats.js";

function backlog(size: number): GraphNode[] {
  // Each PRP depends on up to three earlier ones, chosen deterministically.
  return Array.from({ length: size }, (_, i) => ({
    id: String(i + 1),
    priority: PRIORITIES[(i * 7) % 4] as GraphNode["priority"],
    dependsOn: [i - 1, i - 5, i - 17].filter((d) => d > 0 && (i + d) % 3 !== 0).map(String),
  }));
}

/** The obvious algorithm: scan the whole list for a ready node, take the best, repeat. O(n²). */
function naiveOrder(nodes: readonly GraphNode[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const rank = (n: GraphNode) => PRIORITIES.indexOf(n.priority);
  while (order.length < nodes.length) {
    const ready = nodes.filter((n) => !done.has(n.id) && n.dependsOn.every((d) => done.has(d)));
    ready.sort((a, b) => rank(a) - rank(b) || compareIds(a.id, b.id));
    const next = ready[0];
    if (!next) break;
    done.add(next.id);
    order.push(next.id);
  }
  return order;
}

export async function run(): Promise<BenchResult[]> {
  const nodes = backlog(2_000);
  const expected = naiveOrder(nodes).join(",");
  if (buildGraph(nodes).order.join(",") !== expected) throw new Error("buildGraph and the naive order disagree");
  const ours = summarize("prp.graph.order(2000 PRPs)", await time(() => buildGraph(nodes), 15, 2));
  const naive = summarize("naive repeated scan", await time(() => naiveOrder(nodes), 5, 1));
  return [compare(ours, naive)];
}
