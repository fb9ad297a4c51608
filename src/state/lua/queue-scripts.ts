// The job lifecycle in Lua: each script is one atomic step, safe to re-send after a lost reply.
// enqueue is a no-op for an existing id; claim remembers its token; ack and fail recognise their own retry.
import { COMMON_LUA } from "./common.js";

/** ARGV[4] id, [5] role, [6] run-at ms, "" or "needs-human" (parked for a person at once), [7..] field/value pairs. Returns 1 if created, 0 if the id exists. */
export const ENQUEUE_LUA = `${COMMON_LUA}
local id, role, run_at = ARGV[4], ARGV[5], ARGV[6]
local jk = JK(id)
if redis.call('EXISTS', jk) == 1 then return 0 end
local fields = {}
for i = 7, #ARGV do fields[#fields + 1] = ARGV[i] end
local seq = redis.call('INCR', K('seq'))
redis.call('HSET', jk, 'seq', seq, 'attempts', 0, 'createdAt', NOW, unpack(fields))
redis.call('ZADD', K('jobs'), NOW, id)
if run_at == 'needs-human' then
  redis.call('HSET', jk, 'state', 'needs-human')
  redis.call('ZADD', K('needs-human'), NOW, id)
  audit('needs-human', id, role)
elseif run_at ~= '' and tonumber(run_at) > NOW then
  redis.call('HSET', jk, 'state', 'delayed', 'runAt', run_at)
  redis.call('ZADD', K('delayed'), run_at, id)
else
  to_queue(id)
end
audit('enqueued', id, role)
return 1
`;

/**
 * ARGV[4] role, [5] host, [6] agent, [7] token, [8] lease ms, [9] candidates to scan, [10] promote limit.
 * Returns {'job', HGETALL…} or {'none', next-due-ms-or-''}. A re-sent claim (same token) returns the same job.
 */
export const CLAIM_LUA = `${COMMON_LUA}
local role, host, agent, token = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local lease_ms, scan, promote_limit = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local ck = K('claim:' .. token)
local prior = redis.call('GET', ck)
if prior then
  local f = redis.call('HMGET', JK(prior), 'token', 'state')
  if f[1] == token and f[2] == 'active' then return {'job', redis.call('HGETALL', JK(prior))} end
  return {'none', next_due()}
end
promote_due(promote_limit)
if redis.call('SISMEMBER', K('paused-roles'), role) == 1 then return {'none', next_due()} end
local q = K('q:' .. role)
local ids = redis.call('ZRANGE', q, 0, scan - 1)
if #ids == 0 then return {'none', next_due()} end
-- a retry prefers another host, then another agent, than the one that last failed it
local other_agent = nil
local pick = nil
for _, id in ipairs(ids) do
  local last = redis.call('HMGET', JK(id), 'lastHost', 'lastAgent')
  if last[1] ~= host then pick = id break end
  if other_agent == nil and last[2] ~= agent then other_agent = id end
end
pick = pick or other_agent or ids[1]
local jk = JK(pick)
redis.call('ZREM', q, pick)
-- keep one wake token per job still queued (the cap wake() keeps); popping one would strand a job when this
-- claimer was itself woken by a token: a waiter that blocks next would sleep while the job waits
local wk, depth = K('wake:' .. role), redis.call('ZCARD', q)
if depth == 0 then redis.call('DEL', wk)
elseif redis.call('LLEN', wk) > depth then redis.call('LTRIM', wk, -depth, -1) end
local until_ms = NOW + lease_ms
redis.call('HINCRBY', jk, 'attempts', 1)
redis.call('HSET', jk, 'state', 'active', 'token', token, 'leaseHost', host, 'leaseAgent', agent,
  'leaseUntil', until_ms, 'claimedAt', NOW)
redis.call('ZADD', K('leases'), until_ms, pick)
redis.call('SADD', K('host-jobs:' .. host), pick)
redis.call('SET', ck, pick, 'PX', math.max(lease_ms * 2, 60000))
audit('claimed', pick, host .. '/' .. agent)
return {'job', redis.call('HGETALL', jk)}
`;

/**
 * ARGV[4] id, [5] token, [6] lease ms, [7] paused until (ms; '0' clears, '' leaves as is). Returns the new
 * deadline, or 0 when the lease is no longer this token's.
 */
export const HEARTBEAT_LUA = `${COMMON_LUA}
local id, token = ARGV[4], ARGV[5]
local jk = JK(id)
local f = redis.call('HMGET', jk, 'token', 'state')
if f[1] ~= token or f[2] ~= 'active' then return 0 end
local until_ms = NOW + tonumber(ARGV[6])
redis.call('HSET', jk, 'leaseUntil', until_ms)
redis.call('ZADD', K('leases'), until_ms, id)
local paused = ARGV[7]
if paused == '0' then
  redis.call('HDEL', jk, 'pausedUntil')
  redis.call('ZREM', K('lease-paused'), id)
elseif paused ~= nil and paused ~= '' then
  redis.call('HSET', jk, 'pausedUntil', paused)
  redis.call('ZADD', K('lease-paused'), tonumber(paused), id)
end
return until_ms
`;

/** ARGV[4] id, [5] token, [6] seconds to keep the finished job. Returns 1 when done (also on a re-send), else 0. */
export const ACK_LUA = `${COMMON_LUA}
local id, token = ARGV[4], ARGV[5]
local jk = JK(id)
local f = redis.call('HMGET', jk, 'token', 'state')
if f[1] ~= token then return 0 end
if f[2] == 'done' then return 1 end
if f[2] ~= 'active' then return 0 end
release(id)
redis.call('HSET', jk, 'state', 'done', 'finishedAt', NOW)
redis.call('ZREM', K('jobs'), id)
redis.call('EXPIRE', jk, ARGV[6])
audit('done', id)
return 1
`;

/**
 * ARGV[4] id, [5] token, [6] reason, [7] backoff csv, [8] "1" to skip retries.
 * Returns {'retry', run-at} | {'needs-human', 0} | {'stale', 0}; a re-sent fail reports the state it left.
 */
export const FAIL_LUA = `${COMMON_LUA}
local id, token = ARGV[4], ARGV[5]
local jk = JK(id)
local f = redis.call('HMGET', jk, 'token', 'state', 'runAt')
if f[1] ~= token then return {'stale', 0} end
if f[2] == 'delayed' then return {'retry', tonumber(f[3])} end
if f[2] == 'needs-human' then return {'needs-human', 0} end
if f[2] ~= 'active' then return {'stale', 0} end
return retry_or_park(id, ARGV[6], ARGV[7], ARGV[8] == '1')
`;

/**
 * ARGV[4] backoff csv, [5] limit. Requeues expired leases and the leases of hosts whose heartbeat stopped,
 * then promotes due delayed jobs. Returns {expired, hosts reaped, promoted}.
 */
export const REAP_LUA = `${COMMON_LUA}
local backoff, limit = ARGV[4], tonumber(ARGV[5])
local expired = 0
for _, id in ipairs(redis.call('ZRANGEBYSCORE', K('leases'), '-inf', NOW, 'LIMIT', 0, limit)) do
  if redis.call('HGET', JK(id), 'state') == 'active' then
    retry_or_park(id, 'lease expired', backoff, false)
    expired = expired + 1
  else
    redis.call('ZREM', K('leases'), id)
  end
end
local dead = redis.call('ZRANGEBYSCORE', K('hosts'), '-inf', '(' .. NOW, 'LIMIT', 0, limit)
for _, host in ipairs(dead) do
  for _, id in ipairs(redis.call('SMEMBERS', K('host-jobs:' .. host))) do
    local f = redis.call('HMGET', JK(id), 'state', 'leaseHost')
    if f[1] == 'active' and f[2] == host then
      retry_or_park(id, 'host ' .. host .. ' stopped heartbeating', backoff, false)
      expired = expired + 1
    end
  end
  redis.call('DEL', K('host-jobs:' .. host), K('host:' .. host))
  redis.call('ZREM', K('hosts'), host)
  audit('host-dead', '', host)
end
return {expired, #dead, promote_due(limit)}
`;
