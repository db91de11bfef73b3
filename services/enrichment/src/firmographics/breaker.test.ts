import { describe, expect, it } from 'vitest'
import { createCircuitBreaker } from './breaker.ts'

function setup() {
  let now = Date.parse('2026-12-04T10:00:00Z')
  const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000 }, () => new Date(now))
  return { breaker, advance: (ms: number) => (now += ms) }
}

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures and refuses calls', () => {
    const { breaker } = setup()
    for (let i = 0; i < 2; i++) breaker.failure()
    expect(breaker.allow()).toBe(true)
    breaker.failure()
    expect(breaker.state()).toBe('open')
    expect(breaker.allow()).toBe(false)
  })

  it('forgets failures after a success', () => {
    const { breaker } = setup()
    breaker.failure()
    breaker.failure()
    breaker.success()
    breaker.failure()
    expect(breaker.state()).toBe('closed')
  })

  it('lets one trial call through after the cool-down, and closes when it succeeds', () => {
    const { breaker, advance } = setup()
    for (let i = 0; i < 3; i++) breaker.failure()
    advance(29_999)
    expect(breaker.allow()).toBe(false)
    advance(1)
    expect(breaker.allow()).toBe(true)
    expect(breaker.state()).toBe('half_open')
    expect(breaker.allow()).toBe(false)
    breaker.success()
    expect(breaker.state()).toBe('closed')
    expect(breaker.allow()).toBe(true)
  })

  it('opens again for a full cool-down when the trial fails', () => {
    const { breaker, advance } = setup()
    for (let i = 0; i < 3; i++) breaker.failure()
    advance(30_000)
    expect(breaker.allow()).toBe(true)
    breaker.failure()
    expect(breaker.state()).toBe('open')
    advance(29_000)
    expect(breaker.allow()).toBe(false)
  })

  it('frees the trial slot when the trial ended neither way', () => {
    const { breaker, advance } = setup()
    for (let i = 0; i < 3; i++) breaker.failure()
    advance(30_000)
    expect(breaker.allow()).toBe(true)
    breaker.release()
    expect(breaker.allow()).toBe(true)
  })
})
