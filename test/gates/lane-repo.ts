// Builds a real repository with a base commit on main and a lane branch on top, then collects gate input.
import { collectInput } from "../../src/gates/collect-input.js";
import { defaultGateConfig } from "../../src/gates/gate-config.js";
import type { GateConfig, GateInput, GatePrp } from "../../src/gates/types.js";
import { makeRepo, type TestRepo } from "../support/git.js";

export const samplePrp = (overrides: Partial<GatePrp> = {}): GatePrp => ({
  id: "7",
  title: "Add rate limiting",
  role: "developer",
  paths: ["src/**", "test/**"],
  validation: [],
  criteria: [],
  dependsOn: [],
  ...overrides,
});

export interface LaneRepo {
  repo: TestRepo;
  input(options?: {
    prp?: GatePrp;
    config?: Partial<Omit<GateConfig, "modes">> & { modes?: Partial<GateConfig["modes"]> };
    prBody?: string;
    mergedPrpIds?: Set<string>;
  }): Promise<GateInput>;
}

export async function laneRepo(
  base: Record<string, string>,
  lane: Record<string, string> | Record<string, string>[],
  branch = "lanes/developer/7-rate-limit",
): Promise<LaneRepo> {
  const repo = await makeRepo();
  await repo.commit("Seed the project", { "README.md": "# project\n", ...base });
  await repo.git("checkout", "-q", "-b", branch);
  for (const [i, files] of (Array.isArray(lane) ? lane : [lane]).entries())
    await repo.commit(`Add lane work ${i + 1}`, files);
  return {
    repo,
    input: (options = {}) =>
      collectInput({
        dir: repo.dir,
        base: "main",
        prp: options.prp ?? samplePrp(),
        config: {
          ...defaultGateConfig(),
          ...options.config,
          modes: { ...defaultGateConfig().modes, ...options.config?.modes },
        },
        prBody: options.prBody,
        mergedPrpIds: options.mergedPrpIds,
      }),
  };
}
