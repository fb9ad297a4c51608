export * from "./collect-input.js";
export * from "./gate-config.js";
export * from "./publish.js";
export * from "./registry.js";
export * from "./rerun.js";
export * from "./types.js";
