export * from "./errors.js";
export * from "./label-catalogue.js";
export * from "./prp-state.js";
export * from "./sync-labels.js";
export * from "./transition.js";
export * from "./transitions.js";
