import { afterEach, describe, expect, it } from "vitest";
import { gateFromCheckRunName, gateMode, gates, runGate } from "../../src/gates/registry.js";
import { defaultGateConfig } from "../../src/gates/gate-config.js";
import { GATE_NAMES } from "../../src/gates/types.js";
import { laneRepo, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

describe("gate registry", () => {
  it("has one gate per name, with the default modes", () => {
    expect(Object.keys(gates).sort()).toEqual([...GATE_NAMES].sort());
    const config = defaultGateConfig();
    expect(Object.fromEntries(GATE_NAMES.map((g) => [g, gateMode(g, config)]))).toEqual({
      prp: "required",
      placeholders: "required",
      lane: "optional",
      commits: "optional",
      validation: "required",
      integration: "required",
    });
  });

  it("maps check run names back to gates", () => {
    expect(gateFromCheckRunName("lanes/placeholders")).toBe("placeholders");
    expect(gateFromCheckRunName("lanes/nope")).toBeUndefined();
    expect(gateFromCheckRunName("placeholders")).toBeUndefined();
  });

  it("reports a failing optional gate as neutral, a failing required one as failure, and skips an off gate", async () => {
    lane = await laneRepo({}, { "src/a.ts": "x\n" }, "feature/x");
    const optional = await runGate("lane", await lane.input());
    expect(optional?.raw.conclusion).toBe("failure");
    expect(optional?.result.conclusion).toBe("neutral");
    const required = await runGate("lane", await lane.input({ config: { modes: { lane: "required" } } }));
    expect(required?.result.conclusion).toBe("failure");
    expect(await runGate("lane", await lane.input({ config: { modes: { lane: "off" } } }))).toBeUndefined();
  });
});
