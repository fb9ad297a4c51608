// Lua shared by every script: key names, queue scores, waking waiters, leases and the retry-or-park rule.
// Every script is called with KEYS[1] = a key of the prefix (Cluster routing), ARGV[1] = prefix,
// ARGV[2] = now (ms, from the injected clock), ARGV[3] = audit stream cap; its own arguments follow.
// Keys are built from the prefix inside the script; they all share the prefix's hash tag, hence one slot.

export const COMMON_LUA = `
local P = ARGV[1]
local NOW = tonumber(ARGV[2])
local AUDIT_MAX = ARGV[3]

local function K(name) return P .. name end
local function JK(id) return P .. 'job:' .. id end

-- priority rank first (0 = critical), then FIFO by enqueue sequence; exact in a double up to 1e12 jobs
local function score(rank, seq) return tonumber(rank) * 1000000000000 + tonumber(seq) end

local function audit(kind, id, data)
  redis.call('XADD', K('audit'), 'MAXLEN', '~', AUDIT_MAX, '*',
    'type', kind, 'job', id, 'at', tostring(NOW), 'data', data or '')
end

-- one wake token per queued job, so a blocked BLPOP returns when there is work; never more tokens than jobs
local function wake(role)
  local wk = K('wake:' .. role)
  redis.call('RPUSH', wk, '1')
  local depth = redis.call('ZCARD', K('q:' .. role))
  if depth == 0 then redis.call('DEL', wk)
  elseif redis.call('LLEN', wk) > depth then redis.call('LTRIM', wk, -depth, -1) end
end

local function to_queue(id)
  local jk = JK(id)
  local f = redis.call('HMGET', jk, 'role', 'rank', 'seq')
  redis.call('HSET', jk, 'state', 'queued')
  redis.call('HDEL', jk, 'runAt')
  redis.call('ZADD', K('q:' .. f[1]), score(f[2], f[3]), id)
  wake(f[1])
end

local function promote_due(limit)
  local due = redis.call('ZRANGEBYSCORE', K('delayed'), '-inf', NOW, 'LIMIT', 0, limit)
  for _, id in ipairs(due) do
    redis.call('ZREM', K('delayed'), id)
    to_queue(id)
    audit('promoted', id)
  end
  return #due
end

local function release(id)
  local jk = JK(id)
  local host = redis.call('HGET', jk, 'leaseHost')
  redis.call('ZREM', K('leases'), id)
  redis.call('ZREM', K('lease-paused'), id)
  if host then redis.call('SREM', K('host-jobs:' .. host), id) end
  redis.call('HDEL', jk, 'leaseHost', 'leaseAgent', 'leaseUntil', 'pausedUntil')
  return host
end

-- a failed or abandoned run: retry after the backoff, or park in needs-human when attempts are spent
local function retry_or_park(id, reason, backoff_csv, final)
  local jk = JK(id)
  local f = redis.call('HMGET', jk, 'leaseHost', 'leaseAgent', 'attempts', 'maxAttempts')
  release(id)
  if f[1] then redis.call('HSET', jk, 'lastHost', f[1]) end
  if f[2] then redis.call('HSET', jk, 'lastAgent', f[2]) end
  redis.call('HSET', jk, 'lastError', reason)
  local attempts = tonumber(f[3]) or 0
  if final or attempts >= (tonumber(f[4]) or 1) then
    redis.call('HSET', jk, 'state', 'needs-human')
    redis.call('ZADD', K('needs-human'), NOW, id)
    audit('needs-human', id, reason)
    return {'needs-human', 0}
  end
  local delays = {}
  for d in string.gmatch(backoff_csv, '[^,]+') do delays[#delays + 1] = tonumber(d) end
  local delay = delays[math.min(math.max(attempts, 1), #delays)]
  local run_at = NOW + delay
  redis.call('HSET', jk, 'state', 'delayed', 'runAt', run_at)
  redis.call('ZADD', K('delayed'), run_at, id)
  audit('retry', id, reason)
  return {'retry', run_at}
end

local function next_due()
  local first = redis.call('ZRANGE', K('delayed'), 0, 0, 'WITHSCORES')
  if first[2] then return first[2] end
  return ''
end
`;
