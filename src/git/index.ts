export * from "./errors.js";
export * from "./run-git.js";
export * from "./tree-merge.js";
