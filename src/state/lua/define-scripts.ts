// Registers the Lua scripts on a connection (EVALSHA, falling back to EVAL after a restart emptied the cache).
import type { Redis } from "ioredis";
import { CONTROL_LUA, TRANSITION_LUA } from "./control-scripts.js";
import { TIMER_CLAIM_LUA, TIMER_SET_LUA } from "./timer-scripts.js";
import { ACK_LUA, CLAIM_LUA, ENQUEUE_LUA, FAIL_LUA, HEARTBEAT_LUA, REAP_LUA } from "./queue-scripts.js";

const SCRIPTS = {
  lanesEnqueue: ENQUEUE_LUA,
  lanesClaim: CLAIM_LUA,
  lanesHeartbeat: HEARTBEAT_LUA,
  lanesAck: ACK_LUA,
  lanesFail: FAIL_LUA,
  lanesReap: REAP_LUA,
  lanesControl: CONTROL_LUA,
  lanesTransition: TRANSITION_LUA,
  lanesTimerSet: TIMER_SET_LUA,
  lanesTimerClaim: TIMER_CLAIM_LUA,
} as const;

export type ScriptName = keyof typeof SCRIPTS;
export type ScriptArg = string | number;
/** Runs a script with (route key, prefix, now, audit cap, …its own arguments). */
export type RunScript = (name: ScriptName, args: readonly ScriptArg[]) => Promise<unknown>;

type ScriptMethod = (...args: ScriptArg[]) => Promise<unknown>;

export function defineScripts(redis: Redis): RunScript {
  const methods = redis as unknown as Record<string, ScriptMethod | undefined>;
  for (const [name, lua] of Object.entries(SCRIPTS)) {
    if (typeof methods[name] !== "function") redis.defineCommand(name, { numberOfKeys: 1, lua });
  }
  return (name, args) => {
    const method = methods[name] as ScriptMethod;
    return method.apply(redis, [...args]);
  };
}
