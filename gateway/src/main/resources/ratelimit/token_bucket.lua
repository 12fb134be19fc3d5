-- One token bucket, checked and charged atomically. Same arithmetic as TokenBucket.java (the in-memory fallback).
-- KEYS[1]  the bucket (a hash: t = tokens left, ts = last refill, epoch ms)
-- ARGV[1]  tokens added per period     ARGV[2] capacity (the burst)
-- ARGV[3]  period in ms                ARGV[4] now, epoch ms (the gateway's clock)
-- ARGV[5]  tokens wanted: 1 for this request alone, more to lease the rest to the asking instance
-- ARGV[6]  tokens given back: leased earlier by the asking instance and not used
-- returns  {allowed 0|1, whole tokens left, ms until one token is there (0 when allowed), tokens granted}
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local period = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local want = tonumber(ARGV[5])
local given_back = tonumber(ARGV[6])

local state = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
-- a clock behind the last writer's (another gateway instance) refills nothing instead of going negative
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * rate / period)
  ts = now
end
-- tokens given back count as if they had never left: the same cap applies to them
tokens = math.min(tokens + given_back, capacity)

local allowed = 0
local wait = 0
local granted = 0
if tokens >= 1 then
  granted = math.min(want, math.floor(tokens))
  tokens = tokens - granted
  allowed = 1
else
  wait = math.ceil((1 - tokens) * period / rate)
end

redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(ts))
-- an untouched bucket is full again after capacity / rate periods: then it is the same as no bucket
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * period / rate) + 1000)
return {allowed, math.floor(tokens), wait, granted}
