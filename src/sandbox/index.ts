export * from "./start-sandbox.js";
export * from "./seed.js";
export * from "./state.js";
export * from "./errors.js";
export type { Delivery } from "./webhook-sender.js";
export * from "./app-token.js";
