import { describe, expect, it } from "vitest";
import { LaneSchema, laneFromBranch, type LaneInput } from "../../src/integrate/lane.js";
import { orderLanes } from "../../src/integrate/order-lanes.js";

const lanes = (...inputs: LaneInput[]) => inputs.map((l) => LaneSchema.parse(l));
const branches = (result: ReturnType<typeof orderLanes>) => result.order.map((l) => l.branch);

describe("orderLanes", () => {
  it("puts dependencies before their dependents whatever their priority or role", () => {
    const result = orderLanes(
      lanes(
        { branch: "ui", id: "2", role: "developer", priority: "critical", dependsOn: ["1"] },
        { branch: "schema", id: "1", role: "tester", priority: "low" },
      ),
    );
    expect(branches(result)).toEqual(["schema", "ui"]);
  });

  it("orders independent lanes by priority, then role order (data → code → tests → docs), then branch name", () => {
    const result = orderLanes(
      lanes(
        { branch: "t", id: "1", role: "tester", priority: "high" },
        { branch: "docs", id: "2", role: "documentation_writer", priority: "high" },
        { branch: "db", id: "3", role: "databaseops", priority: "high" },
        { branch: "b-dev", id: "4", role: "developer", priority: "high" },
        { branch: "a-dev", id: "5", role: "developer", priority: "high" },
        { branch: "urgent-test", id: "6", role: "testrunner", priority: "critical" },
        { branch: "no-role", id: "7", priority: "high" },
      ),
    );
    expect(branches(result)).toEqual(["urgent-test", "db", "a-dev", "b-dev", "t", "docs", "no-role"]);
  });

  it("follows a configured role order", () => {
    const result = orderLanes(
      lanes({ branch: "dev", id: "1", role: "developer" }, { branch: "test", id: "2", role: "tester" }),
      { roleOrder: ["tester", "developer"] },
    );
    expect(branches(result)).toEqual(["test", "dev"]);
  });

  it("accepts dependencies on PRPs already merged into the base", () => {
    const result = orderLanes(lanes({ branch: "x", id: "2", dependsOn: ["1"] }), { merged: new Set(["1"]) });
    expect(branches(result)).toEqual(["x"]);
    expect(result.unordered).toEqual([]);
  });

  it("sets aside lanes with unknown dependencies, cycles or a duplicate PRP id, naming why", () => {
    const result = orderLanes(
      lanes(
        { branch: "ok", id: "1" },
        { branch: "orphan", id: "2", dependsOn: ["99"] },
        { branch: "c1", id: "3", dependsOn: ["4"] },
        { branch: "c2", id: "4", dependsOn: ["3"] },
        { branch: "twin", id: "1" },
        { branch: "after-orphan", id: "5", dependsOn: ["2"] },
      ),
    );
    expect(branches(result)).toEqual(["ok"]);
    const reasons = Object.fromEntries(result.unordered.map((u) => [u.lane.branch, u.error.message]));
    expect(reasons.orphan).toMatch(/PRP 2 depends on 99, which is not a known PRP/);
    expect(reasons.c1).toMatch(/dependency cycle: 3 → 4 → 3/);
    expect(reasons.c2).toMatch(/dependency cycle/);
    expect(reasons.twin).toMatch(/PRP 1 is already built by ok/);
    expect(reasons["after-orphan"]).toMatch(/depends on a PRP that cannot be integrated \(2\)/);
  });
});

describe("laneFromBranch", () => {
  it("reads role and issue number from lanes/<role>/<issue>-<slug>", () => {
    expect(laneFromBranch("lanes/developer/12-rate-limit")).toMatchObject({
      role: "developer",
      id: "12",
      priority: "medium",
      dependsOn: [],
    });
  });

  it("uses the branch itself as the id for other names", () => {
    const lane = laneFromBranch("feature/x");
    expect(lane.id).toBe("feature/x");
    expect(lane.role).toBeUndefined();
  });
});
