export type BreakerState = 'closed' | 'open' | 'half_open'

export interface BreakerSettings {
  /** Consecutive failed lookups that open the circuit. */
  readonly failureThreshold: number
  /** How long an open circuit refuses calls before one trial call is let through. */
  readonly cooldownMs: number
}

export interface CircuitBreaker {
  /** Whether a call may go out now; in half-open state only one trial at a time may. */
  allow(): boolean
  success(): void
  failure(): void
  /** A call that ended neither way (budget spent, deadline): frees a half-open trial slot. */
  release(): void
  state(): BreakerState
}

/**
 * A circuit breaker per provider and process. A provider that keeps failing is skipped for
 * a cool-down instead of costing every lead a timeout; after it, one trial call decides
 * whether to close again. Per process rather than shared in Redis: each replica sees its own
 * network path, and the breakers of all replicas open within a few leads of each other anyway.
 */
export function createCircuitBreaker(settings: BreakerSettings, clock: () => Date): CircuitBreaker {
  let state: BreakerState = 'closed'
  let failures = 0
  let openedAt = 0
  let trialInFlight = false
  const now = () => clock().getTime()
  return {
    allow() {
      if (state === 'open' && now() - openedAt >= settings.cooldownMs) {
        state = 'half_open'
        trialInFlight = false
      }
      if (state === 'closed') return true
      if (state === 'half_open' && !trialInFlight) {
        trialInFlight = true
        return true
      }
      return false
    },
    success() {
      state = 'closed'
      failures = 0
      trialInFlight = false
    },
    failure() {
      failures++
      trialInFlight = false
      if (state === 'half_open' || failures >= settings.failureThreshold) {
        state = 'open'
        openedAt = now()
      }
    },
    release() {
      trialInFlight = false
    },
    state: () => state,
  }
}
