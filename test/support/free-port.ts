// Finds a free loopback TCP port (the same helper the local redis launcher uses).
export { freeLoopbackPort as freePort } from "../../src/state/local-redis.js";
