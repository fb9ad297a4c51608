export * from "./app-metrics.js";
export * from "./serve-config.js";
export * from "./start-serve.js";
