import type { Names } from '@leadwire/runtime'
import type { Redis } from 'ioredis'

export interface Budget {
  /** Takes one call from this minute's allowance; false when it is spent. */
  take(): Promise<boolean>
}

// INCR and the expiry in one step, so a crash between them cannot leave a counter that never
// expires; over the limit the count is not taken back, which only makes the minute stricter.
const takeScript = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n > tonumber(ARGV[1]) then return 0 end
return 1`

/**
 * A per-minute call budget for one provider, counted in Redis so every replica draws on the
 * same allowance (a vendor contract is per API key, not per pod). Minutes are fixed windows
 * from the injected clock, which keeps tests free of real waiting.
 */
export function createRedisBudget(
  redis: Redis,
  names: Names,
  opts: { provider: string; perMinute: number; clock: () => Date },
): Budget {
  return {
    async take() {
      const minute = Math.floor(opts.clock().getTime() / 60_000)
      const key = names.redisKey('enrichment', 'budget', opts.provider, String(minute))
      const ok = await redis.eval(takeScript, 1, key, opts.perMinute, 120_000)
      return ok === 1
    },
  }
}
