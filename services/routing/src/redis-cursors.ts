import type { Names } from '@leadwire/runtime'
import type { Redis } from 'ioredis'

export interface Cursors {
  /** The next position of a rotation; shared by every replica, so they take turns as one. */
  next(poolKey: string): Promise<number>
}

/**
 * Round-robin cursors as Redis counters. INCR is atomic, so two replicas routing at once
 * get different positions. The cursor advances even if the routing transaction then rolls
 * back; that skips one turn, which the rotation tolerates (fair over time, not per lead).
 * A Redis outage rejects here and the consumer loop waits and retries the message.
 */
export function createRedisCursors(redis: Redis, names: Names): Cursors {
  return {
    next: (poolKey) => redis.incr(names.redisKey('routing', 'cursor', poolKey)),
  }
}
