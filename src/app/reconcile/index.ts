export * from "./apply-reconcile.js";
export * from "./plan-reconcile.js";
export * from "./read-github-facts.js";
export * from "./read-redis-facts.js";
export * from "./reconcile-repo.js";
