// Installing Lanes on a repository: `lanes init`'s plan, its files and the released action they use.
export { LANES_ACTION, actionRef } from "./action-ref.js";
export { applyInit } from "./apply-init.js";
export { detectToolchains, type Toolchain } from "./detect-toolchain.js";
export { NotARepositoryError } from "./errors.js";
export { initNextSteps } from "./next-steps.js";
export { planInit, type InitAction, type InitOptions, type InitPlan, type PlannedFile } from "./plan-init.js";
export { renderGatesWorkflow, renderIntegrateWorkflow, renderStackWorkflow } from "./render-workflows.js";
