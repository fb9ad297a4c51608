import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph, readiness, type GraphNode } from "../../src/prp/graph.js";
import type { Priority } from "../../src/domain/priority.js";

const node = (id: string, dependsOn: string[] = [], priority: Priority = "medium"): GraphNode => ({
  id,
  dependsOn,
  priority,
});

describe("buildGraph", () => {
  it("orders dependencies before dependents", () => {
    const graph = buildGraph([node("3", ["2"]), node("2", ["1"]), node("1")]);
    expect(graph.order).toEqual(["1", "2", "3"]);
    expect(graph.issues).toEqual([]);
  });

  it("breaks ties between ready PRPs by priority, then by id in numeric order", () => {
    const graph = buildGraph([node("10", [], "low"), node("9"), node("2"), node("7", [], "critical")]);
    expect(graph.order).toEqual(["7", "2", "9", "10"]);
  });

  it("lets a caller's tie-break order PRPs of equal priority", () => {
    const graph = buildGraph([node("a"), node("b")], { tieBreak: (x, y) => y.id.localeCompare(x.id) });
    expect(graph.order).toEqual(["b", "a"]);
  });

  it("names both PRPs when a dependency is unknown, and leaves the dependent unordered", () => {
    const graph = buildGraph([node("1", ["99"]), node("2")]);
    expect(graph.issues).toEqual([
      {
        kind: "unknown-dependency",
        ids: ["1", "99"],
        message: "PRP 1 depends on 99, which is not a known PRP",
      },
    ]);
    expect(graph.order).toEqual(["2"]);
  });

  it("accepts dependencies on external PRPs (closed issues) as known", () => {
    const graph = buildGraph([node("5", ["4"])], { external: new Set(["4"]) });
    expect(graph.issues).toEqual([]);
    expect(graph.order).toEqual(["5"]);
  });

  it("names every member of a cycle in order, and what depends on it cannot be ordered", () => {
    const graph = buildGraph([
      node("1", ["3"]),
      node("2", ["1"]),
      node("3", ["2"]),
      node("4", ["3"]),
      node("5"),
    ]);
    expect(graph.issues).toEqual([
      { kind: "cycle", ids: ["1", "3", "2"], message: "dependency cycle: 1 → 3 → 2 → 1" },
    ]);
    expect(graph.order).toEqual(["5"]);
  });

  it("reports a PRP that depends on itself", () => {
    const graph = buildGraph([node("7", ["7"])]);
    expect(graph.issues.map((i) => i.kind)).toEqual(["self-dependency"]);
    expect(graph.order).toEqual([]);
  });

  it("always returns an order that respects every edge, for any acyclic graph", () => {
    const acyclic = fc
      .array(fc.array(fc.nat(), { maxLength: 4 }), { maxLength: 30 })
      .map((lists) =>
        lists.map((deps, i) =>
          node(
            String(i),
            deps.filter((d) => d < i).map(String),
            (["critical", "high", "medium", "low"] as const)[i % 4],
          ),
        ),
      );
    fc.assert(
      fc.property(acyclic, (nodes) => {
        const graph = buildGraph(nodes);
        expect(graph.issues).toEqual([]);
        expect(graph.order).toHaveLength(nodes.length);
        const at = new Map(graph.order.map((id, i) => [id, i]));
        for (const n of nodes)
          for (const d of n.dependsOn) expect(at.get(d)).toBeLessThan(at.get(n.id) as number);
      }),
      { numRuns: 200 },
    );
  });
});

describe("readiness", () => {
  const graph = buildGraph([node("1"), node("2", ["1"]), node("3", ["1", "2"]), node("4", ["9"])]);

  it("queues PRPs whose dependencies are done and blocks the rest with what they wait on", () => {
    expect(readiness(graph, new Set())).toEqual({
      ready: ["1"],
      blocked: [
        { id: "2", waitingOn: ["1"] },
        { id: "3", waitingOn: ["1", "2"] },
      ],
      invalid: ["4"],
    });
  });

  it("unblocks a dependent once its last dependency is done", () => {
    expect(readiness(graph, new Set(["1", "2"]))).toEqual({ ready: ["3"], blocked: [], invalid: ["4"] });
  });
});
