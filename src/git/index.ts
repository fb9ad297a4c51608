export * from "./errors.js";
export * from "./run-git.js";
export * from "./commit-log.js";
export * from "./diff-changes.js";
export * from "./lane-branches.js";
export * from "./merge-tree.js";
export * from "./show-file.js";
