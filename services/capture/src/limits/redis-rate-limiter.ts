import type { Logger } from '@leadwire/runtime'
import type { Redis } from 'ioredis'

export interface RateDecision {
  allowed: boolean
  limit: number
  remaining: number
  /** Seconds until the window resets. */
  resetSeconds: number
}

// INCR and the first PEXPIRE in one script: a crash between the two can never leave a
// counter without an expiry (which would block a key for good). The window starts at the
// first request, so a burst cannot straddle two clock-aligned windows for double the limit.
const script = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { n, ttl }`

/** Fixed-window counters in Redis, shared by every capture replica. */
export function createRedisRateLimiter(deps: {
  redis: Redis
  keyOf: (...parts: string[]) => string
  log: Logger
  windowMs?: number
}) {
  const windowMs = deps.windowMs ?? 60_000
  return {
    async take(scope: string, id: string, limit: number): Promise<RateDecision> {
      try {
        const [count, ttl] = (await deps.redis.eval(
          script,
          1,
          deps.keyOf('capture', 'rate', scope, id),
          windowMs,
        )) as [number, number]
        return {
          allowed: count <= limit,
          limit,
          remaining: Math.max(0, limit - count),
          resetSeconds: Math.max(1, Math.ceil(ttl / 1000)),
        }
      } catch (err) {
        // Fail open: while Redis is away a lead is worth more than the limit it would skip.
        deps.log.warn({ err, scope }, 'rate limit check failed; letting the request through')
        return { allowed: true, limit, remaining: limit, resetSeconds: Math.ceil(windowMs / 1000) }
      }
    },
  }
}

export type RateLimiter = ReturnType<typeof createRedisRateLimiter>
