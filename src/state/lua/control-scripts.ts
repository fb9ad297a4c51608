// Operator and app controls in Lua: pause/resume (job or role), cancel, priority change, manual retry,
// and the compare-and-set of an issue's state. Each is atomic and reports whether it applied.
import { COMMON_LUA } from "./common.js";

// leaves every index the job might sit in; the job's hash stays
const DETACH_LUA = `
local function detach(id, state, role)
  if state == 'queued' then redis.call('ZREM', K('q:' .. role), id)
  elseif state == 'delayed' then redis.call('ZREM', K('delayed'), id)
  elseif state == 'active' then release(id)
  elseif state == 'paused' then redis.call('ZREM', K('paused'), id)
  elseif state == 'needs-human' then redis.call('ZREM', K('needs-human'), id) end
end
`;

// A re-sent call (same op id) whose first run applied reports it applied again and changes nothing. The mark
// lasts an hour: far longer than any retry of the call.
const OP_MEMORY_LUA = `
local function replayed(op_id) return redis.call('EXISTS', K('op:' .. op_id)) == 1 end
local function applied(op_id) redis.call('SET', K('op:' .. op_id), '1', 'PX', 3600000) end
`;

/**
 * ARGV[4] op, [5] job id or role, [6] argument (rank for 'priority'), [7] priority name, [8] seconds to keep a
 * cancelled job, [9] op id (unique per call). Returns 1 when applied (also for a re-send of an applied call), 0
 * when the job is in a state the op does not apply to, -1 if unknown.
 */
export const CONTROL_LUA = `${COMMON_LUA}${OP_MEMORY_LUA}${DETACH_LUA}
local op, target = ARGV[4], ARGV[5]
if replayed(ARGV[9]) then return 1 end
if op == 'pause-role' then
  return redis.call('SADD', K('paused-roles'), target)
end
if op == 'resume-role' then
  local removed = redis.call('SREM', K('paused-roles'), target)
  local depth = math.min(redis.call('ZCARD', K('q:' .. target)), 1000)
  redis.call('DEL', K('wake:' .. target))
  for _ = 1, depth do redis.call('RPUSH', K('wake:' .. target), '1') end
  return removed
end
local jk = JK(target)
local f = redis.call('HMGET', jk, 'state', 'role', 'seq')
local state, role = f[1], f[2]
if not state then return -1 end
local open = state == 'queued' or state == 'delayed' or state == 'active' or state == 'paused' or state == 'needs-human'
if op == 'pause' then
  if state ~= 'queued' and state ~= 'delayed' and state ~= 'active' then return 0 end
  detach(target, state, role)
  redis.call('HSET', jk, 'state', 'paused')
  redis.call('ZADD', K('paused'), NOW, target)
  audit('paused', target)
  applied(ARGV[9])
  return 1
elseif op == 'resume' then
  if state ~= 'paused' then return 0 end
  detach(target, state, role)
  to_queue(target)
  audit('resumed', target)
  applied(ARGV[9])
  return 1
elseif op == 'cancel' then
  if not open then return 0 end
  detach(target, state, role)
  redis.call('HSET', jk, 'state', 'cancelled', 'finishedAt', NOW)
  redis.call('ZREM', K('jobs'), target)
  redis.call('EXPIRE', jk, ARGV[8])
  audit('cancelled', target)
  applied(ARGV[9])
  return 1
elseif op == 'priority' then
  if not open then return 0 end
  redis.call('HSET', jk, 'rank', ARGV[6], 'priority', ARGV[7])
  if state == 'queued' then redis.call('ZADD', K('q:' .. role), score(ARGV[6], f[3]), target) end
  audit('priority', target, ARGV[7])
  applied(ARGV[9])
  return 1
elseif op == 'retry' then
  if state ~= 'needs-human' and state ~= 'delayed' and state ~= 'paused' then return 0 end
  detach(target, state, role)
  if state == 'needs-human' then redis.call('HSET', jk, 'attempts', 0) end
  to_queue(target)
  audit('retried', target)
  applied(ARGV[9])
  return 1
end
return redis.error_reply('unknown control op ' .. op)
`;

/**
 * ARGV[4] issue key, [5] expected state ('' = none), [6] new state ('' = remove), [7] actor, [8] op id (unique per
 * call). Returns 1 when the state was the expected one and is now the new one (also for a re-send of an applied
 * call), else 0.
 */
export const TRANSITION_LUA = `${COMMON_LUA}${OP_MEMORY_LUA}
local key, from, to = K('issue-state:' .. ARGV[4]), ARGV[5], ARGV[6]
if replayed(ARGV[8]) then return 1 end
local current = redis.call('GET', key) or ''
if current ~= from then return 0 end
if to == '' then redis.call('DEL', key) else redis.call('SET', key, to) end
redis.call('XADD', K('audit'), 'MAXLEN', '~', AUDIT_MAX, '*', 'type', 'transition', 'job', '',
  'at', tostring(NOW), 'data', ARGV[4] .. ' ' .. (from == '' and '(none)' or from) .. ' -> ' ..
  (to == '' and '(none)' or to), 'actor', ARGV[7])
applied(ARGV[8])
return 1
`;
