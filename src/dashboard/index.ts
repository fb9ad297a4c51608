export * from "./access.js";
export * from "./board-metrics.js";
export * from "./build-snapshot.js";
export * from "./chart-data.js";
export * from "./create-dashboard.js";
export * from "./errors.js";
export * from "./start-dashboard.js";
export * from "./sign-in.js";
