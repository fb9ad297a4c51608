// Delayed jobs ("timers"): a sorted set of ids by due time plus a hash of their payloads. Claiming removes a
// due timer in the same script that reads it, so of any number of schedulers exactly one gets each firing.
import { COMMON_LUA } from "./common.js";

/** ARGV[4] id, ARGV[5] due (ms), ARGV[6] payload, ARGV[7] 'keep' to leave an already scheduled timer alone. */
export const TIMER_SET_LUA = `${COMMON_LUA}
local id, due, payload, keep = ARGV[4], ARGV[5], ARGV[6], ARGV[7] == 'keep'
if keep and redis.call('ZSCORE', K('timers'), id) then return 0 end
redis.call('ZADD', K('timers'), due, id)
redis.call('HSET', K('timer-data'), id, payload)
return 1
`;

/** ARGV[4] limit: pops up to `limit` timers due at NOW, returning id, due and payload of each. */
export const TIMER_CLAIM_LUA = `${COMMON_LUA}
local limit = tonumber(ARGV[4])
local out = {}
local due = redis.call('ZRANGEBYSCORE', K('timers'), '-inf', NOW, 'WITHSCORES', 'LIMIT', 0, limit)
for i = 1, #due, 2 do
  local id = due[i]
  redis.call('ZREM', K('timers'), id)
  local payload = redis.call('HGET', K('timer-data'), id) or ''
  redis.call('HDEL', K('timer-data'), id)
  out[#out + 1] = id
  out[#out + 1] = due[i + 1]
  out[#out + 1] = payload
end
return out
`;
