export * from "./errors.js";
export * from "./graph.js";
export * from "./lint-backlog.js";
export * from "./parse-prp.js";
export * from "../domain/priority.js";
export * from "./render-prp.js";
export * from "./schema.js";
