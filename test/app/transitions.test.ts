// The PRP state machine as a table, checked without I/O.
import { describe, expect, it } from "vitest";
import { LABEL_CATALOGUE, PRP_STATES, stateLabel, stateOfLabel } from "../../src/app/index.js";
import { nextState, PRP_EVENTS, TRANSITIONS } from "../../src/app/transitions.js";

describe("PRP transition table", () => {
  it.each([
    [null, "accepted", "queued"],
    [null, "accepted-blocked", "blocked"],
    [null, "outsider", "needs-approval"],
    [null, "rejected", "invalid"],
    ["needs-approval", "approved", "queued"],
    ["needs-approval", "approved-blocked", "blocked"],
    ["invalid", "accepted", "queued"],
    ["queued", "accepted-blocked", "blocked"],
    ["queued", "rejected", "invalid"],
    ["blocked", "unblocked", "queued"],
    ["queued", "claimed", "active"],
    ["active", "asked", "waiting"],
    ["waiting", "answered", "active"],
    ["active", "finished", "review"],
    ["active", "usage-limit", "paused"],
    ["paused", "resumed", "active"],
    ["active", "requeued", "queued"],
    ["active", "gave-up", "needs-human"],
    ["review", "retried", "queued"],
    ["review", "merged", "done"],
    ["active", "withdrawn", null],
    ["done", "withdrawn", null],
  ] as const)("%s + %s → %s", (from, event, to) => {
    expect(nextState(from, event)).toBe(to);
  });

  it.each([
    ["done", "claimed"],
    ["active", "accepted"],
    ["review", "claimed"],
    ["queued", "unblocked"],
    [null, "merged"],
    ["needs-approval", "accepted"],
    ["done", "merged"],
  ] as const)("has no step for %s + %s (a stale or out-of-order event)", (from, event) => {
    expect(nextState(from, event)).toBeUndefined();
  });

  it("lets a PRP leave every state by withdrawal, and names every event in some rule", () => {
    for (const state of [null, ...PRP_STATES]) expect(nextState(state, "withdrawn")).toBeNull();
    expect(new Set(TRANSITIONS.map((r) => r.event))).toEqual(new Set(PRP_EVENTS));
  });

  it("is deterministic: no (from, event) pair appears in two rules", () => {
    const seen = new Set<string>();
    for (const rule of TRANSITIONS)
      for (const from of rule.from) {
        const key = `${from}|${rule.event}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
  });

  it("catalogues a label for prp, every state and every priority, with colour and description", () => {
    const names = LABEL_CATALOGUE.map((l) => l.name);
    expect(names).toContain("prp");
    for (const state of PRP_STATES) expect(names).toContain(stateLabel(state));
    expect(names).toEqual(expect.arrayContaining(["priority:critical", "priority:low"]));
    for (const label of LABEL_CATALOGUE) {
      expect(label.color).toMatch(/^[0-9a-f]{6}$/);
      expect(label.description.length).toBeGreaterThan(0);
      expect(label.description.length).toBeLessThanOrEqual(100);
    }
    expect(stateOfLabel("lanes:queued")).toBe("queued");
    expect(stateOfLabel("lanes:unknown")).toBeUndefined();
    expect(stateOfLabel("prp")).toBeUndefined();
  });
});
