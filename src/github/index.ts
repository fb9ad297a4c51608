export * from "./create-github-port.js";
export * from "./create-octokit.js";
export * from "./errors.js";
export * from "./github-port.js";
export * from "./request-counter.js";
export * from "./port-from-env.js";
