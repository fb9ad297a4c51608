export * from "./errors.js";
export * from "./run-git.js";
