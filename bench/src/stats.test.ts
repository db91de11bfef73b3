import { describe, expect, it } from 'vitest'
import { summarize } from './stats.ts'

describe('summarize', () => {
  it('takes nearest-rank percentiles over every sample', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(summarize(values)).toEqual({ count: 100, p50: 50, p90: 90, p99: 99, max: 100 })
  })

  it('does not depend on the order samples arrived in', () => {
    expect(summarize([5, 1, 3]).p50).toBe(3)
  })

  it('reports an empty run as NaN rather than zero latency', () => {
    expect(Number.isNaN(summarize([]).p50)).toBe(true)
  })
})
