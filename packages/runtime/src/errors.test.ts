import { describe, expect, it } from 'vitest'
import { errorCode, failurePolicy, LeadwireError } from './errors.ts'

describe('failurePolicy', () => {
  it('dead-letters a non-retryable leadwire error and retries a retryable one', () => {
    expect(failurePolicy(new LeadwireError('BAD', 'no', { retryable: false }))).toBe('dead-letter')
    expect(failurePolicy(new LeadwireError('FLAKY', 'maybe', { retryable: true }))).toBe('retry')
  })

  it('waits out infrastructure outages instead of dead-lettering', () => {
    expect(
      failurePolicy(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe('wait')
    expect(failurePolicy(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe('wait')
    expect(failurePolicy(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe('wait')
    expect(failurePolicy(new Error('Connection terminated unexpectedly'))).toBe('wait')
  })

  it('retries (bounded) an unknown error', () => {
    expect(failurePolicy(new TypeError('undefined is not a function'))).toBe('retry')
    expect(failurePolicy(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe('retry')
  })
})

describe('errorCode', () => {
  it('uses the stable code when there is one', () => {
    expect(errorCode(new LeadwireError('CAPTURE_CONFLICT', 'x'))).toBe('CAPTURE_CONFLICT')
    expect(errorCode(Object.assign(new Error('x'), { code: '23505' }))).toBe('23505')
    expect(errorCode(new Error('x'))).toBe('UNHANDLED')
  })
})
